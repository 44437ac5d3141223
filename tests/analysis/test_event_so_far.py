"""Issue 12, round 30 (`analysis.event_so_far`): a period after 'so far' bounds a tally counted
up to now: no happening of a present state, nor a second date of a dated sentence; invented
sentences."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

WRITTEN = date(2025, 10, 23)  # a Thursday


def dated(nlp: Language, text: str) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, WRITTEN) if found != "None"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a present state counted so far: no event
        ("Copper prices are up by almost 9 percent so far in 2025, traders said.", []),
        ("The index is down 4 percent so far this month.", []),
        # a second date of a sentence the day already dates
        ("Wheat fell 3 percent on Thursday, taking its losses to 11 percent so far in October.",
         ["2025-10-23"]),
        # guards: a perfect's tally, a past tally, a plain period, 'far' alone
        ("Exports have risen 5 percent so far this year.", ["2025-01-01"]),
        ("So far in October, the firm sold two plants.", ["2025-10-01"]),
        ("Copper prices rose 9 percent in 2024.", ["2024-01-01"]),
        ("The team travelled far in October.", ["2025-10-01"]),
    ],
)  # fmt: skip
def test_a_so_far_period_bounds_a_tally(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected
