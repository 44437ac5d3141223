"""/stats and /article show as Discord reads them: figures as fields, an article's text as pages.

/stats opens with one sentence (how many articles from how many outlets, over which years),
then a field per figure and a field per kind of name (`Vladimir Putin — 18 mentions in 4
articles`). /article show keeps the article's full provenance: its metadata as fields (the
title links to the stored web address, and the stored source is shown as it is, escaped), then
the cleaned text and the lines cleaning dropped as description pages. The JSON export is the
CLI's `--json`, unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date

from bot.render.corpus import article_json, stats_json
from bot.render.opening import plural
from bot.services.date_text import human_date
from bot.ui.escape import escape_corpus, safe_url
from bot.ui.links import web_address
from bot.ui.page import Answer, EmbedBook, Export, answer, fit
from storage.records import ArticleDetail, CorpusStats, EntityCount

LIST_NAMES = 240  # characters of a name in a list
PIECE = 1300  # plain characters of text per paragraph: escaped, it still fits a description
DROPPED_TEXT = 600
FIRST_PAGE = 1500  # characters of text above the metadata on the first page
URL_LIMIT = 500  # a longer address is shown in the Source field, not linked
EMPTY = "The corpus is empty: post links or files in the watched channel, or use /ingest."
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s")


def _span(first: date | None, last: date | None) -> str:
    if first is None or last is None:
        return "no article has a known date"
    if first == last:
        return human_date(first, "day")
    return f"{human_date(first, 'day')} to {human_date(last, 'day')}"


def stats_opening(stats: CorpusStats) -> str:
    """`5 articles from 4 outlets, published 2015–2024.` (plain text)."""
    head = f"{plural(stats.articles, 'article')} from {plural(len(stats.outlets), 'outlet')}"
    if stats.first_published and stats.last_published:
        first, last = stats.first_published.year, stats.last_published.year
        head += f", published {first}" + (f"–{last}" if last != first else "")
    return head + "."


def entity_lines(entities: Sequence[EntityCount]) -> str:
    """`• Vladimir Putin — 18 mentions in 4 articles` per name (escaped)."""
    if not entities:
        return "none yet"
    return "\n".join(
        f"• {fit(e.name, LIST_NAMES)} — "
        f"{plural(e.mentions, 'mention')} in {plural(e.articles, 'article')}"
        for e in entities
    )


def stats_answer(stats: CorpusStats) -> Answer:
    """/stats: the figures as fields, the most mentioned names a field per kind."""
    export = Export(stats_json(stats), "stats")
    if stats.articles == 0:
        book = EmbedBook("Corpus")
        book.paragraph(EMPTY)
        return answer(book, export)
    book = EmbedBook("Corpus", opening=stats_opening(stats), footer="Counts: mentions in articles")
    dated = stats.articles - stats.undated
    book.field(
        "Articles", f"{stats.articles} ({dated} dated, {stats.undated} undated)", inline=True
    )
    book.field("Published", _span(stats.first_published, stats.last_published), inline=True)
    book.field("Sentences", str(stats.sentences), inline=True)
    book.field("Distinct names", str(stats.entities), inline=True)
    outlets = "\n".join(
        f"• {fit(name, LIST_NAMES)} — {plural(n, 'article')}" for name, n in stats.outlets
    )
    book.field(f"Outlets ({len(stats.outlets)})", outlets or "none known")
    book.field("People", entity_lines(stats.people))
    book.field("Places", entity_lines(stats.places))
    book.field("Organisations", entity_lines(stats.organisations))
    if stats.jobs:
        book.field("Queue", ", ".join(f"{n} {escape_corpus(status)}" for status, n in stats.jobs))
    return answer(book, export)


def _one_line(text: str | None, fallback: str) -> str:
    return " ".join((text or "").split()) or fallback


def metadata(book: EmbedBook, detail: ArticleDetail) -> None:
    """The article's facts as fields: number, title (linked), outlet, author, date, source."""
    a = detail.summary
    url = web_address(detail.canonical_url) or web_address(a.source)
    title = fit(_one_line(a.title, "(untitled)"), 500)
    book.field("Article", f"#{a.id}", inline=True)
    book.field("Outlet", fit(_one_line(a.outlet, "unknown"), 900), inline=True)
    book.field("Author", fit(_one_line(a.author, "unknown"), 900), inline=True)
    book.field("Title", f"[{title}]({safe_url(url)})" if url else title)
    when = human_date(a.published, a.date_precision)
    found = f" (from {fit(_one_line(detail.date_source, ''), 200)})" if detail.date_source else ""
    book.field("Published", when + found, inline=True)
    size = f"{plural(a.word_count, 'word')}, {plural(detail.sentence_count, 'sentence')}"
    book.field("Length", size, inline=True)
    book.field("Source", fit(_one_line(a.source, "unknown"), 1000))
    if detail.canonical_url and detail.canonical_url.strip() != a.source.strip():
        book.field("Canonical address", fit(_one_line(detail.canonical_url, ""), 1000))
    if detail.top_entities:
        names = ", ".join(
            f"{fit(name, LIST_NAMES)} ({count})" for name, _kind, count in detail.top_entities
        )
        book.field("Mentions", names)


def pieces(text: str, size: int = PIECE) -> Iterator[str]:
    """The text's paragraphs, a long one cut between sentences (else words) into `size` pieces."""
    for raw in text.splitlines():
        paragraph = " ".join(raw.split())
        while len(paragraph) > size:
            head = paragraph[:size]
            ends = [m.end() for m in _SENTENCE_END.finditer(head)]
            cut = ends[-1] if ends and ends[-1] > size // 3 else head.rfind(" ") + 1 or size
            yield paragraph[:cut].strip()
            paragraph = paragraph[cut:].strip()
        if paragraph:
            yield paragraph


def article_answer(detail: ArticleDetail) -> Answer:
    """/article show: the text's opening above the metadata fields, then the rest of the cleaned
    text and the lines cleaning dropped, paged."""
    a = detail.summary
    url = web_address(detail.canonical_url) or web_address(a.source)
    book = EmbedBook(
        f"#{a.id} {_one_line(a.title, '(untitled)')}", url=safe_url(url) if url else None
    )
    text = [escape_corpus(piece) for piece in pieces(detail.text)]
    shown = 0
    while shown < len(text) and (shown == 0 or sum(map(len, text[: shown + 1])) <= FIRST_PAGE):
        book.paragraph(text[shown])
        shown += 1
    metadata(book, detail)
    for paragraph in text[shown:]:
        book.paragraph(paragraph)
    book.new_page()
    count = len(detail.dropped)
    book.paragraph(f"**Dropped by cleaning** ({plural(count, 'line')})")
    book.lines(
        f"line {number} · {escape_corpus(reason)}: {fit(_one_line(line, ''), DROPPED_TEXT)}"
        for number, line, reason in detail.dropped
    )
    return answer(book, Export(article_json(detail), f"article-{a.id}"))
