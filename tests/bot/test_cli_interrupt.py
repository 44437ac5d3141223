"""An import killed or interrupted half-way loses nothing and resumes without duplicates."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.bot.conftest import ROOT, SAMPLES

WORDS = (SAMPLES / "003_15fdc8e12761e189.txt").read_text(encoding="utf-8").split()


def make_corpus(folder: Path, count: int) -> None:
    """Distinct articles: the samples, then shuffled-word texts that are no near-copies."""
    folder.mkdir()
    for sample in SAMPLES.glob("*.txt"):
        (folder / sample.name).write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")
    rng = random.Random(7)
    for n in range(count):
        body = " ".join(rng.choices(WORDS, k=150)) + "."
        (folder / f"extra_{n:03}.txt").write_text(f"Headline {n}\n\n{body}\n", encoding="utf-8")


def start_ingest(folder: Path, db: Path) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "ANALYST_DATABASE_URL": f"sqlite+aiosqlite:///{db}",
        "ANALYST_NLP_BATCH_SIZE": "1",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "ingest", str(folder)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def count(db: Path, sql: str) -> int:
    with sqlite3.connect(db, timeout=10) as conn:
        try:
            return int(conn.execute(sql).fetchone()[0])
        except sqlite3.OperationalError:  # tables not created yet
            return 0


def wait_for_first_article(db: Path, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while count(db, "SELECT count(*) FROM articles") < 1:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "no article stored within 120 s"
        time.sleep(0.02)


def rerun(folder: Path, db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ANALYST_DATABASE_URL": f"sqlite+aiosqlite:///{db}"}
    return subprocess.run(
        [sys.executable, "-m", "bot", "ingest", str(folder)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_killed_import_resumes_without_duplicates(tmp_path: Path) -> None:
    folder, db = tmp_path / "corpus", tmp_path / "analyst.db"
    make_corpus(folder, 20)
    process = start_ingest(folder, db)
    wait_for_first_article(db, process)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    stored = count(db, "SELECT count(*) FROM articles")
    assert 1 <= stored < 25
    result = rerun(folder, db)
    assert result.returncode == 0, result.stderr
    new = 25 - stored
    assert result.stdout.startswith(f"{new} new, {stored} duplicate, 0 failed")
    assert count(db, "SELECT count(*) FROM articles") == 25
    assert count(db, "SELECT count(DISTINCT source) FROM articles") == 25


def test_ctrl_c_says_how_to_resume_and_releases_its_jobs(tmp_path: Path) -> None:
    folder, db = tmp_path / "corpus", tmp_path / "analyst.db"
    make_corpus(folder, 20)
    process = start_ingest(folder, db)
    wait_for_first_article(db, process)
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=120)
    assert process.returncode == 130
    assert err.strip().endswith(
        "error: interrupted; what was stored is kept. Run the same command again to resume."
    )
    assert count(db, "SELECT count(*) FROM ingest_jobs WHERE status = 'running'") == 0
    result = rerun(folder, db)
    assert result.returncode == 0, result.stderr
    assert count(db, "SELECT count(*) FROM articles") == 25
