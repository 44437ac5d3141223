"""Followed feeds for the bot and the CLI: follow, list with health, OPML, poll, and the cards.

The poll schedule, validators and failures live in the database (`storage.feeds`); polling
itself is `bot.services.feed_poller`. This service is what a cog or a command calls: it checks
what a member typed, says plainly what is wrong, and builds the card a feed's article is posted
as from the stored article (never from the feed's text).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urlsplit

from analysis.feeds import FeedParseError
from analysis.opml import OpmlError, OpmlFeed, read_opml, write_opml
from analysis.urls import has_credentials, normalise_url, scheme_of
from bot.errors import UserFacingError
from bot.services.feed_poller import (
    ROUND,
    FeedPoller,
    LinkQueue,
    PollOptions,
    PollReport,
    utc_now,
)
from bot.services.feed_reading import FeedReader
from bot.services.fetcher import Fetcher, FetchError
from bot.services.link_cards import first_sentence, stored_url
from storage.feed_outcomes import FEED_ARTICLE
from storage.feeds import (
    CARDS,
    DIGEST,
    FEED_MORE,
    FEED_PAUSED,
    LOCAL_HOST,
    PAUSED,
    FeedRecord,
    FeedRepository,
)

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from bot.services.summary import SummaryService
    from config.settings import Settings
    from storage.articles import ArticleRepository

__all__ = [  # cogs take the outbox kinds from here: they import nothing from storage
    "CARDS",
    "DIGEST",
    "FEED_ARTICLE",
    "FEED_MORE",
    "FEED_PAUSED",
    "FeedCard",
    "FeedRecord",
    "FeedService",
    "ImportResult",
    "PollReport",
    "make_feed_service",
]

log = logging.getLogger(__name__)

MAX_URL = 2048  # feeds.url is varchar(2048)
CARD_SENTENCES = 2
CARD_PEOPLE = 5
ITEM_SUMMARY_CHARS = 300  # of a feed item's own summary on a card whose article gives none
IDLE = 30.0  # seconds the loop sleeps at most between two looks for due feeds
FEED_FILES = (".xml", ".rss", ".atom", ".rdf", ".json", ".feed")


@dataclass(frozen=True)
class ImportResult:
    """What an OPML import did: feeds followed, addresses already followed, and problems."""

    added: tuple[FeedRecord, ...]
    skipped: tuple[str, ...]
    problems: tuple[str, ...]


@dataclass(frozen=True)
class FeedCard:
    """What a feed's card shows: the stored article's title, address, outlet and date, its
    summary (two sentences) and the people it mentions most."""

    article_id: int
    title: str | None
    url: str | None  # the stored address, never one taken from the feed's text
    outlet: str | None
    published: date | None
    date_precision: str
    summary: tuple[str, ...]
    people: tuple[str, ...]


class _Application(Protocol):
    """What the feed service is built from (bot.app.Analyst; a protocol keeps the layers)."""

    @property
    def settings(self) -> Settings: ...
    @property
    def sessions(self) -> async_sessionmaker[AsyncSession]: ...
    @property
    def articles(self) -> ArticleRepository: ...
    @property
    def fetcher(self) -> Fetcher: ...
    @property
    def ingest(self) -> LinkQueue: ...
    @property
    def summary(self) -> SummaryService: ...


def make_feed_service(app: _Application) -> FeedService:
    """The feed service of an application (called once, by `Analyst.feeds`)."""
    repo = FeedRepository(app.sessions)
    reader = FeedReader(app.settings.analysis_processes)
    options = PollOptions.from_settings(app.settings)
    poller = FeedPoller(repo, app.fetcher, reader, lambda: app.ingest, options)
    return FeedService(repo, poller, app.fetcher, app.articles, lambda: app.summary)


def feed_host(url: str) -> str:
    """The web host a feed's requests count against (politeness is per host)."""
    return (urlsplit(url).hostname or "").lower()


def _checked_url(url: str) -> str:
    """A feed address as typed, or a UserFacingError saying why it cannot be followed."""
    url = url.strip()
    if len(url) > MAX_URL:
        raise UserFacingError(f"the feed address is too long ({len(url):,} characters)")
    scheme = scheme_of(url)
    if scheme not in ("http", "https") or normalise_url(url) is None:
        shown = url if len(url) <= 100 else url[:99] + "…"
        raise UserFacingError(
            f"not a web address: {shown} (a feed is followed by its http(s) link)"
        )
    if has_credentials(url):
        raise UserFacingError("the feed address carries a user name or password; give it without")
    return url


class FeedService:
    """Follow feeds in a guild (0: the command line), poll them, and make their cards."""

    def __init__(
        self,
        repo: FeedRepository,
        poller: FeedPoller,
        fetcher: Fetcher,
        articles: ArticleRepository,
        summary: Callable[[], SummaryService],
        *,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._repo = repo
        self._poller = poller
        self._fetcher = fetcher
        self._articles = articles
        self._summary = summary
        self._clock = clock
        self._wake = asyncio.Event()

    @property
    def repository(self) -> FeedRepository:
        """The feeds' storage (tests and benchmarks read it)."""
        return self._repo

    @property
    def poller(self) -> FeedPoller:
        """The poller behind `poll_once` and the loop (tests and benchmarks drive it)."""
        return self._poller

    @property
    def options(self) -> PollOptions:
        """How feeds are polled (interval, posts per poll, politeness, backoff)."""
        return self._poller.options

    # ------------------------------------------------------------------ following

    async def add(
        self,
        url: str,
        *,
        guild_id: int = 0,
        channel_id: int | None = None,
        mode: str = CARDS,
        as_threads: bool = False,
        created_by: int | None = None,
    ) -> FeedRecord:
        """Follow a feed: fetched once to check it is a feed and take its title; polled at once."""
        url = _checked_url(url)
        if mode not in (CARDS, DIGEST):
            raise UserFacingError(f"unknown mode {mode!r} (cards or digest)")
        known = await self._repo.find(guild_id, url)
        if known is not None:
            raise UserFacingError(f"already following {known.label} (feed #{known.id})")
        title = await self._probe(url)
        feed, created = await self._repo.add(
            url,
            feed_host(url),
            now=self._clock(),
            guild_id=guild_id,
            channel_id=channel_id,
            title=title,
            mode=mode,
            as_threads=as_threads,
            created_by=created_by,
        )
        if not created:  # added by someone else meanwhile
            raise UserFacingError(f"already following {feed.label} (feed #{feed.id})")
        self.wake()
        return feed

    async def _probe(self, url: str) -> str | None:
        """The feed's title; a UserFacingError when it cannot be fetched or is not a feed."""
        try:
            answer = await self._fetcher.fetch_feed(url)
            parsed = await self._poller.reader.read(
                answer.body, url=answer.final_url, content_type=answer.content_type
            )
        except FetchError as exc:
            raise UserFacingError(f"cannot follow {url}: {exc.message}") from exc
        except FeedParseError as exc:
            raise UserFacingError(f"cannot follow {url}: {exc}") from exc
        return parsed.title

    async def remove(self, guild_id: int, feed: int | str) -> FeedRecord:
        """Stop following a feed (by number or address); what it already brought in stays."""
        found = await self.get(guild_id, feed)
        removed = await self._repo.remove(found.id)
        if removed is None:
            raise _unknown(feed)
        return removed

    async def list(self, guild_id: int) -> list[FeedRecord]:
        """A guild's feeds with their health (last poll and success, new items, last error,
        failures, paused and why, next poll)."""
        return await self._repo.in_guild(guild_id)

    async def get(self, guild_id: int, feed: int | str) -> FeedRecord:
        """One of the guild's feeds by number (`3`, `#3`) or address; a UserFacingError if none."""
        text = str(feed).strip()
        found = None
        if text.removeprefix("#").isdigit():
            found = await self._repo.get(int(text.removeprefix("#")))
        else:
            found = await self._repo.find(guild_id, text)
        if found is None or found.guild_id != guild_id:
            raise _unknown(feed)
        return found

    async def resume(self, guild_id: int, feed: int | str) -> FeedRecord:
        """Poll a feed again at once, with its failures forgotten (a paused one restarts)."""
        found = await self.get(guild_id, feed)
        resumed = await self._repo.resume(found.id, self._clock())
        if resumed is None:
            raise _unknown(feed)
        self.wake()
        return resumed

    # ------------------------------------------------------------------ OPML

    async def import_opml(
        self,
        data: bytes,
        *,
        guild_id: int = 0,
        channel_id: int | None = None,
        mode: str = CARDS,
        as_threads: bool = False,
        created_by: int | None = None,
    ) -> ImportResult:
        """Follow every feed of an OPML file (not fetched now: the first poll shows problems)."""
        try:
            listed = read_opml(data)
        except OpmlError as exc:
            raise UserFacingError(str(exc)) from exc
        added, skipped, problems = [], [], []
        for entry in listed:
            try:
                url = _checked_url(entry.url)
            except UserFacingError as exc:
                problems.append(f"{entry.url[:100]}: {exc.message}")
                continue
            feed, created = await self._repo.add(
                url,
                feed_host(url),
                now=self._clock(),
                guild_id=guild_id,
                channel_id=channel_id,
                title=entry.title,
                mode=mode,
                as_threads=as_threads,
                created_by=created_by,
            )
            if created:
                added.append(feed)
            else:
                skipped.append(url)
        if added:
            self.wake()
        return ImportResult(tuple(added), tuple(skipped), tuple(problems))

    async def export_opml(self, guild_id: int = 0, *, title: str = "Analyst feeds") -> bytes:
        """The guild's feeds as an OPML file (saved feed files left out)."""
        feeds = [f for f in await self._repo.in_guild(guild_id) if not f.is_file]
        return write_opml([OpmlFeed(f.url, f.title) for f in feeds], title)

    # ------------------------------------------------------------------ polling

    async def poll_due(self, now: datetime | None = None) -> PollReport:
        """One round of the loop: claim up to a round's worth of due feeds and poll them."""
        return await self._poller.poll_due(now or self._clock())

    async def poll_once(
        self, now: datetime | None = None, *, everything: bool = False
    ) -> PollReport:
        """Poll every due feed now (every active one with `everything`), each once."""
        return await self._poller.poll_all_due(now or self._clock(), due_only=not everything)

    async def poll_files(self, paths: Sequence[Path], now: datetime | None = None) -> PollReport:
        """Read saved feed files (or folders of them) as feeds followed from the command line:
        each file's new items are queued once, like a polled feed's."""
        moment = now or self._clock()
        feeds = []
        for path in _feed_files(paths):
            feed, _ = await self._repo.add(path.resolve().as_uri(), LOCAL_HOST, now=moment)
            if feed.status == PAUSED:  # asked for by name: failures of past runs do not count
                feed = await self._repo.resume(feed.id, moment) or feed
            feeds.append(feed)
        return await self._poller.poll_files(feeds, moment)

    async def close(self) -> None:
        """Stop the feed-reading child process, if one was started."""
        await self._poller.reader.close()

    def wake(self) -> None:
        """Make a running loop look for due feeds now (a feed was added or resumed)."""
        self._wake.set()

    async def run(
        self, *, idle: float = IDLE, on_round: Callable[[PollReport], None] | None = None
    ) -> None:
        """Poll due feeds until cancelled (a cog starts this in cog_load and cancels it in
        cog_unload): a round, then a sleep until the next feed is due, at most `idle`."""
        while True:
            full = False
            try:
                report = await self._poller.poll_due(self._clock())
                full = len(report.polls) >= ROUND
                if on_round is not None and report.polls:
                    on_round(report)
            except Exception:  # the database may be away for a moment; the next round retries
                log.exception("a round of feed polls failed")
            if not full:
                await self._sleep(await self._until_due(idle))

    async def _until_due(self, idle: float) -> float:
        try:
            due = await self._repo.next_due()
        except Exception:
            log.warning("cannot read when the next feed is due", exc_info=True)
            return idle
        if due is None:
            return idle
        return min(max((due - self._clock()).total_seconds(), 0.5), idle)

    async def _sleep(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), seconds)
        self._wake.clear()

    # ------------------------------------------------------------------ cards

    async def article_card(
        self, article_id: int, item_summary: str | None = None
    ) -> FeedCard | None:
        """The card of an article a feed brought in; None when it was since forgotten.

        Its two sentences come from the stored article; the feed item's own summary fills in
        only when the article gives none."""
        detail = await self._articles.get(article_id)
        if detail is None:
            return None
        sentences: tuple[str, ...] = ()
        people: tuple[str, ...] = ()
        try:
            summary = await self._summary().article(article_id)
            sentences = tuple(line.text for line in summary.lines[:CARD_SENTENCES])
            people = tuple(p.name for p in summary.people[:CARD_PEOPLE])
        except Exception:  # a card without its summary is still a card
            log.warning("no summary for the card of article %s", article_id, exc_info=True)
        if not sentences and item_summary and item_summary.strip():
            sentences = (_cut(item_summary.strip(), ITEM_SUMMARY_CHARS),)
        if not sentences and detail.text.strip():
            sentences = (first_sentence(detail.text),)
        article = detail.summary
        return FeedCard(
            article_id=article_id,
            title=article.title,
            url=stored_url(article, detail.canonical_url),
            outlet=article.outlet,
            published=article.published,
            date_precision=article.date_precision,
            summary=sentences,
            people=people,
        )


def _cut(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _unknown(feed: int | str) -> UserFacingError:
    return UserFacingError(
        f"no feed {feed} here",
        cli_hint="`analyst feed list` shows the feeds and their numbers",
        discord_hint="/feed list shows the feeds and their numbers",
    )


def _feed_files(paths: Sequence[Path]) -> list[Path]:
    """The saved feed files named, folders read one level deep (.xml, .rss, .atom, .rdf, .json,
    .feed); a path that does not exist is a UserFacingError."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.iterdir() if p.is_file() and p.suffix.lower() in FEED_FILES
            )
        elif path.is_file():
            found.append(path)
        else:
            raise UserFacingError(f"no such file or folder: {path}")
    if not found:
        raise UserFacingError("no saved feeds found (files ending " + ", ".join(FEED_FILES) + ")")
    return list(dict.fromkeys(found))
