"""A bound on years ago ('more than 15 years ago') is no year: the year read is too precise.

"the actions that occurred more than 15 years ago", "came to the U.S. more than 30 years ago",
"nearly two decades ago": a count of years or decades ago with a bound before it says only
that the happening is at least (or at most) that far back, so the one year it counts to is
no date of it (issue 12, round 21: "the vague '15 years ago' is no year either"). An exact
count keeps its year: "30 years ago", "two years ago"; so do shorter units ("more than a week
ago" is read as a week, a span that holds it).
"""

from __future__ import annotations

import re

_BOUNDED = re.compile(
    r"(?i)^(?:more\s+than|over|at\s+least|nearly|almost|less\s+than|under|upwards\s+of)\s+"
    r"[\w-]+\s+(?:years|decades)\s+ago$"
)


def bounded_years_ago(written: str) -> bool:
    """Whether a date's words are a bound on years or decades ago: 'more than 15 years ago',
    'nearly two decades ago' (not '15 years ago', 'more than a week ago')."""
    return bool(_BOUNDED.match(written.strip()))
