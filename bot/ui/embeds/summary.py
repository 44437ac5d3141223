"""/summary as Discord reads it: the chosen sentences, each with a source to click, then fields
for the key people and dates."""

from __future__ import annotations

from bot.render.opening import summary_opening
from bot.render.summary import CITED_ARTICLES, date_text, nothing_text, summary_json
from bot.services.summary import Summary
from bot.ui.escape import escape_corpus
from bot.ui.links import source_link, source_links
from bot.ui.page import Answer, EmbedBook, Export, answer, fit

SENTENCE_LIMIT = 400


def _title(summary: Summary) -> str:
    if summary.article is not None:  # the opening names the article: the title stays short
        return f"Summary of article #{summary.article.id}"
    return f"Summary: {summary.topic}" if summary.topic else "Summary"


def summary_answer(summary: Summary, export_name: str = "summary") -> Answer:
    """The sentences in reading order, then people and key dates as fields."""
    book = EmbedBook(_title(summary), opening=summary_opening(summary))
    export = Export(summary_json(summary), export_name)
    if not summary.articles:
        book.paragraph(escape_corpus(nothing_text(summary)))
        return answer(book, export)
    if summary.article is not None:
        book.paragraph(f"Source: {source_link(summary.article)}")
    else:
        count = len(summary.articles)
        noun = "article" if count == 1 else "articles"
        book.paragraph(f"{count} {noun}: {source_links(summary.articles, limit=CITED_ARTICLES)}")
    if summary.lines and summary.article is not None:  # one source, linked above
        book.lines(f"• {fit(line.text, SENTENCE_LIMIT)}" for line in summary.lines)
    elif summary.lines:
        book.lines(
            f"• {fit(line.text, SENTENCE_LIMIT)} {source_link(line.ref)}" for line in summary.lines
        )
    else:
        book.paragraph("No sentence long enough to summarise.")
    people = ", ".join(f"{escape_corpus(p.name)} ({p.mentions})" for p in summary.people)
    book.field("People (mentions)", people or "none named")
    dates = [
        f"**{date_text(k.date, k.precision)}** · "
        + "; ".join(f"“{escape_corpus(e)}”" for e in k.expressions)
        + f" · {source_links(k.refs, limit=2)}"
        for k in summary.dates
    ]
    book.field("Key dates", "\n".join(dates) or "none stored")
    return answer(book, export)
