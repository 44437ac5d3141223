"""What a user reads from `analyst ingest`, `stats`, `articles`, `article` on the samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.bot.conftest import SAMPLES, Invoke


def test_stats_after_ingesting_the_samples(sample_cli: Invoke) -> None:
    out = sample_cli("stats").output
    assert "Articles: 5 (2 dated, 3 undated) from 4 outlets" in out
    assert "Published: 2015-11-23 to 2024-10-15" in out
    assert "People: Vladimir Putin (" in out
    assert "Hassan Rouhani" in out and "Masoud Pezeshkian" in out
    assert "Places: Iran (" in out
    assert "Queue: 5 done" in out


def test_stats_json_has_the_article_count(sample_cli: Invoke) -> None:
    data = json.loads(sample_cli("stats", "--json").output)
    assert data["articles"] == 5
    assert data["undated"] == 3
    assert data["people"][0]["name"] == "Vladimir Putin"


def test_reingesting_is_idempotent(sample_cli: Invoke) -> None:
    result = sample_cli("ingest", str(SAMPLES))
    assert result.exit_code == 0
    assert result.output.startswith("0 new, 5 duplicate, 0 failed")
    assert "002_7ff571d37752c8d2.txt: already have it: #3" in result.output
    assert json.loads(sample_cli("stats", "--json").output)["articles"] == 5


def test_a_near_copy_in_the_next_batch_is_a_duplicate(cli: Invoke, tmp_path: Path) -> None:
    """Batches overlap (one analysed while the one before is stored): the check still holds."""
    original = (SAMPLES / "003_15fdc8e12761e189.txt").read_text(encoding="utf-8")
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "a.txt").write_text(original, encoding="utf-8")
    (folder / "b.txt").write_text(original.replace("Syria", "Syria's war", 1), encoding="utf-8")
    (folder / "c.txt").write_text(original.replace("Putin", "Mr Putin", 1), encoding="utf-8")
    result = cli("ingest", str(folder), env={"ANALYST_NLP_BATCH_SIZE": "1"})
    assert result.output.startswith("1 new, 2 duplicate, 0 failed"), result.output
    assert "b.txt: already have it: #1" in result.output
    assert "c.txt: already have it: #1" in result.output


def test_articles_list_newest_first_undated_last(sample_cli: Invoke) -> None:
    lines = sample_cli("articles").output.splitlines()
    assert lines[0] == (
        "#3 [2024-10-15] · The Week · Russia and Iran 'up the ante' after meeting in Turkmenistan"
    )
    assert lines[1].startswith("#4 [2015-11-23] · ABC News · Syria on Vladimir Putin's Mind")
    assert all("[undated]" in line for line in lines[2:5])
    assert lines[-1] == "(1-5 of 5; newest first, undated last)"


def test_article_shows_metadata_text_and_dropped_lines(sample_cli: Invoke) -> None:
    out = sample_cli("article", "3").output
    assert "Outlet: The Week · Author: Chas Newkey-Burden" in out
    assert "Published: 2024-10-15 (from header)" in out
    assert 'Vladimir Putin says he wants to create a "new world order"' in out
    assert "[subscribe prompt] Subscribe to The Week" in out
    body = out.split("Dropped by cleaning")[0]
    assert "SUBSCRIBE & SAVE" not in body


def test_undated_article_says_so(sample_cli: Invoke) -> None:
    out = sample_cli("article", "2", "--no-text", "--no-dropped").output
    assert "Published: undated" in out
    assert "Author: HP McLovincraft" in out


def test_article_json(sample_cli: Invoke) -> None:
    data = json.loads(sample_cli("article", "4", "--json").output)
    assert data["published"] == "2015-11-23"
    assert data["date_precision"] == "day"
    assert "PlayEbrahim" not in data["text"]
    assert any(d["reason"] == "photo caption" for d in data["dropped"])


def test_unknown_article_is_a_clear_error(sample_cli: Invoke) -> None:
    result = sample_cli("article", "99")
    assert result.exit_code == 1
    assert result.output.strip() == "error: no article #99; `analyst articles` lists them"


def test_explain_shows_verdicts_and_stores_nothing(cli: Invoke) -> None:
    out = cli("ingest", "--explain", str(SAMPLES / "000_6b36ec7d26812fec.txt")).output
    assert "drop   5  Font Size:" in out
    assert "keep   7  Russian President Vladimir Putin hosted Iranian leader Hassan Rouhani" in out
    assert "Follow Will on Twitter  [" in out
    assert cli("stats").output.startswith("The corpus is empty.")


def test_a_file_named_relative_to_the_working_folder_is_explained_and_ingested(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the README's first commands do: `analyst ingest --explain samples/…` from the
    checkout, then the same path ingested."""
    (tmp_path / "samples").mkdir()
    (tmp_path / "samples" / "a.txt").write_text(
        (SAMPLES / "000_6b36ec7d26812fec.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    explained = cli("ingest", "--explain", "samples/a.txt").output
    assert "keep   7  Russian President Vladimir Putin hosted Iranian leader Hassan Rouhani" in (
        explained
    )
    assert cli("ingest", "samples/a.txt").output.startswith("1 new, 0 duplicate, 0 failed")


def test_every_command_has_help(cli: Invoke) -> None:
    for command in (["ingest"], ["articles"], ["article"], ["stats"], ["db", "upgrade"]):
        result = cli(*command, "--help")
        assert result.exit_code == 0, command
        assert "--json" in result.output
