"""Text answers about the corpus itself: ingest summaries, stats, article lists and details.

One renderer serves the terminal and the bot; each function returns plain text (no colour codes)
and a JSON-ready dict, so `--json` and the text can never disagree about the facts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from bot.services.date_text import format_date
from storage.records import ArticleDetail, ArticleSummary, CorpusStats, EntityCount

if TYPE_CHECKING:
    from bot.services.ingest import Outcome


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def ingest_summary_text(outcomes: Sequence[Outcome]) -> str:
    """The closing lines of `analyst ingest`: counts, then every duplicate and failure with why."""
    counts = Counter(o.status for o in outcomes)
    head = f"{counts['new']} new, {counts['duplicate']} duplicate, {counts['failed']} failed" + (
        f", {counts['queued']} queued to retry" if counts["queued"] else ""
    )
    lines = [head]
    for outcome in outcomes:
        if outcome.status == "new":
            title = outcome.title or "(untitled)"
            lines.append(f"  new        #{outcome.article_id} {title} ({outcome.source})")
        else:
            lines.append(f"  {outcome.status:<10} {outcome.source}: {outcome.message}")
    return "\n".join(lines)


def ingest_summary_json(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """`analyst ingest --json`."""
    counts = Counter(o.status for o in outcomes)
    return {
        "new": counts["new"],
        "duplicate": counts["duplicate"],
        "failed": counts["failed"],
        "queued": counts["queued"],
        "results": [
            {
                "source": o.source,
                "status": o.status,
                "message": o.message,
                "article_id": o.article_id,
                "duplicate_of": o.duplicate_of,
                "title": o.title,
            }
            for o in outcomes
        ],
    }


def _entity_line(label: str, entities: Sequence[EntityCount]) -> str:
    if not entities:
        return f"{label}: none yet"
    items = ", ".join(f"{e.name} ({e.mentions} in {e.articles})" for e in entities)
    return f"{label}: {items}"


def stats_text(stats: CorpusStats) -> str:
    """`analyst stats`: what the corpus now holds."""
    if stats.articles == 0:
        return "The corpus is empty. Add articles with `analyst ingest PATH`."
    dated = stats.articles - stats.undated
    lines = [
        f"Articles: {stats.articles} ({dated} dated, {stats.undated} undated)"
        f" from {len(stats.outlets)} outlets",
        f"Published: {_range(stats.first_published, stats.last_published)}",
        "Outlets: " + (", ".join(f"{o} ({n})" for o, n in stats.outlets) or "none known"),
        f"Sentences: {stats.sentences}; distinct entities: {stats.entities}",
        _entity_line("People", stats.people),
        _entity_line("Places", stats.places),
        _entity_line("Organisations", stats.organisations),
    ]
    if stats.jobs:
        lines.append("Queue: " + ", ".join(f"{n} {status}" for status, n in stats.jobs))
    lines.append("(entity counts: mentions in articles)")
    return "\n".join(lines)


def _range(first: date | None, last: date | None) -> str:
    if first is None or last is None:
        return "no article has a known date"
    return first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"


def _entities_json(entities: Sequence[EntityCount]) -> list[dict[str, Any]]:
    return [{"name": e.name, "mentions": e.mentions, "articles": e.articles} for e in entities]


def stats_json(stats: CorpusStats) -> dict[str, Any]:
    """`analyst stats --json`."""
    return {
        "articles": stats.articles,
        "undated": stats.undated,
        "first_published": _iso(stats.first_published),
        "last_published": _iso(stats.last_published),
        "outlets": [{"name": o, "articles": n} for o, n in stats.outlets],
        "sentences": stats.sentences,
        "entities": stats.entities,
        "people": _entities_json(stats.people),
        "places": _entities_json(stats.places),
        "organisations": _entities_json(stats.organisations),
        "jobs": dict(stats.jobs),
    }


def article_line(article: ArticleSummary) -> str:
    """One article in a list: id, date as precise as known, outlet, title."""
    when = format_date(article.published, article.date_precision)
    outlet = f" · {article.outlet}" if article.outlet else ""
    return f"#{article.id} [{when}]{outlet} · {article.title or '(untitled)'}"


def articles_text(articles: Sequence[ArticleSummary], total: int, offset: int) -> str:
    """`analyst articles`."""
    if not articles:
        return "No articles." if total == 0 else f"No articles past #{offset} ({total} in all)."
    lines = [article_line(a) for a in articles]
    shown = f"{offset + 1}-{offset + len(articles)}"
    lines.append(f"({shown} of {total}; newest first, undated last)")
    return "\n".join(lines)


def article_summary_json(article: ArticleSummary) -> dict[str, Any]:
    """One article's metadata as JSON."""
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "author": article.author,
        "published": _iso(article.published),
        "date_precision": article.date_precision,
        "source": article.source,
        "words": article.word_count,
        "ingested_at": article.ingested_at.isoformat(),
    }


def article_text(detail: ArticleDetail, *, show_text: bool, show_dropped: bool) -> str:
    """`analyst article ID`: metadata, the cleaned text, and what cleaning dropped."""
    a = detail.summary
    when = format_date(a.published, a.date_precision)
    source = f" (from {detail.date_source})" if detail.date_source else ""
    lines = [
        f"#{a.id} {a.title or '(untitled)'}",
        f"Outlet: {a.outlet or 'unknown'} · Author: {a.author or 'unknown'}",
        f"Published: {when}{source}",
        f"Source: {detail.canonical_url or a.source}",
        f"{a.word_count} words, {detail.sentence_count} sentences",
    ]
    if detail.top_entities:
        lines.append("Mentions: " + ", ".join(f"{n} ({c})" for n, _k, c in detail.top_entities))
    if show_text:
        lines += ["", detail.text]
    if show_dropped:
        lines += ["", f"Dropped by cleaning ({len(detail.dropped)} lines):"]
        lines += [f"  line {n}: [{reason}] {text}" for n, text, reason in detail.dropped]
    return "\n".join(lines)


def article_json(detail: ArticleDetail) -> dict[str, Any]:
    """`analyst article ID --json`."""
    return {
        **article_summary_json(detail.summary),
        "canonical_url": detail.canonical_url,
        "date_source": detail.date_source,
        "sentences": detail.sentence_count,
        "text": detail.text,
        "dropped": [{"line": n, "text": t, "reason": r} for n, t, r in detail.dropped],
        "top_entities": [{"name": n, "kind": k, "mentions": c} for n, k, c in detail.top_entities],
    }
