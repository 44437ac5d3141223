"""An import killed or interrupted half-way loses nothing and resumes without duplicates.

The run is provably half-way when the signal arrives: between two folders of files the import
names a link to a local page that answers only when the test opens its gate. Articles are stored
in the order of their sources, so once the request waits at the gate and the first folder is
stored, the import can neither finish nor store anything more until the test says so.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.bot.conftest import ROOT, SAMPLES
from tests.bot.test_fetcher import LocalSite

pytestmark = pytest.mark.solo  # deadlines and crashes: runs alone, after the parallel part

WORDS = (SAMPLES / "003_15fdc8e12761e189.txt").read_text(encoding="utf-8").split()
BEFORE_GATE = 10  # the samples and five made-up articles, stored before the link
FILES = 25
WAIT = 120  # seconds an import may take to reach the gate on a loaded machine


@pytest.fixture
def site() -> Iterator[LocalSite]:
    """A test web server of this test's own, its /gate closed."""
    server = LocalSite().start()
    yield server
    server.open_gate()
    server.close()


def make_sources(root: Path, site: LocalSite) -> list[str]:
    """Two folders of distinct articles with a manifest naming the gated link between them."""
    before, after = root / "before", root / "after"
    before.mkdir()
    after.mkdir()
    for sample in SAMPLES.glob("*.txt"):
        (before / sample.name).write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")
    rng = random.Random(7)
    samples = len(list(before.iterdir()))
    for n in range(FILES - samples):
        body = " ".join(rng.choices(WORDS, k=150)) + "."
        folder = before if samples + n < BEFORE_GATE else after
        (folder / f"extra_{n:03}.txt").write_text(f"Headline {n}\n\n{body}\n", encoding="utf-8")
    manifest = root / "gate.csv"
    manifest.write_text(f"url\n{site.url('/gate')}\n", encoding="utf-8")
    return [str(before), str(manifest), str(after)]


def environment(db: Path, site: LocalSite) -> dict[str, str]:
    """The CLI's settings: this database, the test server allowed, a fetch that never gives up."""
    return {
        **os.environ,  # ANALYST_ANALYSIS_PROCESSES=0 from tests/conftest.py: analysis in-process
        "ANALYST_DATABASE_URL": f"sqlite+aiosqlite:///{db}",
        "ANALYST_FETCH_ALLOW": f"127.0.0.1:{site.port}",
        "ANALYST_FETCH_RETRIES": "0",
        "ANALYST_FETCH_TOTAL_TIMEOUT": "3600",
    }


def start_ingest(sources: list[str], db: Path, site: LocalSite) -> subprocess.Popen[str]:
    """The import, started with Ctrl-C's usual action. A suite run as a background job without
    job control (`cmd &` in a script) has SIGINT ignored, which a child inherits and Python then
    keeps; a handled signal is reset to its default across exec, so it is handled while starting."""
    env = {**environment(db, site), "ANALYST_NLP_BATCH_SIZE": "1"}
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "bot", "ingest", *sources],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    finally:
        signal.signal(signal.SIGINT, previous)


def count(db: Path, sql: str) -> int:
    with sqlite3.connect(db, timeout=10) as conn:
        try:
            return int(conn.execute(sql).fetchone()[0])
        except sqlite3.OperationalError:  # tables not created yet
            return 0


def wait_until_held_at_the_gate(db: Path, site: LocalSite, process: subprocess.Popen[str]) -> None:
    """Return once the link waits at the gate and every article before it is stored."""
    deadline = time.monotonic() + WAIT
    while not (
        site.gate_reached.is_set() and count(db, "SELECT count(*) FROM articles") == BEFORE_GATE
    ):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, f"the import did not reach the gate within {WAIT} s"
        time.sleep(0.02)
    running = "SELECT count(*) FROM ingest_jobs WHERE status = 'running'"
    assert count(db, running) >= 1  # the link's job, claimed and unfinished
    assert process.poll() is None


def rerun(sources: list[str], db: Path, site: LocalSite) -> subprocess.CompletedProcess[str]:
    site.open_gate()
    return subprocess.run(
        [sys.executable, "-m", "bot", "ingest", *sources],
        cwd=ROOT,
        env=environment(db, site),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_killed_import_resumes_without_duplicates(tmp_path: Path, site: LocalSite) -> None:
    db = tmp_path / "analyst.db"
    sources = make_sources(tmp_path, site)
    process = start_ingest(sources, db, site)
    wait_until_held_at_the_gate(db, site, process)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert count(db, "SELECT count(*) FROM articles") == BEFORE_GATE
    result = rerun(sources, db, site)
    assert result.returncode == 0, result.stderr
    new = FILES + 1 - BEFORE_GATE  # the files after the gate, and the link
    assert result.stdout.startswith(f"{new} new, {BEFORE_GATE} duplicate, 0 failed")
    assert count(db, "SELECT count(*) FROM articles") == FILES + 1
    assert count(db, "SELECT count(DISTINCT source) FROM articles") == FILES + 1


def test_ctrl_c_says_how_to_resume_and_releases_its_jobs(tmp_path: Path, site: LocalSite) -> None:
    db = tmp_path / "analyst.db"
    sources = make_sources(tmp_path, site)
    process = start_ingest(sources, db, site)
    wait_until_held_at_the_gate(db, site, process)
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert err.strip().endswith(
        "error: interrupted; what was stored is kept. Run the same command again to resume."
    )
    assert count(db, "SELECT count(*) FROM articles") == BEFORE_GATE
    assert count(db, "SELECT count(*) FROM ingest_jobs WHERE status = 'running'") == 0
    result = rerun(sources, db, site)
    assert result.returncode == 0, result.stderr
    assert count(db, "SELECT count(*) FROM articles") == FILES + 1
