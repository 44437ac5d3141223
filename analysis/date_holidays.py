"""Named holidays as days (issue 12, round 14): "on Christmas Eve", "Thanksgiving Day", "the day
after Easter", "Easter Sunday 2016".

A holiday names one day of a year, fixed (Christmas Eve is December 24) or computed (Easter by
`dateutil.easter`, the Orthodox one in a text of the Eastern churches; US Thanksgiving the
fourth Thursday of November). Which year is decided as for a yearless day ("on July 10"): a year
written with the name ("Christmas 2015"), else the year the story is set in
(`analysis.date_story`), else "last"/"this"/"next", else the anchor read the way the clause
points (the latest such day not after the anchor, the first not before it ahead, the nearest for
a plan told in the past). "the day after" / "the night before" a holiday count from the holiday,
not from the last day the text wrote.

A name is a day only with a word that makes it a time: a preposition ("on Christmas Eve"), "last"
/"this"/"next", "the day after", or a year ("Christmas Eve 2015"); "Good Friday is a holiday in
18 countries" names the holiday. Only names that mean one day everywhere they are written in
English news are read: a bare
"Christmas", "Easter" or "Thanksgiving" only after a preposition ("over Christmas", "on
Easter") and not before a season's noun ("the Christmas holidays", "Easter weekend");
"Independence Day" is July 4 only when no other nation's owns it ("Ukraine's Independence
Day", "Mexican Independence Day", "the Independence Day of the State of Israel" stay undated).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

from analysis.date_context import Context, Outcome, pointing
from analysis.types import Precision

_GRACE = timedelta(days=2)  # a holiday just after the anchor told in the past: a late stamp


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (1-based; -1 the last) `weekday` (Monday 0) of a month."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _fixed(month: int, day: int) -> Callable[[int], date]:
    """A holiday on the same day every year."""
    return lambda year: date(year, month, day)


@dataclass(frozen=True)
class _FromEaster:
    """A holiday a fixed number of days from Easter Sunday, the Western or the Orthodox one."""

    days: int
    orthodox: bool = False

    def __call__(self, year: int) -> date:
        method = EASTER_ORTHODOX if self.orthodox else EASTER_WESTERN
        return easter(year, method) + timedelta(days=self.days)


def _from_easter(days: int) -> Callable[[int], date]:
    """A holiday a fixed number of days from Easter Sunday."""
    return _FromEaster(days)


# A text of the Eastern churches: its Easter is the Orthodox one (round 20: "Yesterday,
# Christians of the Eastern rite celebrated Easter", a Ukrainian address of 2022-04-25)
_ORTHODOX = re.compile(
    r"\b(?:Orthodox\s+(?:Easter|Christians?|[Cc]hurch(?:es)?|believers|faithful|world|calendar)"
    r"|Eastern[-\s]+rite|Eastern\s+Christians?|Eastern\s+Orthodox|Julian\s+calendar)\b"
)


def _thanksgiving(days: int) -> Callable[[int], date]:
    """US Thanksgiving (the fourth Thursday of November), or a day counted from it."""
    return lambda year: _nth_weekday(year, 11, 3, 4) + timedelta(days=days)


def _nth(month: int, weekday: int, nth: int) -> Callable[[int], date]:
    """A holiday on the nth weekday of a month (US federal holidays)."""
    return lambda year: _nth_weekday(year, month, weekday, nth)


_APOS = "['’]"
# Written name (a regex, case as written) -> the day in a given year.
HOLIDAYS: dict[str, Callable[[int], date]] = {
    r"Christmas\s+Eve": _fixed(12, 24),
    r"Christmas\s+(?:Day|morning|night)": _fixed(12, 25),
    r"Boxing\s+Day": _fixed(12, 26),
    rf"New\s+Year{_APOS}?s\s+Eve": _fixed(12, 31),
    rf"New\s+Year{_APOS}?s\s+Day": _fixed(1, 1),
    r"(?:the\s+)?Fourth\s+of\s+July": _fixed(7, 4),
    r"Independence\s+Day": _fixed(7, 4),
    r"Hallowe{1,2}n": _fixed(10, 31),
    rf"(?:St\.?\s+|Saint\s+)?Valentine{_APOS}?s\s+Day": _fixed(2, 14),
    rf"(?:St\.?|Saint)\s+Patrick{_APOS}?s\s+Day": _fixed(3, 17),
    rf"Veterans{_APOS}?\s+Day": _fixed(11, 11),
    r"Armistice\s+Day": _fixed(11, 11),
    r"Bastille\s+Day": _fixed(7, 14),
    r"Juneteenth": _fixed(6, 19),
    r"Easter\s+Sunday": _from_easter(0),
    r"Easter\s+Monday": _from_easter(1),
    r"Good\s+Friday": _from_easter(-2),
    r"Holy\s+Saturday": _from_easter(-1),
    r"Maundy\s+Thursday": _from_easter(-3),
    r"Palm\s+Sunday": _from_easter(-7),
    r"Ash\s+Wednesday": _from_easter(-46),
    r"Thanksgiving\s+Day": _thanksgiving(0),
    r"Black\s+Friday": _thanksgiving(1),
    r"Cyber\s+Monday": _thanksgiving(4),
    r"Memorial\s+Day": _nth(5, 0, -1),
    r"Labou?r\s+Day": _nth(9, 0, 1),
    rf"(?:Martin\s+Luther\s+King(?:\s+Jr\.?)?|MLK){_APOS}?s?\s+Day": _nth(1, 0, 3),
    rf"Presidents{_APOS}?\s+Day": _nth(2, 0, 3),
    r"Columbus\s+Day": _nth(10, 0, 2),
}
# Bare names: a day only after a preposition, and not as a season ("the Christmas holidays").
BARE: dict[str, Callable[[int], date]] = {
    r"Christmas": _fixed(12, 25),
    r"Easter": _from_easter(0),
    r"Thanksgiving": _thanksgiving(0),
}
# What follows a name when it names a season, a thing or a title, not the day ("the Christmas
# holidays", "Easter weekend", "the Good Friday Agreement", "a Halloween costume").
_NOT_THE_DAY = (
    r"(?![\w'’-])(?!\s+(?i:holidays?|season|period|break|week(?:end)?s?|shopping|sales?|rush"
    r"|spending|travel|vacation|recess|time|tree|market|card|lights?|decorations?|costumes?"
    r"|candy|party|parties|message|address|speech|show|special|album|song|carol|story|film"
    r"|movie|episode|edition|issue|offensive|uprising|rising|island|islands|agreement|accords?"
    r"|bombings?|massacre|attacks?|truce|tsunami|storm|flood)\b)"
)
_OTHER_NATION = re.compile(r"\b([A-Z][\w.]*)(?:['’]s)?\s+$")  # "Ukraine's", "Mexican"
_NO_NATION = frozenset(
    {"On", "The", "This", "Last", "Next", "Since", "By", "Before", "After", "Until", "For", "At"}
    | {"During", "Over", "And", "But", "Of", "In", "Every", "Each", "Happy", "A", "Around"}
)
_US = re.compile(r"(?:U\.?S\.?|US|America['’]s|American|United\s+States['’])\s+$")
_YEAR = r"(?:,?\s+(?:of\s+)?(?P<year>(?:1[89]\d\d|20\d\d))(?![\w]|-\d))?"
_PREP = r"(?i:on|over|at|by|since|until|till|before|after|from|through|during|around)"
_LEAD = (
    r"(?<![\w'’])(?:(?P<lead>(?P<shift>(?i:the)\s+(?:day|night)\s+(?P<side>before|after))"
    rf"|{_PREP}(?:\s+the)?)\s+)?(?:(?P<which>(?i:last|this|next))\s+)?"
    r"(?:[A-Z][\w.]*['’]s\s+)?"  # "on America's Independence Day"
)


def _alternation(names: dict[str, Callable[[int], date]], tag: str) -> str:
    """One named group per holiday, so the match tells which one it was."""
    return "|".join(f"(?P<{tag}{k}>{name})" for k, name in enumerate(names))


_NAMED = list(HOLIDAYS.values())
_BARE = list(BARE.values())
PATTERN_NAMED = rf"{_LEAD}(?P<core>{_alternation(HOLIDAYS, 'h')}){_NOT_THE_DAY}{_YEAR}"
# a bare name needs a word before it that makes it a time: a preposition, "last", "the day after"
# After a bare name, a lower-case word other than these makes it a modifier ("on Christmas
# themes", "at Easter services"): "on Christmas morning", "over Easter, he", "at Christmas and".
_AFTER_BARE = (
    r"(?!\s+(?!(?:morning|afternoon|evening|night|and|or|but|when|while|as|with|after|before"
    r"|this|last|next|of|in|at|on|to|for|from|by|the|a|an|he|she|they|we|i|it|his|her|their"
    r"|its|our|is|was|were|will|would|had|has|have|said|says)\b)[a-z]+\b)"
)
PATTERN_BARE = (
    rf"{_LEAD}(?(lead)|(?(which)|(?!)))(?P<core>{_alternation(BARE, 'b')}){_NOT_THE_DAY}"
    rf"{_AFTER_BARE}{_YEAR}"
)
# a holiday's name is in every match of its pattern: a text without one is not scanned
KEY_NAMED = "|".join(HOLIDAYS)
KEY_BARE = "|".join(BARE)


def _holiday(match: re.Match[str]) -> Callable[[int], date]:
    """The day-of-year function of the holiday the match names."""
    for name, value in match.groupdict().items():
        if value is None or name[0] not in "hb" or not name[1:].isdigit():
            continue
        return (_NAMED if name[0] == "h" else _BARE)[int(name[1:])]
    raise ValueError(match.group(0))


# "of" and a nation's name after the holiday's: another nation's day, unless it is the US's
_OF_ANOTHER = re.compile(r"\s+of\s+(?:the\s+)?(?!(?:United\s+States|U\.?S\.?A?|America)\b)[A-Z]")


def _owned_elsewhere(match: re.Match[str]) -> bool:
    """Whether "Independence Day" is another nation's ("Ukraine's", "Mexican")."""
    if not match.group("core").startswith("Independence"):
        return False
    if _OF_ANOTHER.match(match.string, match.end("core")):
        return True  # "the Independence Day of the State of Israel", "Independence Day of Ukraine"
    before = match.string[max(0, match.start("core") - 40) : match.start("core")]
    nation = _OTHER_NATION.search(before)
    return nation is not None and nation.group(1) not in _NO_NATION and not _US.search(before)


def holiday(match: re.Match[str], ctx: Context) -> Outcome:
    """The day a named holiday falls on, in the year written, the story's, or the anchor's."""
    if _owned_elsewhere(match) or not (match["lead"] or match["which"] or match["year"]):
        return None  # "Good Friday is a holiday in 18 countries": the holiday, not a day of it
    day_in = _holiday(match)
    if isinstance(day_in, _FromEaster) and _ORTHODOX.search(ctx.text):
        day_in = replace(day_in, orthodox=True)
    shift = 0 if not match.group("shift") else (1 if match.group("side") == "after" else -1)
    found = _year_of(match, ctx, day_in)
    if found is None:
        return None, Precision.DAY
    return found + timedelta(days=shift), Precision.DAY


def _year_of(match: re.Match[str], ctx: Context, day_in: Callable[[int], date]) -> date | None:
    """The holiday in the year written, else the story's, else the one the anchor points at."""
    if match.group("year"):
        return day_in(int(match.group("year")))
    which = (match.group("which") or "").lower()
    if ctx.story is not None and not which:
        return day_in(ctx.story)
    anchor = ctx.usable(Precision.MONTH if which == "this" else Precision.DAY)
    if anchor is None:
        return None
    if which == "this":
        return day_in(anchor.year)
    return _nearby(match, ctx, anchor, which, [day_in(anchor.year + k) for k in (-1, 0, 1)])


def _nearby(match: re.Match[str], ctx: Context, anchor: date, which: str, days: list[date]) -> date:
    """Of the holiday in the years around the anchor, the one "last"/"next" or the clause's
    direction points at: behind (the latest not after the anchor), ahead, or the nearest."""
    way = "past" if which == "last" else "future" if which == "next" else pointing(ctx, match)
    if which:
        return (
            max(d for d in days if d < anchor)
            if way == "past"
            else min(d for d in days if d > anchor)
        )
    if way == "nearest":
        return min(days, key=lambda d: abs((d - anchor).days))
    if way == "future":
        return min(d for d in days if d >= anchor)
    return max(d for d in days if d <= ctx.anchor_end() + _GRACE)
