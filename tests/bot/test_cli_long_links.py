"""Links too long for the database are one failed row, and dates with control characters are
refused without echoing them: on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from bot.cli import app
from tests.bot.conftest import SAMPLES, one_error_line
from tests.bot.test_fetcher import LocalSite
from tests.databases import BACKENDS, create_postgres_database, drop_postgres_database

TOO_LONG = "link too long: 2,500 characters (limit 2,100)"


@pytest.fixture(scope="module")
def site() -> Iterator[LocalSite]:
    """The test server the CLI is allowed to fetch from."""
    local = LocalSite().start()
    yield local
    local.close()


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty SQLite database, or a fresh PostgreSQL one."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'analyst.db'}"
        return
    url = asyncio.run(create_postgres_database())
    try:
        yield url
    finally:
        asyncio.run(drop_postgres_database(url))


def analyst(url: str, *args: str, site: LocalSite | None = None) -> Result:
    env = {"ANALYST_FETCH_TOTAL_TIMEOUT": "2", "ANALYST_FETCH_RETRIES": "0"}
    if site is not None:
        env["ANALYST_FETCH_ALLOW"] = f"127.0.0.1:{site.port}"
    return CliRunner().invoke(app, ["--db", url, *args], env=env, catch_exceptions=False)


def long_link(site: LocalSite, length: int) -> str:
    """A link to the plain-text article on the test server, padded to `length` characters."""
    start = site.url("/plain.txt?q=")
    return start + "a" * (length - len(start))


def lines(output: str) -> list[str]:
    return [line.strip() for line in output.splitlines()]


def test_a_too_long_manifest_link_is_one_failed_row(
    db: str, site: LocalSite, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text((SAMPLES / "003_15fdc8e12761e189.txt").read_text(encoding="utf-8"))
    second.write_text((SAMPLES / "004_31ae349b8af08f2e.txt").read_text(encoding="utf-8"))
    manifest = tmp_path / "list.csv"
    manifest.write_text(
        f"path,url\n{first.name},\n,{long_link(site, 2500)}\n{second.name},\n", encoding="utf-8"
    )
    result = analyst(db, "ingest", str(manifest), site=site)
    assert result.exit_code == 1, result.output
    out = lines(result.output)
    assert out[0] == "2 new, 0 duplicate, 1 failed"
    assert f"failed     list.csv row 3: {TOO_LONG}" in out
    assert len(out) == 4


def test_a_too_long_link_argument_is_refused_and_the_others_go_on(db: str, site: LocalSite) -> None:
    result = analyst(db, "ingest", long_link(site, 2500), site.url("/article"), site=site)
    assert result.exit_code == 1, result.output
    out = lines(result.output)
    assert out[0] == "1 new, 0 duplicate, 1 failed"
    assert any(line.startswith("failed     ") and line.endswith(TOO_LONG) for line in out)


def test_a_canonical_address_too_long_to_store_is_dropped(db: str, site: LocalSite) -> None:
    result = analyst(db, "ingest", long_link(site, 2090), site=site)
    assert result.exit_code == 0, result.output
    assert lines(result.output)[0] == "1 new, 0 duplicate, 0 failed"
    shown = json.loads(analyst(db, "article", "1", "--json").output)
    assert shown["canonical_url"] is None


@pytest.mark.parametrize(
    "bounds",
    [
        ("--from", "2015\x00"),
        ("--from", "20\x0015"),
        ("--from", "2017", "--to", "2015\x1c"),  # \x1c is whitespace to str.strip()
        ("--from", "\x85"),
    ],
)
def test_control_characters_in_a_date_are_refused_without_echoing_them(
    db: str, bounds: tuple[str, ...]
) -> None:
    line = one_error_line(analyst(db, "search", "treaty", *bounds))
    assert line.isprintable(), repr(line)
    assert "\\x" not in line, line
    assert "control characters" in line
