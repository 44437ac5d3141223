"""Issue 12, round 30 (`analysis.event_ahead._planned_infinitive`): a to-infinitive of purpose
hung on a past clause is told in the past even when the sentence's root is a report in the
present perfect; invented sentences."""

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
        # the infinitive's clause is past: the Wednesday just gone, not the coming one
        ("In the capital, police launched an operation to round up gang members on Wednesday, "
         "killing at least four, the ministry has said.", ["2025-10-22"]),
        ("Troops moved into the town to disarm militias on Wednesday, the army has said.",
         ["2025-10-22"]),
        # guards: a thing's plan in a sentence told now, a plan ahead, a past purpose
        ("Leaders gather for the summit, to be held on Tuesday in Lisbon.", ["2025-10-28"]),
        ("Ministers will meet on Friday to sign the treaty.", ["2025-10-24"]),
        ("Troops arrived on Monday to guard the polls.", ["2025-10-20"]),
    ],
)  # fmt: skip
def test_a_purpose_infinitive_of_a_past_clause_is_past(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text) == expected
