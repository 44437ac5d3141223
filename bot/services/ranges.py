"""`from`/`to` as typed by members and on the command line, read once for every command.

A date holding control characters (NUL among them) is refused without echoing it: no period
contains one, and what is refused here never reaches an answer or an error line.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from analysis.periods import HELP, PeriodError, parse_bound
from bot.errors import UserFacingError


def _checked(text: str | None, which: str) -> str | None:
    """The bound as typed; a UserFacingError naming which one if it holds control characters."""
    if text is not None and any(unicodedata.category(char) in ("Cc", "Cs") for char in text):
        raise UserFacingError(f"the {which} date holds control characters: {HELP}")
    return text


def _shown(text: str | None) -> str:
    """A bound as echoed in a message: its words on one line."""
    return " ".join((text or "").split())


def date_range(from_text: str | None, to_text: str | None) -> tuple[date | None, date | None]:
    """First and last day of the range; a bad date or a backwards range is a user error."""
    from_text, to_text = _checked(from_text, "start"), _checked(to_text, "end")
    try:
        start, end = parse_bound(from_text, end=False), parse_bound(to_text, end=True)
    except PeriodError as exc:
        raise UserFacingError(str(exc)) from exc
    if start and end and end < start:
        shown = f"ends ({_shown(to_text)}) before it starts ({_shown(from_text)})"
        raise UserFacingError(f"the date range {shown}")
    return start, end
