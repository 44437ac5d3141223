"""A paragraph's opening mark that smart-quote software turned into a closing one, because a
space and an ellipsis came next ("” … we kept", for "“ … we kept"), still opens its quotation."""

from __future__ import annotations

from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quote_spans import find_quote_spans
from analysis.quotes import extract_quotes


def found(nlp: Language, text: str) -> list[tuple[str, str, str | None]]:
    """(kind, first words, speaker key) of every quote of a text."""
    doc = nlp(text)
    return [(q.kind, q.text[:18], q.speaker_key) for q in extract_quotes(doc, analyse_doc(doc))]


def test_a_turned_opener_before_an_ellipsis_opens_the_paragraph_quotation(nlp: Language) -> None:
    text = (
        "Writing for a regional paper, Mark Delaney praised the mayor's budget speech.\n\n"
        "” … she laid out the numbers with a calm that the council had not seen in years,” "
        "Delaney wrote."
    )
    assert found(nlp, text) == [("direct", "… she laid out the", "mark delaney")]


def test_three_full_stops_as_the_ellipsis(nlp: Language) -> None:
    text = (
        "Governor Ellen Marsh spoke about the flood on Tuesday.\n\n"
        "” ... what we learned from the families is that help has to come sooner,” Marsh said."
    )
    assert found(nlp, text) == [("direct", "... what we learne", "ellen marsh")]


def test_guard_a_closing_mark_after_words_still_closes() -> None:
    text = "“We kept the road open,” he said, “ … and the bridge too.”"
    spans = [text[s.start : s.end] for s in find_quote_spans(text)]
    assert spans == ["We kept the road open", "… and the bridge too."]


def test_guard_a_closing_mark_inside_a_paragraph_before_an_ellipsis_opens_nothing() -> None:
    text = "“The plan works for everyone in town,” … the rest of the letter was lost."
    spans = [text[s.start : s.end] for s in find_quote_spans(text)]
    assert spans == ["The plan works for everyone in town"]


def test_guard_a_turned_opener_before_a_word_is_as_before(nlp: Language) -> None:
    text = "Tom Ruiz spoke on Monday.\n\n”We will build it this year,” Ruiz said."
    assert found(nlp, text) == [("direct", "We will build it t", "tom ruiz")]
