"""`analyst worker`: works jobs queued elsewhere (bot, `analyst ingest`), once or until stopped."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from bot.app import open_analyst
from config.settings import Settings
from storage.jobs import RUNNING, JobQueue
from storage.models import IngestJob
from storage.records import JobRecord
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


def hold_elsewhere(database: Path, source_prefix: str) -> None:
    """Mark the job of one source as running under a live worker on another host."""

    async def go() -> None:
        settings = Settings(database_url=f"sqlite+aiosqlite:///{database}")  # type: ignore[call-arg]
        async with open_analyst(settings) as analyst, analyst.sessions.begin() as session:
            await session.execute(
                update(IngestJob)
                .where(IngestJob.source_key.startswith(source_prefix))
                .values(status=RUNNING, locked_by="other-host:7", updated_at=datetime.now(UTC))
            )

    asyncio.run(go())


def test_once_retries_a_claim_lost_to_another_worker(
    cli: Invoke, site: LocalSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two `--once` workers: the one whose first claim another took keeps going, not 'empty'."""
    enqueue(tmp_path / "analyst.db", site)
    claim = JobQueue.claim
    lost: list[bool] = []

    async def first_claim_lost(
        self: JobQueue, among: Sequence[int] | None = None, limit: int = 1
    ) -> list[JobRecord]:
        if not lost:
            lost.append(True)
            return []  # every row it looked at was claimed by the other worker first
        return await claim(self, among, limit)

    monkeypatch.setattr(JobQueue, "claim", first_claim_lost)
    env = {"ANALYST_FETCH_ALLOW": f"127.0.0.1:{site.port}", "ANALYST_FETCH_RETRIES": "0"}
    result = cli("worker", "--once", "--workers", "1", env=env)
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == "queue empty; 3 new"


def test_once_names_the_jobs_another_worker_holds(
    cli: Invoke, site: LocalSite, tmp_path: Path
) -> None:
    enqueue(tmp_path / "analyst.db", site)
    hold_elsewhere(tmp_path / "analyst.db", "url:")
    env = {"ANALYST_FETCH_ALLOW": f"127.0.0.1:{site.port}", "ANALYST_FETCH_RETRIES": "0"}
    result = cli("worker", "--once", env=env)
    assert result.exit_code == 0, result.output
    last = result.output.strip().splitlines()[-1]
    assert last == "queue empty here; 2 new; 1 job still held by other workers"


async def test_a_batch_slower_than_the_lease_is_not_taken_by_another_host(
    site: LocalSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    beat = asyncio.Event()
    heartbeat = JobQueue.heartbeat

    async def telling(self: JobQueue, job_ids: Sequence[int]) -> int:
        refreshed = await heartbeat(self, job_ids)
        beat.set()
        return refreshed

    monkeypatch.setattr(JobQueue, "heartbeat", telling)
    settings = Settings(  # type: ignore[call-arg]
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'analyst.db'}",
        fetch_allow=[f"127.0.0.1:{site.port}"],
        fetch_retries=0,
    )
    async with open_analyst(settings) as analyst:
        analyst.queue.heartbeat_every = timedelta(milliseconds=20)
        await analyst.ingest.enqueue_urls([site.url("/gate")])
        batch = asyncio.create_task(analyst.ingest.work_batch())
        try:
            assert await asyncio.to_thread(site.gate_reached.wait, 30)
            async with analyst.sessions.begin() as session:  # an hour passes: lease expired
                stale = datetime.now(UTC) - timedelta(hours=1)
                await session.execute(update(IngestJob).values(updated_at=stale))
            for _ in range(2):  # the second beat began after the lease was aged
                beat.clear()
                await asyncio.wait_for(beat.wait(), timeout=10)
            other = JobQueue(analyst.sessions)
            other.worker = "other-host:7"
            assert await other.claim() == []
        finally:
            site.open_gate()
        outcomes = await batch
    assert outcomes is not None
    assert [o.status for o in outcomes] == ["new"]
