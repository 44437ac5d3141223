"""/search as Discord reads it: one block per article, the matching words in bold.

A block reads `**1.** Syria on Vladimir Putin's Mind … — [ABC News, 23 Nov 2015](https://…) · #4`
then the snippet, `…the **nuclear** **deal** reached in July…`. The snippet comes from storage
as plain text with its hits as spans: `discord_snippet` escapes all of it and bolds the spans
alone, so an article's own `**` or `__` stays text. The article's number (`#4`) is what
/summary and /article take. The opening sentence says how many articles match.
"""

from __future__ import annotations

from bot.render.search import search_json, search_opening, search_text
from bot.services.search import SearchAnswer, SearchHit
from bot.ui.escape import escape_corpus
from bot.ui.highlight import discord_snippet
from bot.ui.links import source_link
from bot.ui.page import Answer, EmbedBook, Export, answer, fit

TITLE = "Search"
HIT_TITLE_LIMIT = 200  # escaped characters of an article's title in its block


def hit_block(rank: int, hit: SearchHit) -> str:
    """The article's rank, title, source and number, then its snippet with the hits in bold."""
    title = fit(hit.article.title or "(untitled)", HIT_TITLE_LIMIT)
    heading = f"**{rank}.** {title} — {source_link(hit.article)} · #{hit.article.id}"
    return f"{heading}\n{discord_snippet(hit.snippet, hit.highlights)}"


def search_answer(answer_: SearchAnswer) -> Answer:
    """The hits, best first, a block each; no match says so in one line."""
    book = EmbedBook(TITLE, opening=search_opening(answer_))
    if not answer_.hits:
        book.paragraph(escape_corpus(search_text(answer_)))
    for rank, hit in enumerate(answer_.hits, 1):
        book.paragraph(hit_block(rank, hit))
    return answer(book, Export(search_json(answer_), "search"))
