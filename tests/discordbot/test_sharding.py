"""A bot process started with shard settings connects as its shard and answers as usual."""

from __future__ import annotations

import asyncio

from bot.app import open_analyst
from bot.client import ShardedAnalystBot, make_bot
from tests.discordbot.conftest import test_settings as settings_for
from tests.fake_discord import FakeDiscord, pointed_at


async def test_shard_settings_make_a_sharded_bot_that_serves(
    fake: FakeDiscord, database_url: str
) -> None:
    settings = settings_for(database_url, shard_count=1, shard_ids=[0], ingest_workers=0)
    async with open_analyst(settings) as analyst:
        bot = make_bot(
            analyst, dev_guild_id=fake.guild_id, cogs=("cogs.corpus",), guild_ready_timeout=0.05
        )
        assert isinstance(bot, ShardedAnalystBot)
        with pointed_at(fake.api_base, fake.gateway_url):
            task = asyncio.create_task(bot.start(fake.token))
            try:
                await fake.wait_ready()
                result = await fake.slash("stats")
            finally:
                await bot.close()
                await asyncio.wait_for(task, timeout=10)
    assert fake.identify["shard"] == [0, 1]
    assert {f["name"]: f["value"] for f in result.embeds[0]["fields"]}["Articles"].startswith("5 ")


def test_shard_ids_are_read_from_the_environment(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from config.settings import Settings

    monkeypatch.setenv("ANALYST_SHARD_COUNT", "4")
    monkeypatch.setenv("ANALYST_SHARD_IDS", "0,2")
    settings = Settings()  # type: ignore[call-arg]
    assert (settings.shard_count, settings.shard_ids) == (4, [0, 2])
