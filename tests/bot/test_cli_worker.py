"""`analyst worker`: works jobs queued elsewhere (bot, `analyst ingest`), once or until stopped."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.app import open_analyst
from config.settings import Settings
from tests.bot.conftest import ROOT, SAMPLES, Invoke
from tests.bot.test_fetcher import LocalSite


@pytest.fixture(scope="module")
def site() -> Iterator[LocalSite]:
    """The test web server."""
    server = LocalSite().start()
    yield server
    server.close()


def enqueue(database: Path, site: LocalSite) -> None:
    """Queue a file, a link and an attached text the way the CLI and the bot do, without running."""

    async def go() -> None:
        settings = Settings(database_url=f"sqlite+aiosqlite:///{database}")  # type: ignore[call-arg]
        async with open_analyst(settings) as analyst:
            await analyst.ingest.enqueue_paths([SAMPLES / "003_15fdc8e12761e189.txt"])
            await analyst.ingest.enqueue_urls([site.url("/article")])
            text = (SAMPLES / "001_a63fafeb041f58e2.txt").read_bytes()
            meta = {"via": "discord", "channel": 1, "message": 2}
            await analyst.ingest.enqueue_content("notes.txt", text, key="discord:2:3", meta=meta)

    asyncio.run(go())


def test_once_works_the_queue_and_exits(cli: Invoke, site: LocalSite, tmp_path: Path) -> None:
    enqueue(tmp_path / "analyst.db", site)
    env = {"ANALYST_FETCH_ALLOW": f"127.0.0.1:{site.port}", "ANALYST_FETCH_RETRIES": "0"}
    result = cli("worker", "--once", env=env)
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[-1] == "queue empty; 3 new"
    treaty = "Russia and Iran sign 20-year partnership treaty"
    assert f"new        #2 {treaty} ({site.url('/article')})" in lines
    assert any(line.startswith("new        #") and line.endswith("(notes.txt)") for line in lines)
    again = cli("worker", "--once")
    assert again.output.strip() == "queue empty; nothing to do"
    assert "Queue: 3 done" in cli("stats").output


def test_runs_until_sigterm_and_works_what_arrives(site: LocalSite, tmp_path: Path) -> None:
    database = tmp_path / "analyst.db"
    env = {
        **os.environ,
        "ANALYST_DATABASE_URL": f"sqlite+aiosqlite:///{database}",
        "ANALYST_FETCH_ALLOW": f"127.0.0.1:{site.port}",
    }
    command = [sys.executable, "-c", "from bot.cli import main; main()", "worker"]
    enqueue(database, site)
    with subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as worker:
        assert worker.stdout is not None
        seen = [worker.stdout.readline() for _ in range(3)]  # one line per finished job
        started = time.monotonic()
        worker.send_signal(signal.SIGTERM)
        code = worker.wait(timeout=30)
        stderr = worker.stderr.read() if worker.stderr else ""
    assert code == 0, stderr
    assert time.monotonic() - started < 10
    assert all(line.startswith("new ") for line in seen), seen
