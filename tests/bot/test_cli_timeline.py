"""What a user reads from `analyst timeline` on the sample corpus, and how reports merge."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from bot.services.timeline import TimelineService, merge_events, same_event
from storage.records_cite import ArticleRef
from storage.timeline import DateCount, EventCounts, EventQuery, EventRecord, EventSpan
from tests.bot.conftest import Invoke

DATED = re.compile(r"^(\d{4}(-\d\d){0,2}|week of \d{4}-\d\d-\d\d) · ")


def dated_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if DATED.match(line)]


def undated_part(output: str) -> list[str]:
    return output.split("\nUndated (", 1)[1].splitlines()[1:]


def test_tehran_visit_comes_before_the_moscow_meeting(sample_cli: Invoke) -> None:
    lines = dated_lines(sample_cli("timeline").output)
    tehran = next(
        i for i, line in enumerate(lines) if line.startswith("2015-11-23 · ") and "Tehran" in line
    )
    moscow = next(i for i, line in enumerate(lines) if line.startswith("2017-04-14 · "))
    assert tehran < moscow
    assert lines[tehran].endswith("[#4 ABC News, 2015-11-23]")
    assert "Moscow on Friday 14th April 2017" in lines[moscow]
    assert lines[moscow].endswith("[#5 The Duran, undated]")
    years = [line.removeprefix("week of ")[:4] for line in lines]
    assert years == sorted(years)


def test_turkmenistan_meeting_is_dated_the_week_before_publication(sample_cli: Invoke) -> None:
    out = sample_cli("timeline").output
    assert (
        "week of 2024-10-07 · Vladimir Putin and Masoud Pezeshkian met last week as the"
        " 'axis of resistance' expands. (caption) [#3 The Week, 2024-10-15]"
    ) in out.splitlines()


def test_dates_are_shown_only_as_precisely_as_known(sample_cli: Invoke) -> None:
    starts = {line.split(" · ")[0] for line in dated_lines(sample_cli("timeline").output)}
    assert {"2015-07", "2015-11", "2015-11-23", "week of 2024-10-07"} <= starts


def test_undated_events_are_listed_apart_without_a_year(sample_cli: Invoke) -> None:
    out = sample_cli("timeline").output
    assert re.search(r"^Undated \(\d+\):$", out, re.MULTILINE)
    undated = undated_part(out)
    assert any(
        line.startswith("“On January 17” · On January 17, though,")
        and line.endswith("[#2 undated]")
        for line in undated
    )
    assert any(
        line.startswith("“this week” · Russian President Vladimir Putin hosted")
        and line.endswith("[#1 The Daily Caller News Foundation, undated]")
        for line in undated
    )
    assert all(line.startswith("“") and not re.search(r"\b20\d\d-\d\d", line) for line in undated)


def test_range_keeps_only_that_year(sample_cli: Invoke) -> None:
    out = sample_cli("timeline", "--from", "2017", "--to", "2017").output
    lines = dated_lines(out)
    assert lines and all(line.startswith("2017-") for line in lines)
    opening, head = out.splitlines()[:2]
    assert opening.startswith(f"{len(lines)} dated events in 2017. The latest (14 Apr 2017): “")
    assert head == f"{len(lines)} dated events in 2017, oldest first:"
    assert "Undated (" not in out
    assert re.search(r"^\(\d+ undated events left out: their dates are unknown\)$", out, re.M)


def test_topic_keeps_only_events_naming_him(sample_cli: Invoke) -> None:
    data = json.loads(sample_cli("timeline", "--topic", "putin", "--json").output)
    events = data["events"] + data["undated"]
    assert data["topic"] == "putin" and data["events"]
    assert all("Vladimir Putin" in e["entities"] or "putin" in e["text"].casefold() for e in events)
    assert not any("Lavrov" in e["text"] or "Rouhani said" in e["text"] for e in events)
    assert {e["date"] for e in data["events"]} >= {"2015-11-23", "2024-10-07"}


def test_json_entries_carry_date_precision_text_and_sources(sample_cli: Invoke) -> None:
    data = json.loads(sample_cli("timeline", "--json").output)
    assert set(data) >= {"events", "undated", "dated_total", "undated_total", "more", "span"}
    week = next(e for e in data["events"] if e["precision"] == "week")
    assert week["date"] == "2024-10-07"
    assert week["label"] == "week of 2024-10-07"
    assert week["caption"] is True
    assert week["sources"][0]["outlet"] == "The Week"
    assert week["sources"][0]["published"] == "2024-10-15"
    assert all({"date", "precision", "text", "sources"} <= set(e) for e in data["events"])
    assert all(e["date"] is None for e in data["undated"])


def test_limit_caps_dated_lines_and_says_how_many_more(sample_cli: Invoke) -> None:
    out = sample_cli("timeline", "--limit", "2").output
    assert len(dated_lines(out)) == 2
    more = re.search(r"^\((\d+) more events; narrow it with a date range or a topic\)$", out, re.M)
    assert more and int(more[1]) >= 6


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--topic", "nobody"), "No dated events about “nobody”. Events span 2015–2024."),
        (("--from", "2030"), "No dated events from 2030 on. Events span 2015–2024."),
    ],
)
def test_nothing_found_says_what_exists(
    sample_cli: Invoke, args: tuple[str, ...], expected: str
) -> None:
    result = sample_cli("timeline", *args)
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2015-13"), "error: not a real date: '2015-13'"),
        (("--to", "last year"), "error: cannot read 'last year' as a period"),
        (
            ("--from", "2017", "--to", "2015"),
            "error: the date range ends (2015) before it starts (2017)",
        ),
    ],
)
def test_bad_dates_are_one_line_errors(
    sample_cli: Invoke, args: tuple[str, ...], message: str
) -> None:
    result = sample_cli("timeline", *args)
    assert result.exit_code == 1
    assert result.output.startswith(message)
    assert len(result.output.strip().splitlines()) == 1


def test_empty_corpus_says_so(cli: Invoke) -> None:
    out = cli("timeline").output
    assert out.strip() == "No events stored yet; add articles with `analyst ingest PATH`."


def test_same_event_from_two_outlets_is_one_line_citing_both(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Putin and Pezeshkian meet in Ashgabat\n\nRussian President Vladimir Putin met Iranian"
        " President Masoud Pezeshkian in Ashgabat on October 11, 2024.\n\nThe two leaders"
        " discussed trade and energy.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Leaders of Russia and Iran hold talks\n\nOn October 11, 2024, Vladimir Putin held talks"
        " with Masoud Pezeshkian in Turkmenistan's capital, where both attended a regional forum"
        " on culture and trade.\n\nAnalysts expect closer military ties between the two"
        " countries in the coming months, though details remain scarce.\n",
        encoding="utf-8",
    )
    (tmp_path / "m.csv").write_text(
        "path,title,outlet,published\na.txt,Meeting,Reuters,2024-10-12\nb.txt,Talks,AP,2024-10-12\n",
        encoding="utf-8",
    )
    assert cli("ingest", str(tmp_path / "m.csv")).exit_code == 0
    lines = dated_lines(cli("timeline").output)
    assert lines == [
        "2024-10-11 · Russian President Vladimir Putin met Iranian President Masoud Pezeshkian"
        " in Ashgabat on October 11, 2024. [#1 Reuters, 2024-10-12] [#2 AP, 2024-10-12]"
    ]


def ref(n: int) -> ArticleRef:
    return ArticleRef(n, None, f"Outlet {n}", date(2024, 10, 12), "day", None, f"{n}.txt")


def event(
    n: int, text: str, *entities: tuple[str, str], when: date = date(2024, 10, 11), article: int = 0
) -> EventRecord:
    return EventRecord(
        id=n,
        date=when,
        precision="day",
        expression="on October 11",
        sentence=n,
        text=text,
        article=ref(article or n),
        entities=tuple((key, key.title(), kind) for key, kind in entities),
    )


PUTIN, PEZESHKIAN = ("vladimir putin", "person"), ("masoud pezeshkian", "person")
IRAN, RUSSIA = ("iran", "place"), ("russia", "place")
RUSSIAN = ("russian", "group")


@pytest.mark.parametrize(
    ("a", "b", "merged"),
    [
        # the same participants, reported by two articles
        (event(1, "Putin met Pezeshkian.", PUTIN, PEZESHKIAN, RUSSIAN),
         event(2, "Talks between the leaders.", PUTIN, PEZESHKIAN), True),
        # nearly the same words
        (event(1, "Iran and Russia signed a gas deal in Tehran."),
         event(2, "Russia and Iran signed a gas deal in Tehran on Friday."), True),
        # only places shared: two different things that happened in the same countries
        (event(1, "Iran and Russia signed a gas deal.", IRAN, RUSSIA),
         event(2, "Russia and Iran held naval drills.", IRAN, RUSSIA), False),
        # two sentences of one article tell two events
        (event(1, "Putin met Pezeshkian.", PUTIN, PEZESHKIAN, article=7),
         event(2, "Putin and Pezeshkian signed a treaty.", PUTIN, PEZESHKIAN, article=7), False),
        # another day
        (event(1, "Putin met Pezeshkian.", PUTIN, PEZESHKIAN),
         event(2, "Putin met Pezeshkian.", PUTIN, PEZESHKIAN, when=date(2024, 10, 12)), False),
    ],
)  # fmt: skip
def test_merge_rule(a: EventRecord, b: EventRecord, merged: bool) -> None:
    assert same_event(a, b) is merged
    entries = merge_events([a, b])
    assert len(entries) == (1 if merged else 2)
    if merged:
        assert [s.id for s in entries[0].sources] == [a.article.id, b.article.id]


class FakeEvents:
    """Serves events in timeline order the way the repository does, limit included."""

    def __init__(self, events: list[EventRecord]) -> None:
        self.events = events

    async def dated(self, query: EventQuery, limit: int) -> list[EventRecord]:
        return self.events[:limit]

    async def undated(self, query: EventQuery, limit: int) -> list[EventRecord]:
        return []

    async def count(self, query: EventQuery) -> EventCounts:
        return EventCounts(dated=len(self.events), undated=0)

    async def span(self) -> EventSpan:
        return EventSpan(first=self.events[0].date, last=self.events[-1].date)

    async def date_counts(self, query: EventQuery) -> list[DateCount]:
        return []


async def test_limit_counts_lines_and_a_cut_day_is_not_shown_half_merged() -> None:
    day2 = date(2024, 10, 12)
    events = [
        event(1, "Putin met Pezeshkian.", PUTIN, PEZESHKIAN),
        event(2, "Putin met Pezeshkian.", PUTIN, PEZESHKIAN),
        event(3, "Putin met Pezeshkian again.", PUTIN, PEZESHKIAN, when=day2),
        event(4, "Putin met Pezeshkian again.", PUTIN, PEZESHKIAN, when=day2),
        event(5, "Putin met Pezeshkian again.", PUTIN, PEZESHKIAN, when=day2),
    ]
    service = TimelineService(FakeEvents(events))  # type: ignore[arg-type]
    first = await service.timeline(limit=1)
    assert [len(e.sources) for e in first.entries] == [2]
    assert first.more == 3
    second = await service.timeline(limit=2)
    assert [len(e.sources) for e in second.entries] == [2, 3]
    assert second.more == 0


@pytest.mark.parametrize(
    ("topic", "first"),
    [
        ("of moscow", "1 dated event about “of moscow”"),
        ("pu tin", "4 dated events about “pu tin”"),
        ("moscow pu", "No dated events about “moscow pu”"),
    ],
)
def test_a_topic_with_a_word_under_three_letters_answers(
    sample_db: str, topic: str, first: str
) -> None:
    # In a child process: SQLite 3.40's trigram index crashed the process (SIGSEGV) on these.
    env = {**os.environ, "ANALYST_DATABASE_URL": sample_db}
    analyst = str(Path(sys.executable).with_name("analyst"))
    done = subprocess.run(
        [analyst, "timeline", "--topic", topic], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, (done.returncode, done.stderr[-500:])
    assert done.stdout.startswith(first)


def test_article_events_lists_each_event_with_the_words_that_dated_it(sample_cli: Invoke) -> None:
    """`analyst article N --events`: what the timeline holds from one article, to check it."""
    shown = sample_cli("article", "4", "--events", "--no-text", "--no-dropped").output
    events = shown.split("\n\n")[-1].splitlines()
    assert events[0] == "Events (5):"
    assert [line.split(" [")[0] for line in events[1:]] == [
        "  2015-11-01 (month) from “this month”",
        "  2015-11-23 (day) from “today”",
        "  2015-11-13 (day) from “Nov. 13”",
        "  2015-07-01 (month) from “in July”",
        "  2015-11-23 (day) from “on Monday morning”",
    ]
    assert events[3].endswith(
        "[sentence 7]: Following the Nov. 13 killings in Paris, France has proposed working with"
        " Russia’s militarily to destroy the Islamic State in Syria."
    )
    data = json.loads(sample_cli("article", "4", "--events", "--json").output)
    assert data["events"][2] == {
        "date": "2015-11-13",
        "precision": "day",
        "expression": "Nov. 13",
        "sentence": 7,
        "text": "Following the Nov. 13 killings in Paris, France has proposed working with"
        " Russia’s militarily to destroy the Islamic State in Syria.",
    }
