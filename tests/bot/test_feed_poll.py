"""Polling feeds from the local feeds server: new items once, validators, backoff, pause, restarts.

Time does not pass in these tests: each poll is given its moment (`now`), and the server is
awaited through its own record of requests, never with sleeps.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.app import Analyst, open_analyst
from bot.services.feed_poller import PollReport
from bot.services.feeds import FeedService
from config.settings import Settings
from storage.feed_outcomes import FEED_ARTICLE
from storage.feeds import FEED_MORE, FEED_PAUSED, FeedRecord
from storage.models import Article, FeedItem, IngestJob, OutboxMessage
from tests.databases import BACKENDS, fresh_database
from tests.feeds_server import FeedsServer, feeds_server, render

__all__ = ["feeds_server"]  # the fixture, used here and by the other feed test modules

GUILD, CHANNEL = 1_000_000_000_000_000, 2_000


def settings_for(url: str, server: FeedsServer, **extra: Any) -> Settings:
    """The application's settings: this database, the feeds server allowed, short timeouts."""
    values: dict[str, Any] = {
        "database_url": url,
        "fetch_allow": server.allow,
        "fetch_retries": 0,
        "fetch_total_timeout": 5,
        "feed_host_gap": 0,
        "feed_max_failures": 3,
    }
    return Settings(**(values | extra))


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'analyst.db'}"


@pytest.fixture
async def analyst(db_url: str, feeds_server: FeedsServer) -> AsyncIterator[Analyst]:
    async with open_analyst(settings_for(db_url, feeds_server)) as app:
        yield app


async def follow(
    analyst: Analyst, server: FeedsServer, name: str, **kw: Any
) -> tuple[FeedRecord, datetime]:
    """Follow a scenario's feed in the test guild; the moment it is due."""
    values = {"guild_id": GUILD, "channel_id": CHANNEL} | kw
    feed = await analyst.feeds.add(server.feed_url(name), **values)
    return feed, feed.next_poll_at


async def rows(analyst: Analyst, kind: str | None = None) -> list[OutboxMessage]:
    async with analyst.sessions() as session:
        query = select(OutboxMessage).order_by(OutboxMessage.id)
        if kind:
            query = query.where(OutboxMessage.kind == kind)
        return list(await session.scalars(query))


async def count(analyst: Analyst, model: Any) -> int:
    async with analyst.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


def minutes(moment: datetime, n: float) -> datetime:
    return moment + timedelta(minutes=n)


async def test_new_items_are_ingested_and_carded_once(
    analyst: Analyst, feeds_server: FeedsServer
) -> None:
    feed, due = await follow(analyst, feeds_server, "rss")
    report = await analyst.feeds.poll_once(due)
    [poll] = report.polls
    assert (poll.status, poll.new_items, poll.posted, poll.more) == ("new", 3, 3, 0)
    outcomes = await analyst.ingest.run(report.job_ids)
    assert [o.status for o in outcomes] == ["new"] * 3
    assert await analyst.feeds.poll_once(due) == type(report)()  # nothing due any more
    again = await analyst.feeds.poll_once(minutes(due, 10))
    assert [(p.status, p.new_items) for p in again.polls] == [("new", 0)]
    cards = await rows(analyst, FEED_ARTICLE)
    assert [c.body["article_id"] for c in cards] == [o.article_id for o in outcomes]
    assert {(c.guild_id, c.channel_id) for c in cards} == {(GUILD, CHANNEL)}
    # two new items later, on pages that say neither their title nor their date: only they
    # come in, and the feed's title and date fill in what the pages lack
    made = feeds_server.add_items("rss", 2, page_meta=False)
    third = await analyst.feeds.poll_once(minutes(due, 20))
    assert third.new_items == 2
    later = await analyst.ingest.run(third.job_ids)
    assert [o.status for o in later] == ["new", "new"]
    for item, outcome in zip(made, later, strict=True):
        detail = await analyst.articles.get(outcome.article_id or 0)
        assert detail is not None and item.published is not None
        assert detail.summary.title == item.title
        assert detail.summary.published == item.published.date()
        assert detail.date_source == "feed"
    assert await count(analyst, Article) == 5 and len(await rows(analyst, FEED_ARTICLE)) == 5
    listed = await analyst.feeds.list(GUILD)
    assert [(f.id, f.total_items, f.last_new_items, f.failures) for f in listed] == [
        (feed.id, 5, 2, 0)
    ]


async def test_a_page_keeps_its_own_title_and_date_over_the_feeds(
    analyst: Analyst, feeds_server: FeedsServer
) -> None:
    _feed, due = await follow(analyst, feeds_server, "rss")
    await analyst.ingest.run((await analyst.feeds.poll_once(due)).job_ids)
    own_day = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    [item] = feeds_server.add_items(
        "rss", 1, page_title="The page's own headline", page_published=own_day
    )
    report = await analyst.feeds.poll_once(minutes(due, 10))
    [outcome] = await analyst.ingest.run(report.job_ids)
    detail = await analyst.articles.get(outcome.article_id or 0)
    assert detail is not None and item.published is not None
    assert item.title != "The page's own headline" and item.published.date() != own_day.date()
    assert detail.summary.title == "The page's own headline"
    assert (detail.summary.published, detail.date_source) == (own_day.date(), "html")


async def test_validators_are_sent_and_a_304_reads_nothing(
    analyst: Analyst, feeds_server: FeedsServer
) -> None:
    _feed, due = await follow(analyst, feeds_server, "conditional")
    path = feeds_server.feed_path("conditional")
    first = await analyst.feeds.poll_once(due)
    assert first.new_items == 3
    sent = feeds_server.requests(path)[-1].headers
    assert "If-None-Match" not in sent and "If-Modified-Since" not in sent
    second = await analyst.feeds.poll_once(minutes(due, 10))
    [poll] = second.polls
    assert poll.status == "not modified" and second.job_ids == []
    request = feeds_server.requests(path)[-1]
    assert request.status == 304
    scenario = feeds_server.scenarios["conditional"]
    assert request.headers["If-None-Match"] == scenario.etag
    assert request.headers["If-Modified-Since"]
    feeds_server.add_items("conditional", 1)
    third = await analyst.feeds.poll_once(minutes(due, 20))
    assert third.new_items == 1 and feeds_server.requests(path)[-1].status == 200


async def test_validators_older_than_eight_days_are_not_sent(
    analyst: Analyst, feeds_server: FeedsServer
) -> None:
    _feed, due = await follow(analyst, feeds_server, "stuck")
    path = feeds_server.feed_path("stuck")
    assert (await analyst.feeds.poll_once(due)).new_items == 3
    for day in range(1, 8):  # a server that answers 304 to anything conditional
        [poll] = (await analyst.feeds.poll_once(due + timedelta(days=day))).polls
        assert poll.status == "not modified"
    feeds_server.add_items("stuck", 1)
    late = await analyst.feeds.poll_once(due + timedelta(days=8, minutes=1))
    assert late.new_items == 1
    request = feeds_server.requests(path)[-1]
    assert "If-None-Match" not in request.headers and request.status == 200


async def test_retry_after_is_honoured(analyst: Analyst, feeds_server: FeedsServer) -> None:
    feeds_server.update("limited", retry_after="3600")
    _feed, due = await follow_failing(analyst, feeds_server, "limited")
    [poll] = (await analyst.feeds.poll_once(due)).polls
    assert poll.status == "failed" and poll.error == "too many requests (HTTP 429)"
    assert poll.next_poll_at == due + timedelta(hours=1)  # not the five-minute backoff
    assert (await analyst.feeds.poll_once(minutes(due, 59))).polls == ()
    _other, due = await follow_failing(analyst, feeds_server, "unavailable")
    [poll] = (await analyst.feeds.poll_once(due)).polls
    assert poll.next_poll_at is not None
    assert abs(poll.next_poll_at - due - timedelta(minutes=30)) < timedelta(seconds=5)


async def follow_failing(
    analyst: Analyst, server: FeedsServer, name: str
) -> tuple[FeedRecord, datetime]:
    """Follow a feed that fails now: it answered when it was added."""
    failing = server.scenarios[name]
    status, retry_after = failing.status, failing.retry_after
    server.recover(name)
    followed = await follow(analyst, server, name)
    server.fail(name, status, retry_after=retry_after)
    return followed


async def test_failures_back_off_and_pause_the_feed_with_one_notice(
    analyst: Analyst, feeds_server: FeedsServer
) -> None:
    feed, moment = await follow(analyst, feeds_server, "rss")
    await analyst.feeds.poll_once(moment)
    feeds_server.fail("rss", 500)
    moment = minutes(moment, 10)
    waits = []
    for _ in range(3):
        [poll] = (await analyst.feeds.poll_once(moment)).polls
        waits.append((poll.status, poll.failures, poll.next_poll_at - moment))  # type: ignore[operator]
        assert (await analyst.feeds.poll_once(moment)).polls == ()  # not due during the backoff
        moment = poll.next_poll_at  # type: ignore[assignment]
    assert waits == [
        ("failed", 1, timedelta(minutes=5)),
        ("failed", 2, timedelta(minutes=10)),
        ("paused", 3, timedelta(minutes=20)),
    ]
    [paused] = await analyst.feeds.list(GUILD)
    assert paused.status == "paused" and paused.last_error == "the site failed (HTTP 500)"
    assert (await analyst.feeds.poll_once(moment + timedelta(days=3), everything=True)).polls == ()
    [notice] = await rows(analyst, FEED_PAUSED)
    assert notice.body == {
        "feed_id": feed.id,
        "feed_title": "Harbour Desk: World",
        "url": feed.url,
        "reason": "the site failed (HTTP 500)",
        "failures": 3,
    }
    feeds_server.recover("rss")
    feeds_server.add_items("rss", 1)
    resumed = await analyst.feeds.resume(GUILD, feed.id)
    assert (resumed.status, resumed.failures) == ("active", 0)
    back = await analyst.feeds.poll_once(resumed.next_poll_at)
    assert [(p.status, p.new_items) for p in back.polls] == [("new", 1)]
    assert len(await rows(analyst, FEED_PAUSED)) == 1


async def test_a_broken_feed_and_a_dead_address_fail_with_a_reason(
    analyst: Analyst, feeds_server: FeedsServer
) -> None:
    _feed, due = await follow(analyst, feeds_server, "rss")
    feeds_server.update("rss", raw=(b"<html><body>moved</body></html>", "text/html"))
    [poll] = (await analyst.feeds.poll_once(due)).polls
    assert poll.status == "failed" and poll.error is not None and "not a feed" in poll.error
    repo = analyst.feeds.repository
    dead, _ = await repo.add(feeds_server.refused_url, "127.0.0.1", now=due, guild_id=GUILD)
    polls = (await analyst.feeds.poll_once(due, everything=True)).polls
    [poll] = [p for p in polls if p.feed_id == dead.id]
    assert poll.status == "failed"
    assert poll.error is not None and poll.error.startswith("could not connect to 127.0.0.1")


async def test_a_feed_that_rewrites_its_dates_is_not_ingested_again(
    analyst: Analyst, feeds_server: FeedsServer
) -> None:
    _feed, due = await follow(analyst, feeds_server, "rewrites")
    assert (await analyst.feeds.poll_once(due)).new_items == 3
    for n in range(1, 4):
        assert (await analyst.feeds.poll_once(minutes(due, 10 * n))).new_items == 0
    assert await count(analyst, FeedItem) == 3 and await count(analyst, IngestJob) == 3


async def test_more_items_than_may_be_posted_are_summed_up_in_one_line(
    db_url: str, feeds_server: FeedsServer
) -> None:
    async with open_analyst(settings_for(db_url, feeds_server, feed_posts_per_poll=2)) as app:
        feeds_server.add_items("rss", 2)  # five in all
        feed, _ = await follow(app, feeds_server, "rss")
        digest, due = await follow(app, feeds_server, "atom", mode="digest")
        report = await app.feeds.poll_once(due)
        by_feed = {p.feed_id: p for p in report.polls}
        assert (by_feed[feed.id].posted, by_feed[feed.id].more) == (2, 3)
        assert (by_feed[digest.id].posted, by_feed[digest.id].more) == (0, 0)
        [more] = await rows(app, FEED_MORE)
        assert more.body == {"feed_id": feed.id, "feed_title": "Harbour Desk: World", "count": 3}
        async with app.sessions() as session:
            jobs = list(await session.scalars(select(IngestJob).order_by(IngestJob.id)))
        metas: list[dict[str, Any]] = [j.payload["meta"] for j in jobs]  # type: ignore[misc]
        posted = [str(m["title"]) for m in metas if m["post"]]
        newest = [i.title for i in feeds_server.items("rss")[:2]]
        assert sorted(posted) == sorted(newest)  # the two newest, queued first
        assert [m["post"] for m in metas[:2]] == [True, True]


async def test_items_without_a_link_are_skipped_and_counted_once(
    analyst: Analyst, feeds_server: FeedsServer
) -> None:
    _feed, due = await follow(analyst, feeds_server, "rss")
    scenario = feeds_server.scenarios["rss"]
    document = render(scenario, feeds_server.base).replace(
        b"</channel>",
        b"<item><title>Notice without a page</title><description>Office closed.</description>"
        b"<pubDate>Sat, 05 Dec 2026 09:00:00 GMT</pubDate></item></channel>",
    )
    feeds_server.update("rss", raw=(document, "application/rss+xml"))
    [poll] = (await analyst.feeds.poll_once(due)).polls
    assert (poll.new_items, poll.no_link, len(poll.job_ids)) == (4, 1, 3)
    [poll] = (await analyst.feeds.poll_once(minutes(due, 10))).polls
    assert (poll.new_items, poll.no_link) == (0, 0)


async def test_a_restart_polls_nothing_twice(db_url: str, feeds_server: FeedsServer) -> None:
    settings = settings_for(db_url, feeds_server)
    async with open_analyst(settings) as first:
        _feed, due = await follow(first, feeds_server, "json")
        report = await first.feeds.poll_once(due)
        assert report.new_items == 3
    async with open_analyst(settings) as second:  # another process, the same database
        assert (await second.feeds.poll_once(due)).polls == ()
        [poll] = (await second.feeds.poll_once(minutes(due, 10))).polls
        assert poll.new_items == 0
        outcomes = await second.ingest.run(report.job_ids)  # the queued items survive too
        assert [o.status for o in outcomes] == ["new"] * 3
        assert len(await rows(second, FEED_ARTICLE)) == 3


async def test_saved_feed_files_are_read_like_feeds(
    analyst: Analyst, feeds_server: FeedsServer, tmp_path: Path
) -> None:
    folder = tmp_path / "feeds"
    folder.mkdir()
    for name, suffix in (("rss", ".xml"), ("json", ".json")):
        document = render(feeds_server.scenarios[name], feeds_server.base)
        (folder / f"{name}{suffix}").write_bytes(document)
    (folder / "notes.txt").write_text("not a feed file")
    report = await analyst.feeds.poll_files([folder])
    assert sorted((p.label, p.new_items) for p in report.polls) == [
        ("Harbour Desk: Politics", 3),
        ("Harbour Desk: World", 3),
    ]
    again = await analyst.feeds.poll_files([folder / "rss.xml"])
    assert [p.new_items for p in again.polls] == [0]
    assert (await analyst.feeds.poll_once(datetime.now(UTC) + timedelta(days=1))).polls == ()
    files = await analyst.feeds.list(0)
    assert [f.is_file for f in files] == [True, True]
    assert [f.title for f in files] == ["Harbour Desk: Politics", "Harbour Desk: World"]


@pytest.mark.parametrize("backend", BACKENDS)
async def test_two_processes_polling_one_database_ingest_and_card_each_item_once(
    backend: str, tmp_path: Path, feeds_server: FeedsServer
) -> None:
    async with fresh_database(backend, tmp_path) as url:
        settings = settings_for(url, feeds_server, feed_host_gap=0.05)
        async with open_analyst(settings) as one, open_analyst(settings) as two:
            for name in ("rss", "rdf", "atom", "json", "conditional", "rewrites"):
                _feed, due = await follow(one, feeds_server, name)
            services: list[FeedService] = [one.feeds, two.feeds]
            rounds = []
            for moment in (due, minutes(due, 10)):
                rounds += await asyncio.gather(*(s.poll_once(moment) for s in services))
                feeds_server.add_items("rss", 1)
            polled = [p.feed_id for r in rounds[:2] for p in r.polls]
            assert sorted(polled) == sorted(set(polled)) and len(polled) == 6
            jobs = sorted({j for r in rounds for j in r.job_ids})
            assert len(jobs) == 19
            # both work every job at once: each job is claimed and ended by one of them
            await asyncio.gather(one.ingest.run(jobs), two.ingest.run(jobs))
            assert await count(one, Article) == 19 and await count(one, IngestJob) == 19
            cards = await rows(one, FEED_ARTICLE)
            assert sorted(int(str(c.body["article_id"])) for c in cards) == list(range(1, 20))


@pytest.mark.parametrize("backend", BACKENDS)
async def test_a_poll_taken_over_after_its_lease_queues_nothing_twice(
    backend: str, tmp_path: Path, feeds_server: FeedsServer
) -> None:
    async with fresh_database(backend, tmp_path) as url:
        settings = settings_for(url, feeds_server)
        async with open_analyst(settings) as one, open_analyst(settings) as two:
            feed, due = await follow(one, feeds_server, "atom")
            slow = await one.feeds.repository.claim(due)
            late = due + timedelta(minutes=6)  # the first claim's lease has run out
            taken = await two.feeds.repository.claim(late)
            assert [f.id for f in slow] == [f.id for f in taken] == [feed.id]
            first, second = await asyncio.gather(
                one.feeds.poller.poll(slow, due), two.feeds.poller.poll(taken, late)
            )
            assert [p.status for p in first.polls + second.polls] == ["lost", "new"]
            # both queued the items; their keys made it the same three jobs
            assert await count(one, IngestJob) == 3 and await count(one, FeedItem) == 3
            [polled] = await one.feeds.list(GUILD)
            assert polled.last_polled_at == late and polled.total_items == 3


async def test_the_loop_polls_due_feeds_and_wakes_for_a_new_one(
    analyst: Analyst, feeds_server: FeedsServer
) -> None:
    await follow(analyst, feeds_server, "rss")
    rounds: asyncio.Queue[PollReport] = asyncio.Queue()
    loop = asyncio.create_task(analyst.feeds.run(idle=600, on_round=rounds.put_nowait))
    try:
        async with asyncio.timeout(20):
            first = await rounds.get()
            await follow(analyst, feeds_server, "json")  # wakes the loop, asleep for 10 minutes
            second = await rounds.get()
    finally:
        loop.cancel()
        await asyncio.gather(loop, return_exceptions=True)
    assert [(p.label, p.new_items) for p in first.polls + second.polls] == [
        ("Harbour Desk: World", 3),
        ("Harbour Desk: Politics", 3),
    ]


async def test_no_cards_at_all_when_none_may_be_posted(
    db_url: str, feeds_server: FeedsServer
) -> None:
    async with open_analyst(settings_for(db_url, feeds_server, feed_posts_per_poll=0)) as app:
        feed, due = await follow(app, feeds_server, "rss")
        [poll] = (await app.feeds.poll_once(due)).polls
        assert (poll.posted, poll.more) == (0, 3)
        [more] = await rows(app, FEED_MORE)
        assert more.body["count"] == 3 and more.body["feed_id"] == feed.id
