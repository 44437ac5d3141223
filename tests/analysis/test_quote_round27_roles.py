"""Speaker rules of issue 12's twenty-seventh round, a speaker written as "the <role>" where the
role is a hyphenated title the parse splits ("the president-elect", "the prime
minister-designate", "the secretary-general"): the one person the article gave that title,
before the name or set off beside it, when the paragraphs are about that person; with guards
where two people hold the title, no one does, or the paragraph is about someone else. Each test
asserts what a member sees: the speaker key every quote of an invented text is stored under."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analysis.quote_keys import speaker_keys


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # the title before the name, the description in the next paragraph
        (
            "President-elect Mark Doyle named a new trade adviser on Friday, picking a longtime "
            "ally for the post.\n\n“She is a tireless advocate of our plan,” the president-elect "
            "said in a statement.",
            "mark doyle",
        ),
        # the title on a possessor ("… Doyle's transition team announced")
        (
            "President-elect Mark Doyle's transition team announced on Monday that banker Carl "
            "Hahn will serve as his trade adviser.\n\n“Carl was with me from the beginning,” the "
            "president-elect said in a statement released by his team.",
            "mark doyle",
        ),
        # the title set off after the name
        (
            "Anna Novak, the mayor-elect, toured the bus depot on Friday with her new "
            "team.\n\n“We will run more buses at night,” the mayor-elect said.",
            "anna novak",
        ),
        # "-general", the title set off after the name
        (
            "Jane Roe, the secretary-general of the alliance, flew to Geneva on Friday for the "
            "talks.\n\n“We expect a deal by the spring,” the secretary-general told reporters.",
            "jane roe",
        ),
    ],
)
def test_a_hyphenated_title_speaks_for_its_one_holder(nlp: Language, text: str, key: str) -> None:
    assert speaker_keys(nlp, text) == [key]


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # two governors-elect: the description is neither's
        (
            "Governor-elect Mark Doyle met Governor-elect Anna Novak on Friday to talk about "
            "the border.\n\n“We agreed on the roads,” the governor-elect said.",
            [None],
        ),
        # no one is given the title: nothing ties the description to the name
        (
            "Mark Doyle named a new trade adviser on Friday, picking a longtime ally for the "
            "post.\n\n“She is a tireless advocate of our plan,” the president-elect said.",
            [None],
        ),
        # the paragraph is about the sitting president, who is no president-elect
        (
            "President-elect Mark Doyle will take office in January.\n\nPresident Anna Novak "
            "spoke at the summit on Friday. “We agreed on the roads,” the president-elect said.",
            [None],
        ),
        # "-designate", the office itself two words, which the parse already reads
        (
            "Prime Minister-designate Anna Novak met the king on Friday to present her "
            "cabinet.\n\n“We will form a government within weeks,” the prime minister-designate "
            "said.",
            ["anna novak"],
        ),
        # plain roles keep going to the one titled with them
        (
            "President Anna Novak spoke at the summit on Friday, and the talks went on.\n\n“We "
            "agreed on the roads,” the president said.",
            ["anna novak"],
        ),
        (
            "Sen. Jane Roe filed a bill on Tuesday to fund the new bridge across the river.\n\n"
            "“This bridge is long overdue,” the senator said in a statement.",
            ["jane roe"],
        ),
        (
            "The board on Monday named Anna Novak, the chief executive of Brightline Bank, to "
            "lead the review.\n\n“We will look at every loan,” the chief executive said.",
            ["anna novak"],
        ),
    ],
)
def test_a_hyphenated_title_guards(nlp: Language, text: str, keys: list[str | None]) -> None:
    assert speaker_keys(nlp, text) == keys
