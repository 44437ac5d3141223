"""/compare as Discord reads it: the two periods side by side, a pair of fields per category.

Each category (people, places, organisations, terms) is two inline fields, the first period
left and the second right, each name with its mentions in that period and the other; "Both"
follows, then each period's representative sentence and quote with a source to click, and the
chart inside the embed.
"""

from __future__ import annotations

from bot.render.compare import KIND_LABELS, compare_json, empty_text
from bot.render.opening import compare_opening, plural
from bot.services.compare import Comparison, Item, Side
from bot.ui.escape import escape_corpus
from bot.ui.links import source_link, source_links
from bot.ui.page import Answer, Attachment, EmbedBook, Export, Suggestion, answer, fit

SENTENCE_LIMIT = 300
ITEMS_PER_FIELD = 8


def _item(item: Item, side: str) -> str:
    own, other = (item.count_a, item.count_b) if side == "a" else (item.count_b, item.count_a)
    return f"{escape_corpus(item.name)} · {own} (vs {other})"


def _items(items: tuple[Item, ...], side: str) -> str:
    return "\n".join(_item(i, side) for i in items[:ITEMS_PER_FIELD]) or "—"


def _side_head(side: Side) -> str:
    head = plural(side.articles, "article")
    return head + (f"\n{source_links(side.refs, limit=3)}" if side.refs else "")


def _example(side: Side) -> str:
    parts = []
    if side.sentence is not None:
        sentence = fit(side.sentence.text, SENTENCE_LIMIT)
        parts.append(f"“{sentence}” — {source_link(side.sentence.ref)}")
    if side.quote is not None:
        quote = side.quote
        parts.append(
            f"**{escape_corpus(quote.speaker)}**: “{fit(quote.text, SENTENCE_LIMIT)}” — "
            f"{source_link(quote.ref)}"
        )
    return "\n".join(parts) or "nothing stored"


def nearest_years(comparison: Comparison, limit: int = 4) -> list[Suggestion]:
    """For a period with no articles, the years nearest to it that have some, as buttons."""
    suggestions: list[Suggestion] = []
    for parameter, side, other in (
        ("a", comparison.a, comparison.b),
        ("b", comparison.b, comparison.a),
    ):
        if side.articles:
            continue
        years = [y for y in comparison.years if str(y) != other.label]
        years.sort(key=lambda year: (abs(year - side.start.year), year))
        suggestions += [
            Suggestion(f"{year} instead of {side.label}", ((parameter, str(year)),))
            for year in years[:limit]
        ]
    return suggestions[:limit]


def compare_answer(comparison: Comparison, chart: bytes | None) -> Answer:
    """Both periods as side-by-side fields, what both share, examples, and the chart."""
    a, b = comparison.a, comparison.b
    title = f"{a.label} vs {b.label}" + (f" about {comparison.topic}" if comparison.topic else "")
    export = Export(compare_json(comparison), "compare")
    if comparison.empty:
        book = EmbedBook(title)
        book.paragraph(escape_corpus(empty_text(comparison)))
        return answer(book, export, suggestions=nearest_years(comparison))
    image = Attachment("compare.png", chart) if chart is not None else None
    book = EmbedBook(title, opening=compare_opening(comparison), image=image)
    legend = "Mentions in that period (vs the other); ranked by log-odds z-score."
    if comparison.undated:
        legend += f" {plural(comparison.undated, 'undated article')} fit no period."
    book.paragraph(legend)
    book.field(escape_corpus(a.label), _side_head(a), inline=True)
    book.field(escape_corpus(b.label), _side_head(b), inline=True)
    book.field("\u200b", "\u200b", inline=True)  # ends the row: two columns, not three
    for kind, label, _key in KIND_LABELS:
        left, right = a.of_kind(kind), b.of_kind(kind)
        if not left and not right:
            continue
        book.field(f"{label}, {escape_corpus(a.label)}", _items(left, "a"), inline=True)
        book.field(f"{label}, {escape_corpus(b.label)}", _items(right, "b"), inline=True)
        book.field("\u200b", "\u200b", inline=True)
    shared = ", ".join(
        f"{escape_corpus(i.name)} ({i.count_a} vs {i.count_b})" for i in comparison.shared
    )
    book.field("Both", shared or "nothing used often on both sides")
    book.field(f"In {escape_corpus(a.label)}", _example(a))
    book.field(f"In {escape_corpus(b.label)}", _example(b))
    return answer(book, export)
