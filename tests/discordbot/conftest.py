"""The product bot, started for real against the local fake Discord, on a copy of the samples.

Every Discord-layer test talks to the bot only through discord.py's real HTTP client and gateway:
the fake records what the bot sent, and tests assert on what members would see.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.app import Analyst, open_analyst
from bot.cli import app as cli_app
from bot.client import AnalystBot
from config.settings import Settings
from tests.bot.conftest import SAMPLES
from tests.fake_discord import FakeDiscord, pointed_at

StartBot = Callable[..., AbstractAsyncContextManager[AnalystBot]]


@pytest.fixture(scope="session")
def sample_db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus ingested once per test session; tests work on copies."""
    path = tmp_path_factory.mktemp("discord-samples") / "analyst.db"
    result = CliRunner().invoke(
        cli_app,
        ["ingest", str(SAMPLES)],
        env={"ANALYST_DATABASE_URL": f"sqlite+aiosqlite:///{path}"},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def database_url(sample_db_file: Path, tmp_path: Path) -> str:
    """A private copy of the ingested samples for one test."""
    copy = tmp_path / "analyst.db"
    shutil.copy(sample_db_file, copy)
    return f"sqlite+aiosqlite:///{copy}"


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    """A fresh fake Discord on an ephemeral 127.0.0.1 port. At teardown it fails the test if it
    refused a request the test neither scripted (`fail_next`, `deny`) nor declared
    (`expect_refusal`): the real Discord would have refused it too."""
    async with FakeDiscord() as server:
        yield server
    server.check_refusals()


def test_settings(database_url: str, **overrides: object) -> Settings:
    """Settings for the bot under test: the copied database, the fake's token."""
    values: dict[str, object] = {"database_url": database_url, **overrides}
    return Settings(**values)  # type: ignore[arg-type]


@asynccontextmanager
async def running_bot(
    fake: FakeDiscord, analyst: Analyst, **options: object
) -> AsyncIterator[AnalystBot]:
    """Start the product bot against the fake, wait for READY, and close it afterwards."""
    bot = AnalystBot(analyst, dev_guild_id=fake.guild_id, guild_ready_timeout=0.05, **options)
    with pointed_at(fake.api_base, fake.gateway_url):
        task = asyncio.create_task(bot.start(fake.token))
        try:
            await fake.wait_ready()
            yield bot
        finally:
            await bot.close()
            await asyncio.wait_for(task, timeout=10)


@pytest.fixture
def start_bot(fake: FakeDiscord, database_url: str) -> StartBot:
    """`async with start_bot() as bot:` runs the product bot on this test's database."""

    @asynccontextmanager
    async def start(**options: object) -> AsyncIterator[AnalystBot]:
        async with open_analyst(test_settings(database_url)) as analyst:  # noqa: SIM117
            async with running_bot(fake, analyst, **options) as bot:
                yield bot

    return start
