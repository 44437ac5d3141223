"""A yearless day written with its weekday takes the year its weekday fits (issue 12, round 13).

"The drama began at 10:01 p.m. on Monday, Dec. 14" in a story written in December 2016 is
Dec. 14, 2015: Dec. 14 was a Wednesday in 2016 and a Monday in 2015. When the year read from
the anchor does not fit the weekday the writer gave, the year before, when it does, is
taken; otherwise the reading stands (a typo in the weekday, or a day too far off). Only the
year before is tried: a day ahead of the writing is read forward by the tense rules already.
"""

from __future__ import annotations

import re
from datetime import date

from analysis.date_context import Context, Outcome, Resolver
from analysis.date_relative import WEEKDAYS

_NAMED = re.compile(r"(?i)\b(" + "|".join(WEEKDAYS) + r")\b")
_SHIFTS = (-1,)  # the year before only: a plan ahead is read forward already


def fitting_weekday(resolver: Resolver) -> Resolver:
    """`resolver`, with the year moved by one when only that makes the written weekday fit."""

    def resolve(match: re.Match[str], ctx: Context) -> Outcome:
        outcome = resolver(match, ctx)
        if outcome is None or outcome[0] is None:
            return outcome
        named = _NAMED.search(match.group(0))
        if named is None:
            return outcome
        return _fit(outcome[0], WEEKDAYS.index(named.group(1).lower())), outcome[1]

    return resolve


def _fit(day: date, weekday: int) -> date:
    """The day, or the same month and day a year away whose weekday is `weekday`."""
    if day.weekday() == weekday:
        return day
    for shift in _SHIFTS:
        try:
            other = day.replace(year=day.year + shift)
        except ValueError:  # Feb. 29
            continue
        if other.weekday() == weekday:
            return other
    return day
