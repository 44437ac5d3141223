"""Polling followed feeds: claim the due ones, fetch each politely, queue what is new, once.

A round claims due feeds in the database (so two processes never poll one feed at once), then
works them host by host: one request at a time per web host, across processes too (the host's
turn is a row in `feed_hosts`), `feed_host_gap` apart. Each fetch is conditional (ETag,
Last-Modified); a 304 costs no parsing. A read feed's items are checked against what it showed
before (GUID, then link, then title and date); each new item's link is queued as an ordinary link
job under a key of its own (`feed:FEED:ITEM`), so the job path does the fetching, extraction
and dedup, and a poll repeated after a crash finds the same job instead of making a second. The
poll then ends in one transaction: the items marked seen, the feed's new state, and the
`feed_more` line when more items came than may be posted. A failed poll backs off, doubling
from `feed_backoff` and never sooner than the server's Retry-After; `feed_max_failures` in a row
pause the feed and tell its channel once.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

from analysis.feeds import FeedEntry, FeedParseError, ParsedFeed, item_keys
from bot.services.feed_reading import FeedReader
from bot.services.fetcher import Fetcher, FetchError
from bot.services.ingest import Queued
from config.settings import Settings
from storage.feeds import (
    CARDS,
    ClaimLostError,
    FailurePolicy,
    FeedRecord,
    FeedRepository,
    NewFeedItem,
)

log = logging.getLogger(__name__)

NEW, NOT_MODIFIED, FAILED, PAUSED, BUSY, LOST = (
    "new",
    "not modified",
    "failed",
    "paused",
    "busy",
    "lost",
)
HOSTS_AT_ONCE = 8  # hosts polled at the same time by one process
ROUND = 50  # feeds claimed per round
TURN_WAIT = timedelta(seconds=60)  # longest wait for a host's turn before the feed is handed back
SUMMARY_CHARS = 1000  # of an item's own summary, kept with its job
INTERNAL = "internal error while polling (logged)"


class LinkQueue(Protocol):
    """What the poller needs of the ingest service: queue one link under a key of its own."""

    async def enqueue_link(
        self,
        url: str,
        *,
        key: str,
        meta: dict[str, object],
        title: str | None = None,
        published: date | None = None,
    ) -> Queued:
        """Queue one link (once per key) with its metadata and the item's own title and date."""


@dataclass(frozen=True)
class PollOptions:
    """How often and how politely feeds are polled; from the settings."""

    interval: timedelta = timedelta(minutes=10)
    posts_per_poll: int = 5
    host_gap: timedelta = timedelta(seconds=2)
    failures: FailurePolicy = field(
        default_factory=lambda: FailurePolicy(timedelta(minutes=5), max_failures=10)
    )
    validators_for: timedelta = timedelta(days=8)

    @classmethod
    def from_settings(cls, settings: Settings) -> PollOptions:
        """The feed settings (ANALYST_FEED_*)."""
        return cls(
            interval=timedelta(seconds=settings.feed_interval),
            posts_per_poll=settings.feed_posts_per_poll,
            host_gap=timedelta(seconds=settings.feed_host_gap),
            failures=FailurePolicy(
                timedelta(seconds=settings.feed_backoff), max_failures=settings.feed_max_failures
            ),
            validators_for=timedelta(days=settings.feed_validators_days),
        )


@dataclass(frozen=True)
class FeedPoll:
    """What one poll of one feed did."""

    feed_id: int
    label: str
    url: str
    status: str  # new | not modified | failed | paused | busy (host never free) | lost (claim)
    new_items: int = 0  # items never seen before, links queued
    posted: int = 0  # of them, to be posted as cards
    more: int = 0  # of them, summarised in one line instead (cards mode)
    no_link: int = 0  # new items without a web link: skipped
    refused: tuple[str, ...] = ()  # new items whose link cannot be queued, with the reason
    error: str | None = None
    failures: int = 0
    next_poll_at: datetime | None = None
    job_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class PollReport:
    """One round of polls."""

    polls: tuple[FeedPoll, ...] = ()

    @property
    def job_ids(self) -> list[int]:
        """Every job the round queued (or found queued), in order."""
        return list(dict.fromkeys(j for p in self.polls for j in p.job_ids))

    @property
    def new_items(self) -> int:
        """New items across the round."""
        return sum(p.new_items for p in self.polls)

    def __add__(self, other: PollReport) -> PollReport:
        return PollReport(self.polls + other.polls)


@dataclass(frozen=True)
class _Fetched:
    """A feed's answer: a document to read, or 304."""

    body: bytes
    final_url: str
    content_type: str | None
    etag: str | None
    last_modified: str | None
    not_modified: bool = False


def item_job_key(feed_id: int, item_key: str) -> str:
    """The job key of a feed item: one job per item, however often the item is seen."""
    return f"feed:{feed_id}:{hashlib.sha256(item_key.encode()).hexdigest()[:24]}"


def file_path(url: str) -> Path:
    """The path of a saved feed file followed as `file://...`."""
    return Path(unquote(urlsplit(url).path))


def utc_now() -> datetime:
    """The clock the poller uses unless a test gives it another."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class FeedOptions:
    """How the bot runs the poll loop: its clock and how often it looks for due feeds."""

    now: Callable[[], datetime] = utc_now
    tick_seconds: float = 30.0


class FeedPoller:
    """Polls claimed feeds into the ingest queue; one instance per process."""

    def __init__(
        self,
        repo: FeedRepository,
        fetcher: Fetcher,
        reader: FeedReader,
        links: Callable[[], LinkQueue],
        options: PollOptions,
    ) -> None:
        self._repo = repo
        self._fetcher = fetcher
        self.reader = reader  # parses documents in a child process (lxml, hostile input)
        self._links = links  # called on the first new item: the ingest service loads spaCy
        self.options = options
        self._hosts = asyncio.Semaphore(HOSTS_AT_ONCE)

    async def poll_due(self, now: datetime, *, limit: int = ROUND) -> PollReport:
        """One round: claim up to `limit` feeds due at `now` and poll them."""
        await self._repo.drop_stale_validators(now - self.options.validators_for)
        return await self.poll(await self._repo.claim(now, limit=limit), now)

    async def poll_all_due(self, now: datetime, *, due_only: bool = True) -> PollReport:
        """Poll every feed due at `now` (every active one without `due_only`) once, round by
        round; a feed another process holds meanwhile is left to it."""
        await self._repo.drop_stale_validators(now - self.options.validators_for)
        ids = await self._repo.due_ids(now, due_only=due_only)
        report = PollReport()
        for start in range(0, len(ids), ROUND):
            among = ids[start : start + ROUND]
            claimed = await self._repo.claim(now, among=among, due_only=due_only, limit=ROUND)
            report += await self.poll(claimed, now)
        return report

    async def poll_files(self, feeds: Sequence[FeedRecord], now: datetime) -> PollReport:
        """Poll saved feed files (followed from the command line) now, whatever their schedule."""
        among = [f.id for f in feeds]
        claimed = await self._repo.claim(
            now, among=among, due_only=False, files=True, limit=len(among) or 1
        )
        return await self.poll(claimed, now)

    async def poll(self, feeds: Sequence[FeedRecord], now: datetime) -> PollReport:
        """Poll claimed feeds: hosts side by side, each host's feeds one after another."""
        by_host: dict[str, list[FeedRecord]] = defaultdict(list)
        for feed in feeds:
            by_host[feed.host].append(feed)
        try:
            done = await asyncio.gather(
                *(self._poll_host(host, group, now) for host, group in by_host.items())
            )
        finally:
            await asyncio.shield(self._repo.release(f.id for f in feeds))  # any left unpolled
        return PollReport(tuple(poll for group in done for poll in group))

    async def _poll_host(
        self, host: str, feeds: Sequence[FeedRecord], now: datetime
    ) -> list[FeedPoll]:
        async with self._hosts:
            return [await self.poll_one(feed, now) for feed in feeds]

    async def poll_one(self, feed: FeedRecord, now: datetime) -> FeedPoll:
        """Fetch, read and record one claimed feed; a failure is counted, never raised."""
        try:
            return await self._poll(feed, now)
        except ClaimLostError:
            log.info("feed %s was taken over by another process; its poll is dropped", feed.id)
            return FeedPoll(feed.id, feed.label, feed.url, LOST)
        except FetchError as exc:
            return await self._failed(feed, now, exc.message, exc.retry_after)
        except FeedParseError as exc:
            return await self._failed(feed, now, str(exc))
        except OSError as exc:  # a saved feed file that cannot be read
            return await self._failed(feed, now, f"cannot read the file: {exc.strerror or exc}")
        except Exception:
            log.exception("polling feed %s (%s) failed", feed.id, feed.url)
            return await self._failed(feed, now, INTERNAL)

    async def _poll(self, feed: FeedRecord, now: datetime) -> FeedPoll:
        fetched = await self._fetch(feed)
        if fetched is None:
            return FeedPoll(feed.id, feed.label, feed.url, BUSY)
        if fetched.not_modified:
            next_poll = now + self.options.interval
            await self._repo.record_not_modified(feed.id, now, next_poll)
            return FeedPoll(feed.id, feed.label, feed.url, NOT_MODIFIED, next_poll_at=next_poll)
        parsed = await self.reader.read(
            fetched.body, url=fetched.final_url, content_type=fetched.content_type
        )
        return await self._read(feed, parsed, fetched, now)

    async def _fetch(self, feed: FeedRecord) -> _Fetched | None:
        """The feed's document (conditional GET in the host's turn); None: the host stayed busy."""
        if feed.is_file:
            data = await asyncio.to_thread(file_path(feed.url).read_bytes)
            return _Fetched(data, feed.url, None, None, None)
        if not await self._take_turn(feed.host):
            return None
        try:
            answer = await self._fetcher.fetch_feed(
                feed.url, etag=feed.etag, last_modified=feed.last_modified
            )
        finally:
            await self._repo.turns.end_turn(feed.host, utc_now(), self.options.host_gap)
        return _Fetched(
            answer.body,
            answer.final_url,
            answer.content_type,
            answer.etag,
            answer.last_modified,
            not_modified=answer.status == 304,
        )

    async def _take_turn(self, host: str) -> bool:
        """Wait for the host's turn (its gap, or another process's request); False if too long."""
        loop = asyncio.get_running_loop()
        give_up = loop.time() + TURN_WAIT.total_seconds()
        while True:
            retry_at = await self._repo.turns.take_turn(host, utc_now())
            if retry_at is None:
                return True
            wait = max((retry_at - utc_now()).total_seconds(), 0.01)
            if loop.time() + wait > give_up:
                return False
            await asyncio.sleep(wait)

    async def _failed(
        self, feed: FeedRecord, now: datetime, error: str, retry_after: float | None = None
    ) -> FeedPoll:
        """Count a failed poll: back off, or pause the feed at the limit."""
        try:
            failed = await self._repo.record_failure(
                feed.id, now, error, self.options.failures, retry_after=retry_after
            )
        except ClaimLostError:
            return FeedPoll(feed.id, feed.label, feed.url, LOST, error=error)
        status = PAUSED if failed.paused else FAILED
        log.info("feed %s (%s): %s (%d in a row)", feed.id, feed.url, error, failed.failures)
        return FeedPoll(
            feed.id,
            feed.label,
            feed.url,
            status,
            error=error,
            failures=failed.failures,
            next_poll_at=failed.next_poll_at,
        )

    async def _read(
        self, feed: FeedRecord, parsed: ParsedFeed, fetched: _Fetched, now: datetime
    ) -> FeedPoll:
        """Queue the feed's new items and end the poll with them."""
        marked = _distinct([(entry, _item(entry)) for entry in parsed.entries])
        seen = await self._repo.seen(feed.id, [item for _, item in marked])
        fresh = _oldest_first([(e, i) for e, i in marked if i.item_key not in seen])
        with_link = [(e, i) for e, i in fresh if e.link]
        cards = feed.mode == CARDS and bool(feed.channel_id)
        keep = self.options.posts_per_poll if cards else 0
        posted = with_link[max(len(with_link) - keep, 0) :] if keep > 0 else []  # the newest
        picked = {i.item_key for _, i in posted}
        jobs: dict[str, int] = {}
        refused: list[str] = []
        # the posted items first, so their cards come before the rest is worked
        for entry, item in [*posted, *(p for p in with_link if p[1].item_key not in picked)]:
            queued = await self._queue(feed, entry, item, post=item.item_key in picked)
            if queued.job is not None:
                jobs[item.item_key] = queued.job.id
            else:
                refused.append(f"{entry.link}: {queued.problem}")
        items = [_with_job(item, jobs.get(item.item_key)) for _, item in fresh]
        more = len([k for k in jobs if k not in picked]) if cards else 0
        next_poll = now + self.options.interval
        await self._repo.record_success(
            feed.id,
            now,
            next_poll_at=next_poll,
            items=items,
            etag=fetched.etag,
            last_modified=fetched.last_modified,
            title=parsed.title,
            more=more,
        )
        return FeedPoll(
            feed.id,
            feed.title or parsed.title or feed.url,
            feed.url,
            NEW,
            new_items=len(fresh),
            posted=len([k for k in jobs if k in picked]),
            more=more,
            no_link=len(fresh) - len(with_link),
            refused=tuple(refused),
            next_poll_at=next_poll,
            job_ids=tuple(jobs.values()),
        )

    async def _queue(
        self, feed: FeedRecord, entry: FeedEntry, item: NewFeedItem, *, post: bool
    ) -> Queued:
        """Queue one item's link as a link job carrying what the feed said about it."""
        meta: dict[str, object] = {
            "via": "feed",
            "feed_id": feed.id,
            "guild": feed.guild_id,
            "channel": feed.channel_id,
            "post": post,
            "item_key": item.item_key,
            "title": entry.title,
            "published": entry.published.isoformat() if entry.published else None,
            "summary": (entry.summary or "")[:SUMMARY_CHARS] or None,
        }
        assert entry.link is not None
        return await self._links().enqueue_link(
            entry.link,
            key=item_job_key(feed.id, item.item_key),
            meta=meta,
            title=entry.title,
            published=entry.published.date() if entry.published else None,
        )


def _item(entry: FeedEntry) -> NewFeedItem:
    """The marks an entry is recognised by. Title and date count only when it has both: items
    without them would all share one mark and hide each other."""
    keys = item_keys(entry)
    dated = bool((entry.title or entry.summary) and entry.published)
    return NewFeedItem(
        item_key=keys.item_key,
        guid=keys.guid,
        link=keys.link,
        title_key=keys.title_key if dated else None,
        title=entry.title,
        published=entry.published,
    )


def _with_job(item: NewFeedItem, job_id: int | None) -> NewFeedItem:
    return NewFeedItem(
        item.item_key, item.guid, item.link, item.title_key, item.title, item.published, job_id
    )


def _distinct(
    marked: Iterable[tuple[FeedEntry, NewFeedItem]],
) -> list[tuple[FeedEntry, NewFeedItem]]:
    """The items of one document once each: a second with the same key, GUID, link, or title
    and date is the same item listed twice."""
    kept = []
    marks: set[tuple[str, str]] = set()
    for entry, item in marked:
        own = {
            ("key", item.item_key),
            *(("guid", v) for v in [item.guid] if v),
            *(("link", v) for v in [item.link] if v),
            *(("title", v) for v in [item.title_key] if v),
        }
        if own & marks:
            continue
        marks |= own
        kept.append((entry, item))
    return kept


def _oldest_first(
    fresh: list[tuple[FeedEntry, NewFeedItem]],
) -> list[tuple[FeedEntry, NewFeedItem]]:
    """Items in the order they were published: by date when every item has one, else the
    document's order turned round (feeds list the newest first)."""
    ordered = list(reversed(fresh))
    if all(entry.published for entry, _ in ordered):
        ordered.sort(key=lambda pair: pair[0].published or datetime.min.replace(tzinfo=UTC))
    return ordered
