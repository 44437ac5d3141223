"""A person's name the parser made its sentence's root, its verb misread ("didn't
second-guess" read as a noun), is still that sentence's subject for the pronoun chain
(`pronoun_root_names`): the "he" after it is that person, not the one whose plan the sentence
names. Each test asserts what a member sees: the speaker key every quote of an invented text is
stored under."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analysis.quote_keys import speaker_keys


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # "Hale" is the root (the verb lost); "he said" is Hale, not Walsh
        (
            "Governor Mark Walsh said the plan would pass.\n\nRep. Tom Hale (R-Ohio), chairman "
            "of the House Budget Committee, didn't second-guess Walsh's plan on spending, but he "
            "did call for more oversight. “We need to see every dollar,” he said in a "
            "statement.\n",
            ["tom hale"],
        ),
        # guard: the same with the verb read: Hale, as before
        (
            "Governor Mark Walsh said the plan would pass.\n\nRep. Tom Hale, chairman of the "
            "House Budget Committee, questioned Walsh's plan on spending. “We need to see every "
            "dollar,” he said in a statement.\n",
            ["tom hale"],
        ),
    ],
)
def test_root_name_is_a_subject(nlp: Language, text: str, keys: list[str | None]) -> None:
    assert speaker_keys(nlp, text) == keys
