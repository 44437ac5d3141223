"""'Five years ago this week': the week of writing says which week of the old year (round 16).

"Giffords was gravely wounded five years ago this week", "just as Clinton was eight years ago
this month": the second phrase narrows the first (the old year's same week or month), it tells
no happening of the week or month of writing. The date reader reads the two phrases apart, so a
timeline line for "this week" would put the old happening on the writing's week. The "ago" date
stays (at its own precision); the "this ..." right after it is left out. Read from the words
between the two dates, as `analysis.event_alternatives` reads "or".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis.types import ResolvedDate

_AGO = re.compile(r"(?i)\bago$")
_THIS = re.compile(r"(?i)^(?:this|that|the same)\s+(?:week|month|year|season|weekend|day)\b")
_BETWEEN = re.compile(r"^[\s,]*$")


def anniversaries(text: str, dates: Sequence[ResolvedDate]) -> list[bool]:
    """For each date (in reading order), whether it narrows the 'ago' date just before it."""
    found = [False] * len(dates)
    for k in range(1, len(dates)):
        before, date = dates[k - 1], dates[k]
        if before.end > date.start or not _AGO.search(before.text.strip()):
            continue
        if _THIS.match(date.text.strip()) and _BETWEEN.match(text[before.end : date.start]):
            found[k] = True
    return found
