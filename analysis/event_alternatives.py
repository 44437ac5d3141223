"""The second of two dates offered as alternatives (issue 12, round 14: double-dated).

"expected to come ashore late Wednesday or early Thursday", "will resume on Monday or Tuesday":
the sentence tells one happening on one of two days, so a timeline line for each would state
it twice. The first date stays the event; the one "or" joins to it is left out. Dates joined by
"and" ("on Monday and Tuesday") are two happenings and both stay. Read from the words between
the two dates: the parser hangs the second on the first, and a date's place climbs to the first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis.types import ResolvedDate

_OR = re.compile(
    r"^\s*,?\s*(?:or|and/or)\s+(?:(?:early|late|mid|later|earlier)\s+)?(?:on\s+|in\s+)?$",
    re.IGNORECASE,
)


def alternatives(text: str, dates: Sequence[ResolvedDate]) -> list[bool]:
    """For each date (in reading order), whether 'or' joins it to the date just before it."""
    found = [False] * len(dates)
    for k in range(1, len(dates)):
        before, date = dates[k - 1], dates[k]
        if before.end <= date.start and _OR.match(text[before.end : date.start]):
            found[k] = True
    return found
