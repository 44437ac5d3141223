"""Issue 12, round 31 (`analysis.event_named_earlier`): a date naming an earlier thing in a clause
another date dates ("the effects of last week's blast widened on Monday") only says which thing is
meant, a second date; invented sentences."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

WRITTEN = date(2024, 5, 14)


def dated(nlp: Language, text: str) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, WRITTEN) if found != "None"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The effects of last week's refinery blast widened on Monday as smoke drifted over the "
         "city.", ["2024-05-13"]),
        ("The damage from last week's refinery blast grew Monday as firefighters searched the "
         "site.", ["2024-05-13"]),
        # guards: coordinated dates of one thing, two dates of the clause, a named thing alone
        ("The museum helped fund the 2001 and 2019 purchases of a Turner painting.",
         ["2001-01-01", "2019-01-01"]),
        ("The board met on Monday and again on Tuesday.", ["2024-05-13", "2024-05-14"]),
        ("Last week's refinery blast injured four workers.", ["2024-05-06"]),
    ],
)  # fmt: skip
def test_an_earlier_thing_named(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


def test_a_clause_date_read_as_an_apposition_stays(nlp: Language) -> None:
    """Guard: 'commence' read as a noun makes '20 September' its apposition; the clause's own
    date is no named thing (its year is another question)."""
    found = dated(
        nlp,
        "“As we know, those hearings commence (on) 20 September and the charity concert takes "
        "place in Leeds on 8 October.",
    )
    assert any(day.endswith("-09-20") for day in found)
    assert "2024-10-08" in found
