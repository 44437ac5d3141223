"""Issue 12, round 32 (`analysis.event_targeted`): "as soon as" a day, and a day a clause arranges
something for ("has called a meeting for Wednesday"), point ahead; invented sentences."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

WRITTEN = date(2011, 4, 26)  # a Tuesday


def dated(nlp: Language, text: str) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, WRITTEN) if found != "None"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The debris would be gathered in nets and burned as soon as Friday.", ["2011-04-29"]),
        ("The league has called an emergency meeting of club owners for Thursday.",
         ["2011-04-28"]),
        ("The union called a strike for Wednesday.", ["2011-04-27"]),
        # guards: a past clause's own day, a thing's possessive day, "as early as" looking back
        ("The union called a strike on Monday.", ["2011-04-25"]),
        ("He was praised for Monday's speech.", ["2011-04-25"]),
        ("The company knew of the flaw as early as Monday.", ["2011-04-25"]),
    ],
)  # fmt: skip
def test_days_aimed_at(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected
