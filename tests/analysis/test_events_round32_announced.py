"""Issue 12, round 32 (`analysis.event_announced`): what a dated statement noun says ("the
agency's announcement on Thursday that it will close the line from Monday, June 8") is the
content of a dated statement, even when the parser hangs the that-clause on the verb; invented
sentences."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

WRITTEN = date(2020, 6, 5)  # a Friday


def dated(nlp: Language, text: str) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, WRITTEN) if found != "None"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This comes on the heels of the DOT's announcement on Thursday that it will suspend "
         "ferry service each night from 1 a.m. to 5 a.m. beginning on Wednesday, June 10.",
         ["2020-06-04"]),
        ("It follows the port's announcement on Thursday that it will halt ferry service each "
         "night from midnight to 6 a.m. starting on Wednesday, June 10.", ["2020-06-04"]),
        # guards: two happenings coordinated, a that-clause after no statement noun
        ("The decision came on Thursday, and the coastal line will close on June 13.",
         ["2020-06-04", "2020-06-13"]),
        ("The operator said on Thursday that the coastal line will close on June 13.",
         ["2020-06-04"]),
        ("The coastal line will close on June 13, a spokesman said.", ["2020-06-13"]),
    ],
)  # fmt: skip
def test_the_content_of_a_dated_statement(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected
