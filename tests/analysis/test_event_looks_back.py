"""A present that likens the news to what came before looks back (issue 12, direction).

"The strike echoes a walkout in June", written in March, is last June's walkout: a thing can
only echo, recall or evoke what has happened. Round 10 read such a present as taking the
nearest such month, which in March is the coming June. Relating verbs that may look either
way ("follows", "exceeds") keep the nearest reading.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

MARCH = date(2012, 3, 15)
AUGUST = date(2022, 8, 10)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The move echoes a walkout in June by the city's bus drivers.", MARCH, ["2011-06-01"]),
        ("The protest recalls a march in May by the same groups.", MARCH, ["2011-05-01"]),
        ("The scene evokes the riots in April across the region.", MARCH, ["2011-04-01"]),
        # a month behind the writing was already the nearest: round 10's case, unchanged
        ("The strike echoes a walkout in June by the city's bus drivers.", AUGUST, ["2022-06-01"]),
    ],
)
def test_a_present_of_likening_times_what_lies_behind(
    nlp: Language, text: str, published: date, expected: list[str]
) -> None:
    assert event_dates(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # relating either way: the nearest such month, as round 10 settled
        ("That figure follows 1.2 million in May.", MARCH, ["2012-05-01"]),
        # a plan ahead is still ahead
        ("The union will strike again in June.", MARCH, ["2012-06-01"]),
    ],
)
def test_other_relating_presents_and_plans_keep_their_side(
    nlp: Language, text: str, published: date, expected: list[str]
) -> None:
    assert event_dates(nlp, text, published) == expected
