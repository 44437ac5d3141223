"""Issue 12, round 33 (`analysis.event_misparsed_clauses.second_object`): an apposition the
parser read as a second object of the verb ("spells the end of network neutrality, a set of
rules the agency adopted in 2015") is a noun of the phrase before it, so a clause describing it
is a passing mention, not the date of a sentence whose own clause tells a state; invented
sentences."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

WRITTEN = date(2017, 1, 13)  # a Friday


def dated(nlp: Language, text: str) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, WRITTEN) if found != "None"]


@pytest.mark.parametrize(
    "text",
    [
        "Her exit likely spells the end of open data, a set of rules the board adopted under "
        "her leadership in 2014.",
        "The ruling likely spells the end of school choice, a set of rules the state adopted "
        "under his leadership in 2013.",
    ],
)
def test_a_clause_on_an_apposition_read_as_an_object_describes_it(nlp: Language, text: str) -> None:
    assert dated(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guards: the clause's own object, two objects with no comma, a clause's own date
        ("The move threatens the law the state passed in 2015.", ["2015-01-01"]),
        ("The airline's terminal includes the new lounge that it opened in 2015.",
         ["2015-01-01"]),
        ("The mayor said the council, a body voters created in 2015, met on Monday.",
         ["2017-01-09"]),
        ("The agency said the new rules took effect on Monday.", ["2017-01-09"]),
    ],
)  # fmt: skip
def test_other_clauses_keep_their_dates(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected
