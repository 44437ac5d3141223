"""Periods people type: `2015`, `2015-2017`, `2024-10`, `2024-10-15`, `2015-11-01..2015-12-31`.

A period is a closed range of days. `--from` takes the first day of what it names and `--to` the
last, so `--from 2015 --to 2017` covers 1 Jan 2015 to 31 Dec 2017.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_YEAR = r"(\d{4})"
_MONTH = r"(\d{4})-(\d{1,2})"
_DAY = r"(\d{4})-(\d{1,2})-(\d{1,2})"


class PeriodError(ValueError):
    """A period or date the user typed that cannot be read; the message says what is accepted."""


@dataclass(frozen=True)
class Period:
    """A closed range of days with the label the user typed."""

    label: str
    start: date
    end: date

    def contains(self, day: date) -> bool:
        """Whether a day falls inside the period."""
        return self.start <= day <= self.end


HELP = "use 2015, 2015-2017, 2024-10, 2024-10-15 or 2015-11-01..2015-12-31"


def _bounds(text: str) -> tuple[date, date]:
    """First and last day of a year, month or day written in ISO form."""
    try:
        if m := re.fullmatch(_DAY, text):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := re.fullmatch(_MONTH, text):
            year, month = int(m[1]), int(m[2])
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1), date(year, month, last)
        if m := re.fullmatch(_YEAR, text):
            year = int(m[1])
            return date(year, 1, 1), date(year, 12, 31)
    except ValueError as exc:
        raise PeriodError(f"not a real date: {text!r}") from exc
    raise PeriodError(f"cannot read {text!r} as a period: {HELP}")


def parse_period(text: str) -> Period:
    """Read a period; raises PeriodError with a one-line message."""
    label = text.strip()
    if not label:
        raise PeriodError(f"empty period: {HELP}")
    if ".." in label:
        first, _, last = label.partition("..")
        start, end = _bounds(first.strip())[0], _bounds(last.strip())[1]
    elif re.fullmatch(rf"{_YEAR}\s*[-–]\s*{_YEAR}", label):
        first, last = re.split(r"\s*[-–]\s*", label)
        start, end = _bounds(first)[0], _bounds(last)[1]
    else:
        start, end = _bounds(label)
    if end < start:
        raise PeriodError(f"{label!r} ends before it starts")
    return Period(label=label, start=start, end=end)


def parse_bound(text: str | None, *, end: bool) -> date | None:
    """`--from`/`--to`: the first (or, for `end`, the last) day of what the text names."""
    if text is None or not text.strip():
        return None
    period = parse_period(text)
    return period.end if end else period.start
