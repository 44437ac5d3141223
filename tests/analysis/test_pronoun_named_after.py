"""A subject that is a description with the person's name after "named"/"called" ("a worker
named Luis Arroyo had nothing but praise …") is that person for the pronoun chain, so the next
"he said" is Arroyo, not a man named paragraphs before (`pronoun_named_after`). Each test asserts
what a member sees: the speaker key every quote of an invented text is stored under."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analysis.quote_keys import speaker_keys

_VISIT = "Governor Paul Brandt visited the plant on Monday.\n\nAt the gate, a worker "
_PRAISE = (
    " Luis Arroyo had nothing but praise for his job. “The pay is fair and the shifts are "
    "short,” he said.\n"
)


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        (_VISIT + "named" + _PRAISE, ["luis arroyo"]),
        (_VISIT + "called" + _PRAISE, ["luis arroyo"]),
        # guard: a worker who knew Arroyo is not Arroyo: the chain's Brandt, as before
        (_VISIT + "who knew" + _PRAISE, ["paul brandt"]),
    ],
)
def test_named_after_a_description(nlp: Language, text: str, keys: list[str | None]) -> None:
    assert speaker_keys(nlp, text) == keys
