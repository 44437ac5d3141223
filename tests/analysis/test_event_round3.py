"""Event-date rules of issue 12's third round (session 6): each on an invented sentence of the
shape counted on the enlarged DEV (64 pages)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

PUBLISHED = date(2020, 6, 11)  # a Thursday


def dated(nlp: Language, text: str) -> list[str]:
    """The dates (ISO) of a text's events, published on PUBLISHED."""
    return event_dates(nlp, text, PUBLISHED)


@pytest.mark.parametrize(
    "text",
    [
        # a wire story's dateline dates the report, not what its first sentence tells
        "London, Jun 11 (efe-epa).- The pandemic has highlighted the importance of migrants.",
        "PARIS, June 10 (Reuters) - The union has called for more strikes against the reform.",
        # a page's date stamp left at the end of the deck, after its last sentence
        "The island makes a comeback. What is the secret to its recovery?Monday, 8 June 2020",
        # a bare year naming a thing brought in by a preposition that is no setting
        "The goal under the 2015 Paris Agreement is to curb average temperatures.",
        "The issue was who is the most qualified to replace the president on the 2024 ticket.",
    ],
)
def test_no_event(nlp: Language, text: str) -> None:
    assert dated(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a full date at the end of a sentence without final punctuation is the event's
        ("The mayor resigned on Monday, 8 June 2020", ["2020-06-08"]),
        # a place before a date that is no dateline
        ("Washington, on June 9, approved the bill.", ["2020-06-09"]),
        # the dateline's own sentence keeps its other dates
        ("PARIS, June 10 (Reuters) - Protesters stormed a theatre on Tuesday.", ["2020-06-09"]),
        # a year naming the setting of a happening
        ("She campaigned hard in the 2016 election.", ["2016-01-01"]),
        ("He won a medal at the 2016 Olympics.", ["2016-01-01"]),
    ],
)
def test_event_kept(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year naming a thing under a preposition, on a clause telling a happening
        ("At the Louvre, the group helped contribute to the 1998 acquisitions.", ["1998-01-01"]),
        ("Six storms formed, followed by 2017's Irma and Maria.", ["2017-01-01"]),
    ],
)
def test_a_year_naming_a_thing_of_a_happening_is_kept(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text) == expected
