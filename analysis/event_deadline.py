"""A 'by' deadline still ahead of the writing is no date of what the sentence tells, whatever the
tense of the clause the parser hung it on (issue 12, round 13: reference points).

"Mosca pegged the odds of reaching Y2Q by 2026 at one in seven" and "The organization may be
ready to issue standards, a cryptographer estimated, by 2022 or 2023" (both written in 2016):
the year is the target of the thing reckoned, and the reckoning (told in the past) happened
before it. `analysis.event_bounds.target` reads such targets on clauses not told in the past;
a target of a month or longer that begins after the day of writing is read here whatever the
tense ("had cut emissions by 2015" in a 2016 story stays with `target`'s reading).
"""

from __future__ import annotations

from datetime import date

from analysis.event_attach import Place

_MONTH_DAYS = 27  # a month or longer: "by Friday" is a day of the happening itself


def future_deadline(place: Place, first: int, last: int, published: date | None) -> bool:
    """Whether a 'by' date of a month or longer lies wholly after the day of writing."""
    if published is None or not first or place.prep != "by" or place.thing is not None:
        return False
    by = place.root.head if place.root.dep_ == "pobj" else place.root
    if by.dep_ == "agent":  # "followed by 2027's games": who or what did it
        return False
    return last - first >= _MONTH_DAYS and first > published.toordinal()
