"""The queue worker: every source, outcomes to a callback, woken early, stopped without loss."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.app import Analyst, open_analyst
from bot.errors import AnalysisUnavailableError
from bot.services.ingest import INTERNAL_ERROR, Outcome
from bot.services.worker import QueueWorker
from config.settings import Settings
from tests.bot.conftest import SAMPLES
from tests.bot.test_fetcher import LocalSite

TREATY = "Russia and Iran sign 20-year partnership treaty"


@pytest.fixture(scope="module")
def site() -> Iterator[LocalSite]:
    """The test web server (its /slow page answers after 3 s)."""
    server = LocalSite().start()
    yield server
    server.close()


@pytest.fixture
async def analyst(tmp_path: Path, site: LocalSite) -> AsyncIterator[Analyst]:
    """The application on an empty database, allowed to fetch from the test server."""
    settings = Settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'analyst.db'}",
        fetch_allow=[f"127.0.0.1:{site.port}"],
        fetch_retries=0,
    )  # type: ignore[call-arg]
    async with open_analyst(settings) as opened:
        yield opened


class Collected:
    """An async outcome callback that remembers what it was told."""

    def __init__(self) -> None:
        self.outcomes: list[Outcome] = []
        self.changed = asyncio.Event()

    async def __call__(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)
        self.changed.set()

    async def until(self, count: int, within: float = 30) -> list[Outcome]:
        """Wait until `count` outcomes arrived."""
        async with asyncio.timeout(within):
            while len(self.outcomes) < count:
                self.changed.clear()
                await self.changed.wait()
        return self.outcomes


async def test_works_every_source_and_wakes_when_notified(
    analyst: Analyst, site: LocalSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest = analyst.ingest
    idle_loops = asyncio.Semaphore(0)
    work_batch = ingest.work_batch

    async def telling(*args: Any, **kwargs: Any) -> list[Outcome] | None:
        outcomes = await work_batch(*args, **kwargs)
        if outcomes is None:  # the loop found nothing: it sleeps until notified or idle ends
            idle_loops.release()
        return outcomes

    monkeypatch.setattr(ingest, "work_batch", telling)
    collected = Collected()
    worker = QueueWorker(ingest, collected, loops=2, idle=60)
    worker.start()
    async with asyncio.timeout(30):  # both loops found nothing and sleep for a minute
        await idle_loops.acquire()
        await idle_loops.acquire()
    await ingest.enqueue_paths([SAMPLES / "003_15fdc8e12761e189.txt"])
    await ingest.enqueue_link(site.url("/article"), key="chat:1", meta={"via": "test"})
    await ingest.enqueue_content(
        "note.md", b"# Too short\n\nNot an article.", key="chat:2", meta={}
    )
    worker.notify()
    outcomes = await collected.until(3, within=40)  # well before the minute of sleep ends
    await worker.stop()
    by_source = {o.source: o for o in outcomes}
    assert by_source[site.url("/article")].status == "new"
    assert (
        by_source[site.url("/article")].title == "Russia and Iran sign 20-year partnership treaty"
    )
    assert by_source["note.md"].status == "failed"
    assert by_source["note.md"].message.startswith("not an article (")
    assert sorted(o.status for o in outcomes) == ["failed", "new", "new"]
    assert await analyst.queue.counts() == {"done": 2, "failed": 1}


async def test_stopping_hands_the_job_back_and_the_next_worker_finishes_it(
    analyst: Analyst, site: LocalSite
) -> None:
    queued = await analyst.ingest.enqueue_link(site.url("/slow"), key="chat:3", meta={})
    assert queued.job is not None and queued.created
    first = QueueWorker(analyst.ingest, Collected())
    first.start()
    async with asyncio.timeout(10):
        while site.hits["slow"] == 0:  # noqa: ASYNC110  # the server counts in its own thread
            await asyncio.sleep(0.05)
    await first.stop(grace=0)
    job = await analyst.queue.get(queued.job.id)
    assert job is not None and job.status == "pending"
    collected = Collected()
    await QueueWorker(analyst.ingest, collected).drain()
    assert [(o.job_id, o.status) for o in collected.outcomes] == [(queued.job.id, "new")]


async def test_an_unexpected_error_costs_one_attempt_not_the_worker(
    analyst: Analyst, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest = analyst.ingest
    runner = ingest._runner
    real = runner._process
    calls = 0

    async def broken_once(job, after=None):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("a bug")
        return await real(job, after)

    monkeypatch.setattr(runner, "_process", broken_once)
    await ingest.enqueue_paths([SAMPLES / "003_15fdc8e12761e189.txt"])
    collected = Collected()
    worker = QueueWorker(ingest, collected, idle=0.2)
    worker.start()
    outcomes = await collected.until(2, within=30)  # retried after a 2 s backoff
    await worker.stop()
    assert [(o.status, o.message) for o in outcomes] == [("retry", INTERNAL_ERROR), ("new", "")]


async def test_a_redelivered_source_is_queued_once(analyst: Analyst, site: LocalSite) -> None:
    meta = {"via": "test", "message": 42}
    first = await analyst.ingest.enqueue_link(site.url("/article"), key="chat:42", meta=meta)
    again = await analyst.ingest.enqueue_link(
        site.url("/article?utm_source=x"), key="chat:42", meta=meta
    )
    assert first.created and not again.created
    assert first.job is not None and again.job is not None
    assert again.job.id == first.job.id
    assert again.job.payload["meta"] == meta


class _NoModel:
    """An ingest service whose analysis cannot start (the spaCy model is missing)."""

    async def work_batch(self) -> None:
        raise AnalysisUnavailableError("the spaCy model 'nope' named by ANALYST_SPACY_MODEL ...")


async def test_a_missing_model_is_one_log_line_not_a_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    worker = QueueWorker(_NoModel(), Collected())  # type: ignore[arg-type]
    with pytest.raises(AnalysisUnavailableError):
        await worker.drain()
    [record] = [r for r in caplog.records if r.name == "bot.services.worker"]
    assert record.getMessage() == (
        "the ingest worker cannot analyse: the spaCy model 'nope' named by "
        "ANALYST_SPACY_MODEL ...; pausing"
    )
    assert record.exc_info is None


async def test_ctrl_c_as_a_claim_commits_hands_the_claimed_jobs_back(
    analyst: Analyst, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C between a claim's commit and its answer (a batch just ended) leaves nothing
    running: the next `analyst ingest` would otherwise skip those jobs as another worker's."""
    queue = analyst.queue
    real_claim = queue.claim
    committed, answer = asyncio.Event(), asyncio.Event()

    async def slow_to_answer(among=None, limit=1):  # type: ignore[no-untyped-def]
        claimed = await real_claim(among=among, limit=limit)
        committed.set()
        await answer.wait()
        return claimed

    monkeypatch.setattr(queue, "claim", slow_to_answer)
    queued = await analyst.ingest.enqueue_paths([SAMPLES / "003_15fdc8e12761e189.txt"])
    running = asyncio.create_task(analyst.ingest.run(queued.job_ids))
    await committed.wait()
    assert (await queue.counts()) == {"running": 1}
    running.cancel()
    answer.set()
    with pytest.raises(asyncio.CancelledError):
        await running
    assert (await queue.counts()) == {"pending": 1}
