"""Quote rules of issue 12's twenty-fifth round: one quoted word in a sentence whose speaker
the sentence names, when its speech verb shares its subject with another verb or reports the
clause the word is in (`quote_partial_words`). Each test asserts what a member sees: the word
under the right entity, and scare quotes, titles and terms still nobody's quote."""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quotes import extract_quotes


def _quotes(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    """The text and speaker key of every quote of a text."""
    doc = nlp(text)
    return [(q.text, q.speaker_key) for q in extract_quotes(doc, analyse_doc(doc))]


# --- a speech verb with no subject of its own shares its first verb's ------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a conjunct: "criticized … and called …"
        (
            "Senator Tom Wilson spoke on Monday. Wilson criticized the law and called its "
            "passage “perverse” and “illegitimate.”",
            [("perverse", "tom wilson"), ("illegitimate", "tom wilson")],
        ),
        # a conjunct: "criticized … and pledged to hold … accountable"
        (
            "Senator Ann Moss spoke on Tuesday. Moss criticized the bailout and pledged to hold "
            "the bankers “accountable.”",
            [("accountable", "ann moss")],
        ),
        # an open clause under a verb that is not a speech verb: "continued to describe"
        (
            "The Federal Reserve raised rates on Wednesday. The Fed continued to describe that "
            "pace as “gradual,” and said it would watch the data.",
            [("gradual", "federal reserve")],  # "the Fed" clips it (entity_clipped_names)
        ),
    ],
)
def test_a_subjectless_speech_verb_shares_its_first_verb_s_subject(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _quotes(nlp, text) == expected


# --- a quoted word inside the clause a speech verb reports ------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two clauses down, through a trailing participle ("…, stating that …")
        (
            "General Omar Farid spoke at the event. Farid repeated these concerns, stating that "
            "social media is being exploited to spread “anarchy” across the country.",
            [("anarchy", "omar farid")],
        ),
        # a word with an article, in the reported clause: the speaker's word, not a label
        (
            "Prime Minister Kenji Sato spoke in Osaka. Sato said that joining the talks as an "
            "observer was an “option.”",
            [("option", "kenji sato")],
        ),
        # a second word coordinated with the first
        (
            "Labour leader Sarah Jones spoke on Monday. Jones said the prime minister has lacked "
            "“empathy” and “humanity”.",
            [("empathy", "sarah jones"), ("humanity", "sarah jones")],
        ),
        # a hyphenated word
        (
            "Daniel Ross is a senior fellow. Ross said the new plan was “short-sighted” and "
            "would fail.",
            [("short-sighted", "daniel ross")],
        ),
    ],
)
def test_a_word_in_a_reported_clause_is_the_speaker_s(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _quotes(nlp, text) == expected


# --- guards: still terms -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a passive: the subject is the one called so
        "Mayor Anna Reed spoke on Monday. Reed was called “annoying” by her rivals.",
        # someone unnamed speaks
        "Mayor Anna Reed spoke on Monday. Officials said the plan was “sensible.”",
        # an object before the open clause does the calling
        "Mayor Anna Reed spoke on Monday. Reed urged the council to call the plan “reckless.”",
        # a word under a preposition: a term
        "Mayor Anna Reed spoke on Monday. Reed said the city would keep students in “bubbles” "
        "this autumn.",
        # a capitalised word deep in a reported clause: a title
        "Mayor Anna Reed spoke on Monday. Reed said she had hoped to see the film “Parasite” win.",
        # a word with an article that does not end the reported clause: a label
        "Mayor Anna Reed spoke on Monday. Reed said the situation was a “crisis” this week.",
        # no speech verb above the word
        "Mayor Anna Reed spoke on Monday. Reed praised the “rewilding” of the valley.",
    ],
)
def test_a_term_stays_nobody_s_quote(nlp: Language, text: str) -> None:
    assert _quotes(nlp, text) == []


# --- an adjective the parser hung on a preposition inside a speech verb's object -----------


def test_an_adjective_misparsed_after_of_is_what_the_verb_calls_the_object(nlp: Language) -> None:
    text = (
        "Senator Cory Hale spoke on Monday. Before becoming a judge, Hale often criticized "
        "the governors and called passage of that law “perverse.” Hale also wrote a book."
    )
    assert _quotes(nlp, text) == [("perverse", "cory hale")]


def test_a_noun_after_of_in_the_object_stays_a_term(nlp: Language) -> None:
    text = "Senator Cory Hale spoke on Monday. Hale called the leader of the “rebels” on Sunday."
    assert _quotes(nlp, text) == []
