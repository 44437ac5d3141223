"""Issue 12, round 32 (`analysis.event_named_earlier`): a date naming a thing in a prepositional
phrase ("in connection with an April 8 shooting", "a suspect in a robbery last week") only says
which thing is meant when another date dates the clause; invented sentences."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

WRITTEN = date(2024, 4, 16)  # a Tuesday


def dated(nlp: Language, text: str) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, WRITTEN) if found != "None"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Last week, detectives charged a driver in connection with an April 10 crash on the "
         "ring road.", ["2024-04-08"]),
        ("A second suspect in a robbery last week at a city pharmacy surrendered Monday.",
         ["2024-04-15"]),
        # guards: the clause's own finer date, a named subject, a named thing alone
        ("Last week, the council sold the depot on April 10.", ["2024-04-10"]),
        ("In 2005, Katrina's August 29 landfall devastated the coast.", ["2005-08-29"]),
        ("Detectives charged a driver in connection with an April 10 crash.", ["2024-04-10"]),
    ],
)  # fmt: skip
def test_a_thing_named_in_a_phrase(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected
