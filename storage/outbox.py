"""The outbox: what a guild must be told, written with the work that produced it, delivered once.

Rows are written inside the transaction of the work they report (an ingest job's end: see
`storage.jobs`), so a stored article always has its answer waiting and a rolled-back one has
none. The bot process that owns a guild claims its undelivered rows with a lease, delivers them
and stamps `delivered_at`. Claiming is an UPDATE that matches the state just read (and SKIP
LOCKED on PostgreSQL), so two processes never hold one row; a holder that died on this host
loses its claims at once, one elsewhere when its lease runs out.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import (
    ColumnElement,
    Integer,
    Row,
    delete,
    func,
    insert,
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.jobs import INGEST_OUTCOME, holder_is_dead, worker_id
from storage.models import OutboxMessage
from storage.records import as_utc

__all__ = ["INGEST_OUTCOME", "LEASE", "OutboxItem", "OutboxRepository", "Shards"]

LEASE = timedelta(minutes=5)
KEEP_DELIVERED = timedelta(days=7)


@dataclass(frozen=True)
class Shards:
    """The guilds a bot process owns: those whose shard `(guild_id >> 22) % count` is in `ids`."""

    count: int
    ids: tuple[int, ...]


@dataclass(frozen=True)
class OutboxItem:
    """One claimed row: where it goes, what it says (`body`), and the job it reports, if any."""

    id: int
    kind: str
    guild_id: int
    channel_id: int
    message_id: int | None
    job_id: int | None
    body: dict[str, object]
    created_at: datetime
    attempts: int
    delivered_at: datetime | None = None  # when it was delivered, or given up
    last_error: str | None = None  # why the last attempt failed, or why it was given up


def _item(row: OutboxMessage) -> OutboxItem:
    return OutboxItem(
        id=row.id,
        kind=row.kind,
        guild_id=row.guild_id,
        channel_id=row.channel_id,
        message_id=row.message_id,
        job_id=row.job_id,
        body=dict(row.body),
        created_at=as_utc(row.created_at),
        attempts=row.attempts,
        delivered_at=as_utc(row.delivered_at) if row.delivered_at else None,
        last_error=row.last_error,
    )


def _owned(shards: Shards | None) -> ColumnElement[bool] | None:
    """The SQL test for guilds of these shards (Discord's rule); None: every guild."""
    if shards is None:
        return None
    shard = OutboxMessage.guild_id.op(">>")(literal_column("22", Integer)) % shards.count
    return shard.in_(shards.ids)


class OutboxRepository:
    """Add, claim, deliver and give up on outbox rows; one short transaction per step."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], holder: str | None = None
    ) -> None:
        self._sessions = sessions
        # host:pid for the dead-holder check, and a tag so two deliverers in one process differ
        self.holder = holder or f"{worker_id()}/{uuid.uuid4().hex[:8]}"

    async def add(
        self,
        kind: str,
        guild_id: int,
        channel_id: int,
        body: dict[str, object],
        *,
        message_id: int | None = None,
        job_id: int | None = None,
        session: AsyncSession | None = None,
    ) -> None:
        """Queue something to tell a guild; pass `session` to commit it with the work itself."""
        stmt = insert(OutboxMessage).values(
            kind=kind,
            guild_id=guild_id,
            channel_id=channel_id,
            message_id=message_id,
            job_id=job_id,
            body=body,
            created_at=datetime.now(UTC),
            attempts=0,
        )
        if session is not None:
            await session.execute(stmt)
            return
        async with self._sessions.begin() as own:
            await own.execute(stmt)

    async def claim(
        self,
        kinds: Iterable[str],
        shards: Shards | None = None,
        *,
        limit: int = 10,
        lease: timedelta = LEASE,
    ) -> list[OutboxItem]:
        """Take up to `limit` undelivered rows of these kinds for guilds of these shards."""
        claimed: list[OutboxItem] = []
        async with self._sessions.begin() as session:
            for row in await self._claimable(session, list(kinds), shards, limit):
                result = await session.execute(
                    update(OutboxMessage)
                    .where(OutboxMessage.id == row.id, OutboxMessage.delivered_at.is_(None))
                    .where(OutboxMessage.claimed_by.is_not_distinct_from(row.claimed_by))
                    .where(OutboxMessage.claimed_until.is_not_distinct_from(row.claimed_until))
                    .values(claimed_by=self.holder, claimed_until=datetime.now(UTC) + lease)
                )
                if result.rowcount == 1:  # type: ignore[attr-defined]
                    found = await session.get(OutboxMessage, row.id)
                    assert found is not None
                    await session.refresh(found)
                    claimed.append(_item(found))
        return claimed

    async def _claimable(
        self, session: AsyncSession, kinds: Sequence[str], shards: Shards | None, limit: int
    ) -> list[Row[int, str | None, datetime | None]]:
        """Undelivered rows nobody holds: never claimed, lease run out, or holder dead."""
        now = datetime.now(UTC)
        query = select(
            OutboxMessage.id, OutboxMessage.claimed_by, OutboxMessage.claimed_until
        ).where(
            OutboxMessage.delivered_at.is_(None),
            OutboxMessage.kind.in_(kinds),
            or_(
                OutboxMessage.claimed_until.is_(None),
                OutboxMessage.claimed_until <= now,
                OutboxMessage.claimed_by.is_not(None) & (OutboxMessage.claimed_by != self.holder),
            ),
        )
        if (owned := _owned(shards)) is not None:
            query = query.where(owned)
        # PostgreSQL: rows another process is claiming right now are skipped, not waited for.
        query = query.order_by(OutboxMessage.id).limit(limit * 4).with_for_update(skip_locked=True)
        free = []
        for row in (await session.execute(query)).all():
            held = row.claimed_until is not None and as_utc(row.claimed_until) > now
            if held and (row.claimed_by is None or not holder_is_dead(row.claimed_by)):
                continue  # backing off after a failed attempt, or held by a live process
            free.append(row)
        return free[:limit]

    async def delivered(self, item_id: int, *, error: str | None = None) -> bool:
        """Stamp a row delivered (or given up, with `error`); False if it was no longer ours."""
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == item_id, OutboxMessage.delivered_at.is_(None))
                .where(OutboxMessage.claimed_by == self.holder)
                .values(delivered_at=datetime.now(UTC), claimed_until=None, last_error=error)
            )
            return bool(result.rowcount == 1)  # type: ignore[attr-defined]

    async def give_up(self, item_id: int, reason: str) -> bool:
        """Stop trying a row (its channel is gone or closed to the bot): stamped done, with
        `last_error` saying why, so it is never claimed again; False if no longer ours."""
        return await self.delivered(item_id, error=reason)

    async def retry_later(self, item_id: int, error: str, delay: timedelta) -> None:
        """Count a failed attempt and let the row be claimed again after `delay`."""
        async with self._sessions.begin() as session:
            await session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == item_id, OutboxMessage.delivered_at.is_(None))
                .where(OutboxMessage.claimed_by == self.holder)
                .values(
                    claimed_by=None,
                    claimed_until=datetime.now(UTC) + delay,
                    attempts=OutboxMessage.attempts + 1,
                    last_error=error,
                )
            )

    async def release(self, item_ids: Iterable[int]) -> None:
        """Hand undelivered rows back at once (on shutdown) without counting an attempt."""
        ids = list(item_ids)
        if not ids:
            return
        async with self._sessions.begin() as session:
            await session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id.in_(ids), OutboxMessage.delivered_at.is_(None))
                .where(OutboxMessage.claimed_by == self.holder)
                .values(claimed_by=None, claimed_until=None)
            )

    async def undelivered_for_message(self, message_id: int, *, besides: int | None = None) -> int:
        """How many rows about one chat message still wait (other than row `besides`)."""
        async with self._sessions() as session:
            query = select(func.count(OutboxMessage.id)).where(
                OutboxMessage.message_id == message_id, OutboxMessage.delivered_at.is_(None)
            )
            if besides is not None:
                query = query.where(OutboxMessage.id != besides)
            return int(await session.scalar(query) or 0)

    async def for_message(self, message_id: int) -> list[OutboxItem]:
        """Every row about one chat message, delivered or not (tests, diagnostics)."""
        return await self._rows(OutboxMessage.message_id == message_id)

    async def for_job(self, job_id: int) -> list[OutboxItem]:
        """Every row a job wrote, delivered or not (tests, diagnostics)."""
        return await self._rows(OutboxMessage.job_id == job_id)

    async def _rows(self, condition: ColumnElement[bool]) -> list[OutboxItem]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(OutboxMessage).where(condition).order_by(OutboxMessage.id)
            )
            return [_item(row) for row in rows]

    async def counts(self) -> dict[str, int]:
        """Rows waiting and delivered, for `analyst stats` and tests."""
        async with self._sessions() as session:
            delivered = OutboxMessage.delivered_at.is_not(None)
            rows = await session.execute(
                select(delivered, func.count(OutboxMessage.id)).group_by(delivered)
            )
            return {("delivered" if done else "waiting"): int(n) for done, n in rows.all()}

    async def prune(self, older_than: timedelta = KEEP_DELIVERED) -> int:
        """Forget rows delivered longer ago than `older_than`; returns how many."""
        cutoff = datetime.now(UTC) - older_than
        async with self._sessions.begin() as session:
            result = await session.execute(
                delete(OutboxMessage).where(
                    OutboxMessage.delivered_at.is_not(None), OutboxMessage.delivered_at < cutoff
                )
            )
            return int(result.rowcount or 0)  # type: ignore[attr-defined]
