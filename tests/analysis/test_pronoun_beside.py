"""A speaking he/she whose nearest subjects are all of the other gender is the one person of
its gender the sentence just named as an object or after a preposition, not a subject of an
older paragraph (`pronoun_beside`). Each test asserts what a member sees: the speaker key every
quote of an invented text is stored under."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analysis.quote_keys import speaker_keys

_SAID = "“The vote was fair,” Senator Ellen Marsh said on Monday.\n\n"
_WROTE = "\n\n“We need the trucks back on that road by Friday,” she wrote.\n"


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # the governor replies to the mayor's letter: "she wrote" is the mayor, not Marsh
        (
            _SAID + "Governor Paul Brandt was replying to a letter from Mayor Susan Okafor of "
            "Dayton, asking that the bridge be reopened." + _WROTE,
            ["ellen marsh", "susan okafor"],
        ),
    ],
)
def test_one_of_the_gender_beside(nlp: Language, text: str, keys: list[str | None]) -> None:
    assert speaker_keys(nlp, text) == keys


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # two women named beside him: neither is picked; the chain's Marsh, as before
        (
            _SAID + "Governor Paul Brandt was replying to a letter from Mayor Susan Okafor and "
            "Senator Ann Lutz, asking that the bridge be reopened." + _WROTE,
            ["ellen marsh", "ellen marsh"],
        ),
        # no woman named beside him: Marsh, as before
        (
            _SAID + "Governor Paul Brandt was replying to a letter from the mayor of Dayton, "
            "asking that the bridge be reopened." + _WROTE,
            ["ellen marsh", "ellen marsh"],
        ),
    ],
)
def test_one_of_the_gender_beside_guards(nlp: Language, text: str, keys: list[str | None]) -> None:
    assert speaker_keys(nlp, text) == keys
