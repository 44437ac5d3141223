"""Quotes, round 5 (issue 12, session 8): a paragraph cut by a line break inside a quotation."""

from __future__ import annotations

from spacy.language import Language

from analysis.nlp import analyse_texts
from analysis.quote_spans import cut_in_quote, split_lines
from analysis.quotes import extract_quotes

CUT = (
    "Drew Fox owns a brewery in Hammond. He was also burning out on travel.\n\n"
    "\u201cI wanted to not be so dependent on beer,\u201d he says. \u201cBut also do something"
    " that was\n\nspecial to me.\u201d\n\nFox was raised in Chicago."
)


def _quotes(nlp: Language, text: str) -> list[tuple[str, str, str | None]]:
    ((doc, analysis),) = list(analyse_texts(nlp, [text]))
    return [(q.text, q.speaker_text, q.speaker_name) for q in extract_quotes(doc, analysis)]


def test_a_quote_before_a_line_break_inside_the_next_one_keeps_its_speaker(nlp: Language) -> None:
    found = _quotes(nlp, CUT)
    assert ("I wanted to not be so dependent on beer", "he", "Drew Fox") in found


def test_only_a_paragraph_ending_inside_a_quotation_after_a_sentence_is_cut() -> None:
    lines = split_lines(CUT)
    assert [cut_in_quote(CUT, line) for line in lines] == [False, True, False, False]
    headline = "Fox says \u201cBeer is great"
    assert not cut_in_quote(headline, split_lines(headline)[0])  # no sentence told before it


ASIDE = (
    "Ron DeSantis spoke first. \u201cHe owes it to you to be here,\u201d DeSantis said.\n\n"
    "And, DeSantis added, Trump promised Republicans would get tired of winning, but the"
    " elections showed that is not happening. \u201cI\u2019m sick of Republicans losing,\u201d"
    " he said.\n\nDonald Trump was not there."
)


def test_he_after_a_parenthetical_speaker_is_that_speaker_not_the_one_he_reports(
    nlp: Language,
) -> None:
    speakers = {text: name for text, _, name in _quotes(nlp, ASIDE)}
    assert speakers["I\u2019m sick of Republicans losing"] == "Ron DeSantis"
