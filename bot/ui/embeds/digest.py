"""The digest as Discord reads it: a head embed, then an embed per story.

The head names the window in the reader's own time zone (`<t:…:f>`, Discord shows each member
their local time), opens with the digest's summary sentence and counts the articles and
stories; the names rising on the last whole day (against the 14 days before) are a field of
it, each with a link to the article naming it most that day. Each story is an embed: its
title is the names its articles share (a story of one article is titled by the article and
links to it), its articles are lines ending in a source to click
(`[The Week, 15 Oct 2024](https://…)`, a file name for a file, never a server path), and the
dated events and notable quotes its articles report follow as fields; event dates are plain,
since they are history, not the reader's clock. Past `STORY_EMBEDS` stories, the rest share one
embed. The embeds are grouped into messages of at most ten embeds and 6,000 characters.
"""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.render.digest import digest_json, rising_counts, rising_heading
from bot.render.opening import digest_opening, plural
from bot.services.date_text import human_date
from bot.services.digest import (
    ArticleRef,
    Digest,
    Rising,
    Story,
    Window,
    WindowEvent,
    WindowQuote,
)
from bot.ui.cards import discord_timestamp
from bot.ui.escape import escape_corpus, safe_url
from bot.ui.links import source_link, web_url
from bot.ui.page import Answer, EmbedBook, Export, Page, fit, group_embeds

STORY_EMBEDS = 20  # stories shown as an embed each; the rest share one
TITLE_WORDS = 200  # characters of an article title in a story's list
TEXT_WORDS = 280  # characters of an event or a quote


def title(day: str | None = None) -> str:
    """`Daily digest — 2026-11-23`, or the preview's title."""
    return f"Daily digest — {day}" if day else "Digest preview"


def nothing_new(window: Window) -> str:
    """The quiet-day line, the window's start in the reader's time."""
    return f"Nothing new since {discord_timestamp(window.start)}."


def window_markup(window: Window) -> str:
    """`<t:…:f> → <t:…:f>`."""
    return f"{discord_timestamp(window.start)} → {discord_timestamp(window.end)}"


def _opening(digest: Digest) -> str:
    """The digest's summary sentence (plain text, escaped by the book)."""
    return digest_opening(digest) or f"{plural(digest.articles, 'new article')}."


def head_embeds(digest: Digest, heading: str) -> list[discord.Embed]:
    """The digest's head: the summary sentence, the window, the counts and what is rising."""
    book = EmbedBook(heading, opening=_opening(digest))
    if digest.listed < digest.articles:
        book.paragraph(f"The first {digest.listed} are listed.")
    book.field("Window", window_markup(digest.window))
    book.field("New articles", str(digest.articles), inline=True)
    book.field("Stories", str(len(digest.stories)), inline=True)
    if digest.events_total > len(digest.events):
        shown = f"the newest {len(digest.events)} of {digest.events_total} are shown"
        book.field("Dated events", shown)
    if digest.rising:
        book.field(rising_title(digest.rising[0]), "\n".join(map(rising_line, digest.rising)))
    return book.embeds()


def rising_title(item: Rising) -> str:
    """`Rising on 4 Dec 2026`: the day the spikes are of (a plain date: it is the corpus's)."""
    return rising_heading(human_date(item.day, "day") if item.day else None)


def rising_line(item: Rising) -> str:
    """`• Kaja Kallas: 12 mentions against 1.4 a day in the 14 days before`, with a link to
    the article naming it most that day."""
    name = escape_corpus(" ".join(item.name.split()))
    name = f"“{name}”" if item.kind == "term" else name
    line = f"• {name}: {rising_counts(item)}"
    return f"{line} — {source_link(item.refs[0])}" if item.refs else line


def _title(ref: ArticleRef) -> str:
    return " ".join((ref.title or "(untitled)").split())


def article_line(ref: ArticleRef) -> str:
    """`• Title — [The Week, 15 Oct 2024](https://…)`."""
    return f"• {fit(_title(ref), TITLE_WORDS)} — {source_link(ref)}"


def event_date(event: WindowEvent) -> str:
    """`11 Oct 2024`, `week of 7 Oct 2024`, `Oct 2024`, `2024`: plain, as precise as known."""
    return human_date(event.date, event.precision)


def event_line(event: WindowEvent, *, cite: bool) -> str:
    """`• 11 Oct 2024 · what happened` (a plain date: history), with its source when the
    story has several articles."""
    when = event_date(event)
    text = f"• {when} · {fit(event.text, TEXT_WORDS)}"
    return f"{text} — {source_link(event.ref)}" if cite else text


def quote_line(quote: WindowQuote, *, cite: bool) -> str:
    """`• **Speaker**: “words” (direct)`, with its source when the story has several."""
    speaker = escape_corpus(" ".join(quote.speaker.split()))
    words = fit(quote.text, TEXT_WORDS)
    kind = escape_corpus(quote.kind)
    text = f"• **{speaker}**: “{words}” ({kind})"
    return f"{text} — {source_link(quote.ref)}" if cite else text


def _story_heading(story: Story) -> str:
    if len(story.articles) == 1:
        return _title(story.articles[0])
    return " · ".join(story.label) or "Related articles"


def story_embeds(
    story: Story, events: Sequence[WindowEvent], quotes: Sequence[WindowQuote]
) -> list[discord.Embed]:
    """One story: its articles with their sources, then its events and quotes as fields."""
    single = len(story.articles) == 1
    url = web_url(story.articles[0]) if single else None
    book = EmbedBook(_story_heading(story), url=safe_url(url) if url else None)
    if single:
        book.paragraph(source_link(story.articles[0]))
    else:
        book.paragraph(plural(len(story.articles), "article"))
        book.lines(map(article_line, story.articles))
    _sections(book, events, quotes, cite=not single)
    return book.embeds()


def others_embeds(
    stories: Sequence[Story], events: Sequence[WindowEvent], quotes: Sequence[WindowQuote]
) -> list[discord.Embed]:
    """The stories past `STORY_EMBEDS`, their articles listed in one embed (more if long)."""
    refs = [ref for story in stories for ref in story.articles]
    book = EmbedBook("Other new articles" if refs else "More from the new articles")
    if refs:
        book.paragraph(plural(len(refs), "article"))
        book.lines(map(article_line, refs))
    _sections(book, events, quotes, cite=True)
    return book.embeds()


def _sections(
    book: EmbedBook, events: Sequence[WindowEvent], quotes: Sequence[WindowQuote], *, cite: bool
) -> None:
    if events:
        book.field("New dated events", "\n".join(event_line(e, cite=cite) for e in events))
    if quotes:
        book.field("Notable quotes", "\n".join(quote_line(q, cite=cite) for q in quotes))


def digest_embeds(digest: Digest, heading: str) -> list[discord.Embed]:
    """The head, then an embed per story (the stories past `STORY_EMBEDS` share one)."""
    embeds = head_embeds(digest, heading)
    shown, rest = digest.stories[:STORY_EMBEDS], digest.stories[STORY_EMBEDS:]
    placed: set[int] = set()
    for story in shown:
        ids = {ref.id for ref in story.articles} - placed
        placed |= ids
        events = [e for e in digest.events if e.ref.id in ids]
        quotes = [q for q in digest.quotes if q.ref.id in ids]
        embeds += story_embeds(story, events, quotes)
    events = [e for e in digest.events if e.ref.id not in placed]
    quotes = [q for q in digest.quotes if q.ref.id not in placed]
    if rest or events or quotes:
        embeds += others_embeds(rest, events, quotes)
    return embeds


def digest_pages(digest: Digest | None, window: Window, heading: str) -> list[Page]:
    """The messages of a posted digest; a quiet day is one short embed."""
    if digest is None:
        book = EmbedBook(heading)
        book.paragraph(nothing_new(window))
        return group_embeds(book.embeds())
    return group_embeds(digest_embeds(digest, heading))


def digest_answer(digest: Digest) -> Answer:
    """`/digest now`: the preview's messages, paged, with the digest's JSON to export."""
    pages = group_embeds(digest_embeds(digest, title()))
    return Answer(pages, export=Export(digest_json(digest, digest.window), "digest"))
