"""Followed feeds as Discord reads them: an article's card, the feed list with its health, notices.

A card is one embed per article a feed brought in: the article's title linking to its stored
address (never to anything in the feed), its summary's two sentences, then the outlet, the date
(`<t:…:D>`, in each reader's calendar), the feed it came from and the people it names as fields
(not the footer: a footer shows no Markdown, so an escaped name would show its backslashes).
`/feed list` is a field per feed: where it posts, when it was last fetched (`<t:…:R>`), what the
last successful fetch brought, the last error and, for a paused feed, why and how to restart it.
Feed titles, site names, summaries and errors come from other people's servers: all of it is
escaped; an address is only ever a link to the address the feed was added with, and addresses in
an import's problems lose any user name and password. Notices and answers ping no one.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import discord

from bot.render.opening import listing, plural
from bot.ui.cards import card_date, discord_timestamp
from bot.ui.escape import safe_url
from bot.ui.links import web_address
from bot.ui.page import Answer, EmbedBook, answer, fit

if TYPE_CHECKING:  # plain records, for typing only
    from bot.services.feeds import FeedCard, FeedRecord, ImportResult

LIST_TITLE = "Followed feeds"
FEED_NAME_LIMIT = 200  # escaped characters of a feed's title in a field name or a line
ADDRESS_LIMIT = 120  # characters of an address shown as a link's label
ERROR_LIMIT = 300
PEOPLE_SHOWN = 8
SUMMARY_LIMIT = 1200  # escaped characters of the card's two sentences
FEED_FIELD = "Feed"
PROBLEMS_SHOWN = 10
THREAD_NAME_LIMIT = 100  # Discord's limit on a thread's (and a forum post's) name
CHOICE_LIMIT = 100
PAUSED, ACTIVE = "paused", "active"
RESUME_HINT = "an admin can start it again with /feed resume"
_CREDENTIALS = re.compile(r"(\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^/\s@]*@")
NO_FEEDS = "No feed is followed in this server: /feed add URL follows one."


def _plain(text: str | None, fallback: str = "") -> str:
    return " ".join((text or "").split()) or fallback


def feed_name(feed_title: str | None, url: str = "") -> str:
    """A feed's title (or address) escaped, on one line, as a notice or a list names it."""
    return fit(_plain(feed_title) or _plain(url, "(untitled feed)"), FEED_NAME_LIMIT)


def address_link(url: str) -> str:
    """The feed's address as a link labelled `host/path`, or as escaped text when it cannot be
    linked (a saved file, an odd scheme); the label holds no `://` of its own."""
    link = web_address(url)
    parts = urlsplit(url) if link else None
    label = f"{parts.netloc}{parts.path}" if parts else url
    label = _plain(label) or _plain(url, "(no address)")
    label = fit(label.replace("://", ": //"), ADDRESS_LIMIT)
    return f"[{label}]({safe_url(link)})" if link else label


def plain_address(url: str) -> str:
    """An address in message text: in `<>` so Discord shows no preview, made safe."""
    link = web_address(url)
    return f"<{safe_url(link)}>" if link else fit(_plain(url, "(no address)"), ADDRESS_LIMIT)


# -- the card -----------------------------------------------------------------------------------
def card_embed(card: FeedCard, feed_title: str | None) -> discord.Embed:
    """One article from a feed: title linked to the stored address, two sentences, outlet, date,
    the feed it came from, and people."""
    link = web_address(card.url)
    book = EmbedBook(_plain(card.title, "(untitled)"), url=safe_url(link) if link else None)
    summary = " ".join(_plain(s) for s in card.summary if _plain(s))
    if summary:
        book.paragraph(fit(summary, SUMMARY_LIMIT))
    if card.outlet:
        book.field("Outlet", fit(card.outlet, 200), inline=True)
    book.field("Published", card_date(card.published, card.date_precision), inline=True)
    book.field(FEED_FIELD, feed_name(feed_title, "a followed feed"), inline=True)
    if card.people:
        book.field("People", _people(card.people))
    return book.embeds()[0]


def _people(names: Sequence[str]) -> str:
    shown = [fit(name, 80) for name in names[:PEOPLE_SHOWN]]
    more = len(names) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def thread_name(title: str | None) -> str:
    """A thread's or forum post's name: the article's title on one line, within Discord's 100
    characters (names are not Markdown, so nothing is escaped)."""
    name = _plain(title, "Untitled article")
    return name if len(name) <= THREAD_NAME_LIMIT else name[: THREAD_NAME_LIMIT - 1] + "…"


# -- notices in the feed's channel --------------------------------------------------------------
def more_line(feed_title: str | None, count: int, *, digest: bool = True) -> str:
    """`…and 7 more new items from **Harbour Desk**; they will be in the digest.` (without a
    daily digest in the server: they are added without a card, /search finds them)."""
    more = plural(count, "more new item")
    where = "they will be in the digest" if digest else "they are added without a card"
    return f"…and {more} from **{feed_name(feed_title)}**; {where}."


def paused_notice(feed_title: str | None, url: str, reason: str, failures: int) -> str:
    """The one message a dying feed's channel gets: which feed, why, and how to restart it."""
    why = fit(_plain(reason, "unknown error"), ERROR_LIMIT)
    return (
        f"⏸️ Stopped following **{feed_name(feed_title, url)}** ({plain_address(url)}) after "
        f"{plural(failures, 'failed poll')} in a row. The last error: {why}. "
        f"Once it works again, {RESUME_HINT}."
    )


# -- answers to the commands --------------------------------------------------------------------
def _where(feed: FeedRecord, forum: bool = False) -> str:
    """Where and how a feed's new articles go."""
    if feed.mode != "cards":
        return "in the daily digest only"
    channel = f"<#{feed.channel_id}>" if feed.channel_id else "no channel"
    if forum:
        return f"as a post each in {channel}"
    threads = ", a thread each" if feed.as_threads else ""
    return f"as cards in {channel}{threads}"


def added_text(feed: FeedRecord, *, forum: bool = False, per_poll: int = 5) -> str:
    """What /feed add says: the feed, where its articles go, and how many cards a poll posts."""
    name = feed_name(feed.title, feed.url)
    limit = f" (at most {per_poll} a poll; the rest wait for the digest)"
    limit = limit if feed.mode == "cards" else ""
    return f"Following **{name}** (#{feed.id}): new articles {_where(feed, forum)}{limit}."


def removed_text(feed: FeedRecord) -> str:
    """What /feed remove says."""
    return f"No longer following **{feed_name(feed.title, feed.url)}** (#{feed.id})."


def resumed_text(feed: FeedRecord) -> str:
    """What /feed resume says."""
    return f"Polling **{feed_name(feed.title, feed.url)}** (#{feed.id}) again, starting now."


def import_text(result: ImportResult) -> str:
    """What /feed import says: how many feeds were added or followed already, and which
    entries were not added and why."""
    counts = [f"Added {plural(len(result.added), 'feed')}"]
    if result.skipped:
        counts.append(f"{len(result.skipped)} followed already")
    if result.problems:
        counts.append(f"{len(result.problems)} not added")
    lines = [", ".join(counts) + "."]
    shown = result.problems[:PROBLEMS_SHOWN]
    lines += [f"• {fit(_without_passwords(_plain(p)), ERROR_LIMIT)}" for p in shown]
    if len(result.problems) > PROBLEMS_SHOWN:
        lines.append(f"• and {len(result.problems) - PROBLEMS_SHOWN} more")
    return "\n".join(lines)


def _without_passwords(text: str) -> str:
    """Text with the user name and password taken out of any address in it: an OPML file may
    carry them, and the answer is read by the whole channel."""
    return _CREDENTIALS.sub(r"\1", text)


def choice_name(feed: FeedRecord) -> str:
    """An autocomplete choice: `#3 Harbour Desk (paused)`, plain text within 100 characters."""
    state = " (paused)" if feed.status == PAUSED else ""
    head, tail = f"#{feed.id} ", state
    room = CHOICE_LIMIT - len(head) - len(tail)
    label = _plain(feed.title) or _plain(feed.url, "(untitled feed)")
    if len(label) > room:
        label = label[: room - 1] + "…"
    return f"{head}{label}{tail}"


# -- /feed list ---------------------------------------------------------------------------------
def _when(moment: datetime | None, never: str = "never") -> str:
    return discord_timestamp(moment, "R") if moment else never


def health_lines(feed: FeedRecord, forum: bool = False) -> list[str]:
    """A feed's health, a line each: address and destination, last fetch, items, errors."""
    lines = [f"{address_link(feed.url)} → {_where(feed, forum)}"]
    fetched = f"Last fetch: {_when(feed.last_polled_at)}"
    if feed.last_success_at and feed.last_success_at != feed.last_polled_at:
        fetched += f" (last worked {_when(feed.last_success_at)})"
    lines.append(fetched)
    new = f"New items: {feed.last_new_items} at the last successful fetch"
    lines.append(f"{new}, {feed.total_items} in all")
    if feed.last_error:
        failures = f" ({plural(feed.failures, 'failure')} in a row)" if feed.failures else ""
        lines.append(f"Last error{failures}: {fit(_plain(feed.last_error), ERROR_LIMIT)}")
    if feed.status == PAUSED:
        why = fit(_plain(feed.pause_reason, "too many failures"), ERROR_LIMIT)
        lines.append(f"⏸️ **Paused**: {why}; {RESUME_HINT}.")
    else:
        lines.append(f"Next poll: {_when(feed.next_poll_at, 'soon')}")
    return lines


def list_opening(feeds: Sequence[FeedRecord]) -> str:
    """`3 feeds followed; 1 paused, 1 failing.` (plain text)."""
    paused = sum(f.status == PAUSED for f in feeds)
    failing = sum(f.status != PAUSED and f.failures > 0 for f in feeds)
    notes = [f"{paused} paused"] if paused else []
    notes += [f"{failing} failing"] if failing else []
    tail = f"; {listing(notes)}" if notes else ""
    return f"{plural(len(feeds), 'feed')} followed{tail}."


def list_answer(feeds: Sequence[FeedRecord], forums: Collection[int] = ()) -> Answer:
    """/feed list: a field per feed with its health, paged when there are many (`forums`: the
    channels that are forums, whose feeds post a forum post per article)."""
    if not feeds:
        book = EmbedBook(LIST_TITLE)
        book.paragraph(NO_FEEDS)
        return answer(book)
    book = EmbedBook(LIST_TITLE, opening=list_opening(feeds))
    for feed in feeds:
        lines = health_lines(feed, feed.channel_id in forums)
        book.field(f"#{feed.id} {feed_name(feed.title, feed.url)}", "\n".join(lines))
    return answer(book)
