"""The days an article names outright ("March 15", "15 March 2011", "Sept. 11, 2001").

Why: the dated events keep reference points out ("since the March 15 uprising", "the April 20
explosion that caused …" are not events of those days), so the key dates would otherwise never
see that later articles still name a day, which is what makes a day a milestone
(`analysis.key_dates.with_later_mentions`). Stored at ingestion, one row per article and day
(`storage.models.NamedDay`), so a query counts them without reading a text.

A month name (capitalised, full or abbreviated, with or without a dot) next to a day number,
either order, with an optional year. A yearless day takes the publication year, or the year
before when that would fall more than LOOK_AHEAD after publication ("December 28" written on
January 3). A day after publication is left out (a plan, not a reference), and so is a yearless
day of an article whose publication date is unknown. Impossible days ("February 30") are skipped.
A regular expression, not the event reader: a mention counts whatever its sentence says of it,
and one pass over the text costs well under a millisecond.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_MONTH = (
    r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(\d{4}))?\b"
_MONTH_FIRST = re.compile(r"\b" + _MONTH + r"\s+" + _DAY + _YEAR)
_DAY_FIRST = re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + _YEAR)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_NUMBERS = {m: i for i, m in enumerate(_MONTHS, 1)}
LOOK_AHEAD = timedelta(days=7)
MAX_DAYS = 200  # rows one article may add: a chronology names many days, a table dump thousands


def _day(month_word: str, day: str, year: str | None, published: date | None) -> date | None:
    month = _NUMBERS[month_word[:3].lower()]
    try:
        if year is not None:
            return date(int(year), month, int(day))
        if published is None:
            return None
        found = date(published.year, month, int(day))
        if found > published + LOOK_AHEAD:  # "December 28" written on January 3
            found = date(found.year - 1, month, int(day))
    except ValueError:  # "February 30", "31 April", year 0
        return None
    return found


def named_days(text: str, published: date | None) -> tuple[date, ...]:
    """The days `text` names outright, oldest first, none after `published` when it is known
    (at most MAX_DAYS, the most recent kept)."""
    read = [_day(m[1], m[2], m[3], published) for m in _MONTH_FIRST.finditer(text)]
    read += [_day(m[2], m[1], m[3], published) for m in _DAY_FIRST.finditer(text)]
    days = sorted({d for d in read if d is not None and (published is None or d <= published)})
    return tuple(days[-MAX_DAYS:])
