"""Session 27: quoted words coordinated with an attributed partial quote are its speaker's."""

from __future__ import annotations

from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quotes import extract_quotes


def found(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    """(quoted words, speaker key) of every quote of a text."""
    doc = nlp(text)
    return [(q.text, q.speaker_key) for q in extract_quotes(doc, analyse_doc(doc))]


def test_a_second_word_under_a_noun_after_and_is_the_speakers(nlp: Language) -> None:
    # "absurd" hangs under "comments", the conjunct of the first quoted word
    text = (
        "Former ambassador Dana Whitfield spoke on Monday. She called the minister's "
        "criticisms “fatuous” and his comments “absurd.”"
    )
    assert found(nlp, text) == [("fatuous", "dana whitfield"), ("absurd", "dana whitfield")]


def test_a_first_word_read_as_a_term_takes_the_cue_of_its_conjunct(nlp: Language) -> None:
    # "the ruling “perverse”": the first word has a determiner under it, yet its conjunct
    # after "and" is found; both are said in one breath
    text = "Senator Dana Whitfield called the ruling “perverse” and “illegitimate.”"
    assert found(nlp, text) == [
        ("perverse", "dana whitfield"),
        ("illegitimate", "dana whitfield"),
    ]


def test_two_quoted_noun_phrases_stay_found(nlp: Language) -> None:
    text = "Dana Whitfield called the plan “a disaster” and the budget “a fraud.”"
    assert found(nlp, text) == [("a disaster", "dana whitfield"), ("a fraud", "dana whitfield")]


def test_a_quoted_word_under_another_verb_is_not_joined(nlp: Language) -> None:
    # guard: "the “reform”" is under "said", a verb of its own, no conjunct of "fatuous"
    text = "Dana Whitfield called the plan “fatuous” and said the “reform” was overdue."
    assert found(nlp, text) == [("fatuous", "dana whitfield")]


def test_a_quoted_word_of_another_clause_is_not_joined(nlp: Language) -> None:
    # guard: critics' "reform" is in a clause of its own
    text = (
        "Dana Whitfield called the plan “fatuous,” while critics described the “reform” as a relic."
    )
    assert found(nlp, text) == [("fatuous", "dana whitfield")]


def test_two_unattributed_words_stay_unattributed(nlp: Language) -> None:
    # guard: neither conjunct has a cue, so none is lent
    text = "The new tax was branded “unfair” and “reckless” in the papers."
    assert found(nlp, text) == []


def test_a_word_in_the_next_sentence_is_not_joined(nlp: Language) -> None:
    # guard: only a quotation of the same sentence takes the cue
    text = "Dana Whitfield called the plan “fatuous.” The “reform” and its costs were debated."
    assert found(nlp, text) == [("fatuous", "dana whitfield")]


def test_an_adjective_hung_after_a_noun_of_a_phrase_after_the_object(nlp: Language) -> None:
    # the parser hangs "fatuous" on "costs" (no adjective follows its noun) and the "in the face
    # of" phrase on the verb: it is what she called the criticisms
    text = (
        "Former envoy Dana Whitfield spoke on Monday. She called Mendoza’s criticisms of higher "
        "school spending in the face of rising housing costs “fatuous.”"
    )
    assert found(nlp, text) == [("fatuous", "dana whitfield")]


def test_an_adjective_under_a_participle_of_the_object_is_the_verbs(nlp: Language) -> None:
    # "likening ... “absurd”": no participle modifying a noun takes an object predicate
    text = (
        "Former envoy Dana Whitfield spoke on Monday. She called his comments likening the "
        "budget to the old scandal “absurd.”"
    )
    assert found(nlp, text) == [("absurd", "dana whitfield")]


def test_an_adjective_after_the_phrase_of_another_verb_stays_a_term(nlp: Language) -> None:
    # guard: "visited" calls nothing
    text = (
        "Former envoy Dana Whitfield spoke on Monday. She visited the school on the hill “early.”"
    )
    assert found(nlp, text) == []
