"""Main text and metadata from a saved HTML page, with trafilatura and htmldate.

Extraction mode: `favor_precision`. Measured on all 181 pages of the ScrapingHub
article-extraction benchmark (bag-of-words against its `articleBody`, comments excluded),
macro P/R/F1 was 0.964 / 0.975 / 0.965 with favor_precision, 0.947 / 0.983 / 0.959 by
default and 0.946 / 0.983 / 0.959 with favor_recall: boilerplate costs the quote and event
extractors more than the rare lost paragraph. But on some real articles precision mode keeps
almost nothing (a news page whose body it judges boilerplate: 3 words of a 380-word story), and
the page would be refused as "not an article". Below PRECISE_FLOOR words the page is extracted
again in the default mode, whose text is kept when it holds at least that many words of prose:
on htmldate's 1,000 pages that stores 10 articles that were refused or cut to a line, and none
of the menus and lists the default mode returns for pages that are no article.

Dates: the publication date must never be invented. trafilatura is asked for *markup* dates
only (meta tags, JSON-LD, <time>, the URL), which are day-precise. Only when there is none does
htmldate's extensive search look at the page text. That search falls back to coarser guesses
it returns as a first of the month or a first of January ("March 2019" -> 2019-01-01, a
"(c) 2023" footer -> 2023-01-01), so such a result is kept at DAY precision only when the page
spells out that day; otherwise it is widened to MONTH or YEAR, and a copyright year is dropped.
Neither library falls back to today: both return None when nothing is found and reject dates
after today (htmldate's default `max_date`). On htmldate's own 745 saved evaluation pages this
gives 672 right days, 65 wrong days, 3 month-only dates and 5 undated pages, where htmldate's
extensive search alone gives 672 right and 71 wrong (copyright years among them).

A page that streams several whole stories keeps only the one it is named after
(`analysis.story_stream`), so that other stories' quotes and dates never join it. A body split
into containers by ad slots is joined again and ad labels are dropped, and teaser cards (a block
inside one link) and boxes of links set in the body are removed (`analysis.extract_blocks`), so
that an "Advertisement" line never ends the stored text and other stories' leads never join it.
"""

from __future__ import annotations

import datetime
import logging
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import urljoin, urlsplit

import htmldate
import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document
from trafilatura.utils import load_html

from analysis.extract_blocks import (
    drop_ad_labels,
    drop_link_boxes,
    drop_linked_blocks,
    join_split_body,
)
from analysis.publication_time import (
    PageStamps,
    declared_day,
    labelled_day,
    local_publication_day,
    read_page_stamps,
)
from analysis.story_stream import keep_named_story
from analysis.types import Precision

log = logging.getLogger(__name__)

_MARKUP_DATES = {"extensive_search": False, "original_date": True}
PRECISE_FLOOR = 50  # words of precision mode's text below which the default mode is tried,
# and of prose (paragraphs of PROSE_PARAGRAPH words that end a sentence) it must then give
PROSE_PARAGRAPH = 15
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?(?:\s|$)")
_ISO = "%Y-%m-%d"
_LANG = re.compile(r"[A-Za-z]{2,3}")


class DateSource(StrEnum):
    """Which reading gave a page's publication date (for error listings: which one to mend)."""

    MARKUP = "trafilatura"  # trafilatura's markup date, kept as it is
    STAMP = "stamp"  # the page's own stamp or dateline moved it (`analysis.publication_time`)
    HTMLDATE = "htmldate"  # htmldate's extensive search, no markup date found


@dataclass(frozen=True)
class ExtractedPage:
    """What a saved HTML page tells us: its article text and metadata."""

    text: str  # main text, paragraphs separated by blank lines
    title: str | None
    author: str | None
    outlet: str | None  # trafilatura sitename
    published: datetime.date | None
    precision: Precision  # DAY from markup or a spelled-out date, coarser for guesses
    canonical_url: str | None  # <link rel=canonical> / og:url if present
    language: str | None  # primary language subtag, e.g. "en"
    date_source: DateSource | None = None  # None when undated


EMPTY_PAGE = ExtractedPage("", None, None, None, None, Precision.UNKNOWN, None, None)


def extract_html(html: str, url: str | None = None) -> ExtractedPage:
    """Extract the article body and metadata from HTML; never raises (garbage gives no text)."""
    try:
        return _extract(html, url)
    except Exception:  # third-party parsers can fail in many ways on junk
        log.warning("HTML extraction failed for %s", url or "<inline html>", exc_info=True)
        return EMPTY_PAGE


def _extract(html: str, url: str | None) -> ExtractedPage:
    """Run the extraction; may raise on pathological input."""
    tree = load_html(html) if html.strip() else None
    if tree is None:
        return EMPTY_PAGE
    canonical, language = _canonical_url(tree, url), _language(tree)
    stamps = read_page_stamps(tree)  # before anything prunes the tree
    _reshape(tree, url)
    doc = _bare_extraction(tree, url, precise=True)
    if _words(doc) < PRECISE_FLOOR and (again := load_html(html)) is not None:
        _reshape(again, None)
        fuller = _bare_extraction(again, url, precise=False)
        if _prose_words(fuller) >= PRECISE_FLOOR:
            log.debug("%s: precision mode kept %d words, the default mode prose", url, _words(doc))
            doc = fuller
    text = _clean(doc.get("text")) or ""
    published, precision, source = _publication_date(
        html, url, _clean(doc.get("date")), text, stamps
    )
    title = _clean(doc.get("title"))
    return ExtractedPage(
        text=_paragraphs(_clean(doc.get("text")) or "", title),
        title=title,
        author=_clean(doc.get("author")),
        outlet=_clean(doc.get("sitename")),
        published=published,
        precision=precision,
        canonical_url=canonical,
        language=language,
        date_source=source if published else None,
    )


def _reshape(tree: HtmlElement, url: str | None) -> None:
    """Undo page shapes that cut the story short or pass furniture off as its body."""
    if dropped := keep_named_story(tree):
        log.debug("%s streams %d more stories: kept the one it is named after", url, dropped)
    if joined := join_split_body(tree):
        log.debug("%s: %d parts of the body split by ad slots joined", url, joined)
    if labels := drop_ad_labels(tree):
        log.debug("%s: %d ad slots' labels dropped", url, labels)
    if cards := drop_linked_blocks(tree):
        log.debug("%s: %d teaser cards (blocks inside one link) dropped", url, cards)
    if boxes := drop_link_boxes(tree):
        log.debug("%s: %d boxes of links inside the body dropped", url, boxes)


def _bare_extraction(tree: HtmlElement, url: str | None, *, precise: bool) -> dict[str, Any]:
    """trafilatura's text and metadata of a parsed page, as a dict ({} when it finds none)."""
    result = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        favor_precision=precise,
        include_comments=False,
        date_extraction_params=dict(_MARKUP_DATES),
    )
    return result.as_dict() if isinstance(result, Document) else {}


def _words(doc: dict[str, Any]) -> int:
    return len((_clean(doc.get("text")) or "").split())


def _prose_words(doc: dict[str, Any]) -> int:
    """Words in paragraphs that read as prose: PROSE_PARAGRAPH words or more and a sentence's
    end. A menu, a list of regions or of programme dates has none, whatever its length."""
    lines = (_clean(doc.get("text")) or "").splitlines()
    return sum(
        len(line.split())
        for line in lines
        if len(line.split()) >= PROSE_PARAGRAPH and _SENTENCE_END.search(line)
    )


def _clean(value: object) -> str | None:
    """Normalise an optional metadata string: stripped, None when blank."""
    text = str(value).strip() if value is not None else ""
    return text or None


def _paragraphs(text: str, title: str | None) -> str:
    """Separate paragraphs by blank lines and drop a leading headline equal to the title."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if lines and title and lines[0].casefold() == " ".join(title.split()).casefold():
        lines = lines[1:]
    return "\n\n".join(lines)


def _canonical_url(tree: HtmlElement, url: str | None) -> str | None:
    """Return the page's canonical address (link rel=canonical, then og:url), made absolute."""
    candidates = [
        str(link.get("href", ""))
        for link in tree.iter("link")
        if "canonical" in str(link.get("rel", "")).lower().split()
    ]
    candidates += [
        str(meta.get("content", ""))
        for meta in tree.iter("meta")
        if str(meta.get("property", meta.get("name", ""))).lower() == "og:url"
    ]
    for href in candidates:
        absolute = urljoin(url or "", href.strip())
        parts = urlsplit(absolute)
        if parts.scheme in ("http", "https") and parts.netloc:
            return absolute
    return None


def _language(tree: HtmlElement) -> str | None:
    """Return the declared language (html lang, content-language, og:locale) as "en"."""
    declared = [str(tree.get("lang", "")), str(tree.get("xml:lang", ""))]
    for meta in tree.iter("meta"):
        key = str(meta.get("http-equiv", meta.get("property", ""))).lower()
        if key in ("content-language", "og:locale"):
            declared.append(str(meta.get("content", "")))
    for value in declared:
        match = _LANG.match(value.strip())
        if match:
            return match.group(0).lower()
    return None


def _publication_date(
    html: str, url: str | None, markup_date: str | None, article: str, stamps: PageStamps
) -> tuple[datetime.date | None, Precision, DateSource]:
    """Return the publication date, how precise it is and what gave it, never a guess passed
    off as a day."""
    if markup_date:
        parsed = _parse_iso(markup_date)
        if parsed is not None:
            # the page's own stamp, at its local day, or the day its label shows (issue 12)
            local = local_publication_day(stamps, parsed, article)
            source = DateSource.MARKUP if local == parsed else DateSource.STAMP
            return local, Precision.DAY, source
    if (declared := declared_day(stamps, article)) is not None:
        return declared, Precision.DAY, DateSource.STAMP
    found = htmldate.find_date(
        html, url=url, extensive_search=True, original_date=True, outputformat=_ISO
    )
    parsed = _parse_iso(found) if found else None
    if parsed is None:
        return None, Precision.UNKNOWN, DateSource.HTMLDATE
    if (shown := labelled_day(stamps, parsed)) != parsed:
        return shown, Precision.DAY, DateSource.STAMP
    return (*_judge_text_date(html, parsed), DateSource.HTMLDATE)


def _parse_iso(value: str) -> datetime.date | None:
    """Parse the YYYY-MM-DD prefix of a date string, None when it is not one."""
    try:
        return datetime.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _judge_text_date(html: str, found: datetime.date) -> tuple[datetime.date | None, Precision]:
    """Tell htmldate's day-precise finds from its first-of-month / first-of-year fallbacks."""
    if found.day != 1 or _spells_out_day(html, found):
        return found, Precision.DAY
    if found.month != 1:
        return found, Precision.MONTH
    if _copyright_year(html, found.year):
        return None, Precision.UNKNOWN
    return found, Precision.YEAR


def _spells_out_day(html: str, day: datetime.date) -> bool:
    """Say whether the page writes this exact day (numeric or with the month's name)."""
    y, m, mon = day.year, day.month, day.strftime("%b")
    patterns = (
        rf"(?<!\d){y}[-/.]0?{m}[-/.]0?1(?!\d)",
        rf"(?<!\d)0?1[-/.]0?{m}[-/.]{y}(?!\d)",
        rf"(?<!\d)0?{m}/0?1/{y}(?!\d)",
        rf"\b{mon}[a-z]*\.?\s+0?1(?:st)?,?\s+{y}(?!\d)",
        rf"(?<!\d)0?1(?:st)?\s+(?:of\s+)?{mon}[a-z]*\.?,?\s+{y}(?!\d)",
    )
    return any(re.search(p, html, re.IGNORECASE) for p in patterns)


def _copyright_year(html: str, year: int) -> bool:
    """Say whether the year appears in a copyright notice (a site footer, not a date)."""
    pattern = rf"(?:©|&copy;|&#169;|\(c\)|copyright)\s*(?:\d{{4}}\s*[-–]\s*)?{year}(?!\d)"
    return re.search(pattern, html, re.IGNORECASE) is not None
