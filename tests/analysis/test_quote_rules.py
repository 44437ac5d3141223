"""Quote rules added for issue 12 (second round): each on an invented sentence of its shape."""

from __future__ import annotations

from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quotes import extract_quotes
from analysis.types import Quote


def quotes_of(nlp: Language, text: str) -> tuple[Quote, ...]:
    """Parse a text and extract its quotes, as ingestion does."""
    doc = nlp(text)
    return extract_quotes(doc, analyse_doc(doc))


def found(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    """(quoted words, speaker key) of every quote of a text."""
    return [(q.text, q.speaker_key) for q in quotes_of(nlp, text)]


def test_a_paragraph_ending_in_a_replacement_character_is_no_headline(nlp: Language) -> None:
    # A page decoded with the wrong charset: its no-break spaces became U+FFFD, also at the end
    # of paragraphs, which then no longer end like sentences.
    text = (
        "Lawmakers met on Monday.\ufffd\n\n"
        '"It has been a hard week," Dana Whitfield said Tuesday at a news conference.\ufffd'
    )
    assert found(nlp, text) == [("It has been a hard week", "dana whitfield")]


def test_a_quotation_signed_with_a_dash_and_a_name_is_that_persons(nlp: Language) -> None:
    # Readers' comments, testimonials and epigraphs: the quote opens the paragraph and a dash
    # and the name close it (here one opens with a closing mark, as such lists often do).
    text = (
        "Readers sent us their views after the debate.\n\n"
        "“The plan is a disgrace and he knows it.” ― Dana Whitfield\n"
        "”Fear. I am afraid of what comes next.” — Carlos Mendoza."
    )
    assert found(nlp, text) == [
        ("The plan is a disgrace and he knows it.", "dana whitfield"),
        ("Fear. I am afraid of what comes next.", "carlos mendoza"),
    ]


def test_a_dash_after_a_quote_inside_a_sentence_signs_nothing(nlp: Language) -> None:
    text = "He called it “a disgrace” — Dana Whitfield disagreed on Monday."
    assert all(key != "dana whitfield" for _, key in found(nlp, text))
