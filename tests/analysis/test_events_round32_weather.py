"""Issue 12, round 32 (`analysis.event_weather`): a forecast of the weather or of a day's
weather ("Wednesday is forecast to be even colder", "temperatures should climb back up on
Thursday") is no happening; invented sentences."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

WRITTEN = date(2024, 1, 9)  # a Tuesday


def dated(nlp: Language, text: str) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, WRITTEN) if found != "None"]


@pytest.mark.parametrize(
    "text",
    [
        "Thursday is forecast to be even windier than the start of the week.",
        "Friday will be dry and sunny across the hills.",
        "The cold snap should ease Thursday before temperatures drop again on Saturday.",
        "Overnight lows will reach minus eight on Friday, the weather service said.",
        "Heavy snow is expected to cause delays on Thursday.",
    ],
)
def test_a_forecast_weather_is_no_event(nlp: Language, text: str) -> None:
    assert dated(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guards: weather that happened, a named storm, a day's weight, a day's deadline
        ("Temperatures set a record for January on Monday.", ["2024-01-08"]),
        ("Snow fell across the hills on Monday.", ["2024-01-08"]),
        ("Storm Hilda will reach the coast on Thursday.", ["2024-01-11"]),
        ("Friday will be busy for the mayor, who opens the new bridge.", ["2024-01-12"]),
        ("Friday is the deadline for applications.", ["2024-01-12"]),
    ],
)  # fmt: skip
def test_other_days_keep_their_dates(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected
