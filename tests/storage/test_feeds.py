"""Feeds in storage: claims, host turns, backoff and pause, seen items, and the feed's cards."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from storage.articles import insert_article
from storage.engine import create_engine, session_factory
from storage.feed_outcomes import FEED_ARTICLE
from storage.feeds import (
    DIGEST,
    FEED_MORE,
    FEED_PAUSED,
    LOCAL_HOST,
    PAUSED,
    ClaimLostError,
    FailurePolicy,
    FeedRepository,
    NewFeedItem,
)
from storage.jobs import DONE, DUPLICATE, FAILED, JobQueue
from storage.models import Feed, FeedItem, OutboxMessage
from tests.storage.test_repositories import article

Sessions = async_sessionmaker[AsyncSession]
NOW = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
GUILD, CHANNEL = 1_000_000_000_000_000, 2_000
POLICY = FailurePolicy(timedelta(minutes=5), max_failures=4)


def item(n: int, **marks: str | None) -> NewFeedItem:
    values: dict[str, str | None] = {
        "guid": f"urn:item:{n}",
        "link": f"https://news.example/a/{n}",
        "title_key": f"title{n}",
    }
    values |= marks
    key = values["guid"] or values["link"] or values["title_key"]
    assert key is not None
    return NewFeedItem(key, values["guid"], values["link"], values["title_key"], f"Story {n}")


async def outbox(sessions: Sessions, kind: str | None = None) -> list[OutboxMessage]:
    async with sessions() as session:
        query = select(OutboxMessage).order_by(OutboxMessage.id)
        if kind is not None:
            query = query.where(OutboxMessage.kind == kind)
        return list(await session.scalars(query))


async def follow(repo: FeedRepository, name: str = "world", **kw: object) -> int:
    url = f"https://news.example/{name}.xml"
    values: dict[str, object] = {"guild_id": GUILD, "channel_id": CHANNEL, "title": name} | kw
    feed, created = await repo.add(url, "news.example", now=NOW, **values)  # type: ignore[arg-type]
    assert created
    return feed.id


async def test_a_feed_is_followed_once_per_guild_and_removed_with_its_items(
    sessions: Sessions,
) -> None:
    repo = FeedRepository(sessions)
    feed_id = await follow(repo)
    again, created = await repo.add(
        "https://news.example/world.xml", "news.example", now=NOW, guild_id=GUILD
    )
    assert (again.id, created) == (feed_id, False)
    other, created = await repo.add("https://news.example/world.xml", "news.example", now=NOW)
    assert created and other.guild_id == 0 and other.id != feed_id
    assert [f.id for f in await repo.in_guild(GUILD)] == [feed_id]
    assert (await repo.find(GUILD, "https://news.example/world.xml")).id == feed_id  # type: ignore[union-attr]
    [claimed] = await repo.claim(NOW, among=[feed_id])
    await repo.record_success(
        feed_id, NOW, next_poll_at=NOW, items=[item(1)], etag=None, last_modified=None
    )
    removed = await repo.remove(feed_id)
    assert removed is not None and removed.id == claimed.id
    assert await repo.get(feed_id) is None and await repo.remove(feed_id) is None
    async with sessions() as session:
        assert list(await session.scalars(select(FeedItem))) == []


async def test_due_feeds_are_claimed_by_one_holder_and_released_by_the_poll(
    sessions: Sessions,
) -> None:
    one, two = FeedRepository(sessions), FeedRepository(sessions)
    due = await follow(one, "due")
    later = await follow(one, "later")
    saved, _ = await one.add("file:///tmp/x.xml", LOCAL_HOST, now=NOW)
    async with sessions.begin() as session:
        feed = await session.get(Feed, later)
        assert feed is not None
        feed.next_poll_at = NOW + timedelta(minutes=5)
    assert [f.id for f in await one.claim(NOW)] == [due]
    assert await two.claim(NOW) == []  # held by one
    assert await one.due_ids(NOW) == [due]
    assert await one.due_ids(NOW, due_only=False) == [due, later]
    assert [f.id for f in await two.claim(NOW, due_only=False)] == [later]
    assert [f.id for f in await two.claim(NOW, files=True)] == [saved.id]
    await one.record_not_modified(due, NOW, NOW + timedelta(minutes=10))
    assert await two.claim(NOW) == []  # polled: due in ten minutes
    [again] = await two.claim(NOW + timedelta(minutes=10), among=[due])
    assert again.id == due and again.last_success_at == NOW and again.failures == 0
    # a lease that ran out is taken over
    taken = await one.claim(NOW + timedelta(hours=1), due_only=False)
    assert sorted(f.id for f in taken) == [due, later]


async def test_a_poll_whose_claim_was_taken_over_writes_nothing(sessions: Sessions) -> None:
    one, two = FeedRepository(sessions), FeedRepository(sessions)
    feed_id = await follow(one)
    await one.claim(NOW)
    await two.claim(NOW + timedelta(hours=1))  # one's lease ran out
    with pytest.raises(ClaimLostError):
        await one.record_success(
            feed_id, NOW, next_poll_at=NOW, items=[item(1)], etag="x", last_modified=None, more=3
        )
    with pytest.raises(ClaimLostError):
        await one.record_failure(feed_id, NOW, "boom", POLICY)
    assert await one.item_count(feed_id) == 0
    assert await outbox(sessions) == []
    assert (await one.get(feed_id)).etag is None  # type: ignore[union-attr]


async def test_success_stores_items_once_validators_and_one_more_line(sessions: Sessions) -> None:
    repo = FeedRepository(sessions)
    feed_id = await follow(repo)
    await repo.claim(NOW)
    new = await repo.record_success(
        feed_id,
        NOW,
        next_poll_at=NOW + timedelta(minutes=10),
        items=[item(1), item(2), item(2)],  # listed twice: the unique key keeps one
        etag='"v1"',
        last_modified="Sat, 05 Dec 2026 09:00:00 GMT",
        title="World news",
        more=2,
    )
    assert new == 2
    feed = await repo.get(feed_id)
    assert feed is not None
    assert (feed.etag, feed.last_modified, feed.validators_at) == (
        '"v1"',
        "Sat, 05 Dec 2026 09:00:00 GMT",
        NOW,
    )
    assert (feed.last_new_items, feed.total_items, feed.title) == (2, 2, "world")  # title kept
    [more] = await outbox(sessions)
    assert (more.kind, more.guild_id, more.channel_id) == (FEED_MORE, GUILD, CHANNEL)
    assert more.body == {"feed_id": feed_id, "feed_title": "world", "count": 2}


async def test_items_are_seen_by_guid_then_link_then_title_and_date(sessions: Sessions) -> None:
    repo = FeedRepository(sessions)
    feed_id = await follow(repo)
    other = await follow(repo, "other")
    await repo.claim(NOW)
    stored = [item(1), item(2, guid=None), item(3, guid=None, link=None)]
    await repo.record_success(
        feed_id, NOW, next_poll_at=NOW, items=stored, etag=None, last_modified=None
    )
    polled = [
        item(1, link="https://news.example/moved", title_key="new"),  # same GUID
        item(2, guid="urn:new"),  # GUID added later, same link
        item(3, guid=None, link=None),  # same title and date
        item(3, guid=None, link=None, title_key="title3-an-hour-later"),  # date rewritten
        item(4),
    ]
    seen = await repo.seen(feed_id, polled)
    assert seen == {"urn:item:1", "urn:new", "title3"}
    assert await repo.seen(other, polled) == set()  # seen per feed


async def test_failures_back_off_doubling_honour_retry_after_and_pause_once(
    sessions: Sessions,
) -> None:
    repo = FeedRepository(sessions)
    feed_id = await follow(repo)
    moment, waits = NOW, []
    for n in range(1, 4):
        assert [f.id for f in await repo.claim(moment)] == [feed_id]
        failed = await repo.record_failure(feed_id, moment, f"HTTP 500 ({n})", POLICY)
        assert (failed.failures, failed.paused) == (n, False)
        waits.append(failed.next_poll_at - moment)
        assert await repo.claim(failed.next_poll_at - timedelta(seconds=1)) == []
        moment = failed.next_poll_at
    assert waits == [timedelta(minutes=5), timedelta(minutes=10), timedelta(minutes=20)]
    assert await outbox(sessions) == []
    await repo.claim(moment)
    failed = await repo.record_failure(
        feed_id, moment, "too many requests", POLICY, retry_after=7200
    )
    assert failed.paused and failed.next_poll_at == moment + timedelta(hours=2)
    feed = await repo.get(feed_id)
    assert feed is not None and feed.status == PAUSED and feed.failures == 4
    assert feed.pause_reason == "4 failed polls in a row; the last: too many requests"
    [notice] = await outbox(sessions)
    assert (notice.kind, notice.guild_id, notice.channel_id) == (FEED_PAUSED, GUILD, CHANNEL)
    assert notice.body == {
        "feed_id": feed_id,
        "feed_title": "world",
        "url": "https://news.example/world.xml",
        "reason": "too many requests",
        "failures": 4,
    }
    assert await repo.claim(moment + timedelta(days=2), due_only=False) == []  # paused: never
    resumed = await repo.resume(feed_id, moment)
    assert resumed is not None and (resumed.status, resumed.failures) == ("active", 0)
    assert resumed.pause_reason is None and resumed.next_poll_at == moment
    assert [f.id for f in await repo.claim(moment)] == [feed_id]
    assert len(await outbox(sessions)) == 1


def test_the_backoff_is_capped_and_a_huge_retry_after_too() -> None:
    policy = FailurePolicy(timedelta(minutes=5), max_failures=10)
    assert policy.delay(7) == timedelta(minutes=5 * 64)
    assert policy.delay(8) == timedelta(hours=6)
    assert policy.delay(30) == timedelta(hours=6)
    assert policy.delay(1, retry_after=30) == timedelta(minutes=5)
    assert policy.delay(1, retry_after=10**9) == timedelta(days=1)


async def test_a_host_gives_one_turn_at_a_time_and_a_gap_between(sessions: Sessions) -> None:
    one, two = FeedRepository(sessions), FeedRepository(sessions)
    assert await one.turns.take_turn("news.example", NOW) is None
    busy = await two.turns.take_turn("news.example", NOW)
    assert busy is not None and busy > NOW
    assert await two.turns.take_turn("other.example", NOW) is None  # per host
    await one.turns.end_turn("news.example", NOW, timedelta(seconds=2))
    assert await two.turns.take_turn("news.example", NOW + timedelta(seconds=1)) == NOW + timedelta(
        seconds=2
    )
    assert await two.turns.take_turn("news.example", NOW + timedelta(seconds=2)) is None
    await one.turns.end_turn("news.example", NOW, timedelta(0))  # not one's turn: nothing changes
    assert await one.turns.take_turn("news.example", NOW + timedelta(seconds=3)) is not None
    # a turn whose holder never gave it back ends with its lease
    assert await one.turns.take_turn("news.example", NOW + timedelta(hours=1)) is None


async def test_stale_validators_are_dropped(sessions: Sessions) -> None:
    repo = FeedRepository(sessions)
    feed_id = await follow(repo)
    await repo.claim(NOW)
    await repo.record_success(
        feed_id, NOW, next_poll_at=NOW, items=[], etag='"v"', last_modified=None
    )
    assert await repo.drop_stale_validators(NOW - timedelta(days=8)) == 0
    assert await repo.drop_stale_validators(NOW + timedelta(seconds=1)) == 1
    feed = await repo.get(feed_id)
    assert feed is not None and (feed.etag, feed.validators_at) == (None, None)


# -------------------------------------------------------------------- the cards a job's end writes


def feed_job(feed_id: int, *, post: bool = True, item_key: str = "k") -> dict[str, object]:
    meta = {
        "via": "feed",
        "feed_id": feed_id,
        "guild": GUILD,
        "channel": CHANNEL,
        "post": post,
        "item_key": item_key,
        "summary": "What the feed said of the story.",
    }
    return {"url": "https://news.example/a/1", "origin": "x", "meta": meta}


async def test_a_feed_job_that_stores_an_article_writes_one_card(sessions: Sessions) -> None:
    repo, queue = FeedRepository(sessions), JobQueue(sessions)
    cards = await follow(repo, as_threads=True)
    digest = await follow(repo, "digest", mode=DIGEST)
    cli = (await repo.add("https://news.example/cli.xml", "news.example", now=NOW))[0].id
    jobs = [
        await queue.enqueue(f"feed:{n}", "url", feed_job(feed_id, post=post))
        for n, (feed_id, post) in enumerate(
            [(cards, True), (cards, False), (digest, True), (cli, True)]
        )
    ]
    await queue.claim(limit=10)
    for n, job in enumerate(jobs):
        async with sessions.begin() as session:
            article_id = await insert_article(session, article(n + 1))
            assert await queue.finish(job.id, DONE, article_id=article_id, session=session)
    [card] = await outbox(sessions)
    assert (card.kind, card.guild_id, card.channel_id, card.job_id) == (
        FEED_ARTICLE,
        GUILD,
        CHANNEL,
        jobs[0].id,
    )
    assert card.body == {
        "feed_id": cards,
        "feed_title": "world",
        "article_id": 1,
        "as_threads": True,
        "item_summary": "What the feed said of the story.",  # for a card whose article has none
    }
    await queue.finish(jobs[0].id, FAILED, error="again")  # a job ends once
    assert len(await outbox(sessions)) == 1


async def test_a_duplicate_is_carded_once_per_channel(sessions: Sessions) -> None:
    repo, queue = FeedRepository(sessions), JobQueue(sessions)
    world, top = await follow(repo, "world"), await follow(repo, "top")
    elsewhere = await follow(repo, "elsewhere", guild_id=GUILD + 1)
    async with sessions.begin() as session:
        stored = await insert_article(session, article(1))  # e.g. a link a member posted
    jobs = []
    for feed_id in (world, top, elsewhere):
        job = await queue.enqueue(f"feed:{feed_id}", "url", feed_job(feed_id, item_key="guid:1"))
        jobs.append(job)
        await repo.claim(NOW, among=[feed_id])
        shown = NewFeedItem("guid:1", "1", "https://news.example/a/1", None, job_id=job.id)
        await repo.record_success(
            feed_id, NOW, next_poll_at=NOW, items=[shown], etag=None, last_modified=None
        )
    await queue.claim(limit=10)
    for job in reversed(jobs):  # the order jobs end in does not matter
        assert await queue.finish(job.id, DUPLICATE, duplicate_of=stored)
    cards = await outbox(sessions, FEED_ARTICLE)
    # the member's article is new to the world feed's channel and to the other guild; the
    # top-stories feed of the same channel showed the same link after world: no second card
    carded = {(c.guild_id, c.body["feed_id"], c.body["article_id"]) for c in cards}
    assert len(cards) == 2
    assert carded == {(GUILD, world, stored), (GUILD + 1, elsewhere, stored)}


# -------------------------------------------------------------------- two processes on one database


async def test_two_processes_claim_disjoint_feeds_and_take_turns(
    database_url: str, engine: AsyncEngine
) -> None:
    other = create_engine(database_url)
    try:
        first = FeedRepository(session_factory(engine))
        second = FeedRepository(session_factory(other))
        ids = [await follow(first, f"f{n}") for n in range(12)]

        async def drain(repo: FeedRepository) -> list[int]:
            got = []
            while claimed := await repo.claim(NOW, limit=2):
                got += [f.id for f in claimed]
            return got

        one, two = await asyncio.gather(drain(first), drain(second))
        assert sorted(one + two) == ids and not set(one) & set(two)
        turns = await asyncio.gather(
            *(
                repo.turns.take_turn("news.example", NOW)
                for repo in (first, second)
                for _ in range(3)
            )
        )
        assert sum(turn is None for turn in turns) == 1
    finally:
        await other.dispose()
