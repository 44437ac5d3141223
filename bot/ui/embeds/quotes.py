"""/quotes as Discord reads it: one block per quote (the words, who said them, a source to click).

A block reads `> “…”` then `— Vladimir Putin (Putin said) · [ABC News, 23 Nov 2015](https://…)`.
The opening sentence says how many quotes from how many articles; the title names the speaker,
so no line repeats it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.render.opening import quotes_opening
from bot.render.quotes import QUOTE_LIMIT, past, quotes_json
from bot.render.quotes import quotes_lines as text_lines
from bot.services.people import QuotesAnswer
from bot.ui.escape import escape_corpus
from bot.ui.links import source_link
from bot.ui.page import Answer, EmbedBook, Export, Suggestion, answer, fit

if TYPE_CHECKING:  # a plain record, for typing only
    from storage.quotes_repo import QuoteRecord


def quote_block(quote: QuoteRecord) -> str:
    """The words as a block quote, then the speaker as written with the cue, and the source."""
    words = fit(quote.text, QUOTE_LIMIT)
    name = " ".join(quote.speaker_name.split())
    written = " ".join(quote.speaker_text.split())
    verb = past(quote.cue) if quote.cue else ""
    same = written.casefold() == name.casefold() or not written
    how = "" if same else f" ({escape_corpus(f'{written} {verb}'.strip())})"
    partial = " · partial" if quote.kind != "direct" else ""
    speaker = escape_corpus(name)
    return f"> “{words}”\n— **{speaker}**{how}{partial} · {source_link(quote.article)}"


def quotes_answer(answer_: QuotesAnswer) -> Answer:
    """The quotes, newest first, a block each; an empty answer says so in one line."""
    book = EmbedBook(f"Quotes by {answer_.speaker.name}", opening=quotes_opening(answer_))
    suggestions: list[Suggestion] = []
    if not answer_.quotes:
        header, _lines = text_lines(answer_)
        book.paragraph(escape_corpus(header))
        if answer_.counts.total and answer_.topic:
            suggestions.append(Suggestion("Any topic", (("topic", None),)))
        if answer_.counts.total and (answer_.start or answer_.end):
            suggestions.append(Suggestion("All dates", (("from_", None), ("to", None))))
    for quote in answer_.quotes:
        book.paragraph(quote_block(quote))
    left_out = answer_.counts.undated_left_out
    if left_out:
        quotes = "undated quote" if left_out == 1 else "undated quotes"
        book.paragraph(f"({left_out} {quotes} left out by the date range)")
    return answer(book, Export(quotes_json(answer_), "quotes"), suggestions=suggestions)
