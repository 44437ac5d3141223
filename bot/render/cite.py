"""Citations in the CLI's text and JSON, shared by all renderers.

A citation is short and the same everywhere in the text: `[#3 The Week, 2024-10-15]`. Its JSON
twin carries the full provenance (canonical URL, else the file path). Discord cites with
clickable links instead (`bot.ui.links`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bot.services.date_text import format_date
from storage.records_cite import ArticleRef

DISCORD_MESSAGE_LIMIT = 2000
MAX_LINE = 400


def cite(ref: ArticleRef) -> str:
    """`[#3 The Week, 2024-10-15]`; unknown parts are left out, an undated article says so."""
    parts = [f"#{ref.id}"]
    if ref.outlet:
        parts.append(f" {ref.outlet},")
    parts.append(f" {format_date(ref.published, ref.date_precision)}")
    return "[" + "".join(parts).replace(",  ", ", ") + "]"


def cite_many(refs: Iterable[ArticleRef]) -> str:
    """Several sources for one line (the same event reported by several articles)."""
    seen: dict[int, ArticleRef] = {}
    for ref in refs:
        seen.setdefault(ref.id, ref)
    return " ".join(cite(ref) for ref in seen.values())


def link(ref: ArticleRef) -> str:
    """Where the article can be read: its canonical URL, else the file it came from."""
    return ref.url or ref.source


def ref_json(ref: ArticleRef) -> dict[str, Any]:
    """A citation as JSON."""
    return {
        "id": ref.id,
        "title": ref.title,
        "outlet": ref.outlet,
        "published": ref.published.isoformat() if ref.published else None,
        "date_precision": ref.date_precision,
        "link": link(ref),
    }


def shorten(text: str, limit: int = MAX_LINE) -> str:
    """Trim at a word boundary with an ellipsis so one line never floods a message."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"
