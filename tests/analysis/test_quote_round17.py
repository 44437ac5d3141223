"""Quote speakers of issue 12's round 17: he/she against the usual gender of a first name.

Real DEV gave three "he" quotations of Prince Harry to Oprah Winfrey, whom nothing in the article
calls "she" more than "he" (its votes for her are split): the article did not decide, so any
pronoun could stand for her. A first name's usual gender (`analysis.speaker_first_names`,
nomquamgender's data) now decides for a person the article gives no evidence for, or evidence
both ways; where the article's words decide, they win, and a name of either gender or a
surname alone gives nothing. Each test is an invented passage of such a shape.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.speaker_first_names import first_name_gender, name_gender
from analysis.speaker_gender import genders
from tests.analysis.quoted import speakers


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Oprah Winfrey", "female"),
        ("Hillary Clinton", "female"),
        ("Donald Trump", "male"),
        ("José Mourinho", "male"),  # diacritics dropped, as the package's keys are written
        ("Marie-Claire Dupont", "female"),
        ("Jean Dupont", None),  # a man's name in France, a woman's in the US
        ("Kim Davis", None),
        ("Andrea Bocelli", None),
        ("Xi Jinping", None),  # a family name written first
        ("Yoon Suk Yeol", None),
        ("Clinton", None),  # one word may be a surname: "Clinton" is also a man's first name
        ("J. Smith", None),  # an initial
        ("Dr. Smith", None),  # a title
        ("Zqxw Top", None),  # not in the data
    ],
)
def test_a_first_name_gives_a_gender_only_when_confident(name: str, gender: str | None) -> None:
    assert name_gender(name) == gender


def test_a_title_or_a_short_word_is_no_first_name() -> None:
    assert first_name_gender("Queen") is None
    assert first_name_gender("A") is None


@pytest.mark.parametrize(
    ("text", "first", "key"),
    [
        (  # "she" passes over the man the name list knows, to the woman it knows
            "Emily Carver founded the clinic in 2010. On Monday, Robert Hale toured the building."
            "\n\n“We have run out of beds,” she said.",
            "We have run ",
            "emily carver",
        ),
        (  # and "he" over the woman
            "Robert Hale founded the clinic in 2010. On Monday, Emily Carver toured the building."
            "\n\n“We have run out of beds,” he said.",
            "We have run ",
            "robert hale",
        ),
        (  # the real DEV shape: the article's votes for Oprah Winfrey are split ("asked if
            # he could share" is Harry), so her first name decides, and "he" is Harry
            "Prince Harry and Meghan spoke with Oprah Winfrey for two hours. During her interview"
            ' with Winfrey she spoke about her health.\n\n"That conversation, I am never going to'
            ' share," Harry added.\n\nWhen Winfrey asked if he could share the questions, he '
            'declined, saying "I\'m not comfortable with sharing that." On Monday, Winfrey told '
            'CBS that Harry had said the royal in question was not the Queen.\n\n"But it was '
            'right at the beginning," he added.',
            "But it was r",
            "harry",
        ),
        (
            "Meghan spoke with Oprah Winfrey for two hours. During her interview with Winfrey she"
            " spoke about her health.\n\nHarry spoke about his family. When Winfrey asked if he "
            "could share the questions, he declined.\n\n“I'm not comfortable with sharing that,”"
            " he said.",
            "I'm not comf",
            "harry",
        ),
        (  # the article's "Mr." wins over a first name the list calls a woman's
            "Mr. Evelyn Marsh founded the clinic in 2010. On Monday, Laura Bennett toured the "
            "building.\n\n“We have run out of beds,” he said.",
            "We have run ",
            "evelyn marsh",
        ),
        (  # a surname alone is not read as a man's first name ("Clinton")
            "Clinton founded the clinic in 2010. On Monday, Robert Hale toured the building."
            "\n\n“We have run out of beds,” she said.",
            "We have run ",
            "clinton",
        ),
    ],
)
def test_a_pronoun_respects_the_first_name(nlp: Language, text: str, first: str, key: str) -> None:
    assert speakers(nlp, text)[first] == key


@pytest.mark.parametrize(
    ("text", "first", "key"),
    [
        (  # a name of either gender gives nothing: the latest subject speaks, as before
            "Emily Carver founded the clinic in 2010. On Monday, Jean Moreau toured the building."
            "\n\n“We have run out of beds,” she said.",
            "We have run ",
            "jean moreau",
        ),
    ],
)
def test_a_name_of_either_gender_gives_nothing(
    nlp: Language, text: str, first: str, key: str
) -> None:
    assert speakers(nlp, text)[first] == key


def _genders(nlp: Language, text: str) -> dict[str, str]:
    doc = nlp(text)
    return genders(doc, analyse_doc(doc).mentions, lambda _: False)


def test_a_first_name_outweighs_a_stray_pronoun_vote(nlp: Language) -> None:
    """ "So I asked him then, if you do end up endorsing Hillary Clinton, …" votes "he" for the
    one person its sentence names; her first name outweighs that one vote."""
    text = (
        "Tom Reyes met voters in Ohio on Monday. So I asked him then, if you do end up endorsing "
        "Hillary Clinton, what happens to me?"
    )
    assert _genders(nlp, text)["hillary clinton"] == "female"


def test_a_pronoun_vote_against_the_name_leaves_no_gender(nlp: Language) -> None:
    """One sentence that says "he" of a person whose first name is a woman's: the article's
    words and the list disagree, and neither decides (no flip either way)."""
    assert "laura bennett" not in _genders(nlp, "Laura Bennett said he would hire more nurses.")


def test_many_pronoun_votes_win_over_the_first_name(nlp: Language) -> None:
    text = (
        "Laura Bennett opened the clinic, and he said it was full. Laura Bennett later said he "
        "would hire more nurses, and he did."
    )
    assert _genders(nlp, text)["laura bennett"] == "male"


def test_an_honorific_wins_over_the_first_name(nlp: Language) -> None:
    text = "Mr. Evelyn Marsh founded the clinic in 2010."
    assert _genders(nlp, text)["evelyn marsh"] == "male"


@pytest.mark.parametrize(
    ("text", "first", "key"),
    [
        (  # the sentence's subject is a woman: "he" is the man she acts on, not the man
            # who was the subject of the paragraph before
            "Mr. Ramaswamy and Mr. DeSantis took turns attacking Ms. Haley on Wednesday.\n\n"
            "Ms. Haley slammed Mr. DeSantis after he accused her of calling China “a great "
            "friend,” and she hit back hard.",
            "a great frie",
            "desantis",
        ),
        (
            "Robert Hale and Tom Reyes toured the clinic on Monday. Emily Carver thanked Tom "
            "Reyes before he said “we will build a new wing,” and she agreed.",
            "we will buil",
            "tom reyes",
        ),
    ],
)
def test_a_pronoun_after_a_subject_of_the_other_gender_is_her_object(
    nlp: Language, text: str, first: str, key: str
) -> None:
    assert speakers(nlp, text)[first] == key


def test_a_subject_that_fits_still_comes_first(nlp: Language) -> None:
    """ "Mr. Hale thanked Mr. Reyes before he said …": the subject fits, so it is he."""
    text = (
        "Mr. Hale and Ms. Carver toured the clinic. Mr. Hale thanked Mr. Reyes before he said "
        "“we will build a new wing.”"
    )
    assert speakers(nlp, text)["we will buil"] == "hale"


@pytest.mark.parametrize(
    ("text", "first", "key"),
    [
        (  # a possessor inside a clause of its own is no candidate for "he"
            "Mia Farrow and Dylan Farrow have spoken about the case. Woody Allen writes about it "
            "in his memoir.\n\nAllen has long denied the claims. Describing a visit to Farrow’s "
            "house in August 1992, he acknowledges a brief visit, but adds: “I certainly didn’t "
            "do anything improper.”",
            "I certainly ",
            "woody allen",
        ),
        (  # guard: a possessor on the pronoun's own verb still is
            "Nesma Hajjaj fled the city in May. Her husband Tom stayed behind.\n\nIn Hajjaj’s "
            "case, she decided to leave early: “There was nothing left,” she said.",
            "There was no",
            "nesma hajjaj",
        ),
    ],
)
def test_a_possessor_counts_only_on_the_pronouns_own_verb(
    nlp: Language, text: str, first: str, key: str
) -> None:
    assert speakers(nlp, text)[first] == key


def test_an_untagged_title_before_a_name_genders_its_person(nlp: Language) -> None:
    """The small model tags "Harry" in the body but not "Prince Harry" of the first line: the
    title still says he is a man, so "she" passes him over for Kelly Osbourne."""
    text = (
        "KELLY Osbourne has blasted “whinger” Prince Harry for portraying himself as a "
        "“victim”.\n\nThe star slammed the royal and Harry for stepping down, and she has now "
        "revisited her comments.\n\nSpeaking on her podcast, she said: “I said he was a "
        "whinger and I meant it.”"
    )
    assert _genders(nlp, text).get("harry") == "male"
    assert speakers(nlp, text)["I said he wa"] == "kelly osbourne"


def test_a_title_before_a_surname_two_people_share_votes_for_no_one(nlp: Language) -> None:
    text = (
        "Hillary Clinton and Bill Clinton arrived in Iowa. Mr. Clinton spoke first. Mr. Clinton "
        "then left the stage."
    )
    assert "hillary clinton" not in {k for k, v in _genders(nlp, text).items() if v == "male"}
