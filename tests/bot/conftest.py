"""Run the real `analyst` CLI in-process against a database of the test's own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from bot.cli import app

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "russia-iran"

Invoke = Callable[..., Result]


def one_error_line(result: Result) -> str:
    """The single `error:` line of a command that failed as a member's mistake (exit code 1)."""
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("error: ")
    return lines[0]


def make_invoke(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """A function that runs `analyst ARGS...` and returns its output and exit code."""
    monkeypatch.setenv("ANALYST_DATABASE_URL", database_url)
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(app, list(args), env=env, catch_exceptions=False)

    return invoke


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """The CLI on an empty SQLite database in tmp_path."""
    return make_invoke(f"sqlite+aiosqlite:///{tmp_path / 'analyst.db'}", monkeypatch)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite database holding the ingested sample corpus, built once per module."""
    path = tmp_path_factory.mktemp("sample") / "analyst.db"
    url = f"sqlite+aiosqlite:///{path}"
    result = CliRunner().invoke(
        app, ["ingest", str(SAMPLES)], env={"ANALYST_DATABASE_URL": url}, catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return url


@pytest.fixture
def sample_cli(sample_db: str, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """The CLI on the ingested sample corpus."""
    return make_invoke(sample_db, monkeypatch)
