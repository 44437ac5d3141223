"""Abbreviated titles before a name ("Sgt.", "Supt.", "Msgr.", "the Hon."): the sentence does
not end at their full stop, so a quotation keeps its speaker ("“…,” said Supt. Mary Peters"),
and a name the model tags as an organisation with them before it is the person after them
(`analysis.nlp.ABBREVIATED_TITLES`, `entity_repairs.person_after_abbreviated_titles`)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.entity_repairs import person_after_abbreviated_titles
from tests.analysis.quote_keys import speaker_keys


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“The schools are safe,” said Supt. Mary Peters.", "mary peters"),
        ("“We will find them,” said Det. Jane Orr on Monday.", "jane orr"),
        ("“We will find them,” said Det. Insp. Ray Lynch.", "ray lynch"),
        ("“We pray for them,” said Msgr. John Kelly.", "john kelly"),
        ("“It was a fair deal,” said Amb. Nikki Haley.", "nikki haley"),
        ("“It is done,” said Pres. Joe Biden.", "joe biden"),
        ("“It was fair,” said Atty. Gen. Mark Brnovich.", "mark brnovich"),
        (
            "“We will build it,” said Senator the Hon. Aubyn Hill, the minister, on Monday.",
            "aubyn hill",
        ),
    ],
)
def test_speaker_after_an_abbreviated_title(nlp: Language, text: str, speaker: str) -> None:
    assert speaker_keys(nlp, text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # guards: titles the model already knew, and names written before the verb
        ("“It is done,” said Gov. Jane Smith on Monday.", "jane smith"),
        ("“We pray for them,” Rev. John Kelly said.", "john kelly"),
        ("Supt. Mary Peters said, “The schools are safe.”", "mary peters"),
        ("“We will find them,” Det. Insp. Ray Lynch told reporters.", "ray lynch"),
    ],
)
def test_titles_already_read_are_unchanged(nlp: Language, text: str, speaker: str) -> None:
    assert speaker_keys(nlp, text) == [speaker]


def test_the_title_stays_in_its_sentence(nlp: Language) -> None:
    doc = nlp("“We will find them,” said Sgt. Jane Orr on Monday. The search goes on.")
    assert [s.text for s in doc.sents] == [
        "“We will find them,” said Sgt. Jane Orr on Monday.",
        "The search goes on.",
    ]


@pytest.mark.parametrize(
    ("surface", "person"),
    [
        ("Det. Insp. Ray Lynch", "Ray Lynch"),
        ("Supt. Mary Peters", "Mary Peters"),
        ("Det Insp Ray Lynch", ""),  # no full stops: the model's own reading stands
        ("Dep. Health Ministry", ""),  # not a person's name after the title
        ("Ray Lynch", ""),
    ],
)
def test_person_after_abbreviated_titles(surface: str, person: str) -> None:
    assert person_after_abbreviated_titles(surface) == person


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the parser ended the sentence at the title's full stop even as one token ("Asst.")
        ("“This is a great day for the city,” said Asst. Chief Tom Ruiz.", "tom ruiz"),
        ("“We will not give up,” said Assoc. Prof. Ann Lee.", "ann lee"),
        # titles the tokenizer split from their full stop
        (
            "“We are proud of the ward,” said Ald. Brendan Reilly, who represents it.",
            "brendan reilly",
        ),
        ("“The schools will open,” said Secy. Tom Ruiz.", "tom ruiz"),
        ("“We have enough evidence,” said Dist. Atty. Jane Roe.", "jane roe"),
        ("“We are proud of them,” Mme. Claire Dubois said.", "claire dubois"),
    ],
)
def test_no_sentence_ends_inside_a_titled_name(nlp: Language, text: str, speaker: str) -> None:
    assert speaker_keys(nlp, text) == [speaker]


def test_plural_titles_keep_their_sentence(nlp: Language) -> None:
    doc = nlp("He attacked his rivals, particularly Sens. Ted Cruz and Marco Rubio, who won.")
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize(
    "text",
    [
        # guards: a title or an abbreviation that ends its sentence before a new one
        "He was promoted to Lt. The ceremony was short.",
        "“It was fair,” said Ann Lee of Washington, D.C. Tom Ruiz disagreed.",
        "“It was fair,” said Tom Ruiz Jr. The judge disagreed.",
    ],
)
def test_sentences_after_other_full_stops_are_unchanged(nlp: Language, text: str) -> None:
    assert len(list(nlp(text).sents)) == 2
