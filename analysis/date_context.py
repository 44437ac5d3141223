"""What resolving one written date needs besides its words, shared by `analysis.dates` and
`analysis.date_relative`: the anchor period, the running reference for "the day before", the
year the story is set in, and which way a date points (the caller's reading of the clause, else
a future cue in the sentence).
"""

from __future__ import annotations

import calendar
import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import dateparser

from analysis.types import Precision

log = logging.getLogger(__name__)

_FUTURE = re.compile(
    r"\b(?:will|shall|won't|going\s+to|(?:is|are)\s+(?:due|set|scheduled|expected|to)|"
    r"scheduled|upcoming|forthcoming|plans?\s+to|planning\s+to)\b|\w'll\b",
    re.IGNORECASE,
)
RANK = {Precision.DAY: 0, Precision.WEEK: 1, Precision.MONTH: 2, Precision.YEAR: 3}


DirectionHook = Callable[[int, int], str | None]
"""Given a date's character offsets: "future", "past" or "nearest" (a plan told in the past),
or None when the caller cannot tell; then the words of the sentence decide."""


@dataclass
class Context:
    """What resolution needs besides the match: the anchor period and the running reference."""

    text: str
    anchor: date | None
    precision: Precision
    reference: date | None = None  # the last day-precise date seen, for "the day before"
    past_reference: date | None = None  # the last one a clause told in the past or present
    reference_ahead: bool = False  # `reference` dates a plan ("are set to meet on Friday")
    days: list[tuple[int, date]] = field(default_factory=list)  # each day written, by place
    coarse: int | None = None  # where a month or year was written after the last day
    direction: DirectionHook | None = None
    story: int | None = None  # the year the story is set in at this point, if it says one
    last_year: int | None = None  # the year of the last date written with its year
    used: bool = False  # the match being resolved was counted from the anchor

    def usable(self, needed: Precision) -> date | None:
        """The anchor when it is at least as precise as `needed`, else None."""
        if self.anchor is None or RANK[self.precision] > RANK[needed]:
            return None
        self.used = True
        return self.anchor

    def anchor_end(self) -> date:
        """The last day of the anchor's period (the anchor itself for a day)."""
        assert self.anchor is not None
        return period_end(self.anchor, self.precision)


Outcome = tuple[date | None, Precision] | None  # None: the match is not a date after all
Resolver = Callable[[re.Match[str], Context], Outcome]


def period_start(value: date, precision: Precision) -> date:
    """The first day of the week, month or year containing `value`."""
    if precision is Precision.WEEK:
        return value - timedelta(days=value.weekday())
    if precision is Precision.MONTH:
        return value.replace(day=1)
    if precision is Precision.YEAR:
        return value.replace(month=1, day=1)
    return value


def period_end(value: date, precision: Precision) -> date:
    """The last day of the period that starts at `value`."""
    if precision is Precision.WEEK:
        return value + timedelta(days=6)
    if precision is Precision.MONTH:
        return value.replace(day=calendar.monthrange(value.year, value.month)[1])
    if precision is Precision.YEAR:
        return value.replace(month=12, day=31)
    return value


@functools.lru_cache(maxsize=4096)
def parse(text: str, base: datetime, parts: tuple[str, ...]) -> date | None:
    """dateparser on one candidate, always with an explicit base; None when it cannot read it."""
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": list(parts),
    }
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception as exc:  # noqa: BLE001 - a third-party parser on arbitrary text must not escape
        log.debug("dateparser failed on %r: %s", text, exc)
        return None
    return parsed.date() if parsed else None


def core(match: re.Match[str]) -> str:
    """The written date without its leading preposition or modifier."""
    return " ".join(match.group("core").split())


def pointing(ctx: Context, match: re.Match[str]) -> str:
    """'future', 'past' or 'nearest': the caller's reading of the clause, else the sentence's."""
    said = ctx.direction(match.start(), match.end()) if ctx.direction else None
    if said in ("future", "past", "nearest"):
        return said
    return "future" if _future(ctx, match) else "past"


def _future(ctx: Context, match: re.Match[str]) -> bool:
    """Whether the sentence around the match speaks of the future ("will", "is due to"...)."""
    return bool(future_cues(ctx.text, match.start(), match.end()))


def future_cues(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the sentence around a date's offsets says 'will', 'is due to', 'plans to'..."""
    low, high = max(0, start - 300), end + 300
    left = max(text.rfind(mark, low, start) + 1 for mark in ".!?\n")
    right_marks = [text.find(mark, end, high) for mark in ".!?\n"]
    right = min((pos for pos in right_marks if pos >= 0), default=high)
    return [cue.span() for cue in _FUTURE.finditer(text, max(left, low), right)]
