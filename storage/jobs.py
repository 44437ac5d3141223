"""The persistent ingest queue: jobs survive restarts, go to one worker, retry with backoff.

Claiming is optimistic (UPDATE ... WHERE status matches) so it is safe on SQLite and on PostgreSQL;
a job held by a process that died is taken back, immediately when that process ran on this host
and after a lease otherwise. A job ends (done, duplicate, failed) once: the first final state
wins, and when its payload names a chat to answer (`meta`), that end writes an outbox row in the
same transaction (see storage/outbox.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Row, case, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.alert_fires import fire_alerts
from storage.entities import dialect_insert
from storage.feed_outcomes import announce_feed_outcome
from storage.models import IngestJob, OutboxMessage
from storage.records import DONE, DUPLICATE, FAILED, PENDING, RUNNING, JobRecord, as_utc

log = logging.getLogger(__name__)

FINISHED = (DONE, DUPLICATE, FAILED)
UNFINISHED = (PENDING, RUNNING)
LEASE = timedelta(minutes=10)
HEARTBEAT = LEASE / 3  # how often a worker refreshes the lease of the jobs it is working
INGEST_OUTCOME = "ingest_outcome"  # the outbox kind a finished job writes
ANSWERED_VIA = "discord"  # jobs whose meta says they came from a chat get an outbox row


def worker_id() -> str:
    """Who holds a job: host and pid, so a crashed holder on this host is recognised at once."""
    return f"{socket.gethostname()}:{os.getpid()}"


def holder_is_dead(locked_by: str | None) -> bool:
    """True when the holder (`host:pid`, maybe `host:pid/tag`) ran on this host and its process
    no longer exists."""
    if not locked_by or ":" not in locked_by:
        return False
    host, _, pid = locked_by.partition("/")[0].rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _held_alive(locked_by: str | None, updated_at: datetime, stale: datetime) -> bool:
    """Whether a running job's holder may still be at work: not dead here, lease not expired."""
    return not holder_is_dead(locked_by) and as_utc(updated_at) > stale


@dataclass(frozen=True)
class Backlog:
    """The unfinished jobs as one worker sees them."""

    runnable: int  # pending and due, or held by a dead holder or an expired lease
    held_here: int  # running under this worker
    held_elsewhere: int  # running under another worker that is alive (its lease is fresh)
    waiting: int  # pending, backing off before a retry


def _record(job: IngestJob) -> JobRecord:
    return JobRecord(
        id=job.id,
        source_key=job.source_key,
        kind=job.kind,
        payload=dict(job.payload),
        status=job.status,
        attempts=job.attempts,
        last_error=job.last_error,
        article_id=job.article_id,
        duplicate_of=job.duplicate_of,
    )


def _described(source_key: str, payload: dict[str, object]) -> str:
    """How the source is named to the member (the rule of bot.services.ingest.describe)."""
    return str(payload.get("origin") or payload.get("path") or payload.get("url") or source_key)


async def _announce(
    session: AsyncSession,
    job_id: int,
    source_key: str,
    payload: dict[str, object],
    end: Mapping[str, object],
) -> None:
    """Write the job's end to the outbox when its payload names a chat to answer."""
    meta = payload.get("meta")
    if not isinstance(meta, dict) or meta.get("via") != ANSWERED_VIA:
        return
    if not meta.get("guild") or not meta.get("channel"):
        return
    body = {
        "status": end["status"],
        "source": _described(source_key, payload),
        "article_id": end.get("article_id"),
        "duplicate_of": end.get("duplicate_of"),
        "error": end.get("last_error"),
        "sources": meta.get("sources") or 1,
    }
    await session.execute(
        insert(OutboxMessage).values(
            kind=INGEST_OUTCOME,
            guild_id=int(meta["guild"]),
            channel_id=int(meta["channel"]),
            message_id=int(meta["message"]) if meta.get("message") else None,
            job_id=job_id,
            body=body,
            created_at=datetime.now(UTC),
            attempts=0,
        )
    )


class JobQueue:
    """Enqueue, claim and finish ingestion jobs; one short transaction per step."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], max_attempts: int = 3) -> None:
        self._sessions = sessions
        self.max_attempts = max_attempts
        self.worker = worker_id()
        self.heartbeat_every = HEARTBEAT

    async def enqueue(self, source_key: str, kind: str, payload: dict[str, object]) -> JobRecord:
        """Queue a job once per source key; a known key returns the existing job untouched."""
        now = datetime.now(UTC)
        async with self._sessions.begin() as session:
            insert = dialect_insert(session)
            values = {
                "source_key": source_key,
                "kind": kind,
                "payload": payload,
                "status": PENDING,
                "attempts": 0,
                "created_at": now,
                "updated_at": now,
                "not_before": now,
            }
            await session.execute(insert(IngestJob).values(**values).on_conflict_do_nothing())
            job = await session.scalar(select(IngestJob).where(IngestJob.source_key == source_key))
            assert job is not None
            return _record(job)

    async def get(self, job_id: int) -> JobRecord | None:
        """One job by id."""
        async with self._sessions() as session:
            job = await session.get(IngestJob, job_id)
            return None if job is None else _record(job)

    async def _claimable(
        self, session: AsyncSession, among: Sequence[int] | None, limit: int
    ) -> list[Row[int, str, str | None, datetime]]:
        now = datetime.now(UTC)
        stale = now - LEASE
        query = select(
            IngestJob.id, IngestJob.status, IngestJob.locked_by, IngestJob.updated_at
        ).where(
            or_(
                (IngestJob.status == PENDING) & (IngestJob.not_before <= now),
                (IngestJob.status == RUNNING) & (IngestJob.locked_by != self.worker),
            )
        )
        if among is not None:
            query = query.where(IngestJob.id.in_(among))
        # PostgreSQL: rows another worker is claiming right now are skipped, not waited for.
        query = query.order_by(IngestJob.id).limit(limit * 4).with_for_update(skip_locked=True)
        rows = (await session.execute(query)).all()
        runnable = []
        for row in rows:
            if row.status == RUNNING and _held_alive(row.locked_by, row.updated_at, stale):
                continue
            runnable.append(row)
        return runnable[:limit]

    async def claim(self, among: Sequence[int] | None = None, limit: int = 1) -> list[JobRecord]:
        """Take up to `limit` runnable jobs (optionally only these ids) for this worker."""
        claimed: list[JobRecord] = []
        async with self._sessions.begin() as session:
            for row in await self._claimable(session, among, limit):
                # Only if nobody changed the job since we looked: another worker may have
                # claimed or finished it in between (SQLite reads outside the write lock).
                result = await session.execute(
                    update(IngestJob)
                    .where(IngestJob.id == row.id, IngestJob.status == row.status)
                    .where(IngestJob.locked_by.is_not_distinct_from(row.locked_by))
                    .where(IngestJob.updated_at == row.updated_at)
                    .values(status=RUNNING, locked_by=self.worker, updated_at=datetime.now(UTC))
                )
                if result.rowcount == 1:  # type: ignore[attr-defined]
                    job = await session.get(IngestJob, row.id)
                    assert job is not None
                    await session.refresh(job)
                    claimed.append(_record(job))
        return claimed

    async def finish(
        self,
        job_id: int,
        status: str,
        *,
        article_id: int | None = None,
        duplicate_of: int | None = None,
        error: str | None = None,
        session: AsyncSession | None = None,
    ) -> bool:
        """Mark a job done, duplicate or failed; pass `session` to commit it with the article.

        False when the job had already ended (the first end wins and is the one announced).
        """
        values = {
            "status": status,
            "article_id": article_id,
            "duplicate_of": duplicate_of,
            "last_error": error,
            "locked_by": None,
            "updated_at": datetime.now(UTC),
        }
        if session is not None:
            return await self._end(session, job_id, values)
        async with self._sessions.begin() as own:
            return await self._end(own, job_id, values)

    @staticmethod
    async def _end(session: AsyncSession, job_id: int, values: Mapping[str, object]) -> bool:
        """Move an unfinished job to its final state and announce it, in the caller's session."""
        ended = await session.execute(
            update(IngestJob)
            .where(IngestJob.id == job_id, IngestJob.status.in_(UNFINISHED))
            .values(**values)
            .returning(IngestJob.source_key, IngestJob.payload)
            .execution_options(synchronize_session=False)
        )
        row = ended.first()
        if row is None:
            return False
        payload = dict(row.payload)
        await _announce(session, job_id, row.source_key, payload, values)
        await announce_feed_outcome(session, job_id, payload, values)
        if values["status"] == DONE and values.get("article_id"):
            await fire_alerts(session, int(str(values["article_id"])))
        return True

    async def retry_later(self, job_id: int, error: str) -> str:
        """Count a failed attempt: back off and retry, or fail for good after max attempts."""
        async with self._sessions.begin() as session:
            job = await session.get(IngestJob, job_id)
            assert job is not None
            if job.status in FINISHED:  # ended meanwhile (by another worker): leave it be
                return job.status
            job.attempts += 1
            job.last_error = error
            job.locked_by = None
            now = datetime.now(UTC)
            job.updated_at = now
            if job.attempts >= self.max_attempts:
                job.status = FAILED
                end = {"status": FAILED, "last_error": error}
                await _announce(session, job.id, job.source_key, dict(job.payload), end)
            else:
                job.status = PENDING
                job.not_before = now + timedelta(seconds=2**job.attempts)
            return job.status

    async def heartbeat(self, job_ids: Iterable[int]) -> int:
        """Refresh the lease of the given jobs this worker still runs; how many were refreshed.

        Only rows still running under this worker are touched: a job that ended, went back to
        the queue or was taken over stays as it is. A refreshed row also fails the optimistic
        claim of a worker that read it as stale a moment before.
        """
        ids = list(job_ids)
        if not ids:
            return 0
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(IngestJob)
                .where(IngestJob.id.in_(ids), IngestJob.status == RUNNING)
                .where(IngestJob.locked_by == self.worker)
                .values(updated_at=datetime.now(UTC))
                .execution_options(synchronize_session=False)
            )
            return int(result.rowcount)  # type: ignore[attr-defined]

    @contextlib.asynccontextmanager
    async def held(self, job_ids: Iterable[int]) -> AsyncIterator[None]:
        """Keep the lease of these jobs fresh (a heartbeat every `heartbeat_every`) meanwhile."""
        every = self.heartbeat_every.total_seconds()
        beat = asyncio.create_task(self._beat(list(job_ids), every))
        try:
            yield
        finally:
            beat.cancel()
            await asyncio.wait([beat])

    async def _beat(self, ids: list[int], seconds: float) -> None:
        """Refresh the lease every `seconds` until cancelled; a failed beat is logged, not fatal."""
        while True:
            await asyncio.sleep(seconds)
            try:
                await self.heartbeat(ids)
            except Exception:  # the database may be away for a moment; the next beat retries
                log.warning("could not refresh the lease of jobs %s", ids, exc_info=True)

    async def backlog(self) -> Backlog:
        """What is left: runnable now, held by this or another live worker, or backing off."""
        now = datetime.now(UTC)
        async with self._sessions() as session:
            is_due = case((IngestJob.not_before <= now, 1), else_=0)
            pending = await session.execute(
                select(func.coalesce(func.sum(is_due), 0), func.count(IngestJob.id)).where(
                    IngestJob.status == PENDING
                )
            )
            due, queued = (int(n) for n in pending.one())
            running = await session.execute(
                select(IngestJob.locked_by, IngestJob.updated_at).where(IngestJob.status == RUNNING)
            )
            holders = running.all()
        here = sum(1 for row in holders if row.locked_by == self.worker)
        alive = sum(
            1
            for row in holders
            if row.locked_by != self.worker
            and _held_alive(row.locked_by, row.updated_at, now - LEASE)
        )
        stale = len(holders) - here - alive
        return Backlog(due + stale, here, alive, queued - due)

    async def release(self, job_ids: Iterable[int]) -> None:
        """Hand unfinished jobs back to the queue (on Ctrl-C or shutdown) without an attempt."""
        ids = list(job_ids)
        if not ids:
            return
        async with self._sessions.begin() as session:
            await session.execute(
                update(IngestJob)
                .where(IngestJob.id.in_(ids), IngestJob.status == RUNNING)
                .values(status=PENDING, locked_by=None, updated_at=datetime.now(UTC))
            )

    async def requeue(self, job_id: int) -> None:
        """Put a finished job back in the queue (a re-run of a failed source)."""
        now = datetime.now(UTC)
        async with self._sessions.begin() as session:
            await session.execute(
                update(IngestJob)
                .where(IngestJob.id == job_id)
                .values(status=PENDING, attempts=0, not_before=now, updated_at=now, locked_by=None)
            )

    async def unfinished_under(self, prefix: str) -> int:
        """How many jobs whose source key starts with `prefix` are still queued or running.

        Only unfinished jobs are read (through the status index), so the prefix test stays cheap
        however many jobs have ended, and it does not depend on the database's collation.
        """
        async with self._sessions() as session:
            found = await session.scalar(
                select(func.count(IngestJob.id)).where(
                    IngestJob.status.in_(UNFINISHED),
                    IngestJob.source_key.startswith(prefix, autoescape=True),
                )
            )
            return int(found or 0)

    async def counts(self) -> dict[str, int]:
        """Jobs per status, for `analyst stats`."""
        async with self._sessions() as session:
            rows = await session.execute(
                select(IngestJob.status, func.count(IngestJob.id)).group_by(IngestJob.status)
            )
            return {status: int(n) for status, n in rows.all()}
