"""Quote rules of issue 12's twenty-third round: general shapes of news English that left
quotations under the wrong entity on the development batches, each on an invented sentence of
its shape. Each test asserts what a member sees: the quote under the right entity, and nothing
under anyone else."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analysis.quote_keys import speaker_keys

# --- a company's first word alone, tagged as a person, is the company ------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Customers of Kessel Bank lined up on Friday.\n\n“Our systems are safe,” Kessel said.",
            "kessel bank",
        ),
        (
            "Harlow Stores shut its tills across the island on Monday after a cyber attack.\n\n"
            "“These problems affect our shoppers,” Harlow said.",
            "harlow stores",
        ),
        (
            "Brenton Foods Limited reported a loss on Tuesday.\n\n"
            "“We expect a better year,” Brenton said in a statement.",
            "brenton foods limited",
        ),
    ],
)
def test_a_company_s_first_word_tagged_as_a_person_is_the_company(
    nlp: Language, text: str, key: str
) -> None:
    assert speaker_keys(nlp, text) == [key]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # the word is a named person's surname: the person speaks, not the company
        (
            "Maria Kessel founded Kessel Bank in 1990.\n\n“Our systems are safe,” Kessel said.",
            "maria kessel",
        ),
        # a title before the word: a person
        (
            "Customers of Kessel Bank lined up on Friday.\n\n"
            "“Our systems are safe,” Mr. Kessel said.",
            "kessel",
        ),
        # the company's other words are not a kind of body: a body of its own
        (
            "Harlow Pictures released the film on Friday.\n\n“What a night,” Harlow said.",
            "harlow",
        ),
    ],
)
def test_a_person_keeps_the_word(nlp: Language, text: str, key: str) -> None:
    assert speaker_keys(nlp, text) == [key]
