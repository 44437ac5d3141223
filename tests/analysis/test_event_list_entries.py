"""Issue 12, round 31 (`analysis.event_choice._entry_date`): a dated list's entry opening with
its date and a spaced dash is told in the historical present, whichever side of the writing it
lies: the nearest such day, not a day ahead read from its present tense; invented sentences."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

WRITTEN = date(2024, 7, 2)


def dated(nlp: Language, text: str) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, WRITTEN) if found != "None"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a timeline's entries: the spring just past, not next spring
        ("Key moments of the flood.\nMarch 14 - Engineers begin pumping water out of the "
         "tunnel to reach the trapped workers.", ["2024-03-14"]),
        ("Key moments of the flood.\nMay 9 - The council approves a plan to have the army "
         "rebuild the bridge.", ["2024-05-09"]),
        # the same with an en dash
        ("Key moments of the flood.\nApril 30 – A barge starts towing pumps to the dam.",
         ["2024-04-30"]),
    ],
)  # fmt: skip
def test_a_dash_entry_is_the_nearest_day(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guards: a colon entry as before, an entry still ahead, a date not opening its sentence
        ("March 14: Engineers begin pumping water out of the tunnel.", ["2024-03-14"]),
        ("July 9 - The council will vote on the new bridge.", ["2024-07-09"]),
        ("The council will vote on July 9 - or so it says.", ["2024-07-09"]),
    ],
)  # fmt: skip
def test_what_a_dash_does_not_change(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected
