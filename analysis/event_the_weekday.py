"""'on the Monday': a weekday with "the" is a day of a period the story has set, not of the
writing's week (round 21).

"The alliance will be launched at the conference ... and so that discussion will be held by
those participants on the Monday", "They arrived in Paris for the final week and left on the
Friday": "the" picks out the Monday of a period already named (a conference, a trip, a week
told), which the writing's day does not give; read from the writing, it lands on the wrong
Monday (issue 12's "relative anchor" class). Such a weekday dates nothing. Only "on the" right
before the bare weekday and the phrase ending there ("on the Monday.", "on the Friday, and");
"on the Monday after the vote" and "at the Monday meeting" are left to the other rules, and so
is "on Monday".
"""

from __future__ import annotations

import re

_WEEKDAY = re.compile(r"(?i)^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$")
_ON_THE = re.compile(r"(?i)\bon\s+the\s+$")
_PHRASE_END = re.compile(r"^\s*(?:[.,;:!?)\"”’]|and\b|or\b|$)")


def the_weekday(before: str, written: str, after: str) -> bool:
    """Whether a bare weekday is written 'on the Monday' and its phrase ends there: `before`
    is the sentence up to the date, `after` the text after it."""
    if not _WEEKDAY.match(written.strip()) or not _ON_THE.search(before[-12:]):
        return False
    return bool(_PHRASE_END.match(after[:8]))
