"""Event-date rules of issue 12's sixth round (session 9): general shapes read from the errors of
the fourth held-out batch once it joined DEV, each on invented sentences of that shape."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from analysis.events import extract_events
from analysis.nlp import analyse_doc
from analysis.types import Precision

PUBLISHED = date(2020, 5, 16)  # a Saturday


def dated(nlp: Language, text: str, published: date = PUBLISHED) -> list[str]:
    """The dates (ISO) of a text's events, published on `published`."""
    doc = nlp(text)
    return [str(e.date) for e in extract_events(doc, analyse_doc(doc), published, Precision.DAY)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day (or a run of days) followed by "in YEAR" is one date of that year: the year is
        # the day's, not a second event of the sentence
        ("The festival will take place June 4-7 in 2022, the organisers said.", ["2022-06-04"]),
        ("The final was first planned to run from August 6-15 in 2021.", ["2021-08-06"]),
        ("The summit is now set for October 3 in 2021.", ["2021-10-03"]),
        ("The talks were held on 12 March in 2019.", ["2019-03-12"]),
    ],
)
def test_day_with_its_year(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected
