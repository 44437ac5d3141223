"""/who as Discord reads it: a profile in fields, the mentions chart as the embed's image.

Fields: how the corpus writes the name, mentions by year, first and latest mention (sources to
click), who appears with them, places and organisations alongside; then the latest quotes, a
block each, as /quotes shows them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.render.opening import plural, who_opening
from bot.render.who import KINDS, by_year, who_json
from bot.services.people import WhoAnswer
from bot.ui.embeds.quotes import quote_block
from bot.ui.escape import escape_corpus
from bot.ui.links import source_link
from bot.ui.page import Answer, Attachment, EmbedBook, Export, answer

if TYPE_CHECKING:  # a plain record, for typing only
    from storage.profiles import Companion, EntityProfile


def _companions(items: Sequence[Companion]) -> str:
    return ", ".join(f"{escape_corpus(c.name)} ({c.sentences})" for c in items)


def _mentions(profile: EntityProfile) -> str:
    if not profile.mentions:
        return "none"
    years = " · ".join(f"{y or 'undated'}: {n}" for y, n, _a in by_year(profile.months))
    return f"{profile.mentions} in {plural(profile.articles, 'article')}\n{years}"


def _edges(profile: EntityProfile) -> str | None:
    if profile.first is None or profile.last is None:
        return None if not profile.mentions else "only undated articles"
    if profile.first.id == profile.last.id:
        return f"only dated mention: {source_link(profile.first)}"
    return f"first: {source_link(profile.first)}\nlatest: {source_link(profile.last)}"


def who_answer(answer_: WhoAnswer, chart: bytes | None) -> Answer:
    """The profile as fields, then the latest quotes; the chart inside the embed."""
    profile = answer_.profile
    image = Attachment("who.png", chart) if chart is not None else None
    kind = KINDS.get(profile.kind, profile.kind)
    book = EmbedBook(f"{profile.name} ({kind})", opening=who_opening(answer_), image=image)
    more = profile.alias_count - len(profile.aliases)
    aliases = ", ".join(escape_corpus(a) for a in profile.aliases) + (
        f" (+{more} more)" if more > 0 else ""
    )
    book.field("Written as", aliases or "—")
    book.field("Mentions", _mentions(profile), inline=True)
    edges = _edges(profile)
    if edges:
        book.field("First and latest", edges, inline=True)
    if profile.people:
        book.field("Appears with (sentences shared)", _companions(profile.people))
    if profile.others:
        book.field("Places and organisations alongside", _companions(profile.others))
    if answer_.quotes:
        shown = len(answer_.quotes)
        count = f"{shown} of {answer_.quote_count}" if answer_.quote_count > shown else str(shown)
        book.field(f"Latest quotes ({count})", "\n\n".join(quote_block(q) for q in answer_.quotes))
    else:
        book.field("Quotes", "none in the corpus")
    return answer(book, Export(who_json(answer_), "who"))
