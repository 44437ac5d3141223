"""A yearless month whose clause gives no tense, a few months ahead: ahead (issue 12, round 16).

"The prospect of Garland hearings in September could become more appealing" (written in
August), "the Democratic convention in July" (written in April), "Entering the final contests
in June" (written in May): a month naming a thing, or timing a participle, takes no direction
from the clause around it (`analysis.event_tense`), and the date reader then took the last
such month, a year before the story. A month with its day naming a thing reads the same way
("Most Americans are already set in stone about their choice on Nov. 8", written in September;
round 19). A month one to three months ahead of the writing is the
coming one: a story's months that far back are few and near enough to be written with "last"
or a year. Farther ahead, the past month stays ("The move follows Macron's response in March",
written in November: DEV). A clause told in the past ("the hearings in September were"),
"will", a plan, a reporting verb, a present of pointing to or back ("points to a decision in
May", "echoes a walkout in June") and
a thing with a past clause of its own ("a decision in May that found") keep their reading.
"""

from __future__ import annotations

import re
from datetime import date

from analysis.clause_kinds import auxes
from analysis.event_attach import Place
from analysis.event_tense import Direction
from analysis.event_topic import POINTING_BACK
from analysis.event_words import REPORTING

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH = re.compile(rf"(?i)^(?:in |by |for |of |early |late |mid-?|early-|late-)*({_MONTHS})$")
# a month and a day naming a thing ('their choice on Nov. 8', 'the Oct. 19 debate'; round 19)
_ABBREVIATED = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_MONTH_DAY = re.compile(
    rf"(?i)^(?:on |by |for |of )*({_MONTHS}|{_ABBREVIATED})\.? \d{{1,2}}(?:st|nd|rd|th)?$"
)
_NAMES = _MONTHS.lower().split("|")
_SOON = 3  # months ahead of the writing read as the coming one


def coming_month(place: Place, written: str, published: date | None) -> Direction | None:
    """FUTURE for a bare month soon ahead, on a thing or a participle the tense rules left
    unread; None otherwise (the date reader's own reading)."""
    verb, bare = place.verb, _MONTH.match(written.strip())
    if bare is None and place.thing is not None:
        bare = _MONTH_DAY.match(written.strip())
    if verb is None or bare is None or published is None or verb.lemma_ in REPORTING:
        return None
    # "points to a decision in May", "echoes a walkout in June": what such a present likens the
    # news to lies behind; "a decision in May that found"
    if verb.lemma_ in POINTING_BACK or _told_past(place):
        return None
    participle = verb.tag_ == "VBG" and not auxes(verb)  # "Entering the final contests in June"
    if place.thing is None and not participle:
        return None
    month = next(n for n, name in enumerate(_NAMES) if name.startswith(bare.group(1).lower()[:3]))
    ahead = (month + 1 - published.month) % 12
    return Direction.FUTURE if 1 <= ahead <= _SOON else None


def _told_past(place: Place) -> bool:
    """Whether the thing a month dates has a clause of its own told in the past."""
    thing = place.thing
    if thing is None:
        return False
    return any(
        kid.dep_ in ("relcl", "acl") and kid.tag_ in ("VBD", "VBN") for kid in thing.children
    )
