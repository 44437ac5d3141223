"""A relative day restated by the written day after it: "On the same day, April 3, an article
was published", "Yesterday, May 7, a bomb fell" (issue 12, round 20).

The written day says which day the relative one means, so the relative one is no date of its
own: read apart, "the same day" counted from the last day the text wrote (here the writing's
"today") and gave the sentence a second, wrong day. Only a day without digits followed by a comma
and a written day with its value goes; "on Sunday, April 3" is one date already.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from analysis.types import Precision, ResolvedDate

_BETWEEN = re.compile(r",\s*$")


class _Found(Protocol):
    @property
    def date(self) -> ResolvedDate: ...


T = TypeVar("T", bound=_Found)


def restated(found: Sequence[T], text: str) -> list[T]:
    """The dates without a relative day that the next date restates."""
    kept = []
    for k, item in enumerate(found):
        here = item.date
        after = found[k + 1].date if k + 1 < len(found) else None
        if after is not None and _restates(here, after, text):
            continue
        kept.append(item)
    return kept


def _restates(here: ResolvedDate, after: ResolvedDate, text: str) -> bool:
    """Whether `after` is a written day in apposition to the relative day `here`."""
    if here.precision is not Precision.DAY or after.precision is not Precision.DAY:
        return False
    if any(c.isdigit() for c in here.text) or after.value is None:
        return False
    if not any(c.isdigit() for c in after.text) or not _BETWEEN.match(text[here.end : after.start]):
        return False
    return text[after.end : after.end + 1] in (",", ")", "") or text[after.end :].startswith(" -")
