"""`from`/`to` as typed by members and on the command line, read once for every command."""

from __future__ import annotations

from datetime import date

from analysis.periods import PeriodError, parse_bound
from bot.errors import UserFacingError


def date_range(from_text: str | None, to_text: str | None) -> tuple[date | None, date | None]:
    """First and last day of the range; a bad date or a backwards range is a user error."""
    try:
        start, end = parse_bound(from_text, end=False), parse_bound(to_text, end=True)
    except PeriodError as exc:
        raise UserFacingError(str(exc)) from exc
    if start and end and end < start:
        raise UserFacingError(f"the date range ends ({to_text}) before it starts ({from_text})")
    return start, end
