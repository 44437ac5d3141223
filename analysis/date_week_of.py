"""'The week of May 17' is a week, not the day that names it (issue 12, round 16).

"In the week of May 17, Coast Guard officials found tar balls": the day only names the week,
so the happening is dated at week precision (from that week's Monday, as weeks are stored),
not on May 17 itself. "The week ending May 21" and "the week of" a day already read as a week
are left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from analysis.types import Precision, ResolvedDate

_WEEK_OF = re.compile(r"(?i)\bthe\s+week\s+of\s+$")


def week_of(text: str, found: ResolvedDate) -> ResolvedDate:
    """The week a day names after 'the week of'; any other date as it was read."""
    if found.precision is not Precision.DAY or found.value is None:
        return found
    if not _WEEK_OF.search(text[max(0, found.start - 20) : found.start]):
        return found
    monday = found.value - timedelta(days=found.value.weekday())
    return replace(found, value=monday, precision=Precision.WEEK)
