"""Followed feeds: the rows, their poll claims, and the items seen once.

Everything a poll needs to survive a restart or a second process is here, in the database: when
a feed is due, its validators, its failures, the claim on its poll (an UPDATE matching what was
just read, and SKIP LOCKED on PostgreSQL, as outbox rows and jobs are claimed), the turn of its
web host (`storage.feed_hosts`: one request at a time, a minimum gap between two), and every
item it showed. A poll
ends in one transaction: the feed's new state, its new items and any outbox row it calls for
(`feed_more`, `feed_paused`) commit together, and only while the poll's claim is still held.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Row, delete, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.entities import dialect_insert
from storage.feed_hosts import HostTurns
from storage.feed_outcomes import CARDS
from storage.jobs import holder_is_dead, worker_id
from storage.models import Feed, FeedItem, OutboxMessage
from storage.records import as_utc

ACTIVE, PAUSED = "active", "paused"
DIGEST = "digest"  # the mode that posts nothing: articles wait for the digest
FEED_MORE, FEED_PAUSED = "feed_more", "feed_paused"
LOCAL_HOST = "(file)"  # the host of a saved feed file, followed from the command line only
CLAIM_LEASE = timedelta(minutes=5)
BACKOFF_CAP = timedelta(hours=6)
RETRY_AFTER_CAP = timedelta(days=1)  # a server asking for more is polled again after a day


@dataclass(frozen=True)
class FeedRecord:
    """A followed feed with its schedule and health, as the list and the poller read it."""

    id: int
    guild_id: int
    channel_id: int | None
    url: str
    host: str
    title: str | None
    mode: str  # cards | digest
    as_threads: bool
    status: str  # active | paused
    pause_reason: str | None
    etag: str | None
    last_modified: str | None
    validators_at: datetime | None
    next_poll_at: datetime
    last_polled_at: datetime | None
    last_success_at: datetime | None
    last_error: str | None
    failures: int
    last_new_items: int
    total_items: int
    created_by: int | None
    created_at: datetime

    @property
    def label(self) -> str:
        """How the feed is named to people: its title, else its address."""
        return self.title or self.url

    @property
    def is_file(self) -> bool:
        """A saved feed file (`analyst feed poll --from`), never polled on a schedule."""
        return self.host == LOCAL_HOST


_TIMES = ("validators_at", "next_poll_at", "last_polled_at", "last_success_at", "created_at")


def _record(row: Feed | Row[Any]) -> FeedRecord:
    values = {f.name: getattr(row, f.name) for f in fields(FeedRecord)}
    for name in _TIMES:
        if values[name] is not None:
            values[name] = as_utc(values[name])
    return FeedRecord(**values)


@dataclass(frozen=True)
class NewFeedItem:
    """An item a poll found, by the marks that tell it was seen: GUID, link, title and date."""

    item_key: str  # the first of guid, link, title_key it has: unique per feed
    guid: str | None
    link: str | None  # normalised
    title_key: str | None
    title: str | None = None
    published: datetime | None = None
    job_id: int | None = None


@dataclass(frozen=True)
class FailurePolicy:
    """How a failed poll is retried: backoff doubling from `backoff`, capped; paused after
    `max_failures` failures in a row."""

    backoff: timedelta
    max_failures: int
    cap: timedelta = BACKOFF_CAP

    def delay(self, failures: int, retry_after: float | None = None) -> timedelta:
        """The wait after the `failures`-th failure in a row, never shorter than Retry-After."""
        wait = min(self.backoff * 2 ** max(failures - 1, 0), self.cap)
        if retry_after is not None and retry_after > 0:
            wait = max(wait, min(timedelta(seconds=retry_after), RETRY_AFTER_CAP))
        return wait


@dataclass(frozen=True)
class Failed:
    """What a failed poll did to its feed."""

    failures: int
    next_poll_at: datetime
    paused: bool  # this failure paused the feed (and told its channel, when it has one)


class ClaimLostError(Exception):
    """The poll's claim ran out and another process holds the feed: this poll's end is dropped."""


Marks = tuple[str | None, str | None, str | None, str]  # guid, link, title_key, item_key


def seen_keys(items: Sequence[NewFeedItem], stored: Iterable[Marks]) -> set[str]:
    """The keys of the `items` that match a stored item by key, GUID, link, or title and date."""
    guids, links, titles, keys = set(), set(), set(), set()
    for guid, link, title_key, item_key in stored:
        guids.add(guid)
        links.add(link)
        titles.add(title_key)
        keys.add(item_key)
    return {
        item.item_key
        for item in items
        if item.item_key in keys
        or (item.guid and item.guid in guids)
        or (item.link and item.link in links)
        or (item.title_key and item.title_key in titles)
    }


class FeedRepository:
    """Feeds, their claims and host turns, and their seen items; one short transaction per step."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], holder: str | None = None
    ) -> None:
        self._sessions = sessions
        # host:pid for the dead-holder check, and a tag so two pollers in one process differ
        self.holder = holder or f"{worker_id()}/{uuid.uuid4().hex[:8]}"
        self.turns = HostTurns(sessions, self.holder)  # each web host's turn, across processes

    # ------------------------------------------------------------------ following

    async def add(
        self,
        url: str,
        host: str,
        *,
        now: datetime,
        guild_id: int = 0,
        channel_id: int | None = None,
        title: str | None = None,
        mode: str = CARDS,
        as_threads: bool = False,
        created_by: int | None = None,
    ) -> tuple[FeedRecord, bool]:
        """Follow a feed in a guild, due at once; (the feed, False) when it was followed already."""
        async with self._sessions.begin() as session:
            insert_ = dialect_insert(session)
            values = {
                "guild_id": guild_id,
                "channel_id": channel_id,
                "url": url,
                "host": host,
                "title": title,
                "mode": mode,
                "as_threads": as_threads,
                "status": ACTIVE,
                "next_poll_at": now,
                "failures": 0,
                "last_new_items": 0,
                "total_items": 0,
                "created_by": created_by,
                "created_at": now,
            }
            result = await session.execute(
                insert_(Feed).values(**values).on_conflict_do_nothing().returning(Feed.id)
            )
            created = result.scalar_one_or_none() is not None
            row = await session.scalar(
                select(Feed).where(Feed.guild_id == guild_id, Feed.url == url)
            )
            assert row is not None
            return _record(row), created

    async def get(self, feed_id: int) -> FeedRecord | None:
        """One feed by id."""
        async with self._sessions() as session:
            row = await session.get(Feed, feed_id)
            return None if row is None else _record(row)

    async def find(self, guild_id: int, url: str) -> FeedRecord | None:
        """The feed a guild follows at this address."""
        async with self._sessions() as session:
            row = await session.scalar(
                select(Feed).where(Feed.guild_id == guild_id, Feed.url == url)
            )
            return None if row is None else _record(row)

    async def in_guild(self, guild_id: int) -> list[FeedRecord]:
        """A guild's feeds (0: the command line's), in the order they were added."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(Feed).where(Feed.guild_id == guild_id).order_by(Feed.id)
            )
            return [_record(row) for row in rows]

    async def remove(self, feed_id: int) -> FeedRecord | None:
        """Stop following a feed; its seen items go with it. None when it was not there."""
        async with self._sessions.begin() as session:
            row = await session.get(Feed, feed_id)
            if row is None:
                return None
            record = _record(row)
            await session.execute(delete(FeedItem).where(FeedItem.feed_id == feed_id))
            await session.execute(delete(Feed).where(Feed.id == feed_id))
            return record

    async def resume(self, feed_id: int, now: datetime) -> FeedRecord | None:
        """Start polling a paused feed again, at once and with a clean failure count."""
        async with self._sessions.begin() as session:
            await session.execute(
                update(Feed)
                .where(Feed.id == feed_id)
                .values(
                    status=ACTIVE, pause_reason=None, failures=0, next_poll_at=now, last_error=None
                )
            )
            row = await session.get(Feed, feed_id)
            if row is None:
                return None
            await session.refresh(row)
            return _record(row)

    async def drop_stale_validators(self, before: datetime) -> int:
        """Forget ETag/Last-Modified saved before `before` (servers that answer 304 forever)."""
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(Feed)
                .where(Feed.validators_at < before)
                .values(etag=None, last_modified=None, validators_at=None)
            )
            return int(result.rowcount or 0)  # type: ignore[attr-defined]

    # ------------------------------------------------------------------ claiming polls

    async def claim(
        self,
        now: datetime,
        *,
        limit: int = 50,
        among: Sequence[int] | None = None,
        due_only: bool = True,
        files: bool = False,
        lease: timedelta = CLAIM_LEASE,
    ) -> list[FeedRecord]:
        """Take up to `limit` active feeds to poll: due ones (or any, without `due_only`),
        saved feed files only when `files`; none that another live process holds."""
        claimed: list[FeedRecord] = []
        async with self._sessions.begin() as session:
            for row in await self._claimable(
                session, now, limit=limit, among=among, due_only=due_only, files=files
            ):
                # only if nobody changed the feed since we looked (SQLite reads outside the
                # write lock); RETURNING hands back the claimed row in the same statement
                result = await session.execute(
                    update(Feed)
                    .where(Feed.id == row.id, Feed.status == ACTIVE)
                    .where(Feed.claimed_by.is_not_distinct_from(row.claimed_by))
                    .where(Feed.claimed_until.is_not_distinct_from(row.claimed_until))
                    .where(Feed.next_poll_at == row.next_poll_at)
                    .values(claimed_by=self.holder, claimed_until=now + lease)
                    .returning(*Feed.__table__.columns)
                    .execution_options(synchronize_session=False)
                )
                found = result.first()
                if found is not None:
                    claimed.append(_record(found))
        return claimed

    async def _claimable(
        self,
        session: AsyncSession,
        now: datetime,
        *,
        limit: int,
        among: Sequence[int] | None,
        due_only: bool,
        files: bool,
    ) -> list[Row[int, str | None, datetime | None, datetime]]:
        """Active feeds nobody holds: never claimed, lease run out, or holder dead."""
        query = select(Feed.id, Feed.claimed_by, Feed.claimed_until, Feed.next_poll_at).where(
            Feed.status == ACTIVE,
            or_(
                Feed.claimed_until.is_(None),
                Feed.claimed_until <= now,
                Feed.claimed_by.is_not(None) & (Feed.claimed_by != self.holder),
            ),
            (Feed.host == LOCAL_HOST) if files else (Feed.host != LOCAL_HOST),
        )
        if due_only:
            query = query.where(Feed.next_poll_at <= now)
        if among is not None:
            query = query.where(Feed.id.in_(among))
        # PostgreSQL: feeds another process is claiming right now are skipped, not waited for.
        query = query.order_by(Feed.next_poll_at, Feed.id).limit(limit * 4)
        free = []
        for row in (await session.execute(query.with_for_update(skip_locked=True))).all():
            held = row.claimed_until is not None and as_utc(row.claimed_until) > now
            if held and not holder_is_dead(row.claimed_by):
                continue
            free.append(row)
        return free[:limit]

    async def due_ids(self, now: datetime, *, due_only: bool = True) -> list[int]:
        """The active feeds (not saved files) due at `now`, or all of them, soonest first."""
        query = select(Feed.id).where(Feed.status == ACTIVE, Feed.host != LOCAL_HOST)
        if due_only:
            query = query.where(Feed.next_poll_at <= now)
        async with self._sessions() as session:
            return list(await session.scalars(query.order_by(Feed.next_poll_at, Feed.id)))

    async def next_due(self) -> datetime | None:
        """When the soonest active feed (not a saved file) is due; None without any."""
        async with self._sessions() as session:
            found = await session.scalar(
                select(func.min(Feed.next_poll_at)).where(
                    Feed.status == ACTIVE, Feed.host != LOCAL_HOST
                )
            )
            return None if found is None else as_utc(found)

    async def release(self, feed_ids: Iterable[int]) -> None:
        """Hand unpolled feeds back (on shutdown, or a host that never gave its turn)."""
        ids = list(feed_ids)
        if not ids:
            return
        async with self._sessions.begin() as session:
            await session.execute(
                update(Feed)
                .where(Feed.id.in_(ids), Feed.claimed_by == self.holder)
                .values(claimed_by=None, claimed_until=None)
            )

    # ------------------------------------------------------------------ seen items

    async def seen(self, feed_id: int, items: Sequence[NewFeedItem]) -> set[str]:
        """The keys of the items this feed showed before (same GUID, link, or title and date)."""
        found: list[Marks] = []
        async with self._sessions() as session:
            for chunk in _chunks(list(items), 200):
                # every clause has an index; a GUID needs none of its own: an item with a
                # GUID has it in its key (the key is its first mark), so the key finds it
                marks = [
                    FeedItem.item_key.in_({i.item_key for i in chunk}),
                    FeedItem.link.in_({i.link for i in chunk if i.link}),
                    FeedItem.title_key.in_({i.title_key for i in chunk if i.title_key}),
                ]
                rows = await session.execute(
                    select(
                        FeedItem.guid, FeedItem.link, FeedItem.title_key, FeedItem.item_key
                    ).where(FeedItem.feed_id == feed_id, or_(*marks))
                )
                found.extend((r.guid, r.link, r.title_key, r.item_key) for r in rows)
        return seen_keys(items, found)

    async def item_count(self, feed_id: int) -> int:
        """How many items a feed has shown (tests, diagnostics)."""
        async with self._sessions() as session:
            found = await session.scalar(
                select(func.count(FeedItem.id)).where(FeedItem.feed_id == feed_id)
            )
            return int(found or 0)

    # ------------------------------------------------------------------ ending a poll

    async def record_success(
        self,
        feed_id: int,
        now: datetime,
        *,
        next_poll_at: datetime,
        items: Sequence[NewFeedItem],
        etag: str | None,
        last_modified: str | None,
        title: str | None = None,
        more: int = 0,
    ) -> int:
        """End a poll that read the feed: its items (each once), the new validators, and one
        `feed_more` row when `more` new items were not posted; how many items were new.

        Raises ClaimLostError (nothing written) when another process took the feed meanwhile.
        """
        async with self._sessions.begin() as session:
            feed = await self._held(session, feed_id)
            inserted = 0
            for item in items:
                inserted += await _insert_item(session, feed_id, item, now)
            validators = now if (etag or last_modified) else None
            await session.execute(
                update(Feed)
                .where(Feed.id == feed_id)
                .values(
                    **_polled(now, next_poll_at),
                    last_success_at=now,
                    last_error=None,
                    failures=0,
                    last_new_items=inserted,
                    total_items=Feed.total_items + inserted,
                    etag=etag,
                    last_modified=last_modified,
                    validators_at=validators,
                    title=feed.title or title,
                )
            )
            if more > 0 and feed.channel_id:
                body = {"feed_id": feed_id, "feed_title": feed.title or title or feed.url}
                await _notify(session, feed, FEED_MORE, {**body, "count": more})
            return inserted

    async def record_not_modified(
        self, feed_id: int, now: datetime, next_poll_at: datetime
    ) -> None:
        """End a poll the server answered 304: nothing new, validators kept as they were."""
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(Feed)
                .where(Feed.id == feed_id, Feed.claimed_by == self.holder, Feed.status == ACTIVE)
                .values(
                    **_polled(now, next_poll_at),
                    last_success_at=now,
                    last_error=None,
                    failures=0,
                    last_new_items=0,
                )
                .execution_options(synchronize_session=False)
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                raise ClaimLostError(feed_id)

    async def record_failure(
        self,
        feed_id: int,
        now: datetime,
        error: str,
        policy: FailurePolicy,
        *,
        retry_after: float | None = None,
    ) -> Failed:
        """End a failed poll: count it, back off, and at `max_failures` in a row pause the feed
        and tell its channel once (a `feed_paused` row in this transaction)."""
        async with self._sessions.begin() as session:
            feed = await self._held(session, feed_id)
            failures = feed.failures + 1
            next_poll_at = now + policy.delay(failures, retry_after)
            paused = failures >= policy.max_failures
            values = {**_polled(now, next_poll_at), "last_error": error, "failures": failures}
            if paused:
                reason = f"{failures} failed polls in a row; the last: {error}"
                values |= {"status": PAUSED, "pause_reason": reason}
            await session.execute(
                update(Feed).where(Feed.id == feed_id, Feed.status == ACTIVE).values(**values)
            )
            if paused and feed.channel_id:
                body = {
                    "feed_id": feed_id,
                    "feed_title": feed.title or feed.url,
                    "url": feed.url,
                    "reason": error,
                    "failures": failures,
                }
                await _notify(session, feed, FEED_PAUSED, body)
            return Failed(failures, next_poll_at, paused)

    async def _held(self, session: AsyncSession, feed_id: int) -> Feed:
        """The feed row, locked, if this poller still holds its claim; else ClaimLostError."""
        feed = await session.scalar(select(Feed).where(Feed.id == feed_id).with_for_update())
        if feed is None or feed.claimed_by != self.holder or feed.status != ACTIVE:
            raise ClaimLostError(feed_id)
        return feed


def _polled(now: datetime, next_poll_at: datetime) -> dict[str, object]:
    """What every poll's end sets: when it ran, when the next is due, the claim let go."""
    return {
        "last_polled_at": now,
        "next_poll_at": next_poll_at,
        "claimed_by": None,
        "claimed_until": None,
    }


async def _insert_item(
    session: AsyncSession, feed_id: int, item: NewFeedItem, now: datetime
) -> int:
    """Insert one seen item; 0 when the unique (feed, key) says a racing poll stored it first."""
    insert_ = dialect_insert(session)
    result = await session.execute(
        insert_(FeedItem)
        .values(
            feed_id=feed_id,
            item_key=item.item_key,
            guid=item.guid,
            link=item.link,
            title_key=item.title_key,
            title=item.title,
            published=item.published,
            seen_at=now,
            job_id=item.job_id,
        )
        .on_conflict_do_nothing()
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def _notify(session: AsyncSession, feed: Feed, kind: str, body: dict[str, object]) -> None:
    """An outbox row for the feed's channel, in the poll's transaction."""
    await session.execute(
        insert(OutboxMessage).values(
            kind=kind,
            guild_id=feed.guild_id,
            channel_id=feed.channel_id,
            body=body,
            created_at=datetime.now(UTC),
            attempts=0,
        )
    )


def _chunks(values: list[NewFeedItem], size: int) -> Iterable[list[NewFeedItem]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
