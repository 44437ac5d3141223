"""`analyst article N --quotes`: every quote stored for one article with the speaker it is
linked to, so a quote `/quotes NAME` cannot reach (unlinked, or under another person) shows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.render.quotes import past
from storage.quotes_repo import ArticleQuote


def _speaker(quote: ArticleQuote) -> str:
    """Who `/quotes` finds it under, and how the article wrote it when that differs."""
    written = quote.speaker_text
    if quote.speaker_name is None:
        return f"unlinked ({written})"
    if written.casefold() == quote.speaker_name.casefold():
        return quote.speaker_name
    return f"{quote.speaker_name} (as written: {written})"


def article_quotes_text(quotes: Sequence[ArticleQuote]) -> str:
    """One line per quote: speaker, kind and cue, then the words."""
    if not quotes:
        return "Quotes: none found."
    lines = [f"Quotes ({len(quotes)}):"]
    for quote in quotes:
        cue = f", {past(quote.cue)}" if quote.cue else ""
        lines.append(f"  {_speaker(quote)} [{quote.kind}{cue}]: “{quote.text}”")
    return "\n".join(lines)


def article_quotes_json(quotes: Sequence[ArticleQuote]) -> list[dict[str, Any]]:
    """The same as JSON: `speaker` is the linked person (null when unlinked)."""
    return [
        {
            "text": q.text,
            "kind": q.kind,
            "cue": q.cue,
            "speaker": q.speaker_name,
            "speaker_as_written": q.speaker_text,
            "sentence": q.sentence,
        }
        for q in quotes
    ]
