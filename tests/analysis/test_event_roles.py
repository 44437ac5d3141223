"""Which date of a sentence is its event, and which way it points (issue 12): one sentence of
each shape that went wrong on real pages, run through the real pipeline, with its events."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from analysis.events import extract_events
from analysis.nlp import analyse_doc
from analysis.types import Precision

DAY, WEEK, MONTH, YEAR = Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.YEAR
FRIDAY = date(2023, 11, 3)  # the day each sentence was published, a Friday

Found = list[tuple[str, date | None, Precision]]


def events(nlp: Language, text: str, published: date = FRIDAY) -> Found:
    """Expression, date and precision of every event of `text`."""
    doc = nlp(text)
    found = extract_events(doc, analyse_doc(doc), published, DAY)
    return [(event.expression, event.date, event.precision) for event in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Blinken was also due to meet Jordan's foreign minister in Amman on Saturday.",
            [("on Saturday", date(2023, 11, 4), DAY)],
        ),
        (
            "The storm is expected to clear by Wednesday evening.",
            [("by Wednesday evening", date(2023, 11, 8), DAY)],
        ),
        ("The Lakers host the Celtics on Sunday.", [("on Sunday", date(2023, 11, 5), DAY)]),
        ("The tour resumes March 12th.", [("March 12th", date(2024, 3, 12), DAY)]),
        (
            "The charity is making its reserves free to young people from Monday.",
            [("from Monday", date(2023, 11, 6), DAY)],
        ),
        (
            "He expects to release a dozen cases in February.",
            [("in February", date(2024, 2, 1), MONTH)],
        ),
        (
            "The stakes are high for the candidates ahead of Tuesday's debate.",
            [("Tuesday", date(2023, 11, 7), DAY)],
        ),
        (
            "On Tuesday, Trump said of the upcoming ban that it will protect families.",
            [("On Tuesday", date(2023, 10, 31), DAY)],
        ),
        (
            "The debate will give voters a live demonstration, she said Tuesday.",
            [("Tuesday", date(2023, 10, 31), DAY)],
        ),
        (
            "The anthology is coming in e-book formats June 9 and as a hardcover in November.",
            [("June 9", date(2024, 6, 9), DAY), ("in November", date(2023, 11, 1), MONTH)],
        ),
    ],
)
def test_a_relative_date_points_the_way_its_clause_does(
    nlp: Language, text: str, expected: Found
) -> None:
    assert events(nlp, text) == expected


def test_a_plan_told_in_the_past_takes_the_nearest_day(nlp: Language) -> None:
    monday = date(2019, 12, 30)
    text = "The minister was due to sign the deal on Saturday."
    assert events(nlp, text, monday) == [("on Saturday", date(2019, 12, 28), DAY)]
