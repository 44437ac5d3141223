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

The same holds for "the" before a weekday with its part of the day, written as an adverb
without "on" ("He left the Thursday night on his tractor", "they met the Friday evening"; round
23): the phrase may go on with a preposition, as long as no noun follows it ("the Friday night
game" is a thing named, left to the other rules).
"""

from __future__ import annotations

import re

_WEEKDAY = re.compile(r"(?i)^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$")
_ON_THE = re.compile(r"(?i)\bon\s+the\s+$")
_PHRASE_END = re.compile(r"^\s*(?:[.,;:!?)\"”’]|and\b|or\b|$)")
_PART = re.compile(
    r"(?i)^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+"
    r"(?:night|morning|evening|afternoon)$"
)
_THE = re.compile(r"(?i)(?:^|\s|[“\"])the\s+$")
_GOES_ON = re.compile(
    r"(?i)^\s*(?:[.,;:!?)\"”’]|(?:and|or|on|in|at|with|to|from|for|by|when|after|before)\b|$)"
)


def the_weekday(before: str, written: str, after: str) -> bool:
    """Whether a bare weekday is written 'on the Monday' and its phrase ends there, or a
    weekday with its part of the day 'the Thursday night' with no noun after it: `before` is
    the sentence up to the date, `after` the text after it."""
    if _PART.match(written.strip()) and _THE.search(before[-6:]):
        return bool(_GOES_ON.match(after[:10]))  # "He left the Thursday night on ..."
    if not _WEEKDAY.match(written.strip()) or not _ON_THE.search(before[-12:]):
        return False
    return bool(_PHRASE_END.match(after[:8]))
