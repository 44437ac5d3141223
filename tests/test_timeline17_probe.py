"""The Timeline17 diagnostics (eval.timeline17_probe): what each reads and refuses."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from eval.timeline17_probe import coverage, main, set_constants


def _gold(data: Path) -> None:
    topic = data / "timeline17" / "gold_timelines" / "quake_bbc"
    topic.mkdir(parents=True)
    entries = [
        ["2010-01-12", ["A quake strikes ."]],
        ["2010-01-13", ["Aid arrives ."]],
        ["2010-01-20", ["An aftershock ."]],
        ["2010-01-22", ["Rescue ends ."]],
    ]
    (topic / "timelines.jsonl").write_text(json.dumps(entries) + "\n", encoding="utf-8")


def test_coverage_counts_gold_days_with_a_day_event_and_with_a_publication(
    tmp_path: Path,
) -> None:
    _gold(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    with sqlite3.connect(work / "quake_bbc_20100112_20100122.db") as db:
        db.execute("CREATE TABLE events (date TEXT, precision TEXT)")
        db.execute("CREATE TABLE articles (published TEXT)")
        db.executemany(
            "INSERT INTO events VALUES (?, ?)",
            [("2010-01-12", "day"), ("2010-01-20", "day"), ("2010-01-13", "month"), (None, "day")],
        )
        db.executemany("INSERT INTO articles VALUES (?)", [("2010-01-13",), (None,)])
    assert coverage(tmp_path, work) == (
        "gold days with a day event 0.500; with an article published 0.250"
    )


def test_set_refuses_a_constant_the_module_does_not_have(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="has no NO_SUCH_NAME"):
        set_constants(tmp_path, tmp_path, ["analysis.key_date_summaries.NO_SUCH_NAME=1"])


def test_flatten_needs_its_two_values(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["flatten", "15"])
    assert "flatten needs H (days) and POWER" in capsys.readouterr().err
