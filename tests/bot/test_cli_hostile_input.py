"""Hostile input gets one `error:` line or a clean answer on both backends, never a traceback."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner, Result

from bot.cli import app
from bot.errors import UserFacingError
from bot.services.user_input import article_id, article_number, clean_query
from tests.bot.conftest import SAMPLES, one_error_line
from tests.databases import BACKENDS, create_postgres_database, drop_postgres_database

HUGE = "999999999999999999999"
INT32_PAST = "2147483648"
NUL_NAME = "lav\x00rov"  # "pu tin" would crash SQLite 3.40 (trigram FTS5), reported apart
SURROGATE_NAME = "lav\ud800rov"


@pytest.fixture(scope="module", params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One sample article ingested into SQLite, and into a fresh PostgreSQL database."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('hostile') / 'analyst.db'}"
    else:
        url = asyncio.run(create_postgres_database())
    try:
        assert analyst(url, "ingest", str(SAMPLES / "004_31ae349b8af08f2e.txt")).exit_code == 0
        yield url
    finally:
        if request.param == "postgres":
            asyncio.run(drop_postgres_database(url))


def analyst(url: str, *args: str) -> Result:
    return CliRunner().invoke(app, ["--db", url, *args], catch_exceptions=False)


@pytest.mark.parametrize(
    "args",
    [
        ["article", HUGE],
        ["article", INT32_PAST],
        ["article", "0"],
        ["article", "--", "-3"],
        ["summary", HUGE],
        ["summary", INT32_PAST],
    ],
    ids=" ".join,
)
def test_an_article_number_out_of_range_is_no_article(db: str, args: list[str]) -> None:
    line = one_error_line(analyst(db, *args))
    assert line.startswith(f"error: no article #{args[-1]}")


def test_an_offset_past_any_article_lists_nothing(db: str) -> None:
    result = analyst(db, "articles", "--offset", HUGE)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"No articles past #{HUGE}")


TEXT_COMMANDS = [
    ["search", "{}"],
    ["quotes", "{}"],
    ["quotes", "putin", "--topic", "{}"],
    ["who", "{}"],
    ["timeline", "--topic", "{}"],
    ["summary", "--topic", "{}"],
    ["compare", "2015", "2024", "--topic", "{}"],
]


@pytest.mark.parametrize("hostile", [NUL_NAME, SURROGATE_NAME, "\x00", "\ud800\x01"])
@pytest.mark.parametrize("command", TEXT_COMMANDS, ids=" ".join)
def test_nul_and_surrogates_are_refused_or_stripped(
    db: str, command: list[str], hostile: str
) -> None:
    args = [part.replace("{}", hostile) for part in command]
    result = analyst(db, *args)
    if result.exit_code == 0:
        assert "\x00" not in result.output
        assert "\ud800" not in result.output
    else:
        one_error_line(result)


@pytest.mark.parametrize("command", TEXT_COMMANDS, ids=" ".join)
def test_a_control_character_is_echoed_as_it_is_searched(db: str, command: list[str]) -> None:
    """`put\\x01in` answers exactly as `put in` does: what is echoed is what was searched."""
    hostile = analyst(db, *[p.replace("{}", "put\x01in") for p in command], "--json")
    plain = analyst(db, *[p.replace("{}", "put in") for p in command], "--json")
    assert hostile.exit_code == plain.exit_code
    if plain.exit_code == 0:
        assert _scrub(json.loads(hostile.output)) == _scrub(json.loads(plain.output))
    else:
        assert hostile.output == plain.output


def _scrub(value: object) -> object:
    if isinstance(value, dict):
        return {k: _scrub(v) for k, v in value.items() if k != "elapsed_ms"}
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    return value


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("putin", "putin"),
        ("put\x01in", "put in"),
        ("pu\x00tin", "pu tin"),
        ("pu\ud800tin", "putin"),
        ("  putin\t", "putin"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_clean_query(text: str, cleaned: str) -> None:
    assert clean_query(text) == cleaned


@pytest.mark.parametrize("text", ["\x00", "\ud800", "\x01\x02 \x7f"])
def test_a_query_of_only_control_characters_is_refused(text: str) -> None:
    with pytest.raises(UserFacingError, match="only control characters"):
        clean_query(text)


@pytest.mark.parametrize(
    ("text", "number"), [("4", 4), ("#4", 4), (" #12 ", 12), ("2147483647", 2**31 - 1)]
)
def test_article_number_reads_what_was_typed(text: str, number: int) -> None:
    assert article_number(text) == number


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("²", "²"),
        ("٣", "٣"),
        ("0", "0"),
        ("2147483648", "2147483648"),
        ("9" * 5000, "9" * 24 + "…"),
    ],
)
def test_article_number_past_the_range_is_no_article(text: str, shown: str) -> None:
    with pytest.raises(UserFacingError) as caught:
        article_number(text)
    assert caught.value.message == f"no article #{shown}"


@pytest.mark.parametrize("number", [0, -1, 2**31, 10**30])
def test_article_id_range(number: int) -> None:
    with pytest.raises(UserFacingError, match=f"no article #{str(number)[:24]}"):
        article_id(number)
