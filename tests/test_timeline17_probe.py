"""The Timeline17 diagnostics (eval.timeline17_probe): what each reads and refuses."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

import bot.services.timeline as timeline_service
from analysis import key_date_summaries
from bot.cli import app
from eval.timeline17_probe import coverage, main, set_constants

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "russia-iran"


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


@pytest.fixture(scope="module")
def sample_window(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A gold timeline of two of the sample corpus's days, and its window's database: the
    sample corpus ingested through the CLI (data folder, work folder)."""
    data = tmp_path_factory.mktemp("data")
    topic = data / "timeline17" / "gold_timelines" / "meetings_bbc"
    topic.mkdir(parents=True)
    entries = [
        ["2015-11-23", ["Putin met Khamenei in Tehran ."]],
        ["2017-04-14", ["The foreign ministers met in Moscow ."]],
    ]
    (topic / "timelines.jsonl").write_text(json.dumps(entries) + "\n", encoding="utf-8")
    work = tmp_path_factory.mktemp("work")
    url = f"sqlite+aiosqlite:///{work / 'meetings_bbc_20151123_20170414.db'}"
    result = CliRunner().invoke(
        app, ["ingest", str(SAMPLES)], env={"ANALYST_DATABASE_URL": url}, catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return data, work


def _probe(args: list[str], window: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> str:
    data, work = window
    assert main([*args, "--data", str(data), "--work", str(work)]) == 0
    return capsys.readouterr().out.strip()


def test_oracle_prints_the_means_with_the_gold_days_first(
    sample_window: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(timeline_service, "rank_dates", timeline_service.rank_dates)
    out = _probe(["oracle"], sample_window, capsys)
    assert out.startswith("gold days first: other ")
    assert out.endswith(" / 1.000")  # both gold days are candidates, and come first
    assert " | all " in out


def test_flatten_and_set_print_their_settings_and_the_means(
    sample_window: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(timeline_service, "rank_dates", timeline_service.rank_dates)
    monkeypatch.setattr(key_date_summaries, "REDUNDANT", key_date_summaries.REDUNDANT)
    assert _probe(["flatten", "15", "0.5"], sample_window, capsys).startswith(
        "flatten 15 0.5: other "
    )
    out = _probe(["set", "analysis.key_date_summaries.REDUNDANT=0.7"], sample_window, capsys)
    assert out.startswith("analysis.key_date_summaries.REDUNDANT=0.7: other ")
    assert key_date_summaries.REDUNDANT == 0.7
