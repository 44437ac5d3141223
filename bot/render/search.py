"""Search results as text (terminal and bot alike) and as JSON.

One line per article, best first, citing it:
`1. [#4 ABC News, 2015-11-23] Syria on Vladimir Putin's Mind … — …the nuclear deal reached…`.
`…` marks where the snippet cuts the text. Storage gives each snippet as plain text with its hits
as spans; the text marks them with the caller's `mark` (nothing by default, ANSI bold in a
terminal) and the JSON carries them as `[start, end]` pairs for any front end to mark its way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.render.cite import cite, ref_json, shorten
from bot.services.search import SearchAnswer
from storage.search import SearchHit

TITLE_LIMIT = 120

Mark = Callable[[str], str]  # a hit's text as shown


def unmarked(hit_text: str) -> str:
    """Hits shown as the rest of the text: plain output, pipes, files."""
    return hit_text


def ansi_bold(hit_text: str) -> str:
    """Hits in bold on a terminal (SGR 1, then 22: normal intensity, other styles untouched)."""
    return f"\x1b[1m{hit_text}\x1b[22m"


def marked_snippet(hit: SearchHit, mark: Mark = unmarked) -> str:
    """The hit's snippet with each highlight span passed through `mark`."""
    out, at = [], 0
    for start, end in hit.highlights:
        out += [hit.snippet[at:start], mark(hit.snippet[start:end])]
        at = end
    return "".join([*out, hit.snippet[at:]])


def _range_words(answer: SearchAnswer) -> str:
    first, last = answer.from_text, answer.to_text
    if first and last:
        return f" in {first}" if first == last else f" from {first} to {last}"
    if first:
        return f" from {first} on"
    return f" up to {last}" if last else ""


def _scope(answer: SearchAnswer) -> str:
    return f"“{answer.query}”{_range_words(answer)}"


def search_header(answer: SearchAnswer) -> str:
    """`3 articles match “nuclear deal”, best first:`; says so when only the best are shown, and
    when only the most recently added matches were ranked."""
    total, shown = answer.total, len(answer.hits)
    if answer.ranked_among:
        return (
            f"More than {total:,} articles match {_scope(answer)}; the best {shown} of the "
            f"{answer.ranked_among:,} added most recently:"
        )
    if total == 1:
        return f"1 article matches {_scope(answer)}:"
    if total == shown:
        return f"{total} articles match {_scope(answer)}, best first:"
    return f"{total} articles match {_scope(answer)}; the best {shown}:"


def search_opening(answer: SearchAnswer) -> str | None:
    """The header as a sentence (`3 articles match “nuclear deal”, best first.`) to open an
    answer that lists its hits otherwise; None when nothing matched (that one line says so)."""
    if not answer.hits:
        return None
    return search_header(answer).removesuffix(":") + "."


def hit_heading(hit: SearchHit) -> str:
    """`[#4 ABC News, 2015-11-23] Syria on Vladimir Putin's Mind …`: citation and short title."""
    return f"{cite(hit.article)} {shorten(hit.article.title or '(untitled)', TITLE_LIMIT)}"


def search_lines(answer: SearchAnswer, mark: Mark = unmarked) -> list[str]:
    """One line per hit: rank, citation, title, snippet (its hits passed through `mark`)."""
    return [
        f"{rank}. {hit_heading(hit)} — {marked_snippet(hit, mark)}"
        for rank, hit in enumerate(answer.hits, 1)
    ]


def search_text(answer: SearchAnswer, mark: Mark = unmarked) -> str:
    """`analyst search`: the header and a line per article, or one line saying nothing matched."""
    if not answer.hits:
        return f"No articles match {_scope(answer)}."
    return "\n".join([search_header(answer), *search_lines(answer, mark)])


def search_json(answer: SearchAnswer) -> dict[str, Any]:
    """`analyst search --json`; `summary` is the opening sentence, null when nothing matched."""
    return {
        "summary": search_opening(answer),
        "query": answer.query,
        "from": answer.start.isoformat() if answer.start else None,
        "to": answer.end.isoformat() if answer.end else None,
        "total": answer.total,
        "ranked_among": answer.ranked_among or None,
        "results": [
            {
                "rank": rank,
                "score": hit.score,
                "citation": cite(hit.article),
                "article": ref_json(hit.article),
                "snippet": hit.snippet,
                "highlights": [[start, end] for start, end in hit.highlights],
            }
            for rank, hit in enumerate(answer.hits, 1)
        ],
    }
