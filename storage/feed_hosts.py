"""Each web host's turn: one feed request at a time per host, and a gap between two, across
every process polling the database.

A turn is a `feed_hosts` row held with a lease (`busy_by`, `busy_until`) and the moment the next
request may go (`next_request_at`). Taking a free host is one UPDATE; a holder that died on this
host, or whose lease ran out, loses the turn to the next asker.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Row, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.entities import dialect_insert
from storage.jobs import holder_is_dead
from storage.models import FeedHost
from storage.records import as_utc

TURN_LEASE = timedelta(minutes=2)  # longer than any one feed request may take
BUSY_RECHECK = timedelta(seconds=0.2)  # how soon to look again at a host another process uses


class HostTurns:
    """Take and give back web hosts' turns for one holder (a process's poller)."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], holder: str) -> None:
        self._sessions = sessions
        self.holder = holder

    async def take_turn(
        self, host: str, now: datetime, lease: timedelta = TURN_LEASE
    ) -> datetime | None:
        """Take the host's turn to send one request: None when taken, else when to ask again
        (when the gap after the last request ends, or soon while another process is at it)."""
        async with self._sessions.begin() as session:
            # the usual case in one statement: the host is free and its gap has passed
            # (PostgreSQL re-checks the WHERE after a racing update commits: one winner)
            free = await session.execute(
                update(FeedHost)
                .where(FeedHost.host == host)
                .where(or_(FeedHost.busy_until.is_(None), FeedHost.busy_until <= now))
                .where(or_(FeedHost.next_request_at.is_(None), FeedHost.next_request_at <= now))
                .values(busy_by=self.holder, busy_until=now + lease)
                .execution_options(synchronize_session=False)
            )
            if free.rowcount == 1:  # type: ignore[attr-defined]
                return None
            row = await _host_row(session, host)
            if row is None:  # a host never asked before
                insert_ = dialect_insert(session)
                await session.execute(insert_(FeedHost).values(host=host).on_conflict_do_nothing())
                row = await _host_row(session, host)
            if row is None:  # PostgreSQL: another process is taking it right now
                return now + BUSY_RECHECK
            busy_until = as_utc(row.busy_until) if row.busy_until else None
            if busy_until and busy_until > now and not holder_is_dead(row.busy_by):
                return min(busy_until, now + BUSY_RECHECK)  # it may be given back any moment
            if row.next_request_at is not None and as_utc(row.next_request_at) > now:
                return as_utc(row.next_request_at)
            result = await session.execute(  # a holder that died here, or a lease run out
                update(FeedHost)
                .where(FeedHost.host == host)
                .where(FeedHost.busy_by.is_not_distinct_from(row.busy_by))
                .where(FeedHost.busy_until.is_not_distinct_from(row.busy_until))
                .where(FeedHost.next_request_at.is_not_distinct_from(row.next_request_at))
                .values(busy_by=self.holder, busy_until=now + lease)
            )
            taken = result.rowcount == 1  # type: ignore[attr-defined]
            return None if taken else now + BUSY_RECHECK

    async def end_turn(self, host: str, now: datetime, gap: timedelta) -> None:
        """Give the host's turn back; its next request may go `gap` from now."""
        async with self._sessions.begin() as session:
            await session.execute(
                update(FeedHost)
                .where(FeedHost.host == host, FeedHost.busy_by == self.holder)
                .values(busy_by=None, busy_until=None, next_request_at=now + gap)
            )


async def _host_row(
    session: AsyncSession, host: str
) -> Row[str | None, datetime | None, datetime | None] | None:
    """A host's turn as it is now, locked (skipped when another process holds the lock)."""
    found = await session.execute(
        select(FeedHost.busy_by, FeedHost.busy_until, FeedHost.next_request_at)
        .where(FeedHost.host == host)
        .with_for_update(skip_locked=True)
    )
    return found.first()
