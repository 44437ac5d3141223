"""Issue 12, round 32 (`analysis.event_now.possible_today`): a "today" on a duty or a demand
("should start today", "has to carry out its role today") tells what ought to be, not the day's
happening; invented sentences."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

WRITTEN = date(2011, 4, 12)


def dated(nlp: Language, text: str) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, WRITTEN) if found != "None"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“The alliance has to do its job today, which means to protect the towns.”", []),
        ("“The council should start today to work on ending the unfair tax.”", []),
        ("“Parliament must act today,” she wrote.", []),
        # guards: a plan, a happening, a possibility the reader has
        ("Talks will resume today.", ["2011-04-12"]),
        ("The minister met the unions today.", ["2011-04-12"]),
        ("You can vote today at any library.", ["2011-04-12"]),
    ],
)  # fmt: skip
def test_a_duty_today(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected
