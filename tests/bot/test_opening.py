"""The opening sentences of every answer (issue 13): built from the answer's own fields only,
with correct plurals, no opening for an empty answer, and the same string in text and JSON."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from bot.render.opening import (
    compare_opening,
    digest_opening,
    listing,
    plural,
    quotes_opening,
    summary_opening,
    timeline_opening,
    who_opening,
)
from bot.services.compare import Comparison, Item, Side
from bot.services.date_text import human_date
from bot.services.digest import Digest, Rising, Story, Window
from bot.services.people import QuotesAnswer, WhoAnswer
from bot.services.summary import KeyDate, Summary
from bot.services.timeline import Timeline, TimelineEntry
from storage.entity_lookup import EntityMatch
from storage.profiles import Companion, EntityProfile, MonthCount
from storage.quotes_repo import QuoteCounts, QuoteRecord
from storage.records_cite import ArticleRef
from storage.summary_repo import PersonCount
from storage.timeline import DateCount, EventCounts, EventQuery, EventSpan
from tests.bot.conftest import Invoke

WEEK = ArticleRef(3, "Up the ante", "The Week", date(2024, 10, 15), "day", None, "/s/3.txt")
ABC = ArticleRef(4, "Syria on his mind", "ABC News", date(2015, 11, 23), "day", None, "/s/4.txt")
UNDATED = ArticleRef(2, "Friendship", None, None, "unknown", None, "/s/2.txt")
PUTIN = EntityMatch(7, "Vladimir Putin", "person", 18)


def quote(ref: ArticleRef, text: str, n: int = 1) -> QuoteRecord:
    return QuoteRecord(n, ref, 7, "Vladimir Putin", "Putin", text, "direct", "say", 0)


def quotes_answer(*quotes: QuoteRecord, matched: int | None = None) -> QuotesAnswer:
    total = len(quotes) if matched is None else matched
    return QuotesAnswer(PUTIN, None, None, None, quotes, QuoteCounts(total, total, total, 0))


# -- words ------------------------------------------------------------------------------------


def test_plurals_lists_and_human_dates() -> None:
    assert (plural(1, "quote"), plural(0, "quote"), plural(2, "quote")) == (
        "1 quote",
        "0 quotes",
        "2 quotes",
    )
    assert plural(2, "story", "stories") == "2 stories"
    assert [listing(n) for n in ([], ["A"], ["A", "B"], ["A", "B", "C"])] == [
        "",
        "A",
        "A and B",
        "A, B and C",
    ]
    assert human_date(date(2024, 10, 15), "day") == "15 Oct 2024"
    assert human_date(date(2024, 10, 1), "month") == "Oct 2024"
    assert human_date(date(2024, 1, 1), "year") == "2024"
    assert human_date(date(2024, 10, 7), "week") == "week of 7 Oct 2024"
    assert human_date(None, "day") == human_date(date(2024, 1, 1), "unknown") == "undated"


# -- quotes -----------------------------------------------------------------------------------


def test_quotes_count_speaker_articles_years_and_the_newest_words() -> None:
    answer = quotes_answer(
        quote(WEEK, "new world order", 1),
        quote(
            ABC, "No one from the outside can and no one should impose upon the Syrian people", 2
        ),
        quote(ABC, "This should be decided only by the Syrian people.", 3),
        quote(UNDATED, "truly ground-breaking", 4),
    )
    assert quotes_opening(answer) == (
        "4 quotes by Vladimir Putin from 3 articles, 2015–2024 (1 quote undated); "
        "most recently “new world order” (The Week, 15 Oct 2024)."
    )


def test_one_quote_is_singular_and_long_words_are_cut_at_a_word() -> None:
    words = "Our governments are fully striving toward multidimensional, mutually beneficial ties"
    opening = quotes_opening(quotes_answer(quote(ABC, words)))
    assert opening is not None
    assert opening.startswith("1 quote by Vladimir Putin from 1 article, 2015; “")
    quoted = opening.split("“", 1)[1].split("”", 1)[0]
    kept = quoted.removesuffix("…")
    assert quoted.endswith("…") and words.startswith(kept) and words[len(kept)] == " "
    assert opening.endswith("” (ABC News, 23 Nov 2015).")


def test_quotes_shown_fewer_than_matched_and_all_undated() -> None:
    opening = quotes_opening(quotes_answer(quote(UNDATED, "truly ground-breaking"), matched=5))
    assert opening == (
        "5 quotes by Vladimir Putin; the newest 1 come from 1 article, all undated; "
        "“truly ground-breaking” (article #2, undated)."
    )


def test_no_quotes_no_opening() -> None:
    assert quotes_opening(quotes_answer()) is None


# -- who --------------------------------------------------------------------------------------


def profile(months: tuple[MonthCount, ...], people: tuple[Companion, ...] = ()) -> EntityProfile:
    return EntityProfile(
        7, "Vladimir Putin", "person", ("Putin",), 1, months, None, None, people, ()
    )


def test_who_says_mentions_years_company_and_quotes() -> None:
    months = (MonthCount(2015, 11, 8, 1), MonthCount(2024, 10, 2, 1), MonthCount(None, None, 8, 2))
    people = (Companion("Hassan Rouhani", "person", 3), Companion("Khamenei", "person", 3))
    answer = WhoAnswer(profile(months, people), (quote(WEEK, "new world order"),), 5)
    assert who_opening(answer) == (
        "Vladimir Putin (person) is mentioned 18 times in 4 articles, 2015–2024 (8 of them "
        "undated), most often alongside Hassan Rouhani and Khamenei; 5 quotes, most recently "
        "“new world order” (The Week, 15 Oct 2024)."
    )


def test_who_singulars_and_a_speaker_never_mentioned() -> None:
    once = WhoAnswer(profile((MonthCount(2015, 11, 1, 1),)), (), 0)
    assert who_opening(once) == (
        "Vladimir Putin (person) is mentioned 1 time in 1 article, 2015; no quotes."
    )
    speaker = WhoAnswer(profile(()), (quote(ABC, "Yes."),), 1)
    assert who_opening(speaker) == (
        "Vladimir Putin (person) is known only as a quote speaker; "
        "1 quote: “Yes.” (ABC News, 23 Nov 2015)."
    )


# -- timeline ---------------------------------------------------------------------------------


def entry(day: date, text: str, precision: str = "day", events: int = 1) -> TimelineEntry:
    return TimelineEntry(day, precision, "today", text, False, (ABC,), (), tuple(range(events)))


def timeline(
    entries: tuple[TimelineEntry, ...],
    *,
    dated: int | None = None,
    undated: int = 0,
    chart: tuple[DateCount, ...] = (),
    query: EventQuery | None = None,
    span: EventSpan | None = None,
) -> Timeline:
    shown = sum(len(e.event_ids) for e in entries)
    total = shown if dated is None else dated
    return Timeline(
        query or EventQuery(),
        None,
        None,
        entries,
        (),
        EventCounts(total, undated),
        span or EventSpan(date(2015, 7, 1), date(2024, 10, 7)),
        total - shown,
        chart,
    )


def test_timeline_span_busiest_year_and_latest_event() -> None:
    entries = (
        entry(date(2015, 11, 13), "Attacks in Paris", events=2),
        entry(date(2015, 11, 23), "Putin meets Khamenei in Tehran"),
        entry(date(2024, 10, 7), "Vladimir Putin and Masoud Pezeshkian met last week", "week"),
    )
    assert timeline_opening(timeline(entries, undated=6)) == (
        "4 dated events, 2015–2024, the most in 2015 (3); 6 more undated. The latest "
        "(week of 7 Oct 2024): “Vladimir Putin and Masoud Pezeshkian met last week”."
    )


def test_timeline_within_one_year_names_the_busiest_month_and_ties() -> None:
    entries = (
        entry(date(2015, 7, 1), "A deal", "month", 2),
        entry(date(2015, 11, 23), "A visit", events=2),
    )
    opening = timeline_opening(timeline(entries))
    assert opening is not None
    assert opening.startswith("4 dated events, all in 2015, the most in Jul 2015 and Nov 2015")
    assert "(2 each)" in opening


def test_timeline_cut_short_uses_the_chart_and_says_no_words_it_does_not_hold() -> None:
    entries = (entry(date(2015, 11, 23), "A visit"),)
    chart = (DateCount(date(2015, 11, 23), "day", 1), DateCount(date(2017, 4, 14), "day", 4))
    opening = timeline_opening(timeline(entries, dated=5, chart=chart))
    assert opening == (
        "5 dated events, 2015–2017, the most in 2017 (4). The latest is dated 14 Apr 2017."
    )
    topic = EventQuery(topic="putin")
    assert timeline_opening(timeline(entries, dated=5, query=topic)) == (
        "5 dated events about “putin”, the first 23 Nov 2015."
    )


def test_no_dated_events_no_opening() -> None:
    assert timeline_opening(timeline((), undated=3)) is None


# -- compare ----------------------------------------------------------------------------------


def item(name: str, kind: str, a: int, b: int) -> Item:
    return Item(name.casefold(), name, kind, a, b, float(a - b))


def side(label: str, articles: int, *items: Item) -> Side:
    year = int(label)
    return Side(label, date(year, 1, 1), date(year, 12, 31), articles, (), items)


def test_compare_names_each_sides_first_person_and_place_then_what_both_name() -> None:
    a = side(
        "2015",
        1,
        item("Bashar al-Assad", "person", 5, 0),
        item("Khamenei", "person", 3, 0),
        item("Syria", "place", 6, 0),
        item("country", "term", 9, 0),
    )
    b = side(
        "2024", 2, item("Masoud Pezeshkian", "person", 0, 1), item("Turkmenistan", "place", 0, 1)
    )
    shared = (item("Vladimir Putin", "person", 8, 2), item("leader", "term", 3, 1))
    comparison = Comparison(None, a, b, shared, 3, (2015, 2024))
    assert compare_opening(comparison) == (
        "In 2015 (1 article) the coverage centred on Bashar al-Assad and Syria; in 2024 "
        "(2 articles) on Masoud Pezeshkian and Turkmenistan. Both periods name Vladimir Putin."
    )


def test_compare_a_side_with_only_terms_or_nothing() -> None:
    a = side("2015", 3, item("war", "term", 3, 0))
    b = side("2024", 1)
    comparison = Comparison("putin", a, b, (), 0, (2015, 2024))
    assert compare_opening(comparison) == (
        "In 2015 (3 articles) the coverage about putin centred on “war”; "
        "nothing sets 2024 (1 article) apart."
    )
    bare = Comparison(None, side("2015", 1), side("2024", 1), (), 0, (2015, 2024))
    assert compare_opening(bare) == (
        "2015 (1 article) and 2024 (1 article): nothing sets either period apart."
    )


def test_an_empty_period_no_opening() -> None:
    comparison = Comparison(None, side("2019", 0), side("2024", 1), (), 0, (2015, 2024))
    assert compare_opening(comparison) is None


# -- summary ----------------------------------------------------------------------------------


def test_summary_of_an_article_names_its_people_and_dates() -> None:
    people = (PersonCount("Vladimir Putin", 8, 1), PersonCount("Bashar al-Assad", 5, 1))
    dates = (
        KeyDate(date(2015, 7, 1), "month", ("in July",), (ABC,)),
        KeyDate(date(2015, 11, 23), "day", ("today",), (ABC,)),
    )
    summary = Summary(ABC, None, None, None, (ABC,), (), people, dates)
    assert summary_opening(summary) == (
        "#4 “Syria on his mind” (ABC News, 23 Nov 2015) names Vladimir Putin most (8 mentions), "
        "then Bashar al-Assad (5); its key dates run from Jul 2015 to 23 Nov 2015."
    )


def test_summary_of_a_topic_counts_articles_and_their_years() -> None:
    people = (PersonCount("Masoud Pezeshkian", 1, 1),)
    summary = Summary(None, "putin", None, None, (ABC, WEEK, UNDATED), (), people, ())
    assert summary_opening(summary) == (
        "3 articles about putin, 2015–2024 (1 undated), name Masoud Pezeshkian most (1 mention)."
    )
    one = Summary(None, "putin", date(2024, 1, 1), date(2024, 12, 31), (WEEK,))
    assert summary_opening(one) == (
        "1 article about putin between 2024-01-01 and 2024-12-31 names no person."
    )


def test_nothing_to_summarise_no_opening() -> None:
    assert summary_opening(Summary(None, "Zelensky", None, None, ())) is None


# -- digest -----------------------------------------------------------------------------------


def test_digest_counts_articles_stories_and_rising_names() -> None:
    window = Window(datetime(2030, 1, 9, 8, tzinfo=UTC), datetime(2030, 1, 10, 8, tzinfo=UTC))
    stories = (Story(("Iran", "Vladimir Putin"), (ABC, WEEK, UNDATED)), Story((), (ABC,)))
    rising = (
        Rising("Vladimir Putin", "person", 18, 0, (ABC,)),
        Rising("country", "term", 1, 0, (ABC,)),
    )
    digest = Digest(window, 4, stories, (), 0, (), rising)
    assert digest_opening(digest) == (
        "4 new articles since 2030-01-09 08:00 (UTC); 1 story told by several, about Iran and "
        "Vladimir Putin (3 articles). Rising: Vladimir Putin (18 mentions) and “country” (1 use)."
    )
    assert digest_opening(None) is None


# -- the sample corpus through the CLI --------------------------------------------------------


def opening_of(sample_cli: Invoke, *args: str) -> str:
    """The first line of the text, checked to be the JSON's `summary` too."""
    result = sample_cli(*args)
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert json.loads(sample_cli(*args, "--json").output)["summary"] == first
    return first


def test_compare_2015_2024_names_syria_or_assad_then_turkmenistan_or_pezeshkian(
    sample_cli: Invoke,
) -> None:
    first, second = opening_of(sample_cli, "compare", "2015", "2024").split("; in 2024")
    assert first.startswith("In 2015 (1 article) the coverage centred on ")
    assert "Syria" in first or "Assad" in first
    assert "Turkmenistan" in second or "Pezeshkian" in second


def test_quotes_putin_says_the_count_the_speaker_and_the_years(sample_cli: Invoke) -> None:
    opening = opening_of(sample_cli, "quotes", "putin")
    assert opening.startswith("5 quotes by Vladimir Putin from 4 articles, 2015–2024")
    assert "most recently “new world order” (The Week, 15 Oct 2024)" in opening


def test_timeline_says_the_span(sample_cli: Invoke) -> None:
    opening = opening_of(sample_cli, "timeline")
    assert opening.startswith("8 dated events, 2015–2024, the most in 2015")
    assert "The latest (week of 7 Oct 2024): “Vladimir Putin and Masoud Pezeshkian" in opening


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (("who", "putin"), "Vladimir Putin (person) is mentioned 18 times in 4 articles"),
        (("summary", "4"), "#4 “Syria on Vladimir Putin's Mind for 1st Trip to Iran in 8 Years”"),
        (("summary", "--topic", "putin"), "4 articles about putin, 2015–2024 (2 undated), name"),
        (("digest", "--since", "2000-01-01"), "5 new articles since 2000-01-01 00:00 (UTC)"),
    ],
)
def test_each_answer_opens_with_its_summary(
    sample_cli: Invoke, args: tuple[str, ...], start: str
) -> None:
    assert opening_of(sample_cli, *args).startswith(start)


@pytest.mark.parametrize(
    "args",
    [
        ("quotes", "tehran"),
        ("compare", "2019", "2024"),
        ("timeline", "--topic", "nobody"),
        ("summary", "--topic", "Zelensky"),
        ("digest", "--since", "2999-01-01T00:00"),
    ],
)
def test_an_empty_answer_has_one_line_and_a_null_summary(
    sample_cli: Invoke, args: tuple[str, ...]
) -> None:
    assert len(sample_cli(*args).output.strip().splitlines()) == 1
    assert json.loads(sample_cli(*args, "--json").output)["summary"] is None
