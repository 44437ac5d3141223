"""A surname before "of"/"at" and a body, tagged as one person ("Luccioni of Mila"), is the
person the article names in full (issue 12, session 23: found on a DEV page whose second half
extraction round 13 stored; the quotation after it went to an entity "Luccioni of Mila")."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from analysis.entities import surname_before_body
from analysis.nlp import analyse_doc


def _names(nlp: Language, text: str) -> dict[str, str]:
    """Each mention's text and the name it is stored under."""
    doc = nlp(text)
    return {m.text: m.name for m in analyse_doc(doc).mentions}


def test_a_surname_of_a_body_is_the_person_named_in_full(nlp: Language) -> None:
    names = _names(
        nlp,
        "Sasha Luccioni is a researcher who studies the energy use of large models. Luccioni "
        "of Mila helped organize the workshop in Vancouver. “There's a lot of interest in "
        "this,” Luccioni said.",
    )
    assert names["Luccioni of Mila"] == "Sasha Luccioni"
    assert "Luccioni of Mila" not in names.values()


def _doc(nlp: Language, text: str, people: tuple[str, ...]) -> Doc:
    """The text, with exactly these spans tagged PERSON (the model's tags vary by sentence)."""
    doc = nlp.make_doc(text)
    spans = [doc.char_span(text.index(p), text.index(p) + len(p), label="PERSON") for p in people]
    doc.ents = [span for span in spans if span is not None]
    return doc


@pytest.mark.parametrize(
    ("text", "people", "expected"),
    [
        (  # the shape: a full name ends in the word before "of"
            "Sasha Luccioni spoke. Luccioni of Mila organized it.",
            ("Sasha Luccioni", "Luccioni of Mila"),
            "Luccioni",
        ),
        (  # "at" as well
            "Dana Whitfield spoke. Whitfield at Stanford agreed.",
            ("Dana Whitfield", "Whitfield at Stanford"),
            "Whitfield",
        ),
        (  # a title: no full name ends in it
            "The Prince of Wales met Harry Kane.",
            ("Prince of Wales", "Harry Kane"),
            "",
        ),
        (  # the article never writes the person in full
            "Luccioni of Mila organized it.",
            ("Luccioni of Mila",),
            "",
        ),
        (  # a lowercase word after "of": no body's name
            "Sasha Luccioni spoke. Luccioni of the lab agreed.",
            ("Sasha Luccioni", "Luccioni of the lab"),
            "",
        ),
        (  # a full name before "of" is person_words' rule, not this one
            "Sasha Luccioni of Mila spoke.",
            ("Sasha Luccioni of Mila",),
            "",
        ),
    ],
)
def test_the_surname_only_when_a_full_name_ends_in_it(
    nlp: Language, text: str, people: tuple[str, ...], expected: str
) -> None:
    assert surname_before_body(_doc(nlp, text, people), people[-1]) == expected
