"""Quote rules of issue 12's twenty-fourth round: general shapes of news English that left a
he/she quotation under the wrong person on several development pages of different sites, each
on an invented sentence of its shape. Each test asserts what a member sees: the quote under the
right entity, and nothing under anyone else."""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quotes import extract_quotes


def _keys(nlp: Language, text: str) -> list[str | None]:
    """The speaker key of every quote of a text."""
    doc = nlp(text)
    return [q.speaker_key for q in extract_quotes(doc, analyse_doc(doc))]


# --- a subject inside a clause that hangs on another word is not what its sentence is about --


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a clause under a preposition ("about how …")
        (
            "Maria Lopes spoke to the court on Monday.\n\n"
            "Lopes also went into detail about how Greta Maxwell recruited the girls.\n\n"
            "She said: “She was going out to schools and recruiting girls.”",
            "maria lopes",
        ),
        # a relative clause on the object ("the effect Kareem may have")
        (
            "Omar Saleh lives in the north of the city. Many people there welcomed the news of "
            "Yahya Kareem's promotion.\n\nBut Saleh is aware of the effect Kareem may have on "
            "the talks.\n\n“He's the most wanted man in the region,” he said.",
            "omar saleh",
        ),
    ],
)
def test_a_pronoun_speaker_is_the_main_clause_s_subject(nlp: Language, text: str, key: str) -> None:
    assert _keys(nlp, text) == [key]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # the other person is the main clause's subject of the latest sentence: she is Maxwell
        (
            "Maria Lopes spoke to the court on Monday.\n\n"
            "Greta Maxwell recruited the girls, Lopes said. Then Maxwell went abroad.\n\n"
            "She said: “She was going out to schools and recruiting girls.”",
            "greta maxwell",
        ),
        # the speaker reports the other's clause: the speaker still
        (
            "Maria Lopes spoke to the court on Monday.\n\n"
            "Lopes said Greta Maxwell recruited the girls.\n\n"
            "She said: “She was going out to schools and recruiting girls.”",
            "maria lopes",
        ),
    ],
)
def test_a_main_clause_subject_keeps_the_pronoun(nlp: Language, text: str, key: str) -> None:
    assert _keys(nlp, text) == [key]
