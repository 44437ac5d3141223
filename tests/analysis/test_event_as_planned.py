"""Issue 12, round 31 (`analysis.event_as_planned`): a date the parser hangs on an "as"
participle of manner ("as scheduled", "as planned") takes the time of the clause above, not a
plan's; invented sentences."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

WRITTEN = date(2024, 10, 4)


def dated(nlp: Language, text: str) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, WRITTEN) if found != "None"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She stepped down from the navy, as scheduled, on July 31 - but stayed on as an "
         "adviser.", ["2024-07-31"]),
        # guards: the plan itself, a plan ahead, a past "as expected"
        ("The talks were scheduled for July 31.", ["2024-07-31"]),
        ("The talks, as planned, will resume on Thursday.", ["2024-10-10"]),
        ("The vote went ahead, as expected, on Tuesday.", ["2024-10-01"]),
    ],
)  # fmt: skip
def test_as_scheduled(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected
