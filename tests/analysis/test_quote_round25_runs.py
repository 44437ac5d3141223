"""Quote rules of issue 12's twenty-fifth round on how a quotation is laid out over
paragraphs and sentences: a quotation running over several paragraphs (each left open, the
next opening with a mark) attributed only in a later paragraph, a quotation whose closing mark
is left off before the next one opens in the same paragraph, and a double opening mark closed
with a single one. Each shape on invented sentences, asserting what a member sees (the quote
under the right entity), with guards for look-alike shapes that must not change."""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quote_spans import find_quote_spans
from analysis.quotes import extract_quotes


def _quotes(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    """(the quoted words' start, the speaker key) of every quote of a text."""
    doc = nlp(text)
    return [(q.text[:20], q.speaker_key) for q in extract_quotes(doc, analyse_doc(doc))]


def _spans(text: str) -> list[str]:
    """The quoted words of every quotation the marks pair."""
    return [text[s.start : s.end] for s in find_quote_spans(text)]


# --- a run of paragraphs attributed in its last one ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        (
            "The minister answered questions from reporters on Monday.\n\n"
            "“New readings of the treaty will not end the dispute. They will not bring the "
            "fishermen home.\n\n"
            "“We ask both sides to return to the table,” Petra Novak concluded."
        ),
        # three paragraphs: the middle one left open too
        (
            "The minister answered questions from reporters on Monday.\n\n"
            "“New readings of the treaty will not end the dispute.\n\n"
            "“They will not bring the fishermen home.\n\n"
            "“We ask both sides to return to the table,” said Petra Novak."
        ),
    ],
)
def test_a_run_is_its_last_paragraph_s_speaker_s(nlp: Language, text: str) -> None:
    quotes = _quotes(nlp, text)
    assert quotes[0] == ("New readings of the ", "petra novak")
    assert {key for _, key in quotes} == {"petra novak"}


def test_a_run_after_a_named_speaker_keeps_the_name_for_a_pronoun(nlp: Language) -> None:
    text = (
        "Lena Brandt, the harbour master, spoke on Monday.\n\n"
        "“We will dredge the channel. It will take two years.\n\n"
        "“But we will not close the port,” she said."
    )
    doc = nlp(text)
    quotes = extract_quotes(doc, analyse_doc(doc))
    assert [q.speaker_key for q in quotes] == ["lena brandt", "lena brandt"]
    assert quotes[0].speaker_text == "Lena Brandt"


def test_guard_a_paragraph_closed_is_no_run(nlp: Language) -> None:
    # the first paragraph is closed: the second paragraph's attribution is its own
    text = (
        "The minister answered questions from reporters on Monday.\n\n"
        "“New readings of the treaty will not end the dispute.”\n\n"
        "“We ask both sides to return to the table,” Petra Novak concluded."
    )
    assert ("New readings of the ", "petra novak") not in _quotes(nlp, text)


def test_guard_a_run_stays_with_the_speaker_before_it(nlp: Language) -> None:
    # attributed where it opens: the later paragraph's own trailer does not take it over
    text = (
        "“We will dredge the channel,” said Lena Brandt, the harbour master. “It will take "
        "two years.\n\n“But we will not close the port.”"
    )
    assert {key for _, key in _quotes(nlp, text)} == {"lena brandt"}


# --- a quotation left open before the next one opens in its paragraph -------------------------


def test_a_quotation_left_open_before_the_next_is_one_of_its_own(nlp: Language) -> None:
    text = (
        "Karl Henning runs a bakery in the town.\n\n"
        "He added, “We have been trying to warn people. You need to be careful. “Because "
        "the flour is dearer, you need to plan ahead.”"
    )
    quotes = _quotes(nlp, text)
    assert ("We have been trying ", "karl henning") in quotes
    assert ("Because the flour is", "karl henning") in quotes


def test_a_straight_quotation_left_open_before_the_next(nlp: Language) -> None:
    text = (
        '"I would back anything that passes," Dana Whitfield said. "I would sign anything '
        'with sixty votes. "Do not make people think you have the votes."'
    )
    quotes = _quotes(nlp, text)
    assert ("I would sign anythin", "dana whitfield") in quotes


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # words quoted inside the first, at a sentence's start, closed after them
        (
            "He said: “It is over. “Winning” is a word for others, not for us.”",
            ["It is over. “Winning” is a word for others, not for us."],
        ),
        # an opener after a word that ends no sentence: words quoted inside, nothing mended
        (
            "She said “we will “win” the day” and left.",
            ["we will “win” the day"],
        ),
    ],
)
def test_guard_words_quoted_inside_are_not_a_quotation_left_open(
    text: str, quoted: list[str]
) -> None:
    assert _spans(text) == quoted


# --- a double opening mark closed with a single one -------------------------------------------


def test_a_double_opener_closed_by_a_single_mark(nlp: Language) -> None:
    text = (
        "Tomas Green accepts that colleges face risks. “This plan rests on a vaccine coming "
        "soon. We cannot depend on that,’ he says."
    )
    quotes = _quotes(nlp, text)
    assert quotes == [("This plan rests on a", "tomas green")]


def test_guard_a_single_mark_closing_a_nested_quotation() -> None:
    # the single mark closes the words quoted inside, not the double opener
    text = "She said: “They called it ‘fake news,’ and we did not agree."
    assert _spans(text) == ["fake news"]


# --- a closing mark typed as an opening one ------------------------------------------------


def test_a_paragraph_closed_with_an_opening_mark_is_no_headline(nlp: Language) -> None:
    text = (
        "Publisher Irene Vasko said in a statement: “In these times we prefer to give a "
        "voice to an artist, rather than silence him.“"
    )
    assert _quotes(nlp, text) == [("In these times we pr", "irene vasko")]


def test_guard_a_line_ending_in_an_opening_mark_after_a_word_stays_a_headline(
    nlp: Language,
) -> None:
    # a title or caption that ends with a mark after a word, not after a sentence stop
    text = "Mayor Lin Ortega says “no way“\n\nThe council met on Monday."
    assert _quotes(nlp, text) == []


def test_guard_a_stub_left_open_before_a_quotation_stays_abandoned() -> None:
    # two words and a stop before the next opener: a stray mark, not a sentence of its own
    assert _spans("“Red sky. “Storms come,” she said.") == ["Storms come"]
