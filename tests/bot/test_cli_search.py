"""What a user reads from `analyst search` on the sample corpus, on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
import io
import json
import re
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.cli.search import bold_on_terminal
from tests.bot.conftest import SAMPLES, Invoke, make_invoke
from tests.databases import BACKENDS, fresh_database

NUCLEAR_DEAL = "the nuclear deal reached in July with the Obama administration"
BOLD, NORMAL = "\x1b[1m", "\x1b[22m"


@pytest.fixture(scope="module", params=BACKENDS)
def sample_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The ingested sample corpus: the shared SQLite one, or a PostgreSQL database of its own."""
    if request.param == "sqlite":
        yield request.getfixturevalue("sample_db")
        return
    loop = asyncio.new_event_loop()  # its own loop: asyncio.run would close the database early
    database = fresh_database("postgres", tmp_path_factory.mktemp("pg"))
    url = loop.run_until_complete(database.__aenter__())
    try:
        env = {"ANALYST_DATABASE_URL": url}
        result = CliRunner().invoke(app, ["ingest", str(SAMPLES)], env=env, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        yield url
    finally:
        loop.run_until_complete(database.__aexit__(None, None, None))
        loop.close()


@pytest.fixture
def sample_cli(sample_url: str, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """The CLI on the sample corpus of each backend."""
    return make_invoke(sample_url, monkeypatch)


def results(output: str) -> list[str]:
    """The result lines of a text answer (the header and anything else left out)."""
    return [line for line in output.splitlines() if re.match(r"\d+\. \[#", line)]


@pytest.mark.parametrize("query", ["nuclear deal", '"nuclear deal"', "Nuclear DEALS"])
def test_nuclear_deal_finds_the_2015_abc_news_article_first(sample_cli: Invoke, query: str) -> None:
    result = sample_cli("search", query)
    assert result.exit_code == 0
    first = results(result.output)[0]
    assert first.startswith(
        "1. [#4 ABC News, 2015-11-23] Syria on Vladimir Putin's Mind for 1st Trip to Iran"
        " in 8 Years — …"
    )
    assert NUCLEAR_DEAL in first
    assert first.endswith("…")
    assert "*" not in result.output and "\x1b" not in result.output  # plain: no markup at all


def test_on_a_terminal_the_hits_are_bold(
    sample_cli: Invoke, sample_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.cli.search.bold_on_terminal", lambda: True)
    result = CliRunner().invoke(app, ["search", "nuclear deal"], color=True)
    first = results(result.output)[0]
    assert f"the {BOLD}nuclear{NORMAL} {BOLD}deal{NORMAL} reached in July" in first
    assert first.count(BOLD) == 2 and "*" not in first


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("stdout", "env", "bold"),
    [
        (Terminal(), {}, True),
        (Terminal(), {"NO_COLOR": "1"}, False),
        (Terminal(), {"NO_COLOR": ""}, True),  # no-color.org: only a non-empty value
        (Terminal(), {"TERM": "dumb"}, False),
        (io.StringIO(), {}, False),  # a pipe or a file
    ],
)
def test_bold_only_on_a_terminal_that_wants_colour(
    monkeypatch: pytest.MonkeyPatch, stdout: io.StringIO, env: dict[str, str], bold: bool
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr("sys.stdout", stdout)
    assert bold_on_terminal() is bold


def test_the_header_counts_matches_and_says_when_only_the_best_are_shown(
    sample_cli: Invoke,
) -> None:
    lines = sample_cli("search", "putin", "--limit", "2").output.splitlines()
    assert lines[0] == "4 articles match “putin”; the best 2:"
    assert [line[:7] for line in lines[1:]] == ["1. [#4 ", "2. [#1 "]
    assert "Russian President Vladimir Putin is in Iran" in lines[1]


def test_a_word_in_most_articles_says_only_the_newest_were_ranked(
    sample_cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("storage.search.RANK_WINDOW", 3)
    lines = sample_cli("search", "putin", "--limit", "2").output.splitlines()
    assert (
        lines[0] == "More than 3 articles match “putin”; the best 2 of the 3 added most recently:"
    )
    data = json.loads(sample_cli("search", "putin", "--json").output)
    assert (data["total"], data["ranked_among"], len(data["results"])) == (3, 3, 3)


def test_exclusion_leaves_out_the_articles_that_name_syria(sample_cli: Invoke) -> None:
    lines = sample_cli("search", "treaty", "-Syria").output.splitlines()
    assert lines[0] == "1 article matches “treaty -Syria”:"
    assert lines[1].startswith("1. [#2 undated] Iran and Russia’s Friendship Just Got a Lot Deeper")
    assert "signed the Treaty on Comprehensive Strategic Partnership" in lines[1]
    cited = {line[4:7] for line in results(sample_cli("search", "putin", "-Syria").output)}
    assert cited == {"#2 ", "#3 "}


def test_or_finds_either_word(sample_cli: Invoke) -> None:
    out = sample_cli("search", "treaty OR Turkmenistan").output
    assert out.startswith("2 articles match “treaty OR Turkmenistan”, best first:")
    assert {line[4:7] for line in results(out)} == {"#2 ", "#3 "}


@pytest.mark.parametrize(
    ("args", "cited"),
    [
        (("putin", "--from", "2020"), ["#3 "]),
        (("putin", "--to", "2016"), ["#4 "]),
        (("putin", "--from", "2015-11", "--to", "2015-11"), ["#4 "]),
    ],
)
def test_dates_bound_the_publication_date(
    sample_cli: Invoke, args: tuple[str, ...], cited: list[str]
) -> None:
    assert [line[4:7] for line in results(sample_cli("search", *args).output)] == cited


@pytest.mark.parametrize(
    ("query", "cited"),
    [
        ("U.S.", {"#1 ", "#2 "}),
        ("al-Assad", {"#1 ", "#4 "}),
        ('Assad "', {"#1 ", "#4 "}),
        ("sanction", {"#2 "}),  # the text says "sanctions": words are stemmed
    ],
)
def test_punctuation_and_word_forms(sample_cli: Invoke, query: str, cited: set[str]) -> None:
    result = sample_cli("search", query)
    assert result.exit_code == 0
    assert {line[4:7] for line in results(result.output)} == cited


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("zebra",), "No articles match “zebra”.\n"),
        (
            ("putin", "--from", "2016", "--to", "2023"),
            "No articles match “putin” from 2016 to 2023.\n",
        ),
        (("treaty", "-Pezeshkian"), "No articles match “treaty -Pezeshkian”.\n"),
    ],
)
def test_no_match_says_so_in_one_line(
    sample_cli: Invoke, args: tuple[str, ...], expected: str
) -> None:
    result = sample_cli("search", *args)
    assert (result.exit_code, result.output) == (0, expected)


@pytest.mark.parametrize(
    ("args", "error"),
    [
        ((), "error: empty query: say what to search for"),
        (('"',), "error: empty query: say what to search for"),
        (("-Syria",), "error: say what to search for, not only what to leave out"),
        (("putin", "--from", "2015-13"), "error: not a real date: '2015-13'"),
        (
            ("putin", "--from", "2017", "--to", "2016"),
            "error: the date range ends (2016) before it starts (2017)",
        ),
    ],
)
def test_bad_queries_fail_with_one_line(
    sample_cli: Invoke, args: tuple[str, ...], error: str
) -> None:
    result = sample_cli("search", *args)
    assert (result.exit_code, result.output.strip()) == (1, error)


def test_json_carries_rank_citation_article_and_snippet(sample_cli: Invoke) -> None:
    data = json.loads(sample_cli("search", "nuclear deal", "--from", "2015", "--json").output)
    assert {k: data[k] for k in ("summary", "query", "from", "to", "total", "ranked_among")} == {
        "summary": "1 article matches “nuclear deal” from 2015 on.",
        "query": "nuclear deal",
        "from": "2015-01-01",
        "to": None,
        "total": 1,
        "ranked_among": None,
    }
    [hit] = data["results"]
    assert hit["rank"] == 1 and hit["score"] > 0
    assert hit["citation"] == "[#4 ABC News, 2015-11-23]"
    assert (
        hit["article"]["title"] == "Syria on Vladimir Putin's Mind for 1st Trip to Iran in 8 Years"
    )
    assert hit["article"]["link"].endswith("003_15fdc8e12761e189.txt")
    assert NUCLEAR_DEAL in hit["snippet"]
    assert [hit["snippet"][start:end] for start, end in hit["highlights"]] == ["nuclear", "deal"]
    assert "*" not in hit["snippet"]


def test_json_of_no_match_is_an_empty_list(sample_cli: Invoke) -> None:
    data = json.loads(sample_cli("search", "zebra", "--json").output)
    assert (data["summary"], data["total"], data["results"]) == (None, 0, [])
