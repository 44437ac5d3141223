"""Quote speakers of issue 12's round 20: a description after a quotation whose own sentence
names the speaker in its lead-in.

- "Cruz defends his record in a commercial: “…,” the senator says": the description ("the
  senator", "the mayor", "the Conservative leader") stands for the one person the words
  leading into the quotation are about, though the paragraph before is about someone else.
  Before, only the sentence before the quotation's and the paragraphs around were read, and a
  quotation opening its paragraph after a lead-in was left unlinked (or given to the paragraph
  before's person).
- The description must fit the offices the article gave that person ("Governor Ann Burke" is
  no senator); words that are no office ("Ted Cruz, a constitutional conservative", "a career
  politician") rule nothing out there, as the name is in the same sentence.
- When the lead-in names two people ("Burke and Cole sparred in a debate: “…,” the senator
  said") or one the description does not fit ("Governor Ann Burke signed …: “…,” the
  senator said"), the description is no one: not the person of the paragraph before either.
- A description before the quotation is part of the lead-in itself ("Asked about Sen. Ann
  Burke, the senator said: “…”") and is resolved as before.

Each test is an invented passage of such a shape.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analysis.quoted import speakers


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Senator Tom Hale spoke to reporters on Monday about the bill.\n\n"
            "Sen. Ted Cruz defends his record in a commercial running on Iowa TV: “Securing our "
            "borders is a matter of national security,” the senator says directly to the camera.",
            "ted cruz",
        ),
        (
            "Ted Cruz, a constitutional conservative, has been called a career politician.\n\n"
            "Cruz defends his record in a commercial running on Iowa TV: “Securing our borders "
            "is a matter of national security,” the senator says directly to the camera.",
            "ted cruz",
        ),
        (
            "The council met on Tuesday night to vote on the budget, and the vote was close.\n\n"
            "Jane Cole answered her critics on Facebook: “We will not raise taxes this year,” "
            "the mayor wrote.",
            "jane cole",
        ),
        (
            "Prime Minister Keir Starmer met the king on Monday.\n\n"
            "Rishi Sunak hit back in the Commons: “The Prime Minister has no plan,” the "
            "Conservative leader said.",
            "rishi sunak",
        ),
    ],
)
def test_a_description_after_a_lead_in_naming_the_speaker(
    nlp: Language, text: str, key: str
) -> None:
    assert speakers(nlp, text)[text.split("“")[1][:12]] == key


@pytest.mark.parametrize(
    "text",
    [
        (
            "Senator Tom Hale spoke to reporters on Monday.\n\n"
            "Sen. Ann Burke and Sen. Bill Cole sparred in a debate: “This bill is a disgrace,” "
            "the senator said."
        ),
        (
            "Senator Tom Hale spoke to reporters on Monday.\n\n"
            "Governor Ann Burke signed the bill in Albany: “This bill is a disgrace,” the "
            "senator said."
        ),
    ],
)
def test_a_lead_in_naming_no_one_person_the_description_fits(nlp: Language, text: str) -> None:
    assert speakers(nlp, text)["This bill is"] is None


def test_guard_a_description_before_the_quotation(nlp: Language) -> None:
    text = (
        "Senator Tom Hale spoke to reporters on Monday.\n\n"
        "Asked about Sen. Ann Burke, the senator said: “She has my full support.”"
    )
    assert speakers(nlp, text)["She has my f"] == "tom hale"


def test_guard_a_description_after_the_sentence_before(nlp: Language) -> None:
    text = (
        "Harry Reid blasted Rubio and defended Cruz in a recent interview. “I just think what "
        "Rubio has done is one of the worst machinations in politics,” the Senate minority "
        "leader said."
    )
    assert speakers(nlp, text)["I just think"] == "harry reid"


def test_guard_a_lead_in_whose_verb_gives_the_quotation(nlp: Language) -> None:
    text = (
        "Jeb Bush and Marco Rubio campaigned in New Hampshire on Saturday.\n\n"
        "Donald Trump took aim at his rivals at a rally in Iowa: “They are all talk and no "
        "action,” the businessman said."
    )
    assert speakers(nlp, text)["They are all"] == "donald trump"


def test_guard_a_lead_in_with_no_one_in_it(nlp: Language) -> None:
    text = (
        "Senator Tom Hale spoke to reporters on Monday.\n\n"
        "In a commercial running on Iowa TV: “This bill is a disgrace,” the senator said."
    )
    assert speakers(nlp, text)["This bill is"] == "tom hale"
