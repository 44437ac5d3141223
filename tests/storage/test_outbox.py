"""The outbox: a job's end is written with it, and each row is delivered by one holder, once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.articles import insert_article
from storage.jobs import DONE, DUPLICATE, FAILED, PENDING, JobQueue
from storage.models import Article, OutboxMessage
from storage.outbox import INGEST_OUTCOME, OutboxRepository, Shards
from tests.storage.test_repositories import article

Sessions = async_sessionmaker[AsyncSession]
GUILD, CHANNEL, MESSAGE = 1_000_000_000_000_000, 2_000, 3_000


def chat(message: int | None = MESSAGE, sources: int = 1) -> dict[str, object]:
    """A job payload the way the bot queues a posted link."""
    meta = {"via": "discord", "guild": GUILD, "channel": CHANNEL, "message": message}
    url = "https://example.org/a"
    return {"url": url, "origin": url, "meta": {**meta, "sources": sources}}


async def rows(sessions: Sessions) -> list[OutboxMessage]:
    async with sessions() as session:
        return list(await session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


async def test_a_job_stored_with_its_article_leaves_exactly_one_row(sessions: Sessions) -> None:
    queue = JobQueue(sessions)
    job = await queue.enqueue("discord:3000:url:a", "url", chat(sources=2))
    await queue.claim()
    async with sessions.begin() as session:
        article_id = await insert_article(session, article(1))
        assert await queue.finish(job.id, DONE, article_id=article_id, session=session)
    [row] = await rows(sessions)
    assert (row.kind, row.guild_id, row.channel_id, row.message_id, row.job_id) == (
        INGEST_OUTCOME,
        GUILD,
        CHANNEL,
        MESSAGE,
        job.id,
    )
    assert row.body == {
        "status": DONE,
        "source": "https://example.org/a",
        "article_id": article_id,
        "duplicate_of": None,
        "error": None,
        "sources": 2,
    }
    assert row.delivered_at is None


async def test_a_rolled_back_store_leaves_no_row_and_the_job_open(sessions: Sessions) -> None:
    queue = JobQueue(sessions)
    job = await queue.enqueue("discord:3000:url:a", "url", chat())
    await queue.claim()
    with pytest.raises(RuntimeError):
        async with sessions.begin() as session:
            article_id = await insert_article(session, article(1))
            await queue.finish(job.id, DONE, article_id=article_id, session=session)
            raise RuntimeError("the disk filled up")
    assert await rows(sessions) == []
    stored = await queue.get(job.id)
    assert stored is not None and stored.status == "running"
    async with sessions() as session:
        assert await session.scalar(select(func.count(Article.id))) == 0


async def test_the_first_end_wins_and_is_announced_once(sessions: Sessions) -> None:
    queue = JobQueue(sessions)
    job = await queue.enqueue("discord:3000:url:a", "url", chat())
    await queue.claim()
    assert await queue.finish(job.id, DUPLICATE, duplicate_of=7)
    assert not await queue.finish(job.id, FAILED, error="too late")
    assert await queue.retry_later(job.id, "database busy") == DUPLICATE
    stored = await queue.get(job.id)
    assert stored is not None and (stored.status, stored.duplicate_of) == (DUPLICATE, 7)
    [row] = await rows(sessions)
    assert (row.body["status"], row.body["duplicate_of"]) == (DUPLICATE, 7)


async def test_failing_for_good_after_retries_announces_the_failure(sessions: Sessions) -> None:
    queue = JobQueue(sessions, max_attempts=2)
    job = await queue.enqueue("discord:3000:url:a", "url", chat(message=None))
    await queue.claim()
    assert await queue.retry_later(job.id, "database busy") == PENDING
    assert await rows(sessions) == []
    assert await queue.retry_later(job.id, "database busy") == FAILED
    [row] = await rows(sessions)
    assert (row.message_id, row.body["status"], row.body["error"]) == (
        None,
        FAILED,
        "database busy",
    )


@pytest.mark.parametrize(
    "payload",
    [
        {"path": "/a.txt"},  # `analyst ingest`
        {"meta": {"via": "discord", "channel": 1, "message": 2}},  # no guild to route by
        {"meta": {"via": "matrix", "guild": 1, "channel": 1, "message": 2}},
    ],
)
async def test_jobs_without_a_chat_to_answer_write_nothing(
    sessions: Sessions, payload: dict[str, object]
) -> None:
    queue = JobQueue(sessions)
    job = await queue.enqueue("file:/a.txt", "file", payload)
    await queue.finish(job.id, FAILED, error="empty file")
    assert await rows(sessions) == []


async def test_unfinished_jobs_are_counted_by_key_prefix(sessions: Sessions) -> None:
    queue = JobQueue(sessions)
    a = await queue.enqueue("discord:30:url:a", "url", chat(30))
    await queue.enqueue("discord:30:file:b.txt", "text", chat(30))
    await queue.enqueue("discord:300:url:a", "url", chat(300))  # another message
    await queue.enqueue("discord:3_%:url:a", "url", {})  # LIKE wildcards are plain text
    assert await queue.unfinished_under("discord:30:") == 2
    await queue.finish(a.id, DONE)
    assert await queue.unfinished_under("discord:30:") == 1
    assert await queue.unfinished_under("discord:3_%:") == 1


async def add(outbox: OutboxRepository, n: int = 1, **where: int | None) -> None:
    for _ in range(n):
        await outbox.add(
            INGEST_OUTCOME,
            int(where.get("guild") or GUILD),
            CHANNEL,
            {"status": DONE},
            message_id=where.get("message", MESSAGE),
        )


async def test_a_claimed_row_goes_to_one_holder_and_is_delivered_once(sessions: Sessions) -> None:
    mine, theirs = OutboxRepository(sessions), OutboxRepository(sessions, "other-host:1")
    await add(mine)
    [item] = await mine.claim([INGEST_OUTCOME])
    assert await theirs.claim([INGEST_OUTCOME]) == []
    assert await mine.claim([INGEST_OUTCOME]) == []
    assert not await theirs.delivered(item.id)
    assert await mine.delivered(item.id)
    assert not await mine.delivered(item.id)
    assert await mine.claim([INGEST_OUTCOME]) == []
    assert await mine.counts() == {"delivered": 1}


async def test_concurrent_claimers_never_share_a_row(sessions: Sessions) -> None:
    await add(OutboxRepository(sessions), 30)
    claimers = [OutboxRepository(sessions, f"other-host:{n}") for n in range(4)]

    async def drain(outbox: OutboxRepository) -> list[int]:
        taken: list[int] = []
        while claimed := await outbox.claim([INGEST_OUTCOME], limit=3):
            for item in claimed:
                assert await outbox.delivered(item.id)
                taken.append(item.id)
        return taken

    results = await asyncio.gather(*(drain(c) for c in claimers))
    every = [item_id for taken in results for item_id in taken]
    assert sorted(every) == sorted(set(every))
    assert len(every) == 30


async def test_a_live_holder_elsewhere_keeps_its_claim_until_the_lease_ends(
    sessions: Sessions,
) -> None:
    mine, theirs = OutboxRepository(sessions), OutboxRepository(sessions, "other-host:12/x")
    await add(mine)
    [item] = await theirs.claim([INGEST_OUTCOME])
    assert await mine.claim([INGEST_OUTCOME]) == []
    async with sessions.begin() as session:
        stale = datetime.now(UTC) - timedelta(seconds=1)
        await session.execute(update(OutboxMessage).values(claimed_until=stale))
    assert [i.id for i in await mine.claim([INGEST_OUTCOME])] == [item.id]
    assert not await theirs.delivered(item.id)  # too late: the row is no longer theirs


async def test_the_claim_of_a_dead_process_on_this_host_is_taken_at_once(
    sessions: Sessions,
) -> None:
    mine = OutboxRepository(sessions)
    host = mine.holder.partition("/")[0].rpartition(":")[0]
    dead = OutboxRepository(sessions, f"{host}:999999999/old")
    await add(mine)
    [item] = await dead.claim([INGEST_OUTCOME])
    assert [i.id for i in await mine.claim([INGEST_OUTCOME])] == [item.id]


async def test_released_rows_return_and_failed_ones_back_off(sessions: Sessions) -> None:
    mine = OutboxRepository(sessions)
    await add(mine)
    [item] = await mine.claim([INGEST_OUTCOME])
    await mine.release([item.id])
    [again] = await mine.claim([INGEST_OUTCOME])
    await mine.retry_later(again.id, "503 from Discord", timedelta(minutes=1))
    assert await mine.claim([INGEST_OUTCOME]) == []
    async with sessions.begin() as session:
        await session.execute(
            update(OutboxMessage).values(claimed_until=datetime.now(UTC) - timedelta(seconds=1))
        )
    [third] = await mine.claim([INGEST_OUTCOME])
    assert third.attempts == 1


async def test_claims_only_the_guilds_of_its_shards_and_kinds(sessions: Sessions) -> None:
    outbox = OutboxRepository(sessions)
    on_shard = {n: (n << 22) + 17 for n in range(3)}  # a guild id on shard n of 3
    for guild in on_shard.values():
        await add(outbox, guild=guild)
    await outbox.add("feed_item", on_shard[1], CHANNEL, {})
    claimed = await outbox.claim([INGEST_OUTCOME], Shards(3, (1, 2)), limit=10)
    assert sorted(i.guild_id for i in claimed) == [on_shard[1], on_shard[2]]
    assert {i.kind for i in claimed} == {INGEST_OUTCOME}


async def test_rows_still_waiting_for_a_message(sessions: Sessions) -> None:
    outbox = OutboxRepository(sessions)
    await add(outbox, 2)
    await add(outbox, message=None)
    first, second, _ingest = await outbox.claim([INGEST_OUTCOME])
    assert await outbox.undelivered_for_message(MESSAGE) == 2
    assert await outbox.undelivered_for_message(MESSAGE, besides=first.id) == 1
    await outbox.delivered(second.id)
    assert await outbox.undelivered_for_message(MESSAGE, besides=first.id) == 0


async def test_prune_forgets_only_long_delivered_rows(sessions: Sessions) -> None:
    outbox = OutboxRepository(sessions)
    await add(outbox, 3)
    first, second, _third = await outbox.claim([INGEST_OUTCOME])
    await outbox.delivered(first.id)
    await outbox.delivered(second.id)
    async with sessions.begin() as session:
        old = datetime.now(UTC) - timedelta(days=30)
        await session.execute(
            update(OutboxMessage).where(OutboxMessage.id == first.id).values(delivered_at=old)
        )
    assert await outbox.prune() == 1
    assert await outbox.counts() == {"delivered": 1, "waiting": 1}


async def test_a_row_given_up_keeps_its_reason_and_is_never_claimed_again(
    sessions: Sessions,
) -> None:
    """A channel closed to the bot: the row is stamped with why, not retried against the 403."""
    mine, theirs = OutboxRepository(sessions), OutboxRepository(sessions, "other-host:1")
    await add(mine, 2)
    await add(mine, message=MESSAGE + 1)
    first, second, other = await mine.claim([INGEST_OUTCOME])
    reason = "cannot post in #links (guild 1): missing permission Send Messages"
    assert not await theirs.give_up(first.id, reason)  # only the holder may
    assert await mine.give_up(first.id, reason)
    assert not await mine.give_up(first.id, reason)  # once
    await mine.release([second.id, other.id])
    found = await mine.for_message(MESSAGE)
    assert [(i.id, i.last_error, i.delivered_at is not None) for i in found] == [
        (first.id, reason, True),
        (second.id, None, False),
    ]
    assert [i.id for i in await mine.claim([INGEST_OUTCOME])] == [second.id, other.id]
