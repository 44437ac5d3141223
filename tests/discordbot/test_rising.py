"""The spike watch loop (cogs/rising.py) in the running bot, with a clock the test sets."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from bot.client import AnalystBot
from bot.services.spikes import WatchOptions
from cogs.rising import RisingCog
from storage.models import Alert, OutboxMessage
from storage.spikes import SPIKE_ALERT
from tests.discordbot.conftest import StartBot
from tests.fake_discord import FakeDiscord
from tests.storage.spike_corpus import DAY, KALLAS, NATO, build_series

TICK = 0.05
NOON = datetime(DAY.year, DAY.month, DAY.day, 12, tzinfo=UTC)


async def watching(bot: AnalystBot) -> RisingCog:
    """The cog, added to a running bot with a fast tick and the test's noon."""
    cog = RisingCog(bot, WatchOptions(now=lambda: NOON, tick_seconds=TICK))
    await bot.add_cog(cog)
    return cog


async def rounds(cog: RisingCog, count: int = 3) -> None:
    """Wait until the watch has finished `count` more rounds."""
    target = cog.watch.current_loop + count
    async with asyncio.timeout(10):
        while cog.watch.current_loop < target:  # noqa: ASYNC110  # a counter, no event to await
            await asyncio.sleep(TICK / 2)


async def spike_rows(bot: AnalystBot) -> list[dict[str, Any]]:
    async with bot.analyst.sessions() as session:
        rows = await session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == SPIKE_ALERT).order_by("id")
        )
        return [{"channel": r.channel_id, **r.body} for r in rows]


async def test_the_watch_queues_each_spike_once_and_stops_with_the_cog(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    alerts = fake.channel_id("news")
    async with start_bot(cogs=()) as bot:
        await build_series(bot.analyst.sessions)
        cog = await watching(bot)
        await rounds(cog)
        assert await spike_rows(bot) == []  # no guild watches spikes: nothing queued
        async with bot.analyst.sessions.begin() as session:
            session.add(
                Alert(
                    guild_id=fake.guild_id,
                    channel_id=alerts,
                    role_id=None,
                    kind="spikes",
                    label="spikes",
                    created_at=NOON - timedelta(hours=1),
                )
            )
        await rounds(cog)
        queued = await spike_rows(bot)
        await rounds(cog)
        again = await spike_rows(bot)
        task = cog.watch.get_task()
        assert task is not None
        await bot.remove_cog("Rising")
        await asyncio.wait([task], timeout=10)
        assert task.done()
    assert [(r["channel"], r["name"], r["day"]) for r in queued] == [
        (alerts, KALLAS, "2026-12-05"),
        (alerts, "summit", "2026-12-05"),
        (alerts, NATO, "2026-12-05"),
    ]
    assert again == queued  # later rounds find them told
