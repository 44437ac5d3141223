"""The persistent ingest queue: one job per source, one holder per job, nothing lost on a crash."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from storage.jobs import DONE, FAILED, PENDING, RUNNING, JobQueue
from storage.models import IngestJob


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
