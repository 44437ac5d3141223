"""Issue 12, round 31 (`analysis.event_habit.yearly_season`): a season of the year named as such
("winter", "summer", "monsoon") spanning months in the present is any year's, as "the hurricane
season lasts from June to November" was; invented sentences."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

WRITTEN = date(2024, 11, 12)


def dated(nlp: Language, text: str) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, WRITTEN) if found != "None"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The region's bitter winter which lasts from December to April often cuts off "
         "mountain villages.", []),
        ("The monsoon runs from June to September.", []),
        # guards: one winter, a past winter, no season
        ("This winter runs from December to April.", ["2024-12-01"]),
        ("The winter lasted from December to April.", ["2023-12-01"]),
        ("The exhibition runs from December to April.", ["2024-12-01"]),
    ],
)  # fmt: skip
def test_a_season_of_every_year(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected
