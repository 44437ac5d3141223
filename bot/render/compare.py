"""`/compare` as text and JSON: each period's distinguishing items, sentence and quote, then both.

Counts in parentheses are always "first period vs second period", in the order the user typed.
"""

from __future__ import annotations

from typing import Any

from bot.render.cite import cite, ref_json, shorten
from bot.render.opening import compare_opening
from bot.services.compare import Comparison, Item, Side
from storage.compare_repo import QuoteHit, SentenceHit

KIND_LABELS = (
    ("person", "People", "people"),
    ("place", "Places", "places"),
    ("org", "Organisations", "organisations"),
    ("term", "Terms", "terms"),
)
SENTENCE_LIMIT = 400
NO_QUOTES = "no quotes stored for this period"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _about(topic: str | None) -> str:
    return f" about {topic}" if topic else ""


def empty_text(comparison: Comparison) -> str:
    """One line: which period holds nothing, and which years do hold articles."""
    empty = [s.label for s in (comparison.a, comparison.b) if s.articles == 0]
    about = _about(comparison.topic)
    line = f"No articles{about} in {' or '.join(dict.fromkeys(empty))}."
    if comparison.years:
        line += f" Years with articles{about}: {', '.join(map(str, comparison.years))}."
    else:
        line += f" No article{about} has a known publication date."
    if comparison.undated:
        line += f" {_undated(comparison.undated)}."
    return line


def _undated(n: int) -> str:
    verb = "fits" if n == 1 else "fit"
    return f"{_plural(n, 'undated article')} {verb} no period"


def _counts(item: Item) -> str:
    return f"{item.name} ({item.count_a} vs {item.count_b})"


def _side_head(side: Side) -> str:
    cites = " ".join(cite(r) for r in side.refs)
    more = " …" if side.articles > len(side.refs) else ""
    return f"{side.label} — {_plural(side.articles, 'article')} {cites}{more}".rstrip()


def _sentence_line(hit: SentenceHit | None) -> str:
    if hit is None:
        return "  Sentence: none stored"
    return f"  Sentence: “{shorten(hit.text, SENTENCE_LIMIT)}” {cite(hit.ref)}"


def _quote_line(hit: QuoteHit | None) -> str:
    if hit is None:
        return f"  Quote: {NO_QUOTES}"
    return f"  Quote: {hit.speaker}: “{shorten(hit.text, SENTENCE_LIMIT)}” {cite(hit.ref)}"


def side_lines(side: Side) -> list[str]:
    """The block of one period: head line citing its articles, items, sentence, quote."""
    lines = [_side_head(side)]
    for kind, label, _key in KIND_LABELS:
        items = side.of_kind(kind)
        if items:
            lines.append(f"  {label}: " + ", ".join(_counts(i) for i in items))
    if not side.items:
        lines.append("  Nothing sets it apart from the other period.")
    return [*lines, _sentence_line(side.sentence), _quote_line(side.quote)]


def compare_text(comparison: Comparison) -> str:
    """`analyst compare A B`: both periods, what distinguishes each, and what they share."""
    if comparison.empty:
        return empty_text(comparison)
    a, b = comparison.a, comparison.b
    head = f"{a.label} vs {b.label}{_about(comparison.topic)}: what sets each period apart"
    legend = f"(n vs m) = mentions in {a.label} vs {b.label}; ranked by log-odds z-score"
    if comparison.undated:
        legend += f"; {_undated(comparison.undated)}"
    opening = compare_opening(comparison)
    lines = [*([opening] if opening else []), head, legend + "."]
    lines += ["", *side_lines(a), "", *side_lines(b), ""]
    if comparison.shared:
        lines.append("Both: " + ", ".join(_counts(i) for i in comparison.shared))
    else:
        lines.append("Both: nothing used often on both sides.")
    return "\n".join(lines)


def _item_json(item: Item, side: str) -> dict[str, Any]:
    own, other = (item.count_a, item.count_b) if side == "a" else (item.count_b, item.count_a)
    return {
        "name": item.name,
        "count": own,
        "other_count": other,
        "z": item.z if side == "a" else -item.z,
    }


def side_json(side: Side, which: str) -> dict[str, Any]:
    """One period as JSON; `z` is positive, leaning to this period."""
    data: dict[str, Any] = {
        "label": side.label,
        "start": side.start.isoformat(),
        "end": side.end.isoformat(),
        "articles": side.articles,
        "cited": [ref_json(r) for r in side.refs],
    }
    for kind, _label, key in KIND_LABELS:
        data[key] = [_item_json(i, which) for i in side.of_kind(kind)]
    data["sentence"] = side.sentence and {
        "text": side.sentence.text,
        "position": side.sentence.position,
        "article": ref_json(side.sentence.ref),
    }
    data["quote"] = side.quote and {
        "speaker": side.quote.speaker,
        "text": side.quote.text,
        "kind": side.quote.kind,
        "article": ref_json(side.quote.ref),
    }
    return data


def compare_json(comparison: Comparison) -> dict[str, Any]:
    """`analyst compare A B --json`."""
    return {
        "summary": compare_opening(comparison),
        "topic": comparison.topic,
        "message": empty_text(comparison) if comparison.empty else None,
        "undated": comparison.undated,
        "years_with_articles": list(comparison.years),
        "sides": [side_json(comparison.a, "a"), side_json(comparison.b, "b")],
        "shared": [
            {"name": i.name, "kind": i.kind, "counts": [i.count_a, i.count_b], "z": i.z}
            for i in comparison.shared
        ],
    }
