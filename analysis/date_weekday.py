"""A yearless day written with its weekday takes the year its weekday fits (issue 12, round 13);
a weekday written with its week is that day of the week (round 14).

"The drama began at 10:01 p.m. on Monday, Dec. 14" in a story written in December 2016 is
Dec. 14, 2015: Dec. 14 was a Wednesday in 2016 and a Monday in 2015. When the year read from
the anchor does not fit the weekday the writer gave, the year before, when it does, is
taken; otherwise the reading stands (a typo in the weekday, or a day too far off). Only the
year before is tried: a day ahead of the writing is read forward by the tense rules already.

"on Tuesday last week", "Last week, on Tuesday, I was ahead", "on Monday of next week": the
Tuesday of the week before the anchor's, one date; read apart, the weekday would take the
nearest Tuesday (this week's) and the week would be a second event.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from analysis.date_context import Context, Outcome, Resolver, period_start
from analysis.date_relative import WEEKDAYS
from analysis.types import Precision

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


_WEEK_SHIFT = {"last": -1, "this": 0, "next": 1}
_DAY_NAME = "|".join(name.capitalize() for name in WEEKDAYS)
_PART = r"(?:\s+(?i:morning|afternoon|evening|night))?"
_WHICH_WEEK = r"(?P<which{n}>(?i:last|this|next))\s+(?i:week)\b"
# "on Tuesday last week", "on Monday of next week"; "last week, on Tuesday", "Last week Tuesday";
# with any preposition a bare weekday takes ("until Wednesday next week", "from Monday next week":
# round 25), so that the weekday and its week are one date, not a weekday and a week apart
PATTERN_WEEK_DAY = (
    rf"(?<![\w])(?:(?i:on|by|until|till|since|from|before|after)\s+)?"
    rf"(?P<weekday>{_DAY_NAME}){_PART}(?:,|\s+of)?\s+"
    + _WHICH_WEEK.format(n="")
    + r"|(?<![\w])"
    + _WHICH_WEEK.format(n="2")
    + rf",?\s+(?:(?i:on)\s+)?(?P<weekday2>{_DAY_NAME}){_PART}(?![\w])"
)
KEY_WEEK_DAY = _WHICH_WEEK.format(n="")  # in every match: a text without it is not scanned


def week_day(match: re.Match[str], ctx: Context) -> Outcome:
    """The weekday of the week written beside it, counted from the anchor's week."""
    anchor = ctx.usable(Precision.DAY)
    if anchor is None:
        return None, Precision.DAY
    name = match.group("weekday") or match.group("weekday2")
    which = (match.group("which") or match.group("which2")).lower()
    monday = period_start(anchor, Precision.WEEK) + timedelta(weeks=_WEEK_SHIFT[which])
    return monday + timedelta(days=WEEKDAYS.index(name.lower())), Precision.DAY
