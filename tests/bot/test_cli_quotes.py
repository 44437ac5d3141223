"""`analyst quotes SPEAKER`: on the ingested sample corpus, and on a corpus built by hand."""

from __future__ import annotations

import asyncio
import json
from datetime import date
from pathlib import Path

import pytest

from bot.render.article_quotes import article_quotes_json, article_quotes_text
from storage.engine import create_engine, session_factory
from storage.migrate import upgrade_database
from storage.quotes_repo import ArticleQuote
from storage.records import NewArticle
from tests.bot.conftest import Invoke, make_invoke
from tests.storage.test_repositories import article, mention, store

PUTIN_TEHRAN = "No one from the outside can and no one should impose upon the Syrian people"
PUTIN_TEHRAN_2 = "This should be decided only by the Syrian people."
ROUHANI_WORDS = ("decline of the West", "uproot violence and extremism")


def test_quotes_by_putin_hold_his_tehran_words_and_never_rouhanis(sample_cli: Invoke) -> None:
    result = sample_cli("quotes", "putin")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("5 quotes by Vladimir Putin from 4 articles")  # the opening
    assert lines[1].startswith("Quotes by Vladimir Putin: ")
    assert lines[1].endswith(", newest first")
    tehran = next(line for line in lines if PUTIN_TEHRAN in line)
    assert tehran.startswith("[#4 ABC News, 2015-11-23] “")
    assert tehran.endswith("(direct; Putin said)")
    assert any(PUTIN_TEHRAN_2 in line for line in lines)
    assert not any(words in result.output for words in ROUHANI_WORDS)
    assert "Sources:" in lines
    assert any(
        line.startswith("[#4 ABC News, 2015-11-23] Syria on Vladimir Putin") for line in lines
    )


def test_newest_first_and_undated_last(sample_cli: Invoke) -> None:
    lines = sample_cli("quotes", "putin").output.splitlines()
    quoted = [line for line in lines if "“" in line]
    dated = [line for line in quoted if "undated]" not in line]
    assert quoted[: len(dated)] == dated
    assert dated.index(next(line for line in dated if "2024-10-15" in line)) < dated.index(
        next(line for line in dated if "2015-11-23" in line)
    )


@pytest.mark.parametrize("speaker", ["Vladimir Putin", "PUTIN", "vladimir putin's", "Putin’s"])
def test_any_alias_finds_the_same_speaker(sample_cli: Invoke, speaker: str) -> None:
    result = sample_cli("quotes", speaker)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1].startswith("Quotes by Vladimir Putin: ")


def test_rouhani_gets_his_own_words_only(sample_cli: Invoke) -> None:
    output = sample_cli("quotes", "rouhani").output
    assert output.splitlines()[1].startswith("Quotes by Hassan Rouhani: ")
    assert any(words in output for words in ROUHANI_WORDS)
    assert PUTIN_TEHRAN not in output


def test_topic_filters_quote_or_sentence(sample_cli: Invoke) -> None:
    output = sample_cli("quotes", "putin", "--topic", "SYRIAN people").output
    assert output.splitlines()[1].startswith("Quotes by Vladimir Putin about “syrian people”: ")
    assert PUTIN_TEHRAN in output
    assert "2024-10-15]" not in output.split("Sources:")[0]


def test_topic_naming_a_person_finds_the_sentences_that_name_him(sample_cli: Invoke) -> None:
    # only one sentence holds the words "Vladimir" and "Putin"; four quotes' sentences name
    # him ("Putin said"), resolved to the entity as every command resolves a topic
    output = sample_cli("quotes", "putin", "--topic", "Vladimir Putin").output
    assert output.startswith("4 quotes by Vladimir Putin about “vladimir putin” from 4 articles")
    assert PUTIN_TEHRAN in output


def test_date_range_leaves_undated_out_and_says_so(sample_cli: Invoke) -> None:
    output = sample_cli("quotes", "putin", "--from", "2015", "--to", "2015").output
    header = output.splitlines()[1]
    assert header.startswith("Quotes by Vladimir Putin from 2015-01-01 to 2015-12-31: ")
    assert PUTIN_TEHRAN in output
    assert "2024-10-15]" not in output
    assert "undated]" not in output
    assert "left out by the date range)" in output


def test_nothing_in_range_says_so_plainly(sample_cli: Invoke) -> None:
    result = sample_cli("quotes", "putin", "--from", "2016", "--to", "2023")
    assert result.exit_code == 0
    first = result.output.splitlines()[0]
    assert first.startswith(
        "No quotes by Vladimir Putin from 2016-01-01 to 2023-12-31 in the corpus. ("
    )
    assert first.endswith("quotes by Vladimir Putin in all.)")


def test_someone_never_quoted(sample_cli: Invoke) -> None:
    assert sample_cli("quotes", "tehran").output == "No quotes by Tehran in the corpus.\n"


def test_limit(sample_cli: Invoke) -> None:
    output = sample_cli("quotes", "putin", "--limit", "1").output
    opening, header, *body = output.splitlines()
    assert opening.startswith("5 quotes by Vladimir Putin; the newest 1 come from 1 article")
    assert header.startswith("Quotes by Vladimir Putin: 1 of ")
    assert sum("“" in line for line in body) == 1


def test_json_shape(sample_cli: Invoke) -> None:
    data = json.loads(sample_cli("quotes", "putin", "--from", "2015", "--json").output)
    assert data["speaker"]["name"] == "Vladimir Putin"
    assert (data["topic"], data["from"], data["to"]) == (None, "2015-01-01", None)
    assert data["matched"] == len(data["quotes"]) <= data["total"]
    quote = next(q for q in data["quotes"] if PUTIN_TEHRAN in q["text"])
    assert quote["kind"] == "direct"
    assert quote["cue"] == "say"
    assert (quote["speaker"], quote["speaker_as_written"]) == ("Vladimir Putin", "Putin")
    assert quote["date"] == "2015-11-23"
    assert quote["article"]["id"] == 4
    assert quote["article"]["outlet"] == "ABC News"
    assert quote["article"]["link"].endswith(".txt")
    assert all(q["speaker"] == "Vladimir Putin" for q in data["quotes"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("Putn",), "error: No one called “Putn” in the corpus. Did you mean: Vladimir Putin?"),
        (("Qwzx",), "error: No one called “Qwzx” in the corpus."),
        (("putin", "--from", "2015-13"), "error: not a real date: '2015-13'"),
        (
            ("putin", "--from", "2016", "--to", "2015"),
            "error: the date range ends (2015) before it starts (2016)",
        ),
        (("  ",), "error: give a name to look up, e.g. putin"),
    ],
)
def test_bad_input_is_one_line(sample_cli: Invoke, args: tuple[str, ...], message: str) -> None:
    result = sample_cli("quotes", *args)
    assert result.exit_code == 1
    assert result.output == message + "\n"


def seed(url: str, *articles: NewArticle) -> None:
    """Store hand-made articles in a migrated database at `url`."""

    async def go() -> None:
        engine = create_engine(url)
        await upgrade_database(engine)
        for new in articles:
            await store(session_factory(engine), new)
        await engine.dispose()

    asyncio.run(go())


KHAMENEIS = (
    article(1, *[mention("Ali Khamenei", "ali khamenei", "Ali Khamenei", surname="khamenei")] * 3),
    article(
        2,
        mention("Mojtaba Khamenei", "mojtaba khamenei", "Mojtaba Khamenei", surname="khamenei"),
        published=date(2024, 5, 1),
    ),
)


@pytest.fixture
def khamenei_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """The CLI on a corpus naming two Khameneis."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'khamenei.db'}"
    seed(url, *KHAMENEIS)
    return make_invoke(url, monkeypatch)


def test_an_ambiguous_name_lists_the_candidates(khamenei_cli: Invoke) -> None:
    result = khamenei_cli("quotes", "khamenei")
    assert result.exit_code == 1
    assert result.output == (
        "error: “khamenei” could be: Ali Khamenei (3), Mojtaba Khamenei (1) — be more specific\n"
    )
    assert khamenei_cli("quotes", "mojtaba khamenei").output == (
        "No quotes by Mojtaba Khamenei in the corpus.\n"
    )


def test_article_quotes_lists_each_quote_with_the_person_it_is_found_under(
    sample_cli: Invoke,
) -> None:
    """`analyst article N --quotes`: every quote of one article and its linked speaker."""
    shown = sample_cli("article", "1", "--quotes", "--no-text", "--no-dropped").output
    assert shown.split("\n\n")[-1].splitlines() == [
        "Quotes (3):",
        "  Vladimir Putin (as written: Putin) [direct, said]: “Our governments are fully striving"
        " toward multidimensional, mutually beneficial ties and are aiming…at boosting our"
        " bilateral cooperation”",
        "  Hassan Rouhani (as written: Rouhani) [direct, said]: “(The) decline of the West and the"
        " end of capital monopoly have provided a historic opportunity for establishing a new"
        " world”",
        "  Hassan Rouhani (as written: Rouhani) [direct, said]: “We need a global determination"
        " to uproot violence and extremism.”",
    ]
    data = json.loads(sample_cli("article", "3", "--quotes", "--json").output)
    assert [
        (q["speaker"], q["speaker_as_written"], q["kind"], q["cue"]) for q in data["quotes"]
    ] == [
        ("Vladimir Putin", "Vladimir Putin", "partial", "say"),
        ("Reuters", "Reuters", "partial", "say"),
        ("Reuters", "Reuters", "partial", "say"),
    ]
    assert "quotes" not in json.loads(sample_cli("article", "3", "--json").output)


def test_an_unlinked_quote_says_so_and_no_quotes_is_said_plainly() -> None:
    unlinked = ArticleQuote("We disagree.", "direct", "say", "they", None, None, 2, 40)
    assert article_quotes_text([unlinked]).splitlines() == [
        "Quotes (1):",
        "  unlinked (they) [direct, said]: “We disagree.”",
    ]
    assert article_quotes_json([unlinked])[0]["speaker"] is None
    assert article_quotes_text([]) == "Quotes: none found."
