"""Session 27: quotations of speakers the article leaves unnamed (indefinite descriptions)."""

from __future__ import annotations

from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quotes import extract_quotes


def stored(nlp: Language, text: str) -> list[tuple[str, str, str | None]]:
    """(quoted words, speaker as written, speaker key) of every quote of a text."""
    doc = nlp(text)
    return [(q.text, q.speaker_text, q.speaker_key) for q in extract_quotes(doc, analyse_doc(doc))]


def test_colon_cues_of_unnamed_users_are_stored_without_a_key(nlp: Language) -> None:
    text = (
        "Readers were quick to respond online. One user wrote: “Scaring people who cannot get "
        "help is not useful.” Another added: “My son asked me the same thing this morning.”"
    )
    assert stored(nlp, text) == [
        ("Scaring people who cannot get help is not useful.", "One user", None),
        ("My son asked me the same thing this morning.", "Another", None),
    ]


def test_one_of_a_group_and_the_quote_that_continues_it(nlp: Language) -> None:
    text = (
        "The family gathered on Sunday. “Everyone is grieving,” one of the boy’s uncles said. "
        "“He was a sweet little boy.”"
    )
    assert stored(nlp, text) == [
        ("Everyone is grieving", "one of the boy’s uncles", None),
        ("He was a sweet little boy.", "one of the boy’s uncles", None),
    ]


def test_an_unnamed_role_after_the_verb(nlp: Language) -> None:
    text = "“The vote hurt everybody,” said one party operative in the state."
    assert stored(nlp, text) == [("The vote hurt everybody", "one party operative", None)]


def test_a_named_speaker_is_still_linked(nlp: Language) -> None:
    # guard: the rules before this one keep their speakers
    text = "Dana Whitfield spoke on Monday. “The vote hurt everybody,” Whitfield said."
    assert stored(nlp, text) == [("The vote hurt everybody", "Whitfield", "dana whitfield")]


def test_an_unnamed_noun_with_a_partial_quote_is_not_stored(nlp: Language) -> None:
    # guard: a partial quote under an unnamed subject stays out (often the article's term)
    text = "One farmer said the new road was a “disaster for everyone” in the valley."
    assert stored(nlp, text) == []


def test_a_report_that_reads_with_no_author_stays_out(nlp: Language) -> None:
    # guard: a writing speaks only for an author the article names (round 12's policy)
    text = (
        "The district sent a report to parents on Friday. “Based on the call, it was decided "
        "to close the campus,” the report reads."
    )
    assert stored(nlp, text) == []


def test_a_definite_description_is_left_to_the_speaker_rules(nlp: Language) -> None:
    # guard: "the merchant" may be someone the article names elsewhere; not taken here
    text = "“Wine is a slow business,” the merchant in the old town said."
    assert stored(nlp, text) == []


def test_a_book_with_no_author_is_no_one(nlp: Language) -> None:
    # guard: "a new book" is indefinite, but a writing
    text = "“He never slept more than four hours,” a new book about the mayor said."
    assert stored(nlp, text) == []


def test_a_strategist_after_a(nlp: Language) -> None:
    text = "“Both of them stand out on that stage,” said a veteran party strategist."
    assert stored(nlp, text) == [
        ("Both of them stand out on that stage", "a veteran party strategist", None)
    ]


def test_reading_a_report_is_no_wording(nlp: Language) -> None:
    # guard: "read" with an object is a reader's act
    text = (
        "The district sent a report on Friday. “It was a long week.” The parents read the report."
    )
    assert stored(nlp, text) == []
