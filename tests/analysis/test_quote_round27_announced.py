"""Quote rule of issue 12's twenty-seventh round (lead): a paragraph that announces the words
below it with a full stop where a colon could stand ("Doyle said the following.", "She responded
as follows.", "He had this to say.") introduces the quoted paragraphs after it, as "Doyle said:"
does. Guards: a paragraph that ends so with no speaker ("The schedule is as follows.") gives the
quotation no one, and "the following" inside a sentence announces nothing. Each test asserts
what a member sees: the speaker key every quote of an invented text is stored under."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analysis.quote_keys import speaker_keys

_LEAD = "Governor Mark Doyle spoke to reporters on Sunday about the budget and the new bridge.\n\n"


@pytest.mark.parametrize(
    "announcement",
    [
        "When radio host Anna Reyes asked him about the delay, Doyle said the following.",
        "Senator Tom Keller had blamed the delay on him, and Doyle responded as follows.",
        "Asked by Anna Reyes of WXYZ about the delay, Doyle had this to say.",
    ],
)
def test_an_announcing_paragraph_introduces_the_quoted_paragraphs_below(
    nlp: Language, announcement: str
) -> None:
    text = (
        f"{_LEAD}{announcement}\n\n“Well, I read it when I need it. I do not have to be told "
        "every day.\n\n“But if something should change, let us know.”\n\nSenator Anne Price "
        "disagreed with him."
    )
    assert speaker_keys(nlp, text) == ["mark doyle", "mark doyle"]


def test_an_announcement_with_no_speaker_gives_the_quotation_no_one(nlp: Language) -> None:
    text = (
        f"{_LEAD}The schedule for the week is as follows.\n\n“Monday: roads. Tuesday: "
        "schools.”\n\nSenator Anne Price disagreed with him."
    )
    assert "mark doyle" not in speaker_keys(nlp, text)


def test_the_following_inside_a_sentence_announces_nothing(nlp: Language) -> None:
    text = (
        f"{_LEAD}Doyle said the following week would be busy for the state.\n\n“We are not "
        "ready.”\n\nSenator Anne Price disagreed with him."
    )
    assert speaker_keys(nlp, text) == speaker_keys(
        nlp, text.replace("the following week", "next week")
    )
