"""Quote recall of issue 12's eleventh round: a curly quotation mark typed with no space between
it and the comma, colon or word before or after it ("she said,“Look at this”", "“We will win,”Holt
said"). Such a mark opened or closed nothing, so the quotation was never found, or a quotation
ran on past its end and hid the names after it. Each test is an invented sentence of that shape.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quote_spans import find_quote_spans
from analysis.quotes import extract_quotes


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


# --- end to end: the speech verb or the name is a token of its own ---------------------------


def _found(nlp: Language, text: str) -> list[tuple[str, str, str | None]]:
    """(kind, first words, speaker key) of every quote of a text."""
    doc = nlp(text)
    quotes = extract_quotes(doc, analyse_doc(doc))
    return [(q.kind, q.text[:12], q.speaker_key) for q in quotes]


@pytest.mark.parametrize(
    ("text", "words", "key"),
    [
        (
            "Senator Mary Holt spoke to reporters on Monday. She said,“Look at this mess, it is "
            "a disgrace.”",
            "Look at this",
            "mary holt",
        ),
        (
            "Mayor Dan Pruitt opened the bridge on Tuesday.\n\nPruitt said:“We waited ten years "
            "for this day.”",
            "We waited te",
            "dan pruitt",
        ),
        (
            "Coach Elena Marsh watched from the bench.\n\n“We played the best half of our "
            "season,”Marsh said after the game.",
            "We played th",
            "elena marsh",
        ),
    ],
)
def test_a_glued_quotation_is_attributed(nlp: Language, text: str, words: str, key: str) -> None:
    """The quote is found, direct, under the person who said it."""
    assert ("direct", words, key) in _found(nlp, text)


def test_the_tokenizer_splits_a_glued_mark_from_its_neighbours(nlp: Language) -> None:
    """ "said,“Look" is four tokens; "O’Malley" stays one."""
    doc = nlp("Martin O’Malley said,“Look here,”Holt added.")
    words = [t.text for t in doc]
    assert words[:7] == ["Martin", "O’Malley", "said", ",", "“", "Look", "here"]
    assert words[7:10] == [",", "”", "Holt"]
