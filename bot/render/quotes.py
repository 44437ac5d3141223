"""`quotes SPEAKER`: each quote on one cited line, then the sources with their links.

A line reads `[#4 ABC News, 2015-11-23] “…” (direct; Putin said)`: the citation, the words in
quotation marks, the kind, and the speaker as the article wrote them with the cue verb.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bot.render.cite import cite, link, ref_json, shorten
from bot.render.opening import quotes_opening, range_words
from bot.services.people import QuotesAnswer
from storage.quotes_repo import QuoteCounts, QuoteRecord

QUOTE_LIMIT = 360
_IRREGULAR = {
    "say": "said",
    "tell": "told",
    "write": "wrote",
    "admit": "admitted",
    "quip": "quipped",
    "dub": "dubbed",
    "go": "went on",
    "shoot": "shot back",
    "hit": "hit back",
    "fire": "fired back",
}


def past(verb: str) -> str:
    """The cue lemma as the past tense a reader expects: say → said, deny → denied."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def quote_line(quote: QuoteRecord) -> str:
    """One quote: citation, the words in quotation marks, kind and who said it as written."""
    said = f"{quote.speaker_text} {past(quote.cue)}" if quote.cue else quote.speaker_text
    return f"{cite(quote.article)} “{shorten(quote.text, QUOTE_LIMIT)}” ({quote.kind}; {said})"


def source_lines(quotes: Iterable[QuoteRecord]) -> list[str]:
    """Each cited article once: citation, title and where to read it."""
    refs = {q.article.id: q.article for q in quotes}
    return [f"{cite(r)} {r.title or '(untitled)'} — {link(r)}" for r in refs.values()]


def _about(answer: QuotesAnswer) -> str:
    topic = f" about “{answer.topic}”" if answer.topic else ""
    return f"{answer.speaker.name}{topic}{range_words(answer.start, answer.end)}"


def _left_out(counts: QuoteCounts) -> list[str]:
    n = counts.undated_left_out
    if not n:
        return []
    return [f"({n} undated quote{'s' if n != 1 else ''} left out by the date range)"]


def _nothing(answer: QuotesAnswer) -> str:
    line = f"No quotes by {_about(answer)} in the corpus."
    total = answer.counts.total
    if total and (answer.topic or answer.start or answer.end):
        line += f" ({total} quote{'s' if total != 1 else ''} by {answer.speaker.name} in all.)"
    return line


def quotes_lines(answer: QuotesAnswer) -> tuple[str, list[str]]:
    """The header and the body lines, for the CLI text."""
    if not answer.quotes:
        return _nothing(answer), _left_out(answer.counts)
    shown, matched = len(answer.quotes), answer.counts.matched
    count = f"{shown} of {matched}" if shown < matched else f"{matched}"
    header = f"Quotes by {_about(answer)}: {count}, newest first"
    body = [quote_line(q) for q in answer.quotes] + _left_out(answer.counts)
    return header, [*body, "Sources:", *source_lines(answer.quotes)]


def quotes_text(answer: QuotesAnswer) -> str:
    """`analyst quotes SPEAKER`: the opening sentence, then the whole answer as plain text."""
    header, body = quotes_lines(answer)
    opening = quotes_opening(answer)
    return "\n".join([*([opening] if opening else []), header, *body])


def quote_json(quote: QuoteRecord) -> dict[str, Any]:
    """One quote as JSON."""
    return {
        "id": quote.id,
        "text": quote.text,
        "kind": quote.kind,
        "cue": quote.cue,
        "speaker": quote.speaker_name,
        "speaker_as_written": quote.speaker_text,
        "date": quote.article.published.isoformat() if quote.article.published else None,
        "sentence": quote.sentence,
        "article": ref_json(quote.article),
    }


def quotes_json(answer: QuotesAnswer) -> dict[str, Any]:
    """`analyst quotes SPEAKER --json`."""
    counts = answer.counts
    return {
        "summary": quotes_opening(answer),
        "speaker": speaker_json(answer),
        "topic": answer.topic,
        "from": answer.start.isoformat() if answer.start else None,
        "to": answer.end.isoformat() if answer.end else None,
        "total": counts.total,
        "matched": counts.matched,
        "undated_left_out": counts.undated_left_out,
        "quotes": [quote_json(q) for q in answer.quotes],
    }


def speaker_json(answer: QuotesAnswer) -> dict[str, Any]:
    """The resolved speaker."""
    s = answer.speaker
    return {"id": s.id, "name": s.name, "kind": s.kind, "mentions": s.mentions}
