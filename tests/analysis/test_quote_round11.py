"""Quote recall of issue 12's eleventh round: a curly quotation mark typed with no space between
it and the comma, colon or word before or after it ("she said,“Look at this”", "“We will win,”Holt
said"). Such a mark opened or closed nothing, so the quotation was never found, or a quotation
ran on past its end and hid the names after it. Each test is an invented sentence of that shape.
"""

from __future__ import annotations

import pytest

from analysis.quote_spans import find_quote_spans


def _quoted(text: str) -> list[str]:
    """The words of every quotation found in a text."""
    return [text[s.start : s.end] for s in find_quote_spans(text)]


# --- the marks themselves -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (
            "She said,“Look at this mess, it is a disgrace.”",
            ["Look at this mess, it is a disgrace."],
        ),
        ("Pruitt said:“We waited ten years for this day.”", ["We waited ten years for this day."]),
        (
            "“We played the best half of our season,”Marsh said after the game.",
            ["We played the best half of our season"],
        ),
        (
            "“Nobody goes back to work tomorrow.”Vance said the strike would last a week.",
            ["Nobody goes back to work tomorrow."],
        ),
        (
            "“Where were you?”Alma asked, and Ruiz said,“At the depot.”",
            ["Where were you?", "At the depot."],
        ),
    ],
)
def test_a_curly_mark_glued_to_its_neighbour_opens_or_closes(text: str, quoted: list[str]) -> None:
    """“ after a comma or colon opens; ” after a comma or sentence stop, before a word, closes."""
    assert _quoted(text) == quoted


def test_a_closing_mark_glued_to_the_next_sentence_ends_the_quotation() -> None:
    """ "… so do voters!”After his rally …": the quotation ends at its mark, and a name after
    it ("America First" quoted, "Trump" not) is text again."""
    text = "“I want Main Street First - so do voters!”After his rally Trump left. “Go home.”"
    assert _quoted(text) == ["I want Main Street First - so do voters!", "Go home."]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Martin O’Malley’s aides said it was “over”.", ["over"]),  # apostrophes stay so
        ("The word“hello” was typed without a space.", []),  # glued to a letter: no opening
        ("He wrote 5”of rain fell on Monday.", []),  # after a digit: inches, no closing
    ],
)
def test_other_glued_marks_are_unchanged(text: str, quoted: list[str]) -> None:
    """Only a comma, colon or sentence stop makes a glued mark a quotation mark."""
    assert _quoted(text) == quoted
