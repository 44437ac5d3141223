"""The same sample corpus gives the same answers on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bot.cli import app
from tests.bot.conftest import SAMPLES
from tests.databases import NEEDS_POSTGRES, create_postgres_database, drop_postgres_database

pytestmark = NEEDS_POSTGRES

VOLATILE = {"ingested_at", "elapsed_ms"}

COMMANDS = [
    ["stats"],
    ["articles"],
    ["article", "4"],
    ["timeline"],
    ["timeline", "--topic", "putin", "--from", "2015", "--to", "2024"],
    ["timeline", "--key"],  # key dates: whole sentences and reports' leads read per backend
    ["timeline", "--topic", "putin", "--dates", "3"],
    ["quotes", "putin"],
    ["who", "putin"],
    ["compare", "2015", "2024"],
    ["summary", "4"],
    ["summary", "--topic", "putin"],
]


def run(url: str, *args: str) -> Any:
    result = CliRunner().invoke(app, ["--db", url, *args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def scrub(value: Any) -> Any:
    """Drop what legitimately differs between two runs (timestamps)."""
    if isinstance(value, dict):
        return {k: scrub(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [scrub(v) for v in value]
    return value


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The samples ingested into a SQLite file and into a fresh PostgreSQL database.

    Sync on purpose: the CLI runs its own event loop, so none may be running around it.
    """
    tmp: Path = tmp_path_factory.mktemp("parity")
    pg_url = asyncio.run(create_postgres_database())
    try:
        sqlite_url = f"sqlite+aiosqlite:///{tmp / 'analyst.db'}"
        for url in (sqlite_url, pg_url):
            assert run(url, "ingest", str(SAMPLES))["new"] == 5
        yield sqlite_url, pg_url
    finally:
        asyncio.run(drop_postgres_database(pg_url))


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_same_answer_on_both_backends(both: tuple[str, str], command: list[str]) -> None:
    sqlite_url, pg_url = both
    assert scrub(run(sqlite_url, *command)) == scrub(run(pg_url, *command))


@pytest.mark.parametrize(
    "query", [['"nuclear', 'deal"'], ["putin", "-Syria"], ["treaty", "OR", "uranium"]], ids=" ".join
)
def test_search_finds_the_same_articles(both: tuple[str, str], query: list[str]) -> None:
    """Same matches and same best hit; bm25 and ts_rank_cd may order close scores differently."""
    sqlite_url, pg_url = both
    ids = [
        [hit["article"]["id"] for hit in run(url, "search", *query)["results"]]
        for url in (sqlite_url, pg_url)
    ]
    assert sorted(ids[0]) == sorted(ids[1])
    if query[0].startswith('"'):
        assert ids[0][0] == ids[1][0]
