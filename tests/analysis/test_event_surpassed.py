"""Issue 12, round 30 (`analysis.event_reference._COMPARING_VERBS`): a date naming what a
clause beats or tops is the base it is measured against, no happening of the sentence;
invented sentences."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

WRITTEN = date(2025, 10, 23)


def dated(nlp: Language, text: str) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, WRITTEN) if found != "None"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is beaten is dated, not the beating
        ("The audience figures beat the 2019 launch of the rival quiz show and made it the "
         "most watched programme of the night.", []),
        # guards: the beating's own day, a plain object with a date
        ("Leeds beat Hull on Saturday.", ["2025-10-18"]),
        ("Leeds topped the table on Saturday.", ["2025-10-18"]),
        ("Leeds sold tickets for the 2019 launch of the stadium.", ["2019-01-01"]),
    ],
)  # fmt: skip
def test_what_a_clause_beats_is_a_base(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected
