"""Dated events: which sentences of an article become timeline entries, and how they read."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from analysis.events import MAX_CLAUSE_SENTENCE, MAX_TEXT, extract_events
from analysis.nlp import analyse_doc
from analysis.types import DocAnalysis, EntityKind, Event, Mention, Precision, SentenceSpan

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "russia-iran"
DAY, WEEK, MONTH, YEAR = Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.YEAR


def seed(prefix: str) -> str:
    """The text of one sample article, found by its number."""
    (path,) = SAMPLES.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def events_of(nlp: Language, text: str, published: date | None) -> tuple[Event, ...]:
    """Events of a text run through the real pipeline."""
    doc = nlp(text)
    return extract_events(doc, analyse_doc(doc), published, DAY)


def by_expression(events: tuple[Event, ...], expression: str) -> Event:
    """The single event whose date expression is `expression`."""
    matching = [event for event in events if event.expression == expression]
    assert len(matching) == 1, [event.expression for event in events]
    return matching[0]


@pytest.mark.parametrize(
    ("prefix", "published", "expression", "expected"),
    [
        ("002", date(2024, 10, 15), "last week", (date(2024, 10, 7), WEEK, "Pezeshkian met last")),
        ("003", date(2015, 11, 23), "Nov. 13", (date(2015, 11, 13), DAY, "killings in Paris")),
        ("003", date(2015, 11, 23), "in July", (date(2015, 7, 1), MONTH, "nuclear deal reached")),
        ("003", date(2015, 11, 23), "on Monday morning", (date(2015, 11, 23), DAY, "Putin signed")),
        ("003", date(2015, 11, 23), "today", (date(2015, 11, 23), DAY, "meeting today with")),
        ("004", None, "on Friday 14th April 2017", (date(2017, 4, 14), DAY, "host in Moscow")),
        ("004", None, "the day before", (date(2017, 4, 13), DAY, "bilateral talks")),
    ],
)
def test_seed_events(
    nlp: Language,
    prefix: str,
    published: date | None,
    expression: str,
    expected: tuple[date, Precision, str],
) -> None:
    value, precision, words = expected
    event = by_expression(events_of(nlp, seed(prefix), published), expression)
    assert (event.date, event.precision) == (value, precision)
    assert words in event.text


@pytest.mark.parametrize(
    ("prefix", "expression", "words"),
    [
        ("001", "On January 17", "signed the Treaty"),
        ("000", "this week", "hosted Iranian leader"),
        ("000", "on Tuesday", "Rouhani said on Tuesday"),
        ("004", "On April 14", "trilateral meeting"),
    ],
)
def test_seed_events_without_publication_date_are_undated(
    nlp: Language, prefix: str, expression: str, words: str
) -> None:
    event = by_expression(events_of(nlp, seed(prefix), None), expression)
    assert event.date is None
    assert words in event.text


@pytest.mark.parametrize(
    ("prefix", "published", "words", "expressions"),
    [
        # "Putin's visit -- his first since 2007 -- also reflects how the nuclear deal reached in
        # July ...": "since 2007" is a reference point, not a happening; the deal's July stays.
        ("003", date(2015, 11, 23), "his first since", ["in July"]),
        # "have grown closer since relations ... soured in the wake of the 2014 Ukraine crisis":
        # the year lies inside the "since" clause a state counts from.
        ("000", None, "2014 Ukraine crisis", []),
    ],
)
def test_seed_reference_points_are_not_events(
    nlp: Language, prefix: str, published: date | None, words: str, expressions: list[str]
) -> None:
    events = events_of(nlp, seed(prefix), published)
    assert [event.expression for event in events if words in event.text] == expressions


def test_dateline_header_is_not_an_event(nlp: Language) -> None:
    events = events_of(nlp, seed("002"), date(2024, 10, 15))
    assert [event.expression for event in events] == ["last week"]


def test_seed_003_event_mentions_putin(nlp: Language) -> None:
    event = by_expression(events_of(nlp, seed("003"), date(2015, 11, 23)), "on Monday morning")
    assert any("putin" in key for key in event.entity_keys)


@pytest.mark.parametrize(
    ("text", "expressions"),
    [
        ("Tehran, Iran, Nov. 23, 2015.\n\nPutin met Rouhani on Monday.", ["on Monday"]),
        ("Updated Nov. 23, 2015\n\nPutin met Rouhani on Monday.", ["on Monday"]),
        ("© 2015 ABC News. All rights reserved.\n\nThey met in July.", ["in July"]),
        ("They met on Monday, and again on Monday.", ["on Monday"]),
        ("They met on Monday and signed a deal in July.", ["on Monday", "in July"]),
        ("Putin met Rouhani in Moscow.", []),
        ("", []),
    ],
)
def test_which_dates_become_events(nlp: Language, text: str, expressions: list[str]) -> None:
    events = events_of(nlp, text, date(2015, 11, 23))
    assert [event.expression for event in events] == expressions


def test_entity_keys_come_from_the_mentions_of_that_sentence(nlp: Language) -> None:
    text = "Putin met Rouhani on Monday. Lavrov spoke in July."
    doc = nlp(text)
    sentences = analyse_doc(doc).sentences
    people = [("Putin", 0), ("Rouhani", 0), ("Putin", 0), ("Lavrov", 1)]
    mentions = tuple(
        Mention(name, EntityKind.PERSON, "PERSON", 0, 0, index, name, name.lower())
        for name, index in people
    )
    events = extract_events(doc, DocAnalysis(sentences, mentions), date(2015, 11, 23), DAY)
    assert [(event.expression, event.entity_keys) for event in events] == [
        ("on Monday", ("putin", "rouhani")),
        ("in July", ("lavrov",)),
    ]


LONG_SENTENCE = (
    "After weeks of quiet preparation by diplomats from both capitals, who had exchanged dozens "
    "of drafts through intermediaries in Baku and Ashgabat, Russian President Vladimir Putin and "
    "Iranian President Masoud Pezeshkian signed the comprehensive strategic partnership treaty "
    "in Moscow on January 17, a document that commits the two countries to deeper military, "
    "economic and technological cooperation for the next twenty years, according to officials."
)


def test_long_sentence_is_trimmed_to_the_clause_with_the_date(nlp: Language) -> None:
    (event,) = events_of(nlp, LONG_SENTENCE, date(2025, 1, 20))
    core = event.text.strip("… ")
    assert len(LONG_SENTENCE) > MAX_TEXT
    assert len(core) <= MAX_TEXT
    assert "on January 17" in core
    assert "signed" in core
    assert event.text.startswith("…") or event.text.endswith("…")
    assert re.search(rf"(^|\s){re.escape(core)}(\s|[,.]|$)", LONG_SENTENCE)


def test_long_sentence_without_a_clause_is_cut_between_words(nlp: Language) -> None:
    words = " ".join(f"word{number}" for number in range(80))
    text = f"They met on Monday {words} and {words}."
    (event,) = events_of(nlp, text, date(2015, 11, 23))
    core = event.text.strip("… ")
    assert "on Monday" in core
    assert len(core) <= MAX_TEXT
    assert re.search(rf"(^|\s){re.escape(core)}(\s|[,.]|$)", text)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(max_size=300),
    published=st.one_of(st.none(), st.dates()),
    precision=st.sampled_from(list(Precision)),
)
def test_never_raises_on_arbitrary_text(
    nlp: Language, text: str, published: date | None, precision: Precision
) -> None:
    doc = nlp(text)
    for event in extract_events(doc, analyse_doc(doc), published, precision):
        assert event.expression.split(" (tweet of ")[0] in text


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    sentences=st.lists(
        st.tuples(st.integers(-5, 400), st.integers(-5, 400)).map(
            lambda pair: SentenceSpan(0, pair[0], pair[1], "x")
        ),
        max_size=5,
    ),
)
def test_never_raises_when_the_analysis_does_not_match_the_doc(
    nlp: Language, sentences: list[SentenceSpan]
) -> None:
    doc = nlp("Putin met Rouhani on Monday. The deal was reached in July 2015 and signed Friday.")
    spans = tuple(sorted(sentences, key=lambda span: span.start))
    extract_events(doc, DocAnalysis(spans, ()), date(2015, 11, 23), DAY)


MONTHS = ("January", "March", "May", "July", "September", "November")


def test_every_one_of_hundreds_of_dated_paragraphs_is_an_event(nlp: Language) -> None:
    days = [(month, day, year) for year in (2019, 2020) for month in MONTHS for day in range(1, 29)]
    text = "\n\n".join(f"The council met on {m} {d}, {y}." for m, d, y in days)
    doc = nlp(text)
    analysis = analyse_doc(doc)
    events = extract_events(doc, analysis, date(2021, 1, 1), DAY)
    assert len(analysis.sentences) == len(days) == 336
    assert [(e.sentence, e.date) for e in events] == [
        (i, date(y, MONTHS.index(m) * 2 + 1, d)) for i, (m, d, y) in enumerate(days)
    ]


def test_a_sentence_too_long_to_prune_gives_a_window_per_date(nlp: Language) -> None:
    days = [
        f"{day} {month} {year}"
        for year in (2001, 2002, 2003)
        for month in MONTHS
        for day in range(1, 29)
    ]
    text = "The committee met on " + ", then on ".join(days) + " and it adjourned"
    doc = nlp(text)
    analysis = analyse_doc(doc)
    events = extract_events(doc, analysis, None, DAY)
    longest = max(s.end - s.start for s in analysis.sentences)
    assert longest > MAX_CLAUSE_SENTENCE
    assert len({e.date for e in events}) == len(events) == len(days)
    assert all(e.expression in e.text and len(e.text) <= MAX_TEXT + 4 for e in events)
