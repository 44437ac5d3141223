"""A verb of manner ("yelling", "chanting") as a participle with a subject of its own, as in an
absolute "with X yelling: “…”", gives its subject the words, as the finite verb does; one
borrowing a subject ("…, while chanting, “…”") still does not."""

from __future__ import annotations

from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quotes import extract_quotes


def found(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    """(first words, speaker key) of every quote of a text."""
    doc = nlp(text)
    return [(q.text[:20], q.speaker_key) for q in extract_quotes(doc, analyse_doc(doc))]


def test_with_a_name_yelling_before_a_colon(nlp: Language) -> None:
    text = (
        "Governor Mark Ellison held a rally in Dayton on Saturday.\n\n"
        "Some of his supporters shoved a heckler near the stage, with Ellison reportedly "
        "yelling: “Get him out of this building now!”"
    )
    assert found(nlp, text) == [("Get him out of this ", "mark ellison")]


def test_guard_a_participle_borrowing_its_subject_gives_no_one_the_words(nlp: Language) -> None:
    text = (
        "The Panthers played the Vikings on Sunday.\n\n"
        "The fans marched around the stadium, while chanting, “We want a new coach now!”"
    )
    assert found(nlp, text) == []


def test_guard_the_finite_verb_is_as_before(nlp: Language) -> None:
    text = "Mark Ellison spoke in Dayton.\n\nEllison yelled, “Get him out of this building now!”"
    assert found(nlp, text) == [("Get him out of this ", "mark ellison")]
