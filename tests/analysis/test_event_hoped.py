"""Issue 12, round 30 (`analysis.event_hoped`): a 'would' clause that is what someone hopes or
expects points ahead of the hoping, as one a reporting verb holds does; invented sentences."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

WRITTEN = date(2025, 10, 20)  # a Monday


def dated(nlp: Language, text: str) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, WRITTEN) if found != "None"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the hope's clause with 'would': ahead of the day written (it had gone back a week)
        ("Visiting the port, the mayor said the city was already talking to the unions and "
         "hoped a deal on the new rota would be signed by Wednesday.", ["2025-10-22"]),
        # guards: a 'would' a saying holds (already ahead), a plain past, a hope of the past
        ("Officials said the bridge would reopen on Wednesday.", ["2025-10-22"]),
        ("The mayor hoped for a deal and signed it on Wednesday.", ["2025-10-15"]),
        ("The council met on Wednesday and hoped for the best.", ["2025-10-15"]),
    ],
)  # fmt: skip
def test_a_hoped_would_points_ahead(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected
