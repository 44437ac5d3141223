"""Stored names are names (round 9): what a member reads in `/who` and types after `/quotes`.

Each test tags an invented sentence as the small model tags such shapes on PolNeAR train (a
PERSON running into "of <organisation>", a headline's words, a dash, a possessive ORG before a
person, a count or a credit after a name) and asserts the stored names and the speaker a
member reaches."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from analysis.entity_names import person_words
from analysis.nlp import analyse_doc
from analysis.quotes import extract_quotes
from tests.analysis.tagged import with_entities


def _names(doc: Doc) -> set[tuple[str, str]]:
    """(name, kind) of every stored person and organisation."""
    return {
        (m.name, m.kind.value) for m in analyse_doc(doc).mentions if m.kind in {"person", "org"}
    }


def _speakers(doc: Doc) -> list[str | None]:
    """The speaker key of every quote."""
    return [q.speaker_key for q in extract_quotes(doc, analyse_doc(doc))]


# --- a PERSON span holding "of <organisation>" keeps the person's part ------------------------


def test_person_of_an_organisation_is_the_person(nlp: Language) -> None:
    text = (
        '"People stood hours in line," said Lena Marwick of Civic Watch Europe, '
        "who observed voting."
    )
    doc = with_entities(nlp, text, [("Lena Marwick of Civic Watch Europe", 0, "PERSON")])
    assert _names(doc) == {("Lena Marwick", "person")}
    assert _speakers(doc) == ["lena marwick"]


def test_one_word_before_of_is_kept(nlp: Language) -> None:
    doc = with_entities(
        nlp, "Catherine of Aragon wrote letters.", [("Catherine of Aragon", 0, "PERSON")]
    )
    assert _names(doc) == {("Catherine of Aragon", "person")}


# --- a Title Case headline creates no person from words that are no name in the body ----------

_HEADLINE = (
    "Marlow Hid Past Debts From Voters, Former Aide Says.\n\n"
    "Senator Dana Marlow hid her debts from voters for years, a former aide says. The past "
    'is back. "I am fine," Marlow said on Tuesday.'
)


def test_headline_person_takes_the_body_name(nlp: Language) -> None:
    doc = with_entities(
        nlp,
        _HEADLINE,
        [
            ("Marlow Hid Past Debts", 0, "PERSON"),
            ("Dana Marlow", 0, "PERSON"),
            ("Marlow", 2, "PERSON"),
        ],
    )
    assert _names(doc) == {("Dana Marlow", "person")}
    assert _speakers(doc) == ["dana marlow"]


def test_headline_words_naming_no_one_in_the_body_create_no_one(nlp: Language) -> None:
    text = (
        "Will Voters Forgive The Senator Now, Analysts Ask.\n\n"
        "Many voters are asked to forgive a senator. Analysts ask whether they will. "
        "Paul Ostrander said it was early."
    )
    doc = with_entities(nlp, text, [("Will Voters", 0, "PERSON"), ("Paul Ostrander", 0, "PERSON")])
    assert _names(doc) == {("Paul Ostrander", "person")}


def test_a_line_of_names_is_no_headline(nlp: Language) -> None:
    text = "Dana Marlow Met Paul Ostrander.\n\nThey talked for an hour, and then they parted."
    doc = with_entities(nlp, text, [("Dana Marlow", 0, "PERSON"), ("Paul Ostrander", 0, "PERSON")])
    assert _names(doc) == {("Dana Marlow", "person"), ("Paul Ostrander", "person")}


# --- punctuation and dashes never open or end a name ------------------------------------------


def test_dash_before_a_name_goes(nlp: Language) -> None:
    text = "“How did we get this low?” ― Jacklyn Ashley\n\nReaders wrote in all week."
    doc = with_entities(nlp, text, [("― Jacklyn Ashley", 0, "PERSON")])
    assert _names(doc) == {("Jacklyn Ashley", "person")}


# --- a possessive ORG span yields the person after it -----------------------------------------


def test_person_after_an_organisations_possessive(nlp: Language) -> None:
    text = (
        "In an interview with Fox News’ Sean Hannity on Monday, Trump responded. "
        '"We will win," Hannity said.'
    )
    doc = with_entities(
        nlp,
        text,
        [("Fox News’ Sean Hannity", 0, "ORG"), ("Trump", 0, "PERSON"), ("Hannity", 1, "PERSON")],
    )
    assert _names(doc) == {("Fox News", "org"), ("Sean Hannity", "person"), ("Trump", "person")}
    assert _speakers(doc) == ["sean hannity"]


def test_one_word_after_a_possessive_is_a_person_named_elsewhere(nlp: Language) -> None:
    text = (
        "Sean Hannity hosted the show. Later, Fox News Channel's Hannity asked the guests. "
        '"Why now?" Hannity said.'
    )
    doc = with_entities(
        nlp,
        text,
        [
            ("Sean Hannity", 0, "PERSON"),
            ("Fox News Channel's Hannity", 0, "ORG"),
            ("Hannity", 2, "PERSON"),
        ],
    )
    assert _names(doc) == {("Sean Hannity", "person"), ("Fox News Channel", "org")}


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Alphabet's Google said profits rose.", "Alphabet's Google"),
        ("America's Bitter Pill is a book. Its taste is bitter.", "America's Bitter Pill"),
    ],
)
def test_possessive_before_no_person_stays_one_organisation(
    nlp: Language, text: str, org: str
) -> None:
    doc = with_entities(nlp, text, [(org, 0, "ORG")])
    assert _names(doc) == {(org, "org")}


# --- counts, brackets, credits and handles are no part of a name ------------------------------


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Marco Rubio 3", "Marco Rubio"),
        ("Ted Cruz—35", "Ted Cruz"),
        ("Bob] Corker", "Bob Corker"),
        ("George (W. Bush", "George W. Bush"),
        ("John Moore/Getty Images", "John Moore"),
        ("Robert Barr - won", "Robert Barr"),
        ("Twitter @IanHanchett", ""),
        ("http://bit.ly/1Tnr3QM", ""),
        ("Jean-Luc Picard", "Jean-Luc Picard"),
        ("Oscar de la Renta", "Oscar de la Renta"),
    ],
)
def test_person_words(written: str, name: str) -> None:
    assert person_words(written) == name


def test_count_after_a_name_in_a_sentence(nlp: Language) -> None:
    text = "The poll put Marco Rubio 3 points behind. Rubio said he was not worried."
    doc = with_entities(nlp, text, [("Marco Rubio 3", 0, "PERSON"), ("Rubio", 1, "PERSON")])
    assert _names(doc) == {("Marco Rubio", "person")}


# --- a PERSON span ending in an institution's word names the institution ----------------------


def test_foundation_named_after_a_person_is_an_organisation(nlp: Language) -> None:
    text = "The Dana Marlow Foundation gave money to schools."
    doc = with_entities(nlp, text, [("Dana Marlow Foundation", 0, "PERSON")])
    assert _names(doc) == {("Dana Marlow Foundation", "org")}


# --- words that open a PERSON span but are no proper noun of the name -------------------------


@pytest.mark.parametrize(
    ("text", "tagged", "name"),
    [
        ("He called him a Donald Trump of the left.", "a Donald Trump", "Donald Trump"),
        (
            "Follow Jeff Poor on Twitter, where readers follow the news.",
            "Follow Jeff Poor",
            "Jeff Poor",
        ),
        (
            "Mark Andrew Smith said he would mark the date.",
            "Mark Andrew Smith",
            "Mark Andrew Smith",
        ),
    ],
)
def test_lead_word_of_no_name_goes(nlp: Language, text: str, tagged: str, name: str) -> None:
    doc = with_entities(nlp, text, [(tagged, 0, "PERSON")])
    assert _names(doc) == {(name, "person")}


# --- a PERSON running into a place or organisation the article names is the person ------------


def test_person_running_into_an_organisation_of_the_article(nlp: Language) -> None:
    text = (
        "The White House said so. Critics of the Obama White House disagree. "
        '"It failed," Obama said.'
    )
    doc = with_entities(
        nlp,
        text,
        [("White House", 0, "ORG"), ("Obama White House", 0, "PERSON"), ("Obama", 1, "PERSON")],
    )
    assert _names(doc) == {("White House", "org"), ("Obama", "person")}
    assert _speakers(doc) == ["obama"]


def test_one_word_place_after_a_name_stays(nlp: Language) -> None:
    text = "Michael Jordan visited Jordan last week."
    doc = with_entities(nlp, text, [("Michael Jordan", 0, "PERSON"), ("Jordan", 1, "GPE")])
    assert ("Michael Jordan", "person") in _names(doc)


def test_possessive_before_words_never_written_as_someone(nlp: Language) -> None:
    text = "Shoppers crowded Dick's Sporting Goods on Friday, as they do every year."
    doc = with_entities(nlp, text, [("Dick's Sporting Goods", 0, "ORG")])
    assert _names(doc) == {("Dick's Sporting Goods", "org")}


def test_headline_name_of_no_common_words_stays(nlp: Language) -> None:
    text = (
        "Nora Quellbright: And Then There Was The One Candidate.\n\n"
        "There was one candidate left. He won the nomination."
    )
    doc = with_entities(nlp, text, [("Nora Quellbright", 0, "PERSON")])
    assert _names(doc) == {("Nora Quellbright", "person")}


def test_first_name_before_a_mistagged_surname_stays(nlp: Language) -> None:
    text = "Mario Vargas Llosa spoke. Critics said Vargas Llosa was right."
    doc = with_entities(
        nlp, text, [("Mario Vargas Llosa", 0, "PERSON"), ("Vargas Llosa", 1, "ORG")]
    )
    assert ("Mario Vargas Llosa", "person") in _names(doc)


def test_first_name_that_is_a_common_word_in_a_credit_line(nlp: Language) -> None:
    text = (
        "Reporting By Ana Ruiz; Editing By Will Dunham.\n\n"
        "Officials said they will meet again. Ruiz covered the talks."
    )
    doc = with_entities(nlp, text, [("Ana Ruiz", 0, "PERSON"), ("Will Dunham", 0, "PERSON")])
    assert ("Will Dunham", "person") in _names(doc)
