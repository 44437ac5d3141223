"""The analysis process pool: a killed, crashed or hung child costs its job, never the parent.

Each test runs the real ingest service over a real pool of spawned children. A dispatch hook
(called the moment a batch is handed to a child) lets a test kill or freeze exactly the child
that holds a chosen job, so nothing depends on timing.
"""

from __future__ import annotations

import os
import signal
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from bot.app import Analyst, open_analyst
from bot.services.analysis_child import ChildOptions
from bot.services.analysis_pool import PoolOptions, ProcessAnalyzer
from bot.services.analysis_work import CRASHED
from bot.services.ingest import IngestService, Outcome
from config.settings import Settings
from tests.bot.conftest import SAMPLES

pytestmark = pytest.mark.solo  # deadlines and crashes: runs alone, after the parallel part

VICTIM = "002_7ff571d37752c8d2.txt"


@pytest.fixture
async def analyst(tmp_path: Path) -> AsyncIterator[Analyst]:
    """The application on an empty database."""
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'analyst.db'}")  # type: ignore[call-arg]
    async with open_analyst(settings) as opened:
        yield opened


def pool_service(
    analyst: Analyst,
    *,
    processes: int = 2,
    timeout: float = 120.0,
    max_articles: int = 500,
    max_rss_mib: float = 4096.0,
    on_dispatch: Callable[[int, tuple[int, ...]], None] | None = None,
) -> tuple[IngestService, ProcessAnalyzer]:
    """An ingest service on the analyst's database, analysing in a pool made for the test."""
    settings = analyst.settings
    child = ChildOptions(settings.spacy_model, settings.max_file_bytes, 4, "WARNING")
    pool = ProcessAnalyzer(
        PoolOptions(processes, timeout, max_articles, max_rss_mib, child, on_dispatch)
    )
    service = IngestService(
        analyst.sessions,
        analyst.queue,
        pool,
        analyst.fetcher,
        max_bytes=settings.max_file_bytes,
        batch_size=settings.nlp_batch_size,
        near_duplicate_threshold=settings.near_duplicate_threshold,
    )
    return service, pool


async def queue_samples(service: IngestService) -> tuple[list[int], int]:
    """Queue the five samples; returns their job ids and the victim's."""
    queued = await service.enqueue_paths([SAMPLES])
    jobs = [await service._queue.get(job_id) for job_id in queued.job_ids]
    victim = next(j.id for j in jobs if j is not None and str(j.payload["path"]).endswith(VICTIM))
    return queued.job_ids, victim


async def ingest_samples(service: IngestService) -> list[Outcome]:
    """Queue and ingest the five samples through the service, then stop its children."""
    try:
        job_ids, _victim = await queue_samples(service)
        return await service.run(job_ids)
    finally:
        await service.close()


def by_name(outcomes: list[Outcome]) -> dict[str, Outcome]:
    return {Path(o.source).name: o for o in outcomes}


@pytest.mark.parametrize(
    "signals",
    [(signal.SIGKILL, signal.SIGSEGV), (signal.SIGSEGV, signal.SIGKILL)],
    ids=["kill-then-segv", "segv-then-kill"],
)
async def test_a_child_killed_mid_article_costs_that_job_only(
    analyst: Analyst, signals: tuple[signal.Signals, ...]
) -> None:
    victim_id = -1
    sent = list(signals)
    pids: list[int] = []

    def kill_the_holder(pid: int, job_ids: tuple[int, ...]) -> None:
        if victim_id in job_ids and sent:
            pids.append(pid)
            os.kill(pid, sent.pop(0))

    service, pool = pool_service(analyst, on_dispatch=kill_the_holder)
    try:
        job_ids, victim_id = await queue_samples(service)
        outcomes = by_name(await service.run(job_ids))
    finally:
        await service.close()
    assert outcomes[VICTIM].status == "failed"
    assert outcomes[VICTIM].message == CRASHED == "analysis crashed on this page"
    others = [o for name, o in outcomes.items() if name != VICTIM]
    assert [o.status for o in others] == ["new"] * 4
    assert len(set(pids)) == 2  # the retry ran in a fresh child, which was killed too
    job = await analyst.queue.get(victim_id)
    assert job is not None and (job.status, job.last_error) == ("failed", CRASHED)
    assert pool.started >= 3  # two children, then a replacement for each death


async def test_a_child_killed_once_is_retried_alone_and_succeeds(analyst: Analyst) -> None:
    victim_id = -1
    batches: list[tuple[int, ...]] = []

    def kill_once(pid: int, job_ids: tuple[int, ...]) -> None:
        batches.append(job_ids)
        if victim_id in job_ids and sum(victim_id in b for b in batches) == 1:
            os.kill(pid, signal.SIGKILL)

    service, _pool = pool_service(analyst, processes=1, on_dispatch=kill_once)
    try:
        job_ids, victim_id = await queue_samples(service)
        outcomes = await service.run(job_ids)
        # the parent is alive and keeps working: the same service answers the next request
        again = await service.run(job_ids)
    finally:
        await service.close()
    assert [o.status for o in outcomes] == ["new"] * 5
    assert [o.article_id for o in outcomes] == [1, 2, 3, 4, 5]  # stored in the sources' order
    assert (victim_id,) in batches  # the retry went alone
    assert [o.status for o in again] == ["duplicate"] * 5


async def test_a_child_past_the_deadline_is_killed_and_the_job_fails_with_the_time(
    analyst: Analyst,
) -> None:
    victim_id = -1

    def freeze_the_holder(pid: int, job_ids: tuple[int, ...]) -> None:
        if victim_id in job_ids:
            os.kill(pid, signal.SIGSTOP)  # a hang, as far as the parent can tell

    service, _pool = pool_service(analyst, timeout=3, on_dispatch=freeze_the_holder)
    try:
        job_ids, victim_id = await queue_samples(service)
        outcomes = by_name(await service.run(job_ids))
    finally:
        await service.close()
    assert outcomes[VICTIM].status == "failed"
    assert outcomes[VICTIM].message == "analysis took longer than 3 s"
    assert sorted(o.status for o in outcomes.values()) == ["failed", "new", "new", "new", "new"]


async def test_children_are_replaced_after_their_share_of_articles(analyst: Analyst) -> None:
    service, pool = pool_service(analyst, processes=1, max_articles=2)
    outcomes = await ingest_samples(service)
    assert [o.status for o in outcomes] == ["new"] * 5
    assert pool.started >= 3  # 5 prepares + 5 analyses, at most 4 per request, 2 per child


async def test_a_child_above_the_memory_cap_is_replaced(analyst: Analyst) -> None:
    service, pool = pool_service(analyst, processes=1, max_rss_mib=1)
    outcomes = await ingest_samples(service)
    assert [o.status for o in outcomes] == ["new"] * 5
    assert pool.started >= 4  # every request ends above 1 MiB: a fresh child for the next


def test_the_cli_says_in_one_line_when_no_analysis_process_can_start(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(
        "ingest",
        str(SAMPLES),
        env={"ANALYST_ANALYSIS_PROCESSES": "1", "ANALYST_SPACY_MODEL": "no_such_model"},
    )
    assert result.exit_code == 1
    assert result.output.startswith("error: the spaCy model 'no_such_model' named by")
    assert "Traceback" not in result.output
    again = cli("ingest", str(SAMPLES), env={"ANALYST_ANALYSIS_PROCESSES": "0"})
    assert again.exit_code == 0, again.output  # nothing was lost: the jobs were handed back
    assert again.output.count("new ") == 5


ANSWERS = (
    ("stats", "--json"),
    ("timeline", "--json"),
    ("quotes", "putin", "--json"),
    ("compare", "2015", "2024", "--json"),
    ("who", "Putin", "--json"),
)


def test_the_pool_stores_what_in_process_analysis_stores(sample_cli, cli) -> None:  # type: ignore[no-untyped-def]
    pooled = cli("ingest", str(SAMPLES), env={"ANALYST_ANALYSIS_PROCESSES": "2"})
    assert pooled.exit_code == 0, pooled.output
    assert pooled.output.count("new ") == 5
    for args in ANSWERS:
        assert cli(*args).output == sample_cli(*args).output, args
