"""Issue 12, round 32 (`analysis.event_passing.moved_from`): the date a moving verb takes a thing
away from ("postponed from its usual first Saturday in May") is the old time, no happening;
invented sentences."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

WRITTEN = date(2024, 9, 4)  # a Wednesday


def dated(nlp: Language, text: str) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, WRITTEN) if found != "None"]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The county fair was postponed from its usual second Sunday in June because of the "
         "floods.", ["2024-06-01"]),
        ("The county fair was postponed from its usual second Sunday in June because of the "
         "floods.", ["2024-09-01"]),
        ("The hearing has been pushed back from May 3 to June 10.", ["2024-05-03"]),
        ("The council vote was moved from Tuesday to Thursday.", ["2024-09-03"]),
        ("This year's county fair was postponed from its usual second Sunday in June.",
         ["2024-06-01", "2024-01-01"]),
    ],
)  # fmt: skip
def test_the_old_time_is_no_event(nlp: Language, text: str, absent: list[str]) -> None:
    found = dated(nlp, text)
    assert not any(day in found for day in absent)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guards: the new time, a move in space dated by the clause, a start of a change
        ("The council vote was postponed to Thursday.", ["2024-09-05"]),
        ("The council moved its meeting from the town hall to the library on Monday.",
         ["2024-09-02"]),
        ("Water bills will rise from April.", ["2025-04-01"]),
        ("The fair moved to the riverside park in 2019.", ["2019-01-01"]),
        ("The festival was moved from May to June in 2019.", ["2019-01-01"]),
    ],
)  # fmt: skip
def test_other_moves_keep_their_dates(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected
