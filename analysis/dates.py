"""Find temporal expressions in text and anchor them to calendar dates.

Regexes (compiled once) find the candidates; dateparser reads the written dates ("Nov. 23, 2015",
"Friday 14th April 2017", "two days ago", "last month"); this module only decides which year a
yearless date belongs to, which weekday "on Friday" means, and how precise each value is. The
resolvers of relative dates live in `analysis.date_relative`, the context they share in
`analysis.date_context`.

Anchoring rules (the anchor is the article's publication date):
- No anchor, or an anchor less precise than an expression needs: relative and yearless
  expressions come back with `value=None`. Dates that carry their year always resolve.
- Yearless day ("On January 17"): the year the story is set in when the sentence or its
  paragraph says one ("In 2005, ... on July 10": `analysis.date_story`), or, not pointing
  forward, the earlier year the text is told in ("... in March 2003." then "On April 9,");
  else the anchor's year, or the previous year when that lands more than 31 days after the
  anchor. Pointing forward: the first such day on or after the anchor.
- Yearless month ("in July"): the story's year likewise; else the latest such month not after
  the anchor's month, or pointing forward the first one not before it. "last July" / "next
  July" are strictly before / after.
- A day or month with a relative year ("on March 3 last year", "in June next year", "in
  February of last year") is one date of the year counted from the anchor, not a yearless date
  plus a second date for the year. A relative day restated by a written one ("On the same day,
  April 3,", "Yesterday, May 7,") is that one date (`analysis.date_restated`).
- Weekday ("on Monday morning"): the latest such day on or before the anchor; pointing forward,
  the first on or after it. "last"/"next" are strictly before/after; "this" stays in the
  anchor's week. "Every Friday" is a habit, not a date.
- Which way a date points: a caller that parsed the text says so from the tense of the clause
  the date belongs to (`direction`); a plan told in the past ("was due to meet on Saturday")
  takes the nearest such day. Without the caller's word, a future cue in the sentence ("will",
  "is due to", "upcoming"...) points forward.
- Weeks have WEEK precision and their Monday as value; months and years their first day. A
  hedged count of days, weeks or months ("well over 15 days ago", "just over a month ago") is
  a month, not a day (nor a year); of years, a year.
- "the day before"/"the next day" count from the previous day-precise date in the same text,
  else from the anchor; "the next year", "a year later", "that year" from the last year the
  text wrote.
- A scene (`analysis.date_scenes`: a quoted tweet with its own date) anchors its relative
  dates to its own day, and `read_dates` says so. Date words inside a programme's name or a
  short title ("CBS This Morning", "Two Days in March") are no dates.
- Numeric dates: ISO "2024-10-15" is a day. "15/10/2024" is read day-first or month-first only
  when one reading is impossible (a part above 12); "10/11/2024" is ambiguous and is kept as
  YEAR 2024 so that no wrong day is ever stated. A weekday restated by a numeric date ("on
  Tuesday, 12/15/15", a two-digit year allowed) is the reading that falls on that weekday.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from analysis.date_anaphora import leaves_day, years_ago_opening
from analysis.date_context import (
    RANK,
    Context,
    DirectionHook,
    Outcome,
    Resolver,
    core,
    parse,
    period_start,
    pointing,
)
from analysis.date_holidays import KEY_BARE, KEY_NAMED, PATTERN_BARE, PATTERN_NAMED, holiday
from analysis.date_names import nameless_spans
from analysis.date_relative import (
    DAY_WORDS,
    anaphora,
    day_word,
    named_day,
    relative,
    story_relative,
    weekday,
)
from analysis.date_restated import restated
from analysis.date_scenes import Scene, name_spans
from analysis.date_story import Story
from analysis.date_week_of import week_of
from analysis.date_weekday import KEY_WEEK_DAY, PATTERN_WEEK_DAY, fitting_weekday, week_day
from analysis.types import Precision, ResolvedDate

log = logging.getLogger(__name__)

_MONTH_FULL = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH = rf"(?:(?:{_MONTH_FULL})|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![\w])"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w])"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?![\w]|-\d)"
_PREP = r"(?i:on|in|since|by|until|till|from|during|before|after|through|as\s+of)"
_MOD = r"(?i:early|late|mid|the\s+end\s+of|the\s+start\s+of)"
_LEAD = rf"(?<![\w])(?:{_PREP}\s+)?(?:{_MOD}[\s-]+)?"
_COUNT_NOUNS = (
    r"(?i:people|persons|troops|soldiers|men|women|children|refugees|km|kilometres|kilometers|"
    r"miles|metres|meters|feet|dollars|euros|rubles|roubles|barrels|tons|tonnes|units|votes|"
    r"deaths|casualties|times|words|pages|missiles|tanks|jets|aircraft)"
)
# tens first, with a unit ("Seventy-four years ago" is one count, not "four years ago"; round 19)
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_NUMBER = (
    rf"(?i:{_TENS}(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)\b)?|"
    r"\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen)"
)
# Bases for dates that carry what they need, so dateparser never falls back to the real today.
_YEARLESS_BASE = datetime(2000, 12, 31)  # "past" from the end of a leap year: "Feb. 29" parses
_FIXED_BASE = datetime(2000, 1, 1)
_YEARLESS_GRACE = timedelta(days=31)
_OF = re.compile(r"\s+of\s+")  # "February of 1986": one month


def _full_date(match: re.Match[str], ctx: Context) -> Outcome:
    """'Nov. 23, 2015', 'Friday 14th April 2017', '23 November 2015'."""
    value = parse(core(match), _FIXED_BASE, ("day", "month", "year"))
    return None if value is None else (value, Precision.DAY)


def _yearless_day(match: re.Match[str], ctx: Context) -> Outcome:
    """'On January 17', 'the Nov. 13 killings': the year comes from the anchor."""
    parsed = parse(core(match), _YEARLESS_BASE, ("day", "month"))
    if parsed is None:
        return None
    if ctx.story is not None:
        found = _dates_in(parsed, (ctx.story,))
        return (found[0] if found else None), Precision.DAY
    anchor = ctx.usable(Precision.MONTH)
    if anchor is None:
        return None, Precision.DAY
    way = pointing(ctx, match)
    if way == "nearest":
        near = _dates_in(parsed, (anchor.year - 1, anchor.year, anchor.year + 1))
        return min(near, key=lambda d: abs((d - anchor).days), default=None), Precision.DAY
    if way == "future":
        years = (anchor.year, anchor.year + 1)
        found = [d for d in _dates_in(parsed, years) if d >= anchor]
        return (found[0] if found else None), Precision.DAY
    limit = ctx.anchor_end() + _YEARLESS_GRACE
    found = [d for d in _dates_in(parsed, (anchor.year, anchor.year - 1)) if d <= limit]
    return (found[0] if found else None), Precision.DAY


_YEARLESS_DAY = fitting_weekday(_yearless_day)  # 'Monday, Dec. 14' of 2015, written in 2016


def _day_in_year(match: re.Match[str], ctx: Context) -> Outcome:
    """'July 15-24 in 2022', 'from August 6 in 2021': the day (a run's first) of that year."""
    value = parse(core(match), _YEARLESS_BASE, ("day", "month"))
    found = [] if value is None else _dates_in(value, (int(match.group("year")),))
    return (found[0], Precision.DAY) if found else None


_YEAR_SHIFT = {"last": -1, "this": 0, "next": 1}


def _of_relative_year(match: re.Match[str], ctx: Context) -> Outcome:
    """'on March 3 last year', 'in June next year', 'from October 4-8 last year': the day (a
    run's first) or the month of the year counted from the anchor, one date: read apart, the
    day would take the anchor's year and the year would be a second event."""
    anchor = ctx.usable(Precision.YEAR)
    if match.group("month"):
        month = _MONTH_FULL.split("|").index(match.group("month")) + 1
        year = None if anchor is None else anchor.year + _YEAR_SHIFT[match["which"].lower()]
        return (None if year is None else date(year, month, 1)), Precision.MONTH
    value = parse(core(match), _YEARLESS_BASE, ("day", "month"))
    if value is None:
        return None
    if anchor is None:
        return None, Precision.DAY
    found = _dates_in(value, (anchor.year + _YEAR_SHIFT[match["which"].lower()],))
    return (found[0] if found else None), Precision.DAY


def _dates_in(month_day: date, years: tuple[int, ...]) -> list[date]:
    """The month and day of `month_day` in each of `years` where it exists (Feb. 29)."""
    found = []
    for year in years:
        try:
            found.append(month_day.replace(year=year))
        except ValueError:
            continue
    return found


def _month_year(match: re.Match[str], ctx: Context) -> Outcome:
    """'July 2015', 'in early March 2014', 'in February of 1986'."""
    value = parse(_OF.sub(" ", core(match)), _FIXED_BASE, ("month", "year"))
    return None if value is None else (value.replace(day=1), Precision.MONTH)


def _bare_month(match: re.Match[str], ctx: Context) -> Outcome:
    """'in July', 'last March': the latest such month, or the next one when the text looks ahead."""
    month = _MONTH_FULL.split("|").index(match.group("month")) + 1
    if ctx.story is not None and not match.group("which"):
        return date(ctx.story, month, 1), Precision.MONTH
    anchor = ctx.usable(Precision.MONTH)
    if anchor is None:
        return None, Precision.MONTH
    this_month = anchor.replace(day=1)
    which = (match.group("which") or "").lower()
    way = "" if which in ("last", "next", "this") else pointing(ctx, match)
    forward = which == "next" or way == "future"
    strict = which in ("last", "next")
    candidates = [date(anchor.year + shift, month, 1) for shift in (-1, 0, 1)]
    if which in ("this", "last"):  # "last October" said in November: October of the year before
        return date(anchor.year - (which == "last"), month, 1), Precision.MONTH
    if way == "nearest":
        months = [(c.year - this_month.year) * 12 + c.month - this_month.month for c in candidates]
        return candidates[min(range(3), key=lambda k: abs(months[k]))], Precision.MONTH
    if forward:
        ahead = [c for c in candidates if c > this_month or (c == this_month and not strict)]
        return ahead[0], Precision.MONTH
    behind = [c for c in candidates if c < this_month or (c == this_month and not strict)]
    return behind[-1], Precision.MONTH


def _year(match: re.Match[str], ctx: Context) -> Outcome:
    """'since 2007', 'in 2014', 'the 2014 Ukraine crisis'."""
    return date(int(match.group("year")), 1, 1), Precision.YEAR


def _year_range(match: re.Match[str], ctx: Context) -> Outcome:
    """'2015-2017', 'from 2014–2016': the first year of the range."""
    first, last = int(match.group("year")), int(match.group("last"))
    return (date(first, 1, 1), Precision.YEAR) if first < last else None


def _iso(match: re.Match[str], ctx: Context) -> Outcome:
    """'2024-10-15'."""
    try:
        return date.fromisoformat(match.group(0)), Precision.DAY
    except ValueError:
        return None


def _numeric(match: re.Match[str], ctx: Context) -> Outcome:
    """'15/10/2024': a day only when just one of day-first and month-first is possible."""
    first, second, year = (int(match.group(name)) for name in ("a", "b", "y"))
    readings = _readings(first, second, year)
    if not readings:
        return None
    if len(readings) == 1:
        return readings.pop(), Precision.DAY
    return date(year, 1, 1), Precision.YEAR


def _readings(first: int, second: int, year: int) -> set[date]:
    """The days a numeric date can be: day-first and month-first, those that exist."""
    readings = set()
    for day, month in ((first, second), (second, first)):
        try:
            readings.add(date(year, month, day))
        except ValueError:
            continue
    return readings


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday_numeric(match: re.Match[str], ctx: Context) -> Outcome:
    """'on Tuesday, 12/15/15': a weekday restated by a numeric date, whose year may have two
    digits; the reading (month-first or day-first) that falls on that weekday, else the one
    possible reading. A two-digit year is of the century that puts it nearer the anchor (of
    this one without an anchor)."""
    first, second, written = int(match.group("a")), int(match.group("b")), match.group("y")
    year = int(written)
    if len(written) == 2:
        year += 2000
        if ctx.anchor is not None and abs(year - 100 - ctx.anchor.year) < abs(
            year - ctx.anchor.year
        ):
            year -= 100
    readings = _readings(first, second, year)
    weekday = _WEEKDAY_NAMES.index(match.group("weekday").lower())
    fitting = {reading for reading in readings if reading.weekday() == weekday}
    if len(fitting) == 1:
        return fitting.pop(), Precision.DAY
    if len(readings) == 1:
        return readings.pop(), Precision.DAY
    return (date(year, 1, 1), Precision.YEAR) if readings else None


# Each pattern with its resolver and, where one is cheap to look for, a key: a part of the
# pattern (with its flags) that every match contains, so a text without the key is not scanned
# by the pattern (each scan tries the pattern at every word; most texts have no holiday, no
# "years ago", no "3/4/" and no "next year"). The same finds, in the same order, for less time.
_WHICH_YEAR = r"(?P<which>(?i:last|this|next))\s+(?i:year)\b"
_IN_YEAR = rf"\s+in\s+(?P<year>{_YEAR})"
_RANGE_FROM = r"(?P<year>(?:1[89]|20)\d\d)[-–]"
_SLASHES = r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/"
_AGO = r"\s+ago"
_MONTH_KEY = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"  # how every `_MONTH` begins

_PATTERNS: tuple[tuple[re.Pattern[str], Resolver, re.Pattern[str] | None], ...] = tuple(
    (re.compile(pattern), resolver, None if key is None else re.compile(key))
    for pattern, resolver, key in (
        (
            rf"{_LEAD}(?P<core>(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}"
            rf"|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}))",
            _full_date,
            _MONTH_KEY,
        ),
        (
            rf"{_LEAD}(?P<core>(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+{_DAY}"
            rf"|(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}))(?!,?\s*\d)",
            _YEARLESS_DAY,
            _MONTH_KEY,
        ),
        (
            rf"{_LEAD}(?P<core>{_MONTH}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTH})"
            rf"(?:\s*[-–]\s*(?:{_MONTH}\s+)?{_DAY})?{_IN_YEAR}",
            _day_in_year,
            _IN_YEAR,
        ),
        (
            rf"(?:{_LEAD}(?P<core>{_MONTH}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTH})"
            rf"(?:\s*[-–]\s*(?:{_MONTH}\s+)?{_DAY})?"
            rf"|(?<![\w])(?:{_PREP}\s+(?:{_MOD}[\s-]+)?|{_MOD}[\s-]+)(?P<month>{_MONTH_FULL}))"
            rf"(?:,|\s+of)?\s+{_WHICH_YEAR}",
            _of_relative_year,
            _WHICH_YEAR,
        ),
        (rf"{_LEAD}(?P<core>{_MONTH}(?:,|\s+of)?\s+{_YEAR})", _month_year, _MONTH_KEY),
        (
            rf"(?<![\w])(?:{_PREP}\s+(?:{_MOD}[\s-]+)?|{_MOD}[\s-]+|(?P<which>(?i:last|this|next))\s+)"
            rf"(?P<month>{_MONTH_FULL})(?![\w])(?!,?\s*\d)",
            _bare_month,
            _MONTH_FULL,
        ),
        (
            rf"(?<![\w])(?:{_PREP}\s+(?:{_MOD}[\s-]+)?|{_MOD}[\s-]+)"
            rf"(?P<year>{_YEAR})(?!\s+{_COUNT_NOUNS}\b)",
            _year,
            _YEAR,
        ),
        (
            r"(?<![\w])(?i:the|its|his|her|their|of|and|to|between|around|circa|year|summer|"
            rf"spring|autumn|fall|winter)\s+(?P<expr>(?P<year>{_YEAR}))(?!\s+{_COUNT_NOUNS}\b)",
            _year,
            _YEAR,
        ),
        (
            rf"(?<![\w-])(?:{_PREP}\s+)?{_RANGE_FROM}(?P<last>{_YEAR})(?![\w-])",
            _year_range,
            _RANGE_FROM,
        ),
        (PATTERN_WEEK_DAY, week_day, KEY_WEEK_DAY),  # "on Tuesday last week": one day
        (PATTERN_NAMED, holiday, KEY_NAMED),  # "on Christmas Eve", "the day after Easter"
        (PATTERN_BARE, holiday, KEY_BARE),
        (r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])", _iso, None),
        (r"(?<![\w/.])(?P<a>\d{1,2})([/.])(?P<b>\d{1,2})\2(?P<y>\d{4})(?![\w/.])", _numeric, None),
        (
            rf"(?<![\w])(?:{_PREP}\s+)?(?P<weekday>{_WEEKDAY}),?\s+"
            rf"{_SLASHES}(?P<y>\d{{2}}|\d{{4}})(?![\w/]|\.\d)",
            _weekday_numeric,
            _SLASHES,
        ),
        (
            # not "The next week, the team found a fault": a week after the story's moment, which
            # the words do not give, as "the following week" (round 25)
            r"(?i)\b(?:(?P<side>earlier|later|early|late)\s+)?"
            r"(?P<core>(?:this|last|(?<!\bthe\s)next)\s+(?P<unit>week|month|year))\b",
            relative,
            None,
        ),
        (
            r"(?i)\b(?P<hedge>(?:well\s+)?(?:over|more\s+than|nearly|almost|about|around|roughly"
            r"|some|at\s+least|less\s+than|under)\s+)?"
            rf"(?<![/½-])(?P<core>{_NUMBER}\s+(?P<unit>day|week|month|year)s?{_AGO})\b",
            relative,
            f"(?i){_AGO}",
        ),
        (
            r"(?i)\b(?:the\s+(?:very\s+)?(?:next|following|previous)\s+year"  # "the very next year"
            r"|a\s+year\s+(?:later|earlier)"
            r"|the\s+year\s+(?:after|before)|(?:that|the\s+same)\s+year)\b",
            story_relative,
            "(?i)year",
        ),
        (
            r"(?i)(?<!USA )\b(?P<word>"
            + "|".join(k.replace(" ", r"\s+") for k in DAY_WORDS)
            + rf")\s*\(\s*(?P<weekday>{_WEEKDAY})\s*\)",
            named_day,
            r"\(",
        ),
        (
            r"(?i)(?<!USA )\b(?:" + "|".join(k.replace(" ", r"\s+") for k in DAY_WORDS) + r")\b",
            day_word,
            None,
        ),
        (
            r"(?<![\w])(?<!Good )(?<!Black )(?<!Super )(?<!Cyber )(?<!Bloody )"
            r"(?<!every )(?<!Every )(?<!each )(?<!Each )"  # "Every Friday my grandad": a habit
            r"(?:(?:(?P<which>(?i:last|this|next))|(?i:on|by|until|since|from|before|after))\s+)?"
            rf"(?P<weekday>{_WEEKDAY})(?:\s+(?i:morning|afternoon|evening|night))?(?![\w])"
            r"(?!\s+(?i:morning|afternoon|evening|night)s\b)",  # "on Saturday nights": a habit
            weekday,
            _WEEKDAY,
        ),
        (
            r"(?i)\b(?:the\s+(?:day|night)\s+(?:before|after)(?!\s+(?:yesterday|tomorrow))"
            r"|the\s+(?:previous|next|following)\s+day|(?:that|the)\s+same\s+day)\b",
            anaphora,
            None,
        ),
    )
)


def _candidates(text: str) -> list[tuple[re.Match[str], Resolver]]:
    """All pattern matches, overlaps settled leftmost-longest; none inside a name or title."""
    found = [
        (m, resolver)
        for pattern, resolver, key in _PATTERNS
        if key is None or key.search(text)
        for m in pattern.finditer(text)
    ]
    found.sort(key=lambda item: (item[0].start(), -item[0].end()))
    names = name_spans(text) + nameless_spans(text)
    kept: list[tuple[re.Match[str], Resolver]] = []
    for match, resolver in found:
        free = not kept or match.start() >= kept[-1][0].end()
        named = any(start < match.end() and match.start() < end for start, end in names)
        if match.end() > match.start() and free and not named:
            kept.append((match, resolver))
    return kept


def _resolve(match: re.Match[str], resolver: Resolver, ctx: Context) -> ResolvedDate | None:
    """Run one resolver, turning calendar overflow into an unresolved value."""
    try:
        outcome = resolver(match, ctx)
    except (ValueError, OverflowError) as exc:
        log.debug("could not anchor %r: %s", match.group(0), exc)
        outcome = None, Precision.UNKNOWN
    if outcome is None:
        return None
    value, precision = outcome
    span = "expr" if "expr" in match.re.groupindex else 0
    return ResolvedDate(match.group(span), value, precision, match.start(span), match.end(span))


@dataclass(frozen=True)
class Anchored:
    """A date found, with what it was counted from when that is not the publication date."""

    date: ResolvedDate
    basis: str | None = None  # "tweet of December 31, 2019"


def find_dates(
    text: str,
    anchor: date | None,
    anchor_precision: Precision = Precision.DAY,
    *,
    direction: DirectionHook | None = None,
) -> tuple[ResolvedDate, ...]:
    """Every temporal expression in `text`, anchored to the publication date when one is known.

    `direction` lets a caller that has parsed the text say which way a relative date points
    (from the tense of the clause it dates); without it the sentence's words decide.
    """
    found = read_dates(text, anchor, anchor_precision, direction=direction)
    return tuple(item.date for item in found)


def read_dates(
    text: str,
    anchor: date | None,
    anchor_precision: Precision = Precision.DAY,
    *,
    direction: DirectionHook | None = None,
    scenes: Sequence[Scene] = (),
) -> tuple[Anchored, ...]:
    """`find_dates`, where the relative dates of each scene count from the scene's own day.

    Scenes do not overlap; each date finds its scene by bisection (many scenes cost no more).
    """
    if anchor_precision not in RANK:
        anchor = None
    elif anchor is not None:
        anchor = period_start(anchor, anchor_precision)
    ctx = Context(text, anchor, anchor_precision, direction=direction)
    story = Story(text)
    found: list[Anchored] = []
    ordered = sorted(scenes, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    for match, resolver in _candidates(text):
        k = bisect.bisect_right(starts, match.start()) - 1
        scene = ordered[k] if k >= 0 and match.start() < ordered[k].end else None
        ctx.anchor, ctx.precision = (
            (scene.anchor, Precision.DAY) if scene else (anchor, anchor_precision)
        )
        ctx.story, ctx.used = _story_year(story, match, resolver, ctx), False
        resolved = _resolve(match, resolver, ctx)
        if resolved is None:
            continue
        resolved = week_of(text, resolved)  # "in the week of May 17": a week
        found.append(Anchored(resolved, scene.basis if scene and ctx.used else None))
        if resolved.precision is Precision.DAY:
            ctx.reference, ctx.coarse = resolved.value, None  # an unresolved day: no stale base
            if resolved.value is not None:
                ctx.days.append((match.start(), resolved.value))
            way = ctx.direction(match.start(), match.end()) if ctx.direction else None
            ctx.reference_ahead = way == "future"
            if not ctx.reference_ahead:
                ctx.past_reference = resolved.value
        if resolver is relative and years_ago_opening(text, resolved, anchor):  # "Ten years ago,"
            story.note(match, resolved)
        elif resolver in _WITH_YEAR and resolved.value is not None and story.note(match, resolved):
            ctx.last_year = resolved.value.year
            ctx.coarse = match.start() if leaves_day(resolved, ctx.reference) else ctx.coarse
    return tuple(restated(found, text))  # "On the same day, April 3,": one date, April 3


def _story_year(story: Story, match: re.Match[str], resolver: Resolver, ctx: Context) -> int | None:
    """The year a yearless date is told in: its sentence's or paragraph's, else for a day or a
    month not pointing ahead the earlier year the text is told in (`Story.carried`)."""
    year = story.year_at(match.start())
    if year is not None or resolver not in _CARRIED or ctx.anchor is None:
        return year
    if resolver is _bare_month and match.group("which"):
        return None
    if pointing(ctx, match) == "future":
        return None
    return story.carried(match.start(), ctx.anchor.year)


_CARRIED = frozenset({_YEARLESS_DAY, _bare_month})
_WITH_YEAR = frozenset(
    {_full_date, _day_in_year, _month_year, _year, _year_range, _iso, _numeric, _weekday_numeric}
)
