"""Black box: `analyst run` as its own process against the fake Discord, stopped with SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from tests.bot.conftest import ROOT
from tests.fake_discord import FakeDiscord


def bot_env(fake: FakeDiscord, database_url: str, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "ANALYST_DATABASE_URL": database_url,
        "ANALYST_DISCORD_TOKEN": fake.token,
        "ANALYST_DISCORD_API_BASE": fake.api_base,
        "ANALYST_DISCORD_GATEWAY_URL": fake.gateway_url,
        "ANALYST_DEV_GUILD_ID": str(fake.guild_id),
        "ANALYST_LOG_LEVEL": "DEBUG",
        **extra,
    }


async def test_analyst_run_serves_commands_and_stops_on_sigterm(
    fake: FakeDiscord, database_url: str
) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        cwd=ROOT,
        env=bot_env(fake, database_url),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        await fake.wait_ready(timeout=90)
        await fake.wait_for(
            lambda: bool(fake.registered_commands(fake.guild_id)), timeout=30, what="command sync"
        )
        result = await fake.slash("stats")
        fields = {f["name"]: f["value"] for f in result.embeds[0]["fields"]}
        assert fields["Articles"] == "5 (2 dated, 3 undated)"
    finally:
        process.send_signal(signal.SIGTERM)
        _out, err = await asyncio.wait_for(process.communicate(), timeout=30)
    logs = err.decode()
    assert process.returncode == 0, logs[-2000:]
    assert fake.token not in logs
    assert "synced" in logs


async def test_analyst_run_without_a_token_refuses_in_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "ANALYST_DISCORD_TOKEN"}
    env["ANALYST_DATABASE_URL"] = f"sqlite+aiosqlite:///{tmp_path / 'x.db'}"
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _out, err = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode == 1
    assert err.decode().strip() == (
        "error: ANALYST_DISCORD_TOKEN is not set: the bot needs a Discord bot token "
        "(every other analyst command works without one)"
    )
