"""Quote rules of issue 12's twenty-fourth round: general shapes of news English that left a
he/she quotation under the wrong person on several development pages of different sites, each
on an invented sentence of its shape. Each test asserts what a member sees: the quote under the
right entity, and nothing under anyone else."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analysis.quote_keys import speaker_keys

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
    assert speaker_keys(nlp, text) == [key]


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
    assert speaker_keys(nlp, text) == [key]


# --- "X told Reuters he …": an organisation told is no one the he/she stands for --------------


@pytest.mark.parametrize(
    "text",
    [
        "Lindsey Hart was among the senators who met the governor on Friday. Hart told The "
        "Daily Courier he was worried about the state's shift.\n\n“We were up five points, and "
        "in a month it has become much more competitive,” he said.",
        "Lindsey Hart was among the senators who met the governor on Friday. Hart told Reuters "
        "he was worried about the state's shift.\n\n“We were up five points, and in a month it "
        "has become much more competitive,” he said.",
    ],
)
def test_a_pronoun_after_telling_an_organisation_is_the_teller_s(nlp: Language, text: str) -> None:
    # "Lindsey" is mostly a woman's first name; the article's own "he" says otherwise
    assert speaker_keys(nlp, text) == ["lindsey hart"]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a person told: the he may be that person's, so it votes nothing for the teller
        (
            "Lindsey Hart met Tom Keller on Friday. Hart told Keller he was wrong about the "
            "vote.\n\n“We were up five points, and in a month it has become much more "
            "competitive,” he said.",
            "tom keller",
        ),
        # no one told: the teller's own pronoun, as before
        (
            "Lindsey Hart was among the senators who met the governor on Friday. Hart told "
            "reporters he was worried about the state's shift.\n\n“We were up five points, and "
            "in a month it has become much more competitive,” he said.",
            "lindsey hart",
        ),
    ],
)
def test_a_person_told_keeps_the_pronoun_open(nlp: Language, text: str, key: str) -> None:
    assert speaker_keys(nlp, text) == [key]


# --- a first name tagged as an organisation ("Imran's ouster") leaves the person a person ----


def test_a_person_whose_first_name_is_tagged_an_organisation_is_still_a_person(
    nlp: Language,
) -> None:
    text = (
        "Imran Khan was removed from office in April 2022.\n\nProtests spread after Imran's "
        "ouster. Khan also alleged that the army chief was behind the crackdown on his party. He "
        "also accused the general of “dismantling the future of this country to protect himself.”"
    )
    doc = nlp(text)
    assert any(e.text == "Imran" and e.label_ == "ORG" for e in doc.ents)  # the shape's tagging
    assert speaker_keys(nlp, text) == ["imran khan"]


# --- a writing owned by a body written as a description or as a party's members --------------


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        (
            "The Green Party wrote to the standards commissioner on Monday.\n\nThe party's "
            "letter to the commissioner said: “The rules were broken in August.”",
            ["green party"],
        ),
        (
            "The Conservatives wrote to the standards commissioner on Monday.\n\n“The rules "
            "were broken in August,” the Conservatives' letter said.",
            ["conservatives"],
        ),
        # "the letter" again: the writing the text spoke of, whose owner it named
        (
            "The Conservatives wrote to the standards commissioner on Monday.\n\nThe "
            "Conservatives' letter to the commissioner said: “The rules were broken in "
            "August.”\n\nThe letter also said that “a full investigation is needed.”",
            ["conservatives", "conservatives"],
        ),
    ],
)
def test_a_writing_speaks_for_the_body_that_owns_it(
    nlp: Language, text: str, keys: list[str]
) -> None:
    assert speaker_keys(nlp, text) == keys


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # a person's letter: the person, as before
        (
            "Maria Lopez wrote to the standards commissioner on Monday.\n\nLopez's letter to "
            "the commissioner said: “The rules were broken in August.”\n\nThe letter also said "
            "that “a full investigation is needed.”",
            ["maria lopez", "maria lopez"],
        ),
        # one member of a party is no party
        (
            "The Republicans' letter to the commissioner was sent on Monday. A Republican said: "
            "“The rules were broken in August.”",
            [],
        ),
    ],
)
def test_writings_of_others_are_unchanged(nlp: Language, text: str, keys: list[str]) -> None:
    assert speaker_keys(nlp, text) == keys


# --- "X said Y had …, adding that …": the trailing participle adds to X's report -------------


def test_a_trailing_participle_under_a_reported_clause_is_the_reporter_s(nlp: Language) -> None:
    text = (
        "David Lammy spoke on Sunday. Lammy said ministers had accepted the donations, adding "
        "that the US had a “huge budget from the taxpayer” to dress its leaders."
    )
    assert speaker_keys(nlp, text) == ["david lammy"]


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # a speech verb of the reported clause with a subject of its own: that subject's words
        (
            "Maria Lopez spoke on Sunday. Lopez said Tom Keller had called the plan “a disaster.”",
            ["tom keller"],
        ),
        # a participle on a clause nobody reports: the clause's subject's (none here)
        (
            "David Lammy spoke on Sunday. Lammy said the couple had accepted the donations. The "
            "couple declined the invitation, adding that it was “entirely within the rules.”",
            [],
        ),
    ],
)
def test_other_participles_keep_their_subject(nlp: Language, text: str, keys: list[str]) -> None:
    assert speaker_keys(nlp, text) == keys


# --- "ask to <verb>" after a quotation is a request, not the quotation's cue -----------------


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopes spoke to the court on Monday.\n\n“He would tell me what to do. He would "
        "say that a good girl obeys.” Tom Keller would later ask to meet her sister.",
        "Maria Lopes spoke to the court on Monday.\n\n“He would tell me what to do. He would "
        "say: ‘This is what a good girl would do.’” Tom Keller would later ask to meet her "
        "sister.",
    ],
)
def test_asking_for_a_deed_after_a_quotation_is_no_cue(nlp: Language, text: str) -> None:
    assert "tom keller" not in speaker_keys(nlp, text)


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # a question asked: the asker's
        (
            "Maria Lopes spoke to the court on Monday. “Will you go?” Tom Keller asked.",
            ["tom keller"],
        ),
        (
            "Maria Lopes met the minister on Monday. “Why did you lie?” she asked him.",
            ["maria lopes"],
        ),
        # the quotation inside the request: the asker's words
        (
            "Maria Lopes met the minister on Monday. She asked him to “stop the war now.”",
            ["maria lopes"],
        ),
    ],
)
def test_a_question_or_a_quoted_request_keeps_its_asker(
    nlp: Language, text: str, keys: list[str]
) -> None:
    assert speaker_keys(nlp, text) == keys


# --- "X was asked, “…?”": the question is an unnamed asker's, not the one asked's -----------


@pytest.mark.parametrize(
    "text",
    [
        "Shigeru Ishiba met the survivors on Friday. Ishiba was asked, “Do you feel any ethical "
        "guilt?” The prime minister admitted the failings.",
        "Shigeru Ishiba took a cautious stance during the Saturday debate.\n\nWhen he was asked, "
        "“Will you keep saying for decades that there has not been enough debate?” he did not "
        "answer.",
    ],
)
def test_a_question_put_to_someone_is_not_theirs(nlp: Language, text: str) -> None:
    assert speaker_keys(nlp, text) == [None]  # kept, under no one


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # the asker named as the agent
        (
            "Shigeru Ishiba met the survivors on Friday. He was asked by Maria Lopez, “Do you "
            "feel any guilt?”",
            ["maria lopez"],
        ),
        # the one who asks
        (
            "Shigeru Ishiba met the survivors on Friday. Ishiba asked, “Do you feel any guilt?”",
            ["shigeru ishiba"],
        ),
        # the answer a "told" gives after "he was asked about …": the one who told
        (
            "Donald Trump spoke on Monday.\n\n“We have to really increase the bombings,” the "
            "presumptive Republican presidential nominee told “Fox and Friends” after he was "
            "asked about the claim.",
            ["donald trump"],
        ),
        # asked, then answering: the answer is the one asked's
        (
            "Shigeru Ishiba met the survivors on Friday. Ishiba was asked about the fund and "
            "said, “We will pay.”",
            ["ishiba"],
        ),
    ],
)
def test_the_asker_or_the_answer_keeps_its_speaker(
    nlp: Language, text: str, keys: list[str]
) -> None:
    assert speaker_keys(nlp, text) == keys
