"""A person named inside a subjectless participle clause that opens the pronoun's sentence
("Asked whether Susan Okafor would win, she replied") is what the clause is about, not the
pronoun, whose subject the clause shares (`pronoun_controlled`). Each test asserts what a member
sees: the speaker key every quote of an invented text is stored under."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analysis.quote_keys import speaker_keys

_SAID = "“We will finish the bridge,” Senator Ellen Marsh said on Monday.\n\n"
_ANSWER = " “I will wait and see what happens.”\n"


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        (
            _SAID + "Asked about her plans in the event that Susan Okafor wins the primary, she "
            "replied:" + _ANSWER,
            ["ellen marsh", "ellen marsh"],
        ),
        (
            _SAID + "Asked whether Susan Okafor would win the primary, she replied:" + _ANSWER,
            ["ellen marsh", "ellen marsh"],
        ),
    ],
)
def test_name_in_the_question_is_not_the_pronoun(
    nlp: Language, text: str, keys: list[str | None]
) -> None:
    assert speaker_keys(nlp, text) == keys


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # guard: a finite clause with its own subject: Okafor, as before
        (
            _SAID + "When Susan Okafor won the primary, she said:" + _ANSWER,
            ["ellen marsh", "susan okafor"],
        ),
    ],
)
def test_name_as_the_clause_subject_is_kept(
    nlp: Language, text: str, keys: list[str | None]
) -> None:
    assert speaker_keys(nlp, text) == keys
