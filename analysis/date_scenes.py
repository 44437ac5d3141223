"""Parts of a text whose relative dates count from another day than the publication's, and
words that look like dates but are names.

- An embedded tweet is its text followed by a signature line, "— Donald J. Trump
  (@realDonaldTrump) December 31, 2019": its "today" is December 31, 2019, not the day the
  article quoting it was published.
- A quotation saying "tonight" in an article published the morning after an evening its own
  words name ("on Wednesday night", "last night") was said that evening: "everybody attacked
  Haley tonight" in a report of Wednesday night's debate published on Thursday is Wednesday.
- Likewise a quotation saying "today" or "this morning" in a text set on the day before it was
  published, which never names the day of publication: the speaker spoke on the story's day.
- Programme and show names and short titles in quotation marks hold date words that date
  nothing: "CBS This Morning", "the BBC Radio 4 Today programme", "Monday Night Foodball",
  "Saturday Night Live", John Okrent's "Two Days in March".
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

import dateparser

MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_SIGNATURE = re.compile(
    r"^[ \t]*[—–-]{1,2}[ \t]*[^\n]{1,80}\(@\w{1,30}\)[ \t]+"
    rf"(?P<date>{MONTHS}[ \t]+\d{{1,2}},[ \t]+(?:19|20)\d\d)[ \t]*$",
    re.MULTILINE,
)
# A title in double quotes, or in single ones (British style: 'Technology Vision 2020-2023');
# a single mark inside or after a word ("Trump's", "players'") is an apostrophe, not a quote.
_QUOTED = re.compile(
    r"[“\"]([^“”\"\n]{1,80})[”\"]|(?<![\w’'])[‘']([^‘’'\n]{1,100})[’'](?![\w’'])"
    r"|''([^'\n]{1,80})''"  # two apostrophes as marks: "on ''Fox News Sunday.''"
)
_SMALL_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from"}
)
_NAME_WORDS = 4  # a title with the sentence's full stop inside its marks: "Lopez Tonight."
_DAY_NAME = re.compile(
    r"(?:(?<=[A-Z0-9][\w.]) |(?<=[A-Z0-9]) )(?:Today|Tonight|Tomorrow|This Morning|This Week)\b"
    r"|(?<=[\w’'] )Today\b"
    r"|(?<=\bNews )Sunday\b"  # "told Fox News Sunday"
    r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r" (?:Night|Morning|Evening|Afternoon) [A-Z]\w+"
)
# a part of every match of `_DAY_NAME`: a text without one is not scanned for it
_DAY_NAME_KEY = re.compile(
    r"Today|Tonight|Tomorrow|This Morning|This Week|Sunday|day (?:Night|Morning|Evening|Afternoon) "
)


# Pages mix straight and curly marks. A quotation running on into the next paragraph has no
# closing mark at the end of its own (the next paragraph opens with a new mark): it ends there.
QUOTATION = re.compile(r"[“\"][^“”\"\n]{1,1500}(?:[”\"]|(?=\n)|$)")
_TONIGHT = re.compile(r"(?i)\btonight\b")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Scene:
    """A stretch of text whose relative dates count from `anchor`; `basis` says why."""

    start: int
    end: int
    anchor: date
    basis: str


@functools.lru_cache(maxsize=1024)
def read_full(written: str) -> date | None:
    """A full written date, read without any base (it carries its year)."""
    parsed = dateparser.parse(
        written,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date() if parsed else None


def tweet_scenes(text: str) -> list[Scene]:
    """The paragraph before each tweet signature, anchored to the tweet's date."""
    scenes = []
    for signature in _SIGNATURE.finditer(text):
        day = read_full(" ".join(signature.group("date").split()))
        if day is None:
            continue
        end = text.rfind("\n", 0, signature.start())
        body_end = len(text[:end].rstrip()) if end >= 0 else 0
        start = max(text.rfind("\n\n", 0, body_end) + 2, 0) if body_end else 0
        if start < body_end:
            scenes.append(Scene(start, body_end, day, f"tweet of {signature.group('date')}"))
    return scenes


def night_scenes(text: str, published: date | None) -> list[Scene]:
    """Quotations saying "tonight" in a text whose own words name the night before `published`
    ("on Wednesday night", "last night"), anchored to that night."""
    if published is None or not _TONIGHT.search(text):
        return []
    quotes = [match.span() for match in QUOTATION.finditer(text)]
    eve = published - timedelta(days=1)
    night = re.compile(rf"(?i)\b(?:last|{WEEKDAYS[eve.weekday()]})\s+night\b")
    starts = [start for start, _ in quotes]
    named = next(
        (match for match in night.finditer(text) if not inside(match.start(), quotes, starts)),
        None,
    )
    if named is None:
        return []
    basis = f"said the night of {eve.strftime('%B')} {eve.day}, {eve.year} ('{named.group(0)}')"
    return [
        Scene(start, end, eve, basis) for start, end in quotes if _TONIGHT.search(text, start, end)
    ]


_SAME_DAY = re.compile(r"(?i)\b(?:today|this\s+(?:morning|afternoon|evening))\b")


def eve_scenes(text: str, published: date | None) -> list[Scene]:
    """Quotations saying "today" or "this morning" in a text whose own words set its story on
    the day before `published` ("on Sunday", "yesterday"; or a statement's "today (Sunday)")
    and never on that day itself: the
    speaker spoke on the story's day, the article came out the next ("When I came in here this
    morning", a player said at Wednesday's opening, in a report published on Thursday)."""
    if published is None or not _SAME_DAY.search(text):
        return []
    quotes = [match.span() for match in QUOTATION.finditer(text)]
    starts = [start for start, _ in quotes]
    eve = published - timedelta(days=1)
    named_eve = re.compile(rf"(?i)\b(?:yesterday|last\s+night|{WEEKDAYS[eve.weekday()]})\b")
    named_day = re.compile(
        rf"(?i)\b(?:today|tonight|this\s+(?:morning|afternoon|evening)"
        rf"|{WEEKDAYS[published.weekday()]})\b"
    )
    own = [m for m in named_eve.finditer(text) if not inside(m.start(), quotes, starts)]
    said = re.compile(rf"(?i)\btoday\s*\(\s*{WEEKDAYS[eve.weekday()]}\s*\)")  # quoted too
    own += list(said.finditer(text))
    if not own or any(not inside(m.start(), quotes, starts) for m in named_day.finditer(text)):
        return []
    basis = f"said on {eve.strftime('%B')} {eve.day}, {eve.year} ('{own[0].group(0)}')"
    return [  # a quotation naming its own day ("today (Sunday)") needs no scene
        Scene(start, end, eve, basis)
        for start, end in quotes
        if _SAME_DAY.search(text, start, end) and not said.search(text, start, end)
    ]


def inside(position: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether a position lies inside one of the sorted, disjoint `spans`."""
    k = bisect.bisect_right(starts, position) - 1
    return k >= 0 and spans[k][0] <= position < spans[k][1]


def name_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of names and short titles whose date words date nothing."""
    found = _DAY_NAME.finditer(text) if _DAY_NAME_KEY.search(text) else ()
    spans = [match.span() for match in found]
    for quoted in _QUOTED.finditer(text):
        group = next(k for k in (1, 2, 3) if quoted.group(k) is not None)
        if _is_title(quoted.group(group)):
            spans.append(quoted.span(group))
    return spans


def _is_title(words: str, most: int = 12) -> bool:
    """A short phrase in title case (up to `most` words): 'Two Days in March', not a quoted
    sentence; the full stop American style puts inside the marks ('show “Lopez Tonight.”')
    is the sentence's when the title is a short name (a quoted headline keeps its dates:
    “Abortion Agenda Cost Republicans Last Night and Will Cost Trump in 2024.”)."""
    words = words.strip().rstrip(",")
    if words.endswith(".") and not words.endswith("..") and len(words.split()) <= _NAME_WORDS:
        words = words[:-1]
    tokens = re.findall(r"[^\W\d_][\w'’-]*", words)
    if not 2 <= len(tokens) <= most or re.search(r"[.!?,;:]", words):
        return False
    major = [token for token in tokens if token.lower() not in _SMALL_WORDS]
    return bool(major) and all(token[0].isupper() for token in major)
