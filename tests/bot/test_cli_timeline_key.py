"""`analyst timeline --key` on the sample corpus: the dates that matter, one sentence each."""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

import pytest

from bot.app import open_analyst
from bot.errors import UserFacingError
from bot.services.timeline import (
    KEY_DATES_LIMIT,
    MAX_KEY_DATES,
    SENTENCES_LIMIT,
    KeyTimeline,
)
from config.settings import Settings
from tests.bot.conftest import Invoke, one_error_line
from tests.bot.test_cli_timeline import dated_lines


def line_of(lines: list[str], start: str) -> str:
    (found,) = [line for line in lines if line.startswith(start)]
    return found


def test_key_dates_keep_the_three_meetings_each_in_one_cited_sentence(
    sample_cli: Invoke,
) -> None:
    out = sample_cli("timeline", "--key").output
    lines = dated_lines(out)
    tehran = line_of(lines, "2015-11-23 · ")
    moscow = line_of(lines, "2017-04-14 · ")
    week = line_of(lines, "week of 2024-10-07 · ")
    assert "Tehran" in tehran
    assert tehran.endswith("[#4 ABC News, 2015-11-23]")
    assert "Moscow on Friday 14th April 2017" in moscow
    assert moscow.endswith("[#5 The Duran, undated]")
    assert "Vladimir Putin and Masoud Pezeshkian met last week" in week
    assert week.endswith("[#3 The Week, 2024-10-15]")
    for line in (tehran, moscow, week):
        assert line.count("[#") == 1  # one sentence, one citation
    assert len(lines) == 5  # K for 7 dates and 8 events
    assert out.splitlines()[0].startswith("5 key dates of 8 dated events, 2015–2024;")
    assert out.splitlines()[1].endswith("oldest first (--all lists every event):")


def test_dates_k_implies_key_and_keeps_the_best(sample_cli: Invoke) -> None:
    lines = dated_lines(sample_cli("timeline", "--dates", "1").output)
    assert len(lines) == 1
    assert lines[0].startswith("2015-11-23 · ")


def test_all_and_the_default_below_the_threshold_still_list_every_event(
    sample_cli: Invoke,
) -> None:
    listed = sample_cli("timeline", "--all").output
    assert sample_cli("timeline").output == listed
    assert len(dated_lines(listed)) == 8
    assert "\nUndated (6):" in listed


def test_key_json_shape(sample_cli: Invoke) -> None:
    data = json.loads(sample_cli("timeline", "--key", "--json").output)
    assert data["mode"] == "key"
    assert (data["dated_total"], data["undated_total"], data["k"]) == (8, 6, 5)
    assert data["summary"].startswith("5 key dates")
    first = next(d for d in data["key_dates"] if d["date"] == "2015-11-23")
    assert first["precision"] == "day"
    assert first["label"] == "2015-11-23"
    assert (first["articles"], first["outlets"]) == (1, 1)
    assert first["summary"][0]["source"]["id"] == 4
    assert "Tehran" in first["summary"][0]["text"]
    assert [s["id"] for s in first["sources"]] == [4]
    dates = [d["date"] for d in data["key_dates"]]
    assert dates == sorted(dates)


def test_bad_dates_value_is_one_error_line(sample_cli: Invoke) -> None:
    for bad in ("x", "0", "51"):
        line = one_error_line(sample_cli("timeline", "--dates", bad))
        assert "--dates must be a whole number from 1 to 50" in line
    assert one_error_line(sample_cli("timeline", "--all", "--key")) == (
        "error: --all lists every event: leave out --key and --dates"
    )
    assert one_error_line(sample_cli("timeline", "--dates", "3", "--chart", "c.png")) == (
        "error: --chart draws every event: leave out --key and --dates"
    )


@pytest.fixture
def sample_copy(sample_db: str, tmp_path: Path) -> Settings:
    """Settings on a copy of the sample database, for calling the service directly."""
    copy = tmp_path / "analyst.db"
    shutil.copy(sample_db.removeprefix("sqlite+aiosqlite:///"), copy)
    return Settings(database_url=f"sqlite+aiosqlite:///{copy}")  # type: ignore[call-arg]


async def test_a_program_may_ask_for_more_dates_and_sentences_than_a_command(
    sample_copy: Settings,
) -> None:
    async with open_analyst(sample_copy) as analyst:
        found = await analyst.timeline.key_dates(k=MAX_KEY_DATES + 10, sentences=3)
        assert found.k == len(found.dates) == 7  # every date the sample has, K cut to them
        with pytest.raises(UserFacingError, match="between 1 and 1000"):
            await analyst.timeline.key_dates(k=KEY_DATES_LIMIT + 1)
        with pytest.raises(UserFacingError, match="sentences must be between 1 and 10"):
            await analyst.timeline.key_dates(sentences=SENTENCES_LIMIT + 1)


def test_a_key_date_tells_the_whole_sentence_the_event_cut_to_its_clause(
    cli: Invoke, tmp_path: Path
) -> None:
    long = (
        "On March 3, 2021, the regional council approved the new flood barrier along the "
        "river after three years of hearings, petitions from residents of the lower town, "
        "two engineering reviews and a vote that split the ruling coalition down the middle."
    )
    assert 240 < len(long) <= 280  # trimmed as an event (MAX_TEXT), whole as a key date
    article = tmp_path / "barrier.txt"
    article.write_text(
        "Council approves barrier\ndate 2021-03-04\n\n" + long + "\n", encoding="utf-8"
    )
    assert cli("ingest", str(article)).exit_code == 0
    events = json.loads(cli("timeline", "--all", "--json").output)
    (event,) = events["events"]
    assert event["text"].count("…") >= 1  # the timeline line keeps the date's clause
    key = json.loads(cli("timeline", "--key", "--json").output)
    (day,) = key["key_dates"]
    assert day["summary"][0]["text"] == long


def one_key_date(cli: Invoke, article: Path, tmp_path: Path) -> KeyTimeline:
    """Ingest one article with the CLI and ask its database for one key date, told in two."""
    assert cli("ingest", str(article)).exit_code == 0
    url = f"sqlite+aiosqlite:///{tmp_path / 'analyst.db'}"

    async def ask() -> KeyTimeline:
        async with open_analyst(Settings(database_url=url)) as analyst:  # type: ignore[call-arg]
            return await analyst.timeline.key_dates(k=1, sentences=2)

    return asyncio.run(ask())


def test_a_report_of_the_day_may_tell_it_with_its_lead_sentence(
    cli: Invoke, tmp_path: Path
) -> None:
    article = tmp_path / "barrier.txt"
    lead = "The regional council approved a new flood barrier for the lower town."
    article.write_text(
        "Council approves barrier\ndate 2021-03-04\n\n"
        f"{lead}\n\nThe vote on Wednesday split the ruling coalition down the middle.\n",
        encoding="utf-8",
    )
    (day,) = one_key_date(cli, article, tmp_path).dates
    assert day.date.isoformat() == "2021-03-03"  # the Wednesday before publication
    told = [s.text for s in day.summary]
    assert lead in told  # names no date, but opens the article that reports the day
    assert {s.ref.id for s in day.summary} == {1}  # both cite the one article


async def test_key_dates_carry_the_full_lists_chart_counts_when_asked(
    sample_copy: Settings,
) -> None:
    async with open_analyst(sample_copy) as analyst:
        for topic in (None, "putin"):
            listed = await analyst.timeline.timeline(topic, chart=True)
            key = await analyst.timeline.key_dates(topic, chart=True)
            assert key.chart == listed.chart and listed.chart  # /timeline draws it from either
            assert (await analyst.timeline.key_dates(topic)).chart == ()


def test_the_sixth_sentence_of_a_report_may_tell_the_day(cli: Invoke, tmp_path: Path) -> None:
    background = [
        "Rain fell over the hills all morning.",
        "Shops in the old market opened late.",
        "Buses ran to the usual timetable.",
        "A new bakery opened near the station.",
        "The library extended its opening hours.",
    ]
    lead = "The regional council approved a new flood barrier for the lower town."
    vote = "The vote on the flood barrier on Wednesday split the ruling coalition."
    article = tmp_path / "barrier.txt"
    article.write_text(
        "Council approves barrier\ndate 2021-03-04\n\n"
        + "\n\n".join([*background, lead, vote])
        + "\n",
        encoding="utf-8",
    )
    (day,) = one_key_date(cli, article, tmp_path).dates
    assert day.date.isoformat() == "2021-03-03"
    assert [s.text for s in day.summary] == [vote, lead]  # its sixth sentence; not the rain


FLOOD_DAYS = [  # one story: each report names its day and uses the story's words
    "the river flood water rose above the north levee of the town after the rain",
    "flood water from the river entered the mill cellars as the rain kept falling on the town",
    "volunteers filled sandbags by the river church while flood water lapped the town in the rain",
    "the river flood cut the railway at the town station after a night of rain",
    "boats rescued families at the harbour as the river flood spread through the town in the rain",
    "engineers closed the river bridge as flood water and rain kept traffic out of the town",
    "the town park became a lake of flood water when the river burst after the rain",
    "army trucks carried food through flood water to the river villages near the town in the rain",
    "insurers counted the flood damage in the town once the rain stopped and the river fell",
    "the mayor thanked the volunteers of the town as the river flood water finally drained away",
]


def test_one_storys_key_dates_keep_to_its_words(cli: Invoke, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    chess = "the chess club of the old quarter met its rivals from the coast for the spring cup"
    stories = [*(f"{what}, residents said" for what in FLOOD_DAYS), chess]
    for n, what in enumerate(stories, 1):
        day = f"2021-03-{n:02d}"
        (corpus / f"{n:02d}.txt").write_text(
            f"Town news {n}\ndate {day}\n\nOn {n} March 2021 {what}.\n",
            encoding="utf-8",
        )
    assert cli("ingest", str(corpus)).exit_code == 0
    url = f"sqlite+aiosqlite:///{tmp_path / 'analyst.db'}"

    async def ask(one_story: bool) -> KeyTimeline:
        async with open_analyst(Settings(database_url=url)) as analyst:  # type: ignore[call-arg]
            return await analyst.timeline.key_dates(k=20, one_story=one_story)

    every = asyncio.run(ask(False)).dates
    story = asyncio.run(ask(True)).dates
    assert any("chess" in s.text for d in every for s in d.summary)  # many stories: kept
    assert len(story) == len(every) - 1
    assert not any("chess" in s.text for d in story for s in d.summary)
