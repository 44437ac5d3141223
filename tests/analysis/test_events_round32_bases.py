"""Issue 12, round 32: what a clause eclipses, read as the year itself ("could eclipse the 1993
flood"), and a part of a year a change is measured from ("rose from the first half of 2021") are
reference points (`event_reference._compared`, `event_passing.part_base`); invented sentences."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

WRITTEN = date(2022, 9, 14)


def dated(nlp: Language, text: str) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, WRITTEN) if found != "None"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The spill threatens to eclipse the 1978 Amoco Cadiz wreck as the worst in Europe.", []),
        ("This fire could eclipse the 1871 Chicago blaze as the costliest ever.", []),
        ("Burglaries in the first half of 2022 have fallen from the first half of 2021 in every "
         "district.", ["2022-01-01"]),
        ("Sales fell 4 percent from the same period of 2021.", []),
        # guards: a surpassing dated by its clause, a start, a part of a year as a setting
        ("Sales topped forecasts on Tuesday.", ["2022-09-13"]),
        ("Water bills will rise from April.", ["2023-04-01"]),
        ("Profits rose in the first half of 2021.", ["2021-01-01"]),
    ],
)  # fmt: skip
def test_bases(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected
