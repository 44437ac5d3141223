"""Followed feeds through the fake Discord and a real local feed server (issue 14).

The product bot runs with the feed cog on a copy of the samples; `tests.feeds_server` serves
RSS, Atom and JSON feeds on 127.0.0.1 (allowed through `fetch_allow`), and the bot's own queue
worker fetches and analyses the articles the items link to. The poll loop's clock is the test's
(`Clock`), so a feed falls due when the test moves time on, never after a sleep.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import xml.etree.ElementTree as ET
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import pytest
from sqlalchemy import update

from bot.app import Analyst, open_analyst
from bot.client import AnalystBot
from bot.permissions import ADMIN_REFUSAL
from bot.services.feed_poller import ROUND, FeedOptions
from cogs.feeds import Feeds
from storage.models import OutboxMessage
from tests.databases import POSTGRES_URL, fresh_database
from tests.discordbot.conftest import test_settings as settings_on
from tests.fake_discord import FakeDiscord, pointed_at
from tests.feeds_server import FeedsServer, Item

Json = dict[str, Any]
COGS = ("cogs.feeds",)
TICK = 0.1  # seconds between two looks for due feeds
INTERVAL = 600  # the settings' feed interval: a clock step past it makes every feed due again
INGEST = 120.0  # seconds to wait for articles to be fetched, analysed, stored and posted
SUPPRESS_EMBEDS = 1 << 2
_DAY_STAMP = re.compile(r"^<t:\d+:D>$")


class Clock:
    """The poll loop's clock: real time, moved on by the test."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, seconds: float = INTERVAL + 1) -> None:
        """Move time on (by one poll interval unless told)."""
        self.offset += timedelta(seconds=seconds)


class FeedBot(AnalystBot):
    """The product bot with the feed options a test gives (the loop's clock and tick)."""

    feed_options: FeedOptions | None = None


@pytest.fixture
def server() -> AsyncIterator[FeedsServer]:  # type: ignore[misc]
    """The feeds server, each scenario cut to `ITEMS` items so tests analyse few articles."""
    with FeedsServer() as feeds:
        for name in ("rss", "atom", "json"):
            feeds.update(name, items=feeds.items(name)[:1])
        yield feeds


def settings_for(url: str, server: FeedsServer, **overrides: object) -> Any:
    """Settings reaching the feeds server, politeness gap off, two cards a poll."""
    values: dict[str, object] = {
        "fetch_allow": server.allow,
        "fetch_retries": 0,
        "feed_host_gap": 0,
        "feed_posts_per_poll": 2,
        "feed_max_failures": 3,
        "feed_backoff": 60,
        **overrides,
    }
    return settings_on(url, **values)


@asynccontextmanager
async def feed_bot(
    fake: FakeDiscord,
    analyst: Analyst,
    clock: Clock,
    *,
    ready: int = 1,
    cogs: tuple[str, ...] = COGS,
    outbox_poll: float = 2.0,
    tick: float = TICK,
) -> AsyncIterator[FeedBot]:
    """Start the bot with the feed cog; `ready`: how many times the fake saw a bot identify."""
    bot = FeedBot(
        analyst,
        dev_guild_id=fake.guild_id,
        cogs=cogs,
        outbox_poll=outbox_poll,
        guild_ready_timeout=0.05,
    )
    bot.feed_options = FeedOptions(now=clock, tick_seconds=tick)
    with pointed_at(fake.api_base, fake.gateway_url):
        task = asyncio.create_task(bot.start(fake.token))
        try:
            await fake.wait_ready(ready)
            await asyncio.wait_for(bot.wait_until_ready(), 10)
            yield bot
        finally:
            await bot.close()
            await asyncio.wait_for(task, timeout=10)


@asynccontextmanager
async def running(
    fake: FakeDiscord, url: str, server: FeedsServer, clock: Clock, **overrides: object
) -> AsyncIterator[tuple[Analyst, FeedBot]]:
    """An Analyst on `url` and the bot on it."""
    async with open_analyst(settings_for(url, server, **overrides)) as analyst:  # noqa: SIM117
        async with feed_bot(fake, analyst, clock) as bot:
            yield analyst, bot


def cards(fake: FakeDiscord, channel_id: int) -> list[Json]:
    """The feed cards the bot posted in a channel (an embed with a `Feed` field)."""
    return [m for m in fake.sent_messages(channel_id) if _card(m)]


def _card(message: Json) -> bool:
    embeds = message.get("embeds") or []
    return bool(embeds) and "Feed" in fields(embeds[0])


def card_urls(fake: FakeDiscord, channel_id: int) -> list[str]:
    """The article address each card links to, in order."""
    return [m["embeds"][0]["url"] for m in cards(fake, channel_id)]


def lines(fake: FakeDiscord, channel_id: int, start: str) -> list[Json]:
    """The bot's plain messages in a channel starting with `start`."""
    return [m for m in fake.sent_messages(channel_id) if m["content"].startswith(start)]


async def eventually(check: Callable[[], Awaitable[bool]], *, within: float = INGEST) -> None:
    """Wait until a database condition holds (the fake cannot see the database)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not await check():
        assert loop.time() < deadline, "the condition never held"
        await asyncio.sleep(0.05)


async def settled(analyst: Analyst, bot: AnalystBot) -> None:
    """Wait until no job is left to work and every outbox row has been delivered."""

    async def done() -> bool:
        jobs = await analyst.queue.counts()
        if jobs.get("pending") or jobs.get("running"):
            return False
        return "waiting" not in await bot.outbox.repo.counts()

    await eventually(done)


async def deliver_again(analyst: Analyst, bot: AnalystBot) -> None:
    """Every outbox row undelivered again, as if its holder died after posting it."""
    async with analyst.sessions.begin() as session:
        await session.execute(
            update(OutboxMessage).values(delivered_at=None, claimed_by=None, claimed_until=None)
        )
    bot.outbox.notify()


def fields(embed: Json) -> dict[str, str]:
    return {f["name"]: f["value"] for f in embed.get("fields") or []}


def urls_of(server: FeedsServer, items: list[Item]) -> set[str]:
    return {server.article_url(item) for item in items}


async def add_feed(fake: FakeDiscord, url: str, **options: object) -> str:
    """`/feed add` as erin (an admin) in #news; the answer's text."""
    result = await fake.slash(
        "feed add", {"url": url, **options}, user=fake.user("erin"), timeout=30
    )
    return str(result.messages[-1]["content"])


# -- cards -------------------------------------------------------------------------------------
async def test_a_feed_posts_a_card_per_article_and_the_rest_in_one_line(
    fake: FakeDiscord, database_url: str, server: FeedsServer
) -> None:
    news = fake.channel_id("news")
    server.add_items("rss", 2)  # three items: two cards and one line
    clock = Clock()
    async with running(fake, database_url, server, clock) as (analyst, bot):
        said = await add_feed(fake, server.feed_url("rss"))
        assert said.startswith("Following **Harbour Desk: World** (#1): new articles as cards in")
        await fake.wait_for(lambda: len(cards(fake, news)) == 2, timeout=INGEST, what="2 cards")
        [more] = await fake.wait_for(lambda: lines(fake, news, "…and"), what="the line")
        first = server.items("rss")
        added = server.add_items("rss", 1)
        clock.advance()
        await fake.wait_for(lambda: len(cards(fake, news)) == 3, timeout=INGEST, what="a card")
        await settled(analyst, bot)
    assert more["content"] == (
        "…and 1 more new item from **Harbour Desk: World**; they are added without a card."
    )
    assert fake.raw_payloads(more["id"])[0]["flags"] & SUPPRESS_EMBEDS
    posted = card_urls(fake, news)
    assert set(posted[:2]) == urls_of(server, first[:2])  # the newest two, as their jobs end
    assert posted[2] == server.article_url(added[0])
    assert len(lines(fake, news, "…and")) == 1
    newest = cards(fake, news)[-1]
    embed = newest["embeds"][0]
    assert embed["title"] == added[0].title
    card = fields(embed)
    assert card["Feed"] == "Harbour Desk: World"
    assert card["Outlet"] == "Harbour Desk"
    assert _DAY_STAMP.match(card["Published"])
    assert added[0].author is not None and added[0].author in card["People"]
    assert len(re.findall(r"[.!?](?:\s|$)", embed["description"])) == 2  # two sentences
    for message in [*cards(fake, news), more]:
        assert fake.raw_payloads(message["id"])[0]["allowed_mentions"] == {"parse": []}
    assert fake.rejected == []


async def test_digest_only_posts_nothing(
    fake: FakeDiscord, database_url: str, server: FeedsServer
) -> None:
    news = fake.channel_id("news")
    clock = Clock()
    async with running(fake, database_url, server, clock) as (analyst, bot):
        before = await analyst.articles.count()
        said = await add_feed(fake, server.feed_url("json"), digest_only=True)
        assert "in the daily digest only" in said

        async def ingested() -> bool:
            [feed] = await analyst.feeds.list(fake.guild_id)
            return feed.total_items == 1

        await eventually(ingested)
        await settled(analyst, bot)
        assert await analyst.articles.count() == before + 1
    assert cards(fake, news) == [] and lines(fake, news, "…and") == []


async def test_stories_as_threads_and_forum_posts(
    fake: FakeDiscord, database_url: str, server: FeedsServer
) -> None:
    news, stories = fake.channel_id("news"), fake.add_forum("stories")
    clock = Clock()
    async with running(fake, database_url, server, clock) as (analyst, bot):
        said = await add_feed(fake, server.feed_url("rss"), threads=True)
        assert "as cards in" in said and "a thread each" in said
        said = await add_feed(fake, server.feed_url("atom"), channel=stories)
        assert f"as a post each in <#{stories}>" in said
        thread = await fake.wait_for_thread(news, timeout=INGEST)
        post = await fake.wait_for_thread(stories, timeout=INGEST)
        await settled(analyst, bot)
        # The process died after posting, before stamping: the rows are delivered again.
        fake.expect_refusal("POST /channels/*/messages/*/threads", 400)  # the thread is there
        before = len(fake.requests)
        await deliver_again(analyst, bot)
        await fake.wait_for(lambda: len(fake.requests) > before, what="a second delivery")
        await settled(analyst, bot)
    [rss_item], [atom_item] = server.items("rss"), server.items("atom")
    assert thread["name"] == rss_item.title
    started = fake.starter_message(thread)
    assert started is not None and started["embeds"][0]["url"] == server.article_url(rss_item)
    assert post["name"] == atom_item.title
    first = fake.starter_message(post)
    assert first is not None and first["channel_id"] == post["id"]
    assert first["embeds"][0]["title"] == atom_item.title
    assert fake.raw_payloads(first["id"])[0]["allowed_mentions"] == {"parse": []}
    assert len(fake.threads(news)) == 1 and len(fake.threads(stories)) == 1
    assert len(cards(fake, news)) == 1 and len(fake.sent_messages(post["id"])) == 1
    assert fake.rejected == []


# -- health, pausing, resuming -----------------------------------------------------------------
async def test_a_dying_feed_is_paused_its_channel_told_once_and_resume_restarts_it(
    fake: FakeDiscord, database_url: str, server: FeedsServer
) -> None:
    news, path = fake.channel_id("news"), server.feed_path("rss")
    erin = fake.user("erin")
    clock = Clock()
    async with running(fake, database_url, server, clock) as (analyst, bot):
        await add_feed(fake, server.feed_url("rss"))
        await fake.wait_for(lambda: cards(fake, news), timeout=INGEST, what="the first card")
        healthy = await fake.slash("feed list", user=erin)
        server.fail("rss", 500)
        for polls in (3, 4, 5):  # the probe, the first poll, then three failures in a row
            clock.advance(7 * 3600)  # past any backoff
            await server.until(lambda n=polls: server.hits(path) >= n)  # type: ignore[misc]
        [notice] = await fake.wait_for(lambda: lines(fake, news, "⏸️"), what="the notice")
        await eventually(lambda: _paused(analyst, fake.guild_id))
        clock.advance(7 * 3600)  # a paused feed is not polled, nor announced again
        paused = await fake.slash("feed list", user=erin)
        offered = await fake.autocomplete("feed resume", {"feed": ""}, "feed", user=erin)
        server.recover("rss")
        [new] = server.add_items("rss", 1)
        resumed = await fake.slash("feed resume", {"feed": "1"}, user=erin)
        await fake.wait_for(lambda: len(cards(fake, news)) == 2, timeout=INGEST, what="a card")
        await settled(analyst, bot)
    assert card_urls(fake, news)[-1] == server.article_url(new)
    [before] = healthy.embeds
    assert before["title"] == "Followed feeds"
    assert before["description"] == "1 feed followed."
    [(name, value)] = fields(before).items()
    assert name == "#1 Harbour Desk: World"
    assert re.search(r"Last fetch: <t:\d+:R>", value)
    assert "New items: 1 at the last successful fetch, 1 in all" in value
    assert "Next poll: <t:" in value and "Last error" not in value
    assert notice["content"].startswith(
        f"⏸️ Stopped following **Harbour Desk: World** (<{server.feed_url('rss')}>) after "
        "3 failed polls in a row. The last error: "
    )
    assert notice["content"].endswith("an admin can start it again with /feed resume.")
    assert "500" in notice["content"]
    assert fake.raw_payloads(notice["id"])[0]["flags"] & SUPPRESS_EMBEDS
    assert len(lines(fake, news, "⏸️")) == 1
    [after] = paused.embeds
    assert after["description"] == "1 feed followed; 1 paused."
    value = fields(after)["#1 Harbour Desk: World"]
    assert "Last error (3 failures in a row):" in value and "500" in value
    assert "⏸️ **Paused**: 3 failed polls in a row" in value
    assert [c["name"] for c in offered] == ["#1 Harbour Desk: World (paused)"]
    assert resumed.messages[0]["content"] == (
        "Polling **Harbour Desk: World** (#1) again, starting now."
    )
    assert server.hits(path) == 6  # nothing while paused; one poll after /feed resume


async def _paused(analyst: Analyst, guild_id: int) -> bool:
    return [f.status for f in await analyst.feeds.list(guild_id)] == ["paused"]


# -- OPML, removing, admins only ---------------------------------------------------------------
def opml(*outlines: tuple[str, str]) -> bytes:
    """A feed reader's export: a folder of feeds."""
    body = "".join(f'<outline type="rss" text="{t}" xmlUrl="{u}"/>' for u, t in outlines)
    return (
        '<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>'
        f'<outline text="News">{body}</outline></body></opml>'
    ).encode()


def exported(data: bytes) -> list[tuple[str, str | None]]:
    """The (address, title) pairs of an OPML file."""
    root = ET.fromstring(data)  # noqa: S314 - our own export, read back
    return [(o.attrib["xmlUrl"], o.attrib.get("title")) for o in root.iter("outline")]


async def test_opml_round_trip_remove_and_admins_only(
    fake: FakeDiscord, database_url: str, server: FeedsServer
) -> None:
    rss, atom = server.feed_url("rss"), server.feed_url("atom")
    erin, alice = fake.user("erin"), fake.user("alice")
    secret = "https://reader:hunter2@example.org/private.xml"  # noqa: S105 - made up, never shown
    listed = opml((rss, "World"), (atom, "Business"), (secret, "Odd"))
    clock = Clock()
    async with running(fake, database_url, server, clock, ingest_workers=0) as (analyst, _):
        refused = [
            await fake.slash("feed add", {"url": rss}, user=alice),
            await fake.slash("feed list", user=alice),
            await fake.slash("feed import", {"file": ("mine.opml", listed)}, user=alice),
        ]
        assert await analyst.feeds.list(fake.guild_id) == []
        empty = await fake.slash("feed export", user=erin)
        imported = await fake.slash(
            "feed import", {"file": ("mine.opml", listed), "digest_only": True}, user=erin
        )
        export = await fake.slash("feed export", user=erin)
        again = await fake.slash("feed import", {"file": ("mine.opml", listed)}, user=erin)
        offered = await fake.autocomplete("feed remove", {"feed": "busi"}, "feed", user=erin)
        removed = await fake.slash("feed remove", {"feed": offered[0]["value"]}, user=erin)
        unknown = await fake.slash("feed remove", {"feed": "99"}, user=erin)
        left = [f.url for f in await analyst.feeds.list(fake.guild_id)]
    for answer in refused:
        assert answer.ephemeral and answer.messages[0]["content"] == ADMIN_REFUSAL
    assert empty.ephemeral and empty.messages[0]["content"].startswith("No feed is followed")
    said = imported.messages[-1]["content"]
    assert said.startswith("Added 2 feeds, 1 not added.\n• https://example.org/private.xml: ")
    assert "hunter2" not in said and "reader" not in said
    assert imported.followups and not imported.ephemeral
    assert export.ephemeral
    assert exported(export.file("feeds.opml")) == [(rss, "World"), (atom, "Business")]
    assert again.messages[-1]["content"].startswith("Added 0 feeds, 2 followed already")
    assert [c["name"] for c in offered] == ["#2 Business"]
    assert removed.messages[0]["content"] == "No longer following **Business** (#2)."
    assert unknown.ephemeral and unknown.messages[0]["content"].startswith("no feed 99 here")
    assert left == [rss]


# -- once, across restarts and processes -------------------------------------------------------
async def test_nothing_is_posted_twice_after_a_restart(
    fake: FakeDiscord, database_url: str, server: FeedsServer
) -> None:
    news = fake.channel_id("news")
    clock = Clock()
    settings = settings_for(database_url, server)
    async with open_analyst(settings) as analyst, feed_bot(fake, analyst, clock) as bot:
        await add_feed(fake, server.feed_url("rss"))
        await fake.wait_for(lambda: cards(fake, news), timeout=INGEST, what="the first card")
        await settled(analyst, bot)
    [new] = server.add_items("rss", 1)
    async with open_analyst(settings) as analyst:  # a new process on the same database
        async with feed_bot(fake, analyst, clock, ready=2) as bot:
            await settled(analyst, bot)
            clock.advance()  # the feed shows the old item and a new one
            await fake.wait_for(lambda: len(cards(fake, news)) == 2, timeout=INGEST, what="card")
            clock.advance()  # and again: nothing new
            await server.until(lambda: server.hits(server.feed_path("rss")) == 4)
            await settled(analyst, bot)
        [feed] = await analyst.feeds.list(fake.guild_id)
    old = server.items("rss")[1]
    assert card_urls(fake, news) == [server.article_url(old), server.article_url(new)]
    assert feed.total_items == 2
    assert lines(fake, news, "…and") == []


@pytest.mark.skipif(not POSTGRES_URL, reason="needs the PostgreSQL test server")
async def test_two_bot_processes_on_postgresql_poll_and_post_each_item_once(
    fake: FakeDiscord, server: FeedsServer, tmp_path: Path
) -> None:
    news, path = fake.channel_id("news"), server.feed_path("rss")
    server.add_items("rss", 2)
    clock = Clock()
    async with fresh_database("postgres", tmp_path) as url:
        settings = settings_for(url, server)
        async with open_analyst(settings) as one, open_analyst(settings) as two:
            await one.guilds.update(fake.guild_id, digest_channel_id=news, digest_hour=8)
            async with feed_bot(fake, one, clock) as first:  # noqa: SIM117 - one, then two
                async with feed_bot(fake, two, clock, ready=2) as second:
                    await add_feed(fake, server.feed_url("rss"))  # answered by the second
                    await fake.wait_for(
                        lambda: len(cards(fake, news)) == 2, timeout=INGEST, what="2 cards"
                    )
                    added = server.add_items("rss", 2)
                    clock.advance()
                    await fake.wait_for(
                        lambda: len(cards(fake, news)) == 4, timeout=INGEST, what="4 cards"
                    )
                    for bot, analyst in ((first, one), (second, two)):
                        await settled(analyst, bot)
                    [feed] = await one.feeds.list(fake.guild_id)
                    jobs = await one.queue.counts()
    posted = card_urls(fake, news)
    assert len(posted) == len(set(posted)) == 4
    assert set(posted) >= urls_of(server, added)
    [more] = lines(fake, news, "…and")  # the first poll's third item
    assert more["content"].endswith("; they will be in the digest.")
    assert feed.total_items == 5 and jobs == {"done": 5}
    assert server.hits(path) == 3  # the probe of /feed add, then one poll per due time


async def test_one_tick_polls_every_due_feed_even_past_one_round(
    fake: FakeDiscord, database_url: str, server: FeedsServer
) -> None:
    addresses = [(server.url(f"/feeds/rss?copy={n}"), f"Copy {n}") for n in range(ROUND + 5)]
    clock = Clock()
    settings = settings_for(database_url, server, ingest_workers=0)
    async with open_analyst(settings) as analyst, feed_bot(fake, analyst, clock) as bot:
        cog = cast(Feeds, bot.get_cog("Feeds"))  # a class of its own each load: no isinstance
        assert cog is not None
        task = cog.poller.get_task()
        cog.poller.cancel()  # the loop's own rounds stay out of the way
        assert task is not None
        with contextlib.suppress(asyncio.CancelledError):
            await task
        result = await analyst.feeds.import_opml(
            opml(*addresses), guild_id=fake.guild_id, channel_id=fake.channel_id(), mode="digest"
        )
        assert len(result.added) == ROUND + 5
        await cog.poll_round()
        feeds = await analyst.feeds.list(fake.guild_id)
    assert all(f.last_polled_at is not None and f.total_items == 1 for f in feeds)
