"""Issue 12, round 30 (`analysis.event_now`): "by the standards of today" and "by today's
standards" measure by the present age, no day's happening; invented sentences."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

WRITTEN = date(2025, 10, 23)


def dated(nlp: Language, text: str) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, WRITTEN) if found != "None"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“The rescue was painfully slow by the standards of today,” the captain recalls.", []),
        # guards: the day's own happenings 'of today'
        ("The results of today's vote were announced at noon.", ["2025-10-23"]),
        ("The minister set out new standards today.", ["2025-10-23"]),
    ],
)  # fmt: skip
def test_the_standards_of_today_are_the_age(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected
