"""The persistent ingest queue: one job per source, one holder per job, nothing lost on a crash."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from storage.jobs import DONE, FAILED, PENDING, RUNNING, Backlog, JobQueue
from storage.models import IngestJob

AN_HOUR_AGO = timedelta(hours=1)


async def test_enqueue_is_idempotent_per_source_key(sessions) -> None:  # type: ignore[no-untyped-def]
    queue = JobQueue(sessions)
    first = await queue.enqueue("file:/a.txt", "file", {"path": "/a.txt"})
    again = await queue.enqueue("file:/a.txt", "file", {"path": "/a.txt"})
    assert first.id == again.id
    assert await queue.counts() == {PENDING: 1}


async def test_a_claimed_job_is_not_claimed_again(sessions) -> None:  # type: ignore[no-untyped-def]
    queue, other = JobQueue(sessions), JobQueue(sessions)
    other.worker = "elsewhere:1"
    job = await queue.enqueue("file:/a.txt", "file", {})
    assert [j.id for j in await queue.claim()] == [job.id]
    assert await other.claim() == []
    assert await queue.claim() == []


async def test_finish_and_counts(sessions) -> None:  # type: ignore[no-untyped-def]
    queue = JobQueue(sessions)
    job = await queue.enqueue("file:/a.txt", "file", {})
    await queue.claim()
    await queue.finish(job.id, FAILED, error="empty file")
    stored = await queue.get(job.id)
    assert stored is not None
    assert (stored.status, stored.last_error) == (FAILED, "empty file")
    assert await queue.claim() == []


async def test_release_hands_jobs_back(sessions) -> None:  # type: ignore[no-untyped-def]
    queue = JobQueue(sessions)
    job = await queue.enqueue("file:/a.txt", "file", {})
    await queue.claim()
    await queue.release([job.id])
    assert [j.id for j in await queue.claim()] == [job.id]


async def test_retry_backs_off_then_fails(sessions) -> None:  # type: ignore[no-untyped-def]
    queue = JobQueue(sessions, max_attempts=2)
    job = await queue.enqueue("file:/a.txt", "file", {})
    await queue.claim()
    assert await queue.retry_later(job.id, "database busy") == PENDING
    assert await queue.claim() == []  # backing off
    async with sessions.begin() as session:
        past = datetime.now(UTC) - timedelta(seconds=1)
        await session.execute(update(IngestJob).values(not_before=past))
    await queue.claim()
    assert await queue.retry_later(job.id, "database busy") == FAILED


async def test_job_of_a_dead_process_on_this_host_is_taken_back(sessions) -> None:  # type: ignore[no-untyped-def]
    queue = JobQueue(sessions)
    job = await queue.enqueue("file:/a.txt", "file", {})
    host = queue.worker.rpartition(":")[0]
    async with sessions.begin() as session:
        await session.execute(
            update(IngestJob).values(status=RUNNING, locked_by=f"{host}:999999999")
        )
    assert [j.id for j in await queue.claim()] == [job.id]


async def test_job_of_a_live_holder_elsewhere_waits_for_its_lease(sessions) -> None:  # type: ignore[no-untyped-def]
    queue = JobQueue(sessions)
    job = await queue.enqueue("file:/a.txt", "file", {})
    async with sessions.begin() as session:
        await session.execute(
            update(IngestJob).values(
                status=RUNNING, locked_by="other-host:12", updated_at=datetime.now(UTC)
            )
        )
    assert await queue.claim() == []
    async with sessions.begin() as session:
        stale = datetime.now(UTC) - timedelta(hours=1)
        await session.execute(update(IngestJob).values(updated_at=stale))
    assert [j.id for j in await queue.claim()] == [job.id]


async def test_claim_can_be_limited_to_given_jobs(sessions) -> None:  # type: ignore[no-untyped-def]
    queue = JobQueue(sessions)
    a = await queue.enqueue("file:/a.txt", "file", {})
    b = await queue.enqueue("file:/b.txt", "file", {})
    assert [j.id for j in await queue.claim(among=[b.id], limit=5)] == [b.id]
    await queue.finish(b.id, DONE)
    assert [j.id for j in await queue.claim(limit=5)] == [a.id]


async def test_concurrent_workers_never_take_the_same_job(sessions) -> None:  # type: ignore[no-untyped-def]
    import asyncio

    queue = JobQueue(sessions)
    for n in range(30):
        await queue.enqueue(f"file:/{n}.txt", "file", {})
    workers = []
    for w in range(4):
        worker = JobQueue(sessions)
        worker.worker = f"other-host:{w}"
        workers.append(worker)

    async def drain(worker: JobQueue) -> list[int]:
        taken: list[int] = []
        while claimed := await worker.claim(limit=3):
            taken += [job.id for job in claimed]
            for job in claimed:
                await worker.finish(job.id, DONE)
        return taken

    results = await asyncio.gather(*(drain(w) for w in workers))
    every = [job_id for taken in results for job_id in taken]
    assert len(every) == 30
    assert len(set(every)) == 30


async def make_stale(sessions, *job_ids: int) -> None:  # type: ignore[no-untyped-def]
    """Age the lease of these jobs past LEASE, as if their holder had gone quiet for an hour."""
    async with sessions.begin() as session:
        stale = datetime.now(UTC) - AN_HOUR_AGO
        await session.execute(
            update(IngestJob).where(IngestJob.id.in_(job_ids)).values(updated_at=stale)
        )


async def test_a_heartbeat_keeps_only_this_workers_running_jobs(sessions) -> None:  # type: ignore[no-untyped-def]
    queue, other, third = JobQueue(sessions), JobQueue(sessions), JobQueue(sessions)
    other.worker, third.worker = "other-host:1", "third-host:1"
    mine = await queue.enqueue("file:/a.txt", "file", {})
    theirs = await queue.enqueue("file:/b.txt", "file", {})
    done = await queue.enqueue("file:/c.txt", "file", {})
    await queue.claim(among=[mine.id, done.id], limit=2)
    await other.claim(among=[theirs.id])
    await queue.finish(done.id, DONE)
    await make_stale(sessions, mine.id, theirs.id, done.id)
    assert await queue.heartbeat([mine.id, theirs.id, done.id]) == 1
    assert [j.id for j in await third.claim(limit=5)] == [theirs.id]  # only its lease expired
    stored = await queue.get(done.id)
    assert stored is not None and stored.status == DONE
    assert await queue.heartbeat([]) == 0


async def test_a_heartbeat_loses_to_a_takeover(sessions) -> None:  # type: ignore[no-untyped-def]
    queue, other = JobQueue(sessions), JobQueue(sessions)
    other.worker = "other-host:1"
    job = await queue.enqueue("file:/a.txt", "file", {})
    await queue.claim()
    await make_stale(sessions, job.id)
    assert [j.id for j in await other.claim()] == [job.id]
    assert await queue.heartbeat([job.id]) == 0  # no longer ours: left to its new holder
    async with sessions() as session:
        holder = await session.scalar(select(IngestJob.locked_by).where(IngestJob.id == job.id))
    assert holder == "other-host:1"


class Beating(JobQueue):
    """A queue that tells each heartbeat it makes."""

    def __init__(self, sessions) -> None:  # type: ignore[no-untyped-def]
        super().__init__(sessions)
        self.beat = asyncio.Event()

    async def heartbeat(self, job_ids):  # type: ignore[no-untyped-def]
        refreshed = await super().heartbeat(job_ids)
        self.beat.set()
        return refreshed

    async def next_beats(self, count: int) -> None:
        """Wait for `count` heartbeats from now; the last one began after this call."""
        for _ in range(count):
            self.beat.clear()
            await asyncio.wait_for(self.beat.wait(), timeout=10)


async def test_held_jobs_are_not_taken_while_the_block_runs(sessions) -> None:  # type: ignore[no-untyped-def]
    queue, other = Beating(sessions), JobQueue(sessions)
    other.worker = "other-host:1"
    queue.heartbeat_every = timedelta(milliseconds=20)
    job = await queue.enqueue("file:/a.txt", "file", {})
    await queue.claim()
    async with queue.held([job.id]):
        await make_stale(sessions, job.id)  # a batch slower than the lease
        await queue.next_beats(2)
        assert await other.claim() == []
    await make_stale(sessions, job.id)
    assert [j.id for j in await other.claim()] == [job.id]  # the beat stopped with the block


async def test_backlog_tells_runnable_held_and_waiting_apart(sessions) -> None:  # type: ignore[no-untyped-def]
    queue, other = JobQueue(sessions), JobQueue(sessions)
    other.worker = "other-host:1"
    ids = [(await queue.enqueue(f"file:/{n}.txt", "file", {})).id for n in range(6)]
    await queue.claim(among=ids[:1])
    await other.claim(among=ids[1:3], limit=2)
    await make_stale(sessions, ids[2])  # its holder went quiet: runnable again
    await queue.claim(among=ids[3:4])
    await queue.retry_later(ids[3], "busy")  # backing off
    assert await queue.backlog() == Backlog(runnable=3, held_here=1, held_elsewhere=1, waiting=1)
    # the other worker never takes back its own jobs (as claim), stale or not
    assert await other.backlog() == Backlog(runnable=2, held_here=2, held_elsewhere=1, waiting=1)
