"""Title, outlet, author and publication date from plain article text.

The evidence is mostly in the lines the cleaner dropped: bylines, logos, subscribe prompts,
licensing footers and captions name the outlet and the author, and a date header, a
"Published …" line, a dateline or a dated caption give the publication date. A date is taken
only when it is stated in full (day, month and year); otherwise the article is undated —
a date mentioned in the body ("on Friday 14th April 2017") is an event, not publication.
"""

from __future__ import annotations

import datetime
import logging
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import dateparser

from analysis import cleaning_rules as rules
from analysis.cleaning import CleanedText, LineVerdict, normalise_line
from analysis.types import Precision

log = logging.getLogger(__name__)

_DATEPARSER_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
    "STRICT_PARSING": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
}
_FULL_DATE = re.compile(rf"\b{rules.FULL_DATE}\b", re.IGNORECASE)
_DATE_LINE = re.compile(rules.DATE_STAMP, re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_PRESENT_CUES = re.compile(r"\b(today|tonight|this (morning|afternoon|evening))\b", re.IGNORECASE)
_PUBLISHED = re.compile(
    r"^(?:first )?(published|posted|updated|last updated|last modified)(?:\s+on)?\s*:?\s+(.+)$",
    re.IGNORECASE,
)
_PLACE = r"(?:[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
_DATELINE = re.compile(
    rf"^{_PLACE},\s+(?P<date>{rules.FULL_DATE})\s*(?:\([^)]{{1,40}}\)\s*)?[-–—:]"
)
_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{1,40}(?:,[\w .,'-]{1,40})?\s*\((?P<outlet>[A-Z][\w&.]*(?: [\w&.]+){0,3})\)"
    r"\s*[-–—]"
)

_WORD = r"[A-Z](?:[A-Za-z0-9&\-]|\.(?=\w))*"
_NAME = rf"((?:The |the )?{_WORD}(?:\s+(?:{_WORD}|of|and|&|for))*)"
_OUTLET_PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    rules.LOGO: (re.compile(rf"^{_NAME}\s+logo$"),),
    rules.LICENSE: (
        re.compile(rf"(?i:content created by)\s+{_NAME}"),
        re.compile(rf"(?:©|(?i:copyright))\s*(?:\d{{4}}\s+)?{_NAME}"),
    ),
    rules.SUBSCRIBE: (
        re.compile(rf"(?i:subscribe to|subscriber to|sign up for|the best of)\s+{_NAME}"),
    ),
    rules.INTEREST: (re.compile(rf"(?i:news|analysis|coverage|stories|video),?\s+from\s+{_NAME}"),),
    rules.DONATION: (re.compile(rf"(?i:support)\s+{_NAME}\s+(?i:on)\s"),),
    rules.DISCLAIMER: (re.compile(rf"(?i:those of)\s+{_NAME}"),),
    rules.BYLINE: (re.compile(rf",\s+{_NAME}$"),),
}
_NOT_OUTLETS = frozenset({"the author", "the writer", "the contributor", "us", "our"})
_NAME_TOKEN = re.compile(r"^[A-Z][\w'’.-]*$")
_AUTHOR_PREFIX = re.compile(r"^(?:author|written by|words by|by)\s*:?\s+(.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class TextMetadata:
    """What the text itself says about the article; None where it does not say."""

    title: str | None
    outlet: str | None
    author: str | None
    published: datetime.date | None
    precision: Precision
    date_source: str  # "header", "published line", "dateline", "caption" or ""


def metadata_from_text(raw: str, cleaned: CleanedText) -> TextMetadata:
    """Read outlet, author and publication date from the text, never guessing a date."""
    published, source = _publication_date(raw, cleaned)
    precision = Precision.DAY if published else Precision.UNKNOWN
    return TextMetadata(
        title=cleaned.title,
        outlet=_outlet(cleaned.dropped) or _wire_outlet(cleaned.body),
        author=_author(cleaned.dropped),
        published=published,
        precision=precision,
        date_source=source,
    )


def parse_full_date(text: str) -> datetime.date | None:
    """Parse an explicit day-month-year date; None when any part is missing or it is invalid."""
    if not _FULL_DATE.fullmatch(text.strip()):
        return None
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    except Exception:  # dateparser can trip on odd input; a date we cannot read is no date
        log.debug("dateparser failed on %r", text, exc_info=True)
        return None
    return parsed.date() if parsed else None


def _first_full_date(text: str) -> datetime.date | None:
    """The first explicit full date written in `text`."""
    for match in _FULL_DATE.finditer(text):
        found = parse_full_date(match.group(0))
        if found:
            return found
    return None


def _publication_date(raw: str, cleaned: CleanedText) -> tuple[datetime.date | None, str]:
    """The publication date and where it came from, strongest evidence first."""
    if cleaned.header_date:
        return datetime.date.fromisoformat(cleaned.header_date), "header"
    published = _from_published_line(raw)
    if published:
        return published, "published line"
    finders = (
        (_from_dateline, "dateline"),
        (_from_caption, "caption"),
    )
    for finder, source in finders:
        found = finder(cleaned)
        if found:
            return found, source
    return None, ""


def _from_published_line(raw: str) -> datetime.date | None:
    """A "Published Nov. 23, 2015" line; a published date beats an updated one."""
    found: dict[str, datetime.date] = {}
    for line in map(normalise_line, raw.splitlines()):
        if len(line.split()) > 15:
            continue
        match = _PUBLISHED.match(line)
        dated = _DATE_LINE.match(line)
        if match:
            _note_date(found, match.group(1).lower(), _first_full_date(match.group(2)))
        elif dated:
            _note_date(found, "dated", parse_full_date(dated.group("date")))
    for kind in ("published", "posted", "dated", "updated", "last updated", "last modified"):
        if kind in found:
            return found[kind]
    return None


def _note_date(found: dict[str, datetime.date], kind: str, day: datetime.date | None) -> None:
    """Keep the first date of each kind of publication line."""
    if day:
        found.setdefault(kind, day)


def _from_dateline(cleaned: CleanedText) -> datetime.date | None:
    """A wire dateline opening the body: "MOSCOW, Nov. 23, 2015 (Reuters) -"."""
    match = _DATELINE.match(cleaned.body)
    return parse_full_date(match.group("date")) if match else None


def _from_caption(cleaned: CleanedText) -> datetime.date | None:
    """A dated photo caption, when the body speaks of the same day and of no later year."""
    if not _PRESENT_CUES.search(cleaned.body):
        return None
    for verdict in cleaned.dropped:
        if verdict.reason != rules.CAPTION:
            continue
        day = _first_full_date(verdict.text)
        later = [int(y) for y in _YEAR.findall(cleaned.body) if day and int(y) > day.year]
        if day and not later:
            return day
    return None


def _outlet(dropped: Iterable[LineVerdict]) -> str | None:
    """The outlet named most often in the dropped furniture (logo, footer, prompts)."""
    forms: list[str] = []
    for verdict in dropped:
        for pattern in _OUTLET_PATTERNS.get(verdict.reason, ()):
            forms.extend(_clean_outlet(m.group(1)) for m in pattern.finditer(verdict.text))
    forms = [f for f in forms if f and f.lower() not in _NOT_OUTLETS]
    if not forms:
        return None
    keys = _outlet_keys(forms)
    votes = Counter(keys)
    best = max(votes, key=lambda k: (votes[k], -keys.index(k)))  # ties: earliest evidence
    group = [f for f, k in zip(forms, keys, strict=True) if k == best]
    exact = [f for f in group if re.sub(r"^the ", "", f.lower()) == best] or group
    with_article = [f for f in exact if f.startswith("The ")]
    return (with_article or exact)[0]


def _wire_outlet(body: str) -> str | None:
    """The agency named in a wire dateline: "MOSCOW (Reuters) -" gives Reuters."""
    match = _WIRE_DATELINE.match(body)
    return match.group("outlet").strip() if match else None


def _clean_outlet(name: str) -> str:
    """Trim connector words and dots that a greedy name match drags along."""
    words = name.strip().rstrip(".").split()
    while words and words[-1].lower() in ("of", "and", "&", "for"):
        words.pop()
    return " ".join(words)


def _outlet_keys(forms: list[str]) -> list[str]:
    """Fold "The Week UK" onto "The Week" and "Daily Caller" onto "The Daily Caller"."""
    bare = [re.sub(r"^the ", "", f.lower()) for f in forms]
    distinct = sorted(set(bare), key=len)
    return [next((k for k in distinct if key.startswith(k + " ")), key) for key in bare]


def _author(dropped: Iterable[LineVerdict]) -> str | None:
    """The author from "Author:"/"By" lines, a "Name, Outlet" signature or a name-and-role line."""
    candidates: list[tuple[int, str]] = []
    for verdict in dropped:
        if verdict.reason != rules.BYLINE:
            continue
        found = _author_in(verdict.text)
        if found:
            candidates.append(found)
    return min(candidates)[1] if candidates else None


def _author_in(text: str) -> tuple[int, str] | None:
    """A (rank, name) pair for one byline line; lower rank is stronger evidence."""
    prefixed = _AUTHOR_PREFIX.match(text)
    if prefixed:
        name = _person(prefixed.group(1).split(",")[0], limit=5)
        rank = 0 if not text.lower().startswith("by") else 1
        return (rank, name) if name else None
    if "," in text:
        name = _person(text.split(",", maxsplit=1)[0], limit=4)
        return (2, name) if name else None
    name = _person(" ".join(_name_before_role(text.split())), limit=3)
    return (3, name) if name else None


def _name_before_role(words: list[str]) -> list[str]:
    """First and last name ahead of a role ("Will Racke Immigration … Reporter" → Will Racke)."""
    size = 3 if len(words) > 2 and (len(words[1]) <= 2 or words[1].endswith(".")) else 2
    return words[:size]


def _person(text: str, limit: int) -> str | None:
    """`text` when it names people: 1..limit capitalised words each, joined by "and"."""
    parts = [p.split() for p in re.split(r"\s+(?:and|&)\s+", text.strip())]
    for words in parts:
        if not 0 < len(words) <= limit or any(not _NAME_TOKEN.match(w) for w in words):
            return None
    return " and ".join(" ".join(words) for words in parts)
