"""Issue 12, round 30 (`analysis.event_planned_thing`): a date naming a thing a participle of
planning modifies ('Thursday's planned march') is the nearest such day; invented sentences."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

WRITTEN = date(2025, 10, 22)  # a Wednesday


def dated(nlp: Language, text: str) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, WRITTEN) if found != "None"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a planned thing of a past clause: the next day's, not the Thursday before
        ("The union said the offer was not enough and called on its members to go ahead "
         "with Thursday's planned strike, said a spokesman.", ["2025-10-23"]),
        ("The party called on its supporters to continue with Thursday's planned rally.",
         ["2025-10-23"]),
        ("Residents were told to stay away from Friday's scheduled demolition.",
         ["2025-10-24"]),
        # guards: a planned thing of yesterday, a thing with no plan word, an upcoming one
        ("Farmers held Tuesday's planned protest despite the rain.", ["2025-10-21"]),
        ("The union urged its members to remember Monday's strike.", ["2025-10-20"]),
        ("Voters will turn out for Sunday's upcoming runoff.", ["2025-10-26"]),
    ],
)  # fmt: skip
def test_a_planned_thing_is_the_nearest_such_day(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text) == expected
