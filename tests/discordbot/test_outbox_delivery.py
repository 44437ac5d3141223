"""Every ingest outcome reaches the member once, whichever process ran the job (issue 10).

The acceptance test runs the bot with ANALYST_INGEST_WORKERS=0 on PostgreSQL and works its
queue with separate `analyst worker --once` processes: each link posted in the watched channel is
answered once, also when the bot was stopped while the worker ran and started again after.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import Analyst, open_analyst
from bot.client import AnalystBot, ShardedAnalystBot, make_bot
from bot.services.outbox import OutboxDeliverer, Undeliverable
from storage.engine import create_engine, session_factory
from storage.migrate import upgrade_database
from storage.outbox import INGEST_OUTCOME, OutboxItem, OutboxRepository, Shards
from tests.bot.conftest import ROOT
from tests.databases import POSTGRES_URL, fresh_database
from tests.discordbot import conftest
from tests.discordbot.conftest import running_bot
from tests.discordbot.test_watch import (
    COGS,
    ArticleSite,
    finished,
    read_card,
    replies_to,
    story,
)
from tests.fake_discord import FakeDiscord

Json = dict[str, Any]


@pytest.fixture(scope="module")
def site() -> Iterator[ArticleSite]:
    """The article server for this module."""
    server = ArticleSite().start()
    yield server
    server.close()


async def eventually(check: Callable[[], Awaitable[bool]], *, within: float = 20) -> None:
    """Wait until a database condition holds (the fake cannot tell us when a row was stamped)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not await check():
        assert loop.time() < deadline, "the condition never held"
        await asyncio.sleep(0.05)


async def run_worker(database_url: str, site: ArticleSite) -> str:
    """`analyst worker --once` as its own process: works the queue until empty, then exits."""
    env = {
        **os.environ,
        "ANALYST_DATABASE_URL": database_url,
        "ANALYST_FETCH_ALLOW": f"127.0.0.1:{site.port}",
        "ANALYST_FETCH_RETRIES": "0",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        "from bot.cli import main; main()",
        "worker",
        "--once",
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=180)
    assert process.returncode == 0, err.decode()[-2000:]
    return out.decode()


@asynccontextmanager
async def bot_without_workers(fake: FakeDiscord, analyst: Analyst) -> AsyncIterator[AnalystBot]:
    """The bot as the README sets it up for bigger teams: it queues, others work."""
    assert analyst.settings.ingest_workers == 0
    async with running_bot(fake, analyst, cogs=COGS) as bot:
        assert bot.worker is None
        yield bot


@pytest.mark.skipif(not POSTGRES_URL, reason="needs the PostgreSQL test server")
async def test_every_link_is_answered_once_when_a_separate_worker_does_the_work(
    fake: FakeDiscord, site: ArticleSite, tmp_path: Path
) -> None:
    links = fake.channel_id("links")
    async with fresh_database("postgres", tmp_path) as url:
        overrides = {"ingest_workers": 0, "fetch_allow": [f"127.0.0.1:{site.port}"]}
        settings = conftest.test_settings(url, fetch_retries=0, **overrides)
        async with open_analyst(settings) as analyst:
            await analyst.guilds.update(fake.guild_id, watch_channel_id=links)
            async with bot_without_workers(fake, analyst):
                two = f"{site.url('/story/21')} and {site.url('/story/22')}"
                first = [
                    await fake.post_message(links, two),
                    await fake.post_message(links, site.url("/story/23")),
                ]
                for message in first:
                    await fake.wait_for_reaction(message["id"], "⏳")
                await run_worker(url, site)  # while the bot runs: it polls the outbox
                for message in first:
                    assert await finished(fake, message) == ["✅"]
                later = [
                    await fake.post_message(links, site.url("/story/24")),
                    await fake.post_message(links, f"again: {site.url('/story/23')}"),
                ]
                for message in later:
                    await fake.wait_for_reaction(message["id"], "⏳")
            output = await run_worker(url, site)  # the bot is down meanwhile
            assert "queue empty; 1 duplicate, 1 new" in output
            assert all(fake.reactions(m["id"]) == ["⏳"] for m in later)
            async with bot_without_workers(fake, analyst):  # the bot restarts and answers
                assert await finished(fake, later[0]) == ["✅"]
                assert await finished(fake, later[1]) == ["❌"]
                outbox = OutboxRepository(analyst.sessions)
                await eventually(lambda: _all_delivered(outbox, 5))
    for message, answers in zip([*first, *later], [2, 1, 1, 1], strict=True):
        assert len(replies_to(fake, message)) == answers
        mark = ("+", "❌" if message is later[1] else "✅")
        history = [("+", "⏳"), *[mark] * answers, ("-", "⏳")]
        assert fake.reaction_history(message["id"]) == history
    said = [read_card(r["content"]) for r in replies_to(fake, first[0])]
    for n in (21, 22):
        [line] = [line for line in said if line.startswith(f"✅ <{site.url(f'/story/{n}')}>: #")]
        assert story(n)[0] in line
    refusal = read_card(replies_to(fake, later[1])[0]["content"])
    assert refusal.startswith("❌ already have it: #")
    assert refusal.endswith(story(23)[0])
    assert fake.rejected == []


async def _all_delivered(outbox: OutboxRepository, n: int) -> bool:
    return await outbox.counts() == {"delivered": n}


async def test_an_ingest_answered_in_the_interaction_is_not_posted_again(
    fake: FakeDiscord, database_url: str, site: ArticleSite
) -> None:
    news = fake.channel_id("news")
    overrides = {"fetch_allow": [f"127.0.0.1:{site.port}"], "fetch_retries": 0}
    settings = conftest.test_settings(database_url, **overrides)
    async with open_analyst(settings) as analyst, running_bot(fake, analyst, cogs=COGS) as bot:
        added = await fake.slash("ingest", {"url": site.url("/story/31")}, timeout=40)
        await eventually(lambda: _all_delivered(bot.outbox.repo, 1))
        in_channel = [m["content"] for m in fake.sent_messages(news)]
    assert read_card(added.messages[-1]["content"]).startswith(f"✅ #6 {story(31)[0]}")
    assert not [text for text in in_channel if text.startswith("✅ /ingest")]


async def test_a_sharded_bot_owns_the_guilds_of_its_shards(database_url: str) -> None:
    settings = conftest.test_settings(database_url, shard_count=4, shard_ids=[1, 3])
    async with open_analyst(settings) as analyst:
        sharded = make_bot(analyst)
        assert isinstance(sharded, ShardedAnalystBot)
        assert sharded.owned_shards() == Shards(4, (1, 3))
        assert AnalystBot(analyst).owned_shards() is None


# -- the delivery loop on its own -------------------------------------------------------------
@pytest.fixture
async def sessions(tmp_path: Path) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """Sessions on a fresh SQLite database."""
    async with fresh_database("sqlite", tmp_path) as url:
        engine = create_engine(url)
        await upgrade_database(engine)
        yield session_factory(engine)
        await engine.dispose()


@pytest.fixture
def repo(sessions: async_sessionmaker[AsyncSession]) -> OutboxRepository:
    """This process's outbox."""
    return OutboxRepository(sessions)


async def add(repo: OutboxRepository, guild: int, message: int | None, text: str) -> None:
    await repo.add(INGEST_OUTCOME, guild, 10, {"text": text}, message_id=message)


async def test_the_loop_delivers_a_messages_rows_in_order_and_gives_up_or_retries(
    repo: OutboxRepository,
) -> None:
    for text in ("a1", "a2", "a3"):
        await add(repo, 1, 100, text)
    await add(repo, 1, 200, "gone")
    await add(repo, 1, 300, "flaky")
    seen: list[str] = []
    calls = {"flaky": 0}
    all_seen = asyncio.Event()

    async def handler(item: OutboxItem) -> None:
        text = str(item.body["text"])
        if text == "gone":
            raise Undeliverable("404 Unknown Channel")
        if text == "flaky" and calls["flaky"] == 0:
            calls["flaky"] += 1
            raise RuntimeError("503 from Discord")
        seen.append(text)
        if len(seen) == 4:
            all_seen.set()

    deliverer = OutboxDeliverer(repo, poll=0.05)
    deliverer.handle(INGEST_OUTCOME, handler)
    try:
        await asyncio.wait_for(all_seen.wait(), timeout=10)
    finally:
        await deliverer.forget(INGEST_OUTCOME)
    assert [t for t in seen if t.startswith("a")] == ["a1", "a2", "a3"]
    assert "flaky" in seen
    assert await repo.counts() == {"delivered": 5}


async def test_the_loop_leaves_other_shards_alone_and_hands_back_on_stop(
    repo: OutboxRepository, sessions: async_sessionmaker[AsyncSession]
) -> None:
    await add(repo, 1 << 22, None, "shard 1")  # a guild on shard 1 of 2
    await add(repo, 2 << 22, None, "shard 0")
    started, release = asyncio.Event(), asyncio.Event()

    async def slow(item: OutboxItem) -> None:
        started.set()
        await release.wait()

    deliverer = OutboxDeliverer(repo, shards=lambda: Shards(2, (0,)), poll=0.05)
    deliverer.handle(INGEST_OUTCOME, slow)
    await asyncio.wait_for(started.wait(), timeout=10)
    await deliverer.stop(grace=0.1)  # the delivery never finishes: its row goes back
    other = OutboxRepository(sessions, "other-host:1")
    claimed = await other.claim([INGEST_OUTCOME], limit=5)
    assert sorted(str(i.body["text"]) for i in claimed) == ["shard 0", "shard 1"]
