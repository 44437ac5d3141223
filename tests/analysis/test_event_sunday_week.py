"""Issue 12, round 31 (`analysis.date_relative._week_just_ended`): "last week" written on a Sunday
is the week the Sunday ends, its working days just past, not the week before it; invented
sentences."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # written on Sunday 7 July 2024: the week of Monday 1 July
        ("The ministry voiced its regret last week over the closure of the border.",
         date(2024, 7, 7), ["2024-07-01"]),
        ("Early last week, the union called off the strike.", date(2024, 7, 7), ["2024-07-01"]),
        # guards: written on a Saturday or a Monday, the week before as ever
        ("The ministry voiced its regret last week over the closure of the border.",
         date(2024, 7, 6), ["2024-06-24"]),
        ("The ministry voiced its regret last week over the closure of the border.",
         date(2024, 7, 8), ["2024-07-01"]),
        # a Sunday's "next week" is left as it was
        ("The ministry will publish its report next week.", date(2024, 7, 7), ["2024-07-08"]),
    ],
)  # fmt: skip
def test_last_week_on_a_sunday(
    nlp: Language, text: str, published: date, expected: list[str]
) -> None:
    assert event_dates(nlp, text, published) == expected
