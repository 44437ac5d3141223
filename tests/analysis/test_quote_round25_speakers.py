"""Speaker rules of issue 12's twenty-fifth round: broad shapes of news English that left a
quotation under no one or under the wrong person on development pages of several sites, each on
an invented sentence of its shape, with guards for look-alike shapes that must not change. Each
test asserts what a member sees: the speaker key every quote of the text is stored under."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analysis.quote_keys import speaker_keys

# --- a description whose phrase ends in the holder's name, set off by commas -----------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # the name hangs on the phrase's place ("to the Netherlands, Ammar Hadad")
        (
            "The Palestinian ambassador to the Netherlands, Ammar Hadad, told the court that "
            "“the risk of famine is real and growing.”",
            "ammar hadad",
        ),
        # the office written in capitals, a proper noun in no entity
        (
            "Palestinian Ambassador to the Netherlands, Ammar Hadad, told the court on Monday "
            "that “death is close” for many families.",
            "ammar hadad",
        ),
    ],
)
def test_a_name_closing_a_description_is_its_holder(nlp: Language, text: str, key: str) -> None:
    assert speaker_keys(nlp, text) == [key]


@pytest.mark.parametrize(
    "text",
    [
        # the name may be the family's member, written with no entity of its own
        "The lawyer for the family of Ana Ruiz, Jose Ruiz, said the ruling was “a disgrace.”",
        # two people named: no one of them
        "The minister of health and the minister of finance, Ann Lee and Bo Park, said the plan "
        "was “ready to go.”",
    ],
)
def test_a_name_after_a_person_or_several_names_gives_no_one(nlp: Language, text: str) -> None:
    assert speaker_keys(nlp, text) == [None]


# --- a voice of a body written by its kind: "a company spokesperson" ---------------------------


def test_a_company_spokesperson_speaks_for_the_company_just_named(nlp: Language) -> None:
    text = (
        "Shell has wells in the region.\n\n“We are following developments closely and our "
        "staff are safe,” a company spokesperson said."
    )
    assert speaker_keys(nlp, text) == ["shell"]


def test_a_union_spokesman_speaks_for_the_union_named_with_that_word(nlp: Language) -> None:
    text = (
        "Workers at Boeing walked out on Friday. The Machinists Union called the offer an "
        "insult.\n\n“We will not accept this,” a union spokesman said."
    )
    assert speaker_keys(nlp, text) == ["machinists union"]


def test_a_company_spokesperson_after_two_companies_is_no_one(nlp: Language) -> None:
    text = (
        "Prices rose at Tesco and Aldi last month.\n\n“Shoppers are feeling the pinch,” a "
        "company spokesperson said."
    )
    assert speaker_keys(nlp, text) == [None]


# --- a sentence about what one person owns is about that person --------------------------------


def test_she_after_a_sentence_about_her_allegations_is_her(nlp: Language) -> None:
    text = (
        "Greta Lind accused Paul Marsh of fraud in 2015, and Marsh was later cleared.\n\n"
        "Paul Marsh has always denied it. Clara Voss, his sister, defended him.\n\n"
        "Some details of Lind's allegations have changed over time.\n\n"
        "In 2022, she withdrew part of her claim, saying she “may have made a mistake” about "
        "the dates."
    )
    assert speaker_keys(nlp, text) == ["greta lind"]


def test_a_persons_lawyer_as_subject_is_no_sentence_about_that_person(nlp: Language) -> None:
    text = (
        "Clara Voss testified on Monday.\n\nGreta Lind's lawyer spoke to reporters later.\n\n"
        "She said the case was “far from over.”"
    )
    assert speaker_keys(nlp, text) != ["greta lind"]


# --- a surname two people of the article share --------------------------------------------------


def test_a_shared_surname_is_the_one_of_them_named_last(nlp: Language) -> None:
    text = (
        "Donna Kelso praised her son's team on Sunday. Her son, Travis Kelso, plays for the "
        "Chiefs.\n\nDonna said she was “so proud of all of them.”\n\n"
        "Travis spoke about the game during his podcast.\n\n"
        "“I like to see it from the fans' perspective,” Kelso shared."
    )
    assert speaker_keys(nlp, text)[-1] == "travis kelso"


# --- "according to X's explanations": X speaks in that sentence ---------------------------------


def test_he_after_according_to_someones_words_is_that_someone(nlp: Language) -> None:
    text = (
        "President Joe Barden organized the summit, hoping to isolate authoritarian "
        "governments.\n\nThe meeting in Panama intends to prepare a declaration, according to "
        "Blinkley's explanations. The declaration should establish “our shared principles for "
        "a coordinated response,” he added."
    )
    assert speaker_keys(nlp, text)[-1] == "blinkley"


# --- a name the small model read as an adverb is its verb's subject ----------------------------


def test_she_after_a_name_parsed_as_an_adverb_is_that_name(nlp: Language) -> None:
    text = (
        "Ruth Connolly and Clara Daly toured the region in 2018. Daly later won a seat in "
        "Brussels.\n\nIn radio debates, Connolly has repeatedly avoided the subject. She has "
        "described the questions as attempts at “guilt by association.”"
    )
    assert speaker_keys(nlp, text) == ["ruth connolly"]


def test_a_name_in_its_own_subject_slot_is_read_as_before(nlp: Language) -> None:
    # guard: "Kennelly was asked": a real subject, the same person
    text = (
        "Mary Kennelly and Clara Daly toured the region in 2018. Daly later won a seat in "
        "Brussels.\n\nIn interviews, Kennelly was asked about the tour. She said it was "
        "“a mistake.”"
    )
    assert speaker_keys(nlp, text) == ["mary kennelly"]


# --- a person the model did not tag is gendered by their first name -----------------------------


def test_he_is_no_untagged_woman_named_ana(nlp: Language) -> None:
    text = (
        "Reporters met Tomas Berg at the launch site on Monday.\n\n"
        "Ana Escrogima, the U.S. ambassador to Oman, told reporters a few American companies "
        "have already arrived.\n\n"
        "“Oman has always been a country of explorers,” he told reporters."
    )
    assert speaker_keys(nlp, text) == ["tomas berg"]


def test_she_may_still_be_the_untagged_woman(nlp: Language) -> None:
    # guard: the same article with "she": the woman just made a subject
    text = (
        "Reporters met Tomas Berg at the launch site on Monday.\n\n"
        "Ana Escrogima, the U.S. ambassador to Oman, told reporters a few American companies "
        "have already arrived.\n\n"
        "“Oman has always been a country of explorers,” she told reporters."
    )
    assert speaker_keys(nlp, text) == ["ana escrogima"]
