"""A hung or crashed analysis child costs one link, never the bot: it keeps answering meanwhile.

The bot runs against the local fake Discord with its queue worker analysing in a real process
pool. The child that holds one posted link is frozen (a hang, as far as the parent can tell) or
killed each time it is handed that link; the test asks a slash command while that happens, then
reads the replies the member gets.
"""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Callable

import pytest

from bot.app import open_analyst
from bot.services.analysis_child import ChildOptions
from bot.services.analysis_pool import PoolOptions, ProcessAnalyzer
from bot.services.ingest import IngestService
from tests.discordbot import conftest
from tests.discordbot.conftest import running_bot
from tests.discordbot.test_watch import COGS, ArticleSite, finished, replies_to, site  # noqa: F401
from tests.fake_discord import FakeDiscord

pytestmark = pytest.mark.solo  # deadlines and crashes: runs alone, after the parallel part

TIMEOUT = 3.0


def _service_with_pool(analyst: object, hook: Callable[[int, tuple[int, ...]], None]) -> None:
    """Give the application an ingest service whose pool calls `hook` on every hand-over."""
    settings = analyst.settings  # type: ignore[attr-defined]
    child = ChildOptions(settings.spacy_model, settings.max_file_bytes, 4, "ERROR")
    pool = ProcessAnalyzer(PoolOptions(1, TIMEOUT, 500, 4096.0, child, hook))
    analyst.__dict__["ingest"] = IngestService(  # the cached property, set before first use
        analyst.sessions,  # type: ignore[attr-defined]
        analyst.queue,  # type: ignore[attr-defined]
        pool,
        analyst.fetcher,  # type: ignore[attr-defined]
        max_bytes=settings.max_file_bytes,
        batch_size=settings.nlp_batch_size,
        near_duplicate_threshold=settings.near_duplicate_threshold,
    )


@pytest.mark.parametrize(
    ("fate", "reason"),
    [
        (signal.SIGSTOP, f"analysis took longer than {TIMEOUT:g} s"),
        (signal.SIGSEGV, "analysis crashed on this page"),
    ],
    ids=["hung", "segfault"],
)
async def test_the_bot_answers_while_a_child_dies_on_one_link(
    fake: FakeDiscord,
    database_url: str,
    site: ArticleSite,  # noqa: F811
    fate: signal.Signals,
    reason: str,
) -> None:
    victim = site.url("/story/66")
    held: asyncio.Queue[int] = asyncio.Queue()
    victim_jobs: set[int] = set()

    def hook(pid: int, job_ids: tuple[int, ...]) -> None:
        if victim_jobs & set(job_ids):
            os.kill(pid, fate)
            held.put_nowait(pid)

    overrides = {"fetch_allow": [f"127.0.0.1:{site.port}"], "fetch_retries": 0}
    config = conftest.test_settings(database_url, **overrides)
    async with open_analyst(config) as analyst:
        await analyst.guilds.update(fake.guild_id, watch_channel_id=fake.channel_id("links"))
        _service_with_pool(analyst, hook)
        async with running_bot(fake, analyst, cogs=(*COGS, "cogs.corpus")):
            known = sum((await analyst.queue.counts()).values())  # ids 1..known are taken
            victim_jobs.add(known + 2)  # the message's links are queued in their order
            posted = await fake.post_message(
                fake.channel_id("links"), f"{site.url('/story/65')} and {victim}"
            )
            await held.get()  # the child holding the link is frozen or dead right now
            answer = await fake.slash("stats")
            await finished(fake, posted, within=60)
    assert "articles" in "\n".join(e.get("description") or "" for e in answer.embeds).lower()
    said = {m["content"].split(">: ", 1)[0]: m["content"] for m in replies_to(fake, posted)}
    assert said[f"✅ <{site.url('/story/65')}"].startswith(f"✅ <{site.url('/story/65')}>: #6 ")
    assert said[f"❌ <{victim}"] == f"❌ <{victim}>: {reason}"
