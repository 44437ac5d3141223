"""Issue 12, round 31 (`analysis.event_compared`): the base of a change written after its amount
("down six points from early last month") and the point a counted span runs from ("nine weeks
after the dam was sealed April 3") are reference points, no time of the sentence's happening;
invented sentences."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

WRITTEN = date(2024, 6, 24)


def dated(nlp: Language, text: str) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, WRITTEN) if found != "None"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Overall the governor's rating stood at 38% in the poll, down six points from early "
         "last month.", []),
        ("On Friday, nine weeks after the dam was sealed April 3, the agency closed its "
         "emergency office.", ["2024-06-21"]),
    ],
)  # fmt: skip
def test_bases_and_counted_points(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guards: a change with its own date, a span's own clause, a date set off by a comma
        ("Shares fell 4 percent on Tuesday.", ["2024-06-18"]),
        ("Nine weeks after it opened, the dam was sealed on June 3.", ["2024-06-03"]),
        ("Three days after the vote, on Tuesday, the minister resigned.", ["2024-06-18"]),
    ],
)  # fmt: skip
def test_what_is_no_base(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected
