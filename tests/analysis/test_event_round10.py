"""Event-date rules of issue 12's tenth round: general shapes read from the errors of fresh
unlabelled news text (PolNeAR train, Timeline17), each on invented sentences of that shape."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

PUBLISHED = date(2022, 8, 9)  # a Tuesday


def dated(nlp: Language, text: str, published: date = PUBLISHED) -> list[str]:
    """The dates (ISO; a month or a year as its first day) of a text's events."""
    return event_dates(nlp, text, published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year naming a thing in the sentence before sets no year for the next one
        (
            "The court may overturn Brown, the 1954 ruling that ended segregation. In March,"
            " the governor said the state would appeal.",
            ["2022-03-01"],
        ),
        (
            "The park honours the 1969 landing on the moon. In June, the mayor opened it.",
            ["2022-06-01"],
        ),
        # a year opening its sentence still holds for the paragraph
        (
            "In 2005, the storm hit the coast. In July, the levees failed.",
            ["2005-01-01", "2005-07-01"],
        ),
    ],
)
def test_story_year_ends_with_its_sentence(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected
