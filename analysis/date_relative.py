"""Resolvers of dates written relative to another day: "last week", "two days ago", "today",
"on Friday", "the day before", "the next year". Each counts from the context's anchor (or the
last day or year the text wrote) and points the way the context says; see `analysis.dates` for
the rules.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from analysis.date_anaphora import clause_follows, moved_on, named_thing, other_clause, thing_day
from analysis.date_context import Context, Outcome, parse, period_start, pointing
from analysis.types import Precision

_FRIDAY = 4
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


_UNIT_PRECISION = {
    "day": Precision.DAY,
    "week": Precision.WEEK,
    "month": Precision.MONTH,
    "year": Precision.YEAR,
}


DAY_WORDS = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "last night": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}


def relative(match: re.Match[str], ctx: Context) -> Outcome:
    """'last week', 'earlier this month', 'next year', 'two days ago'."""
    unit = match.group("unit").lower()
    precision = _UNIT_PRECISION[unit]
    anchor = ctx.usable(Precision.DAY if unit == "day" else precision)
    if anchor is None:
        return None, precision
    phrase = " ".join(match.group("core").split()).lower()
    if _too_early(match, phrase, anchor, precision):
        phrase = "last " + unit  # "earlier this week" on a Monday: written the week before
    if _coming_week(phrase, anchor, ctx, match) or _week_just_ended(phrase, anchor):
        anchor += timedelta(days=1)  # on a Sunday, "will ... this week" is the week ahead
    value = parse(phrase, datetime(anchor.year, anchor.month, anchor.day), ())
    if "hedge" in match.re.groupindex and match.group("hedge"):
        # "well over 15 days ago", "about two weeks ago": a month; "just over a month ago",
        # "roughly six months ago": still the month it counts to (round 25), not its year
        precision = Precision.YEAR if unit == "year" else Precision.MONTH
    return (None if value is None else period_start(value, precision)), precision


_EARLIER_DAYS = {Precision.WEEK: 0, Precision.MONTH: 1, Precision.YEAR: 1}


def _too_early(match: re.Match[str], phrase: str, anchor: date, precision: Precision) -> bool:
    """'earlier this week' dated on the week's first day: nothing of the week came earlier, so
    the text was written before the day it is dated (over the weekend, for a Monday). Likewise
    'earlier this month' (or year) dated on its first or second day (round 27): a happening of
    the day before would be 'yesterday', so the month the writer meant is the one before (a
    story of October 2 told 'earlier this month' on a page stamped November 2)."""
    side = match.group("side") if "side" in match.re.groupindex else None
    earlier = (side or "").lower() == "earlier" and phrase.startswith("this ")
    days_in = (anchor - period_start(anchor, precision)).days
    return earlier and days_in <= _EARLIER_DAYS.get(precision, -1)


def _coming_week(phrase: str, anchor: date, ctx: Context, match: re.Match[str]) -> bool:
    """'this week' written on a Sunday about what will happen ('will extend to this week's
    convention', the convention opening on Monday): the week that starts the next day. Told in
    the past ('this week Congress passed') it is the week the Sunday ends."""
    if phrase != "this week" or anchor.weekday() != 6:
        return False
    return pointing(ctx, match) == "future"


def _week_just_ended(phrase: str, anchor: date) -> bool:
    """'last week' written on a Sunday: the week the Sunday ends, its working days just past
    ("the United States expressed disappointment last week over the expulsion" on a Sunday, of
    that Thursday), as a Sunday's "will ... this week" is the week that starts the next day;
    not the week before it, which was two weeks back by then (round 31)."""
    return phrase == "last week" and anchor.weekday() == 6


def story_relative(match: re.Match[str], ctx: Context) -> Outcome:
    """'the next year', 'a year later', 'that year': from the last year the text wrote."""
    base = ctx.last_year
    if base is None:
        return None  # "is still alive a year later": no year written before, no date
    words = match.group(0).lower()
    if _span_after(match, words):
        return None  # "lost 110 pounds in the year after the surgery": twelve months, no year
    forward = any(word in words for word in ("next", "following", "later", "after"))
    backward = any(word in words for word in ("previous", "earlier", "before"))
    return date(base + forward - backward, 1, 1), Precision.YEAR


_SPAN_LEAD = re.compile(r"(?i)\b(?:in|during|over|within|throughout|for)\s+$")
_THING_NEXT = re.compile(r"\s+[\w“\"'‘]")


def _span_after(match: re.Match[str], words: str) -> bool:
    """'in the year after the surgery', 'during the year before the election': a span of twelve
    months counted from a thing, not the calendar year after the thing's (round 25); not 'the
    year after, ...' nor 'in the following year'."""
    if not words.startswith("the year "):
        return False
    text = match.string
    before = text[max(0, match.start() - 12) : match.start()]
    return bool(_SPAN_LEAD.search(before)) and bool(_THING_NEXT.match(text, match.end()))


def day_word(match: re.Match[str], ctx: Context) -> Outcome:
    """'today', 'yesterday', 'this morning', 'tomorrow'."""
    anchor = ctx.usable(Precision.DAY)
    if anchor is None:
        return None, Precision.DAY
    shift = DAY_WORDS[" ".join(match.group(0).lower().split())]
    return anchor + timedelta(days=shift), Precision.DAY


def named_day(match: re.Match[str], ctx: Context) -> Outcome:
    """'today (Thursday)', 'yesterday (Monday)': the weekday in brackets says which day the
    statement's 'today' was, the latest such day on or before the one the word counts to (a
    statement quoted a day or two after it was made)."""
    anchor = ctx.usable(Precision.DAY)
    if anchor is None:
        return None, Precision.DAY
    base = anchor + timedelta(days=DAY_WORDS[" ".join(match.group("word").lower().split())])
    target = WEEKDAYS.index(match.group("weekday").lower())
    return base - timedelta(days=(base.weekday() - target) % 7), Precision.DAY


def weekday(match: re.Match[str], ctx: Context) -> Outcome:
    """'on Monday morning', 'last Friday': counted from the anchor (see the module docstring)."""
    anchor = ctx.usable(Precision.DAY)
    if anchor is None:
        return None, Precision.DAY
    target = WEEKDAYS.index(match.group("weekday").lower())
    which = (match.group("which") or "").lower()
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    if which == "this":  # "will meet this Tuesday" written on a Friday: the coming one
        said = ctx.direction(match.start(), match.end()) if ctx.direction else None
        return this_weekday(anchor, target, said), Precision.DAY
    if which == "last":  # written on a Wednesday, "last Monday" is the week before's
        earlier_this_week = back > 0 and target < anchor.weekday() <= _FRIDAY
        return anchor - timedelta(days=back + 7 * earlier_this_week or 7), Precision.DAY
    if which == "next":
        return anchor + timedelta(days=ahead or 7), Precision.DAY
    way = pointing(ctx, match)
    if way == "future" or (way == "nearest" and ahead < back):
        return anchor + timedelta(days=ahead), Precision.DAY
    return anchor - timedelta(days=back), Precision.DAY


def this_weekday(anchor: date, target: int, said: str | None) -> date:
    """'this Tuesday' from the day of writing: in its own week unless the clause's side
    says otherwise (a future clause on a day already past, a past one on a day still ahead)."""
    day = anchor - timedelta(days=anchor.weekday()) + timedelta(days=target)
    if said == "future" and day < anchor:
        return day + timedelta(days=7)
    if said == "past" and day > anchor:
        return day - timedelta(days=7)
    return day


def anaphora(match: re.Match[str], ctx: Context) -> Outcome:
    """'the day before', 'the next day', 'the same day': from the previous dated day in the text;
    without one, no date (what they count from is a time the text tells, not the day it was
    written: 'woken the night before to a burglar', years ago)."""
    base = ctx.reference
    if ctx.reference_ahead and pointing(ctx, match) == "past":
        # "had walked there the night before he vanished", told after a plan for Friday: the
        # day before the last day a clause told as past, not the day before the plan
        base = ctx.past_reference
    if base is None:
        return None, Precision.DAY
    words = match.group(0).lower()
    if "same" in words and re.match(r"\s+as\b", match.string[match.end() :]):
        return None, Precision.DAY  # "aired the same day as the Super Bowl": a comparison
    base = _counted_from(match, ctx, base, "same" in words)
    if base is None:
        return None, Precision.DAY
    shift = -1 if ("before" in words or "previous" in words) else 0 if "same" in words else 1
    return base + timedelta(days=shift), Precision.DAY


def _counted_from(match: re.Match[str], ctx: Context, base: date, same: bool) -> date | None:
    """The day a 'day before/after' phrase counts from: the day of the thing it names, else
    none; none after a month or year the text moved to; else the last day written."""
    text, start, end = match.string, match.start(), match.end()
    thing = named_thing(text, end)
    if thing is not None:
        return thing_day(text, start, thing, ctx.days)
    if same and clause_follows(text, start, end):
        return None  # "the same day it seated its delegation": a day the text does not give
    if not same and other_clause(text, end):
        return None  # "the day after it was revealed that ...": a happening the text leaves undated
    return None if moved_on(text, ctx.coarse, start) else base
