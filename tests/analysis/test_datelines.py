"""Wire datelines cut from the front of a shown sentence (analysis.datelines)."""

from __future__ import annotations

import pytest

from analysis.datelines import without_dateline

REST = "The central bank raised its main rate by half a point on Wednesday."


@pytest.mark.parametrize(
    "dateline",
    [
        "WASHINGTON (Reuters) - ",
        "LONDON, Aug 22 (Reuters) - ",
        "TEHRAN, Iran (AP) — ",
        "(CNN) -- ",
        "BEIJING, March 3 (Xinhua) -- ",
        "MOSCOW (AFP) – ",
        "Rates rise again ANKARA | Wed Mar 9, 2022 8:21 pm EST ANKARA (Reuters) - ",
        "NEW DELHI (PTI/IANS): ",
    ],
)
def test_a_wire_dateline_and_what_ran_before_it_are_cut(dateline: str) -> None:
    assert without_dateline(dateline + REST) == REST


@pytest.mark.parametrize(
    "sentence",
    [
        REST,
        "The minister told Reuters on Friday that talks would resume in March.",
        "MOSCOW (Reuters) - Talks resumed.",  # too little would be left
        "An analyst quoted by the agency (Reuters) said nothing" + " more" * 60,
        "x" * 300 + " PARIS (Reuters) - " + REST,  # the credit is too far in
        "The court (the Reuters case) - heard it.",
    ],
)
def test_a_sentence_without_a_dateline_near_its_start_is_kept_whole(sentence: str) -> None:
    assert without_dateline(sentence) == sentence
