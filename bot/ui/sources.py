"""The "Sources:" block the bot adds under an answer: each cited article that has a web link.

The renderers cite every line as `[#4 ABC News, 2015-11-23]`; in Discord the member also wants
to click through, so answers whose renderer lists no sources get one line per linked article.
Articles read from files have no link and are not repeated.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.render.cite import cite
from bot.render.summary import CITED_ARTICLES
from bot.services.compare import Comparison
from bot.services.search import SearchAnswer
from bot.services.summary import Summary
from bot.services.timeline import Timeline
from storage.records_cite import ArticleRef


def linked_sources(refs: Iterable[ArticleRef]) -> list[str]:
    """`Sources:` then `[#4 ABC News, 2015-11-23] Title — https://…` per linked article."""
    linked = {ref.id: ref for ref in refs if ref.url}
    if not linked:
        return []
    lines = [f"{cite(ref)} {ref.title or '(untitled)'} — {ref.url}" for ref in linked.values()]
    return ["Sources:", *lines]


def with_sources(text: str, refs: Iterable[ArticleRef]) -> str:
    """The renderer's text, followed by the linked sources when there are any."""
    block = linked_sources(refs)
    return "\n".join([text, *block]) if block else text


def timeline_refs(timeline: Timeline) -> list[ArticleRef]:
    """The articles a timeline cites, dated lines first."""
    return [ref for entry in (*timeline.entries, *timeline.undated) for ref in entry.sources]


def compare_refs(comparison: Comparison) -> list[ArticleRef]:
    """The articles a comparison cites: each side's articles, sentence and quote."""
    refs: list[ArticleRef] = []
    for side in (comparison.a, comparison.b):
        refs += side.refs
        refs += [hit.ref for hit in (side.sentence, side.quote) if hit is not None]
    return refs


def search_refs(answer: SearchAnswer) -> list[ArticleRef]:
    """The articles a search found, best first."""
    return [hit.article for hit in answer.hits]


def summary_refs(summary: Summary) -> list[ArticleRef]:
    """The articles a summary cites, in the order it cites them."""
    head = [summary.article] if summary.article else list(summary.articles[:CITED_ARTICLES])
    dated = [ref for key in summary.dates for ref in key.refs]
    return [*head, *(line.ref for line in summary.lines), *dated]
