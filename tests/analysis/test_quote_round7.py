"""Quote rules of issue 12's seventh round: general mechanisms of news English, each on an
invented sentence of its shape, chosen from the error classes of the fifth batch of real pages
(held out in sessions 8-9, in DEV since this round) and of PolNeAR train. Where the small model
happens to tag an invented name right, the test sets the mistaken entities itself
(`tests/analysis/tagged.py`)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from analysis.nlp import analyse_doc
from analysis.quotes import extract_quotes
from analysis.types import EntityKind
from tests.analysis.tagged import with_entities


def _found(doc: Doc) -> list[tuple[str, str | None]]:
    """(first words, speaker key) of every quote of a parsed text."""
    return [(q.text[:12], q.speaker_key) for q in extract_quotes(doc, analyse_doc(doc))]


def _kinds(doc: Doc, key: str) -> list[EntityKind]:
    return [m.kind for m in analyse_doc(doc).mentions if m.key == key]


# --- a person's full name tagged as an organisation, and every surname with it -----------------

DEBATE = (
    "Ravi Kandasamy clashed with Ann Pell during the debate on Tuesday night.\n\n"
    "“She has never run a business,” Kandasamy said.\n\n"
    "Kandasamy went on to argue that taxes must fall."
)


def test_a_full_name_tagged_as_an_organisation_whose_surname_speaks_is_a_person(
    nlp: Language,
) -> None:
    # The model tags the full name and every surname ORG: no person is ever stored, and the
    # member's `/quotes "Ravi Kandasamy"` finds an organisation, or two entities of one name.
    names = [("Ravi Kandasamy", 0, "ORG"), ("Kandasamy", 1, "ORG"), ("Kandasamy", 2, "ORG")]
    doc = with_entities(nlp, DEBATE, [*names, ("Ann Pell", 0, "PERSON")])
    assert _kinds(doc, "ravi kandasamy") == [EntityKind.PERSON] * 3
    assert _found(doc) == [("She has neve", "ravi kandasamy")]


def test_an_organisation_written_with_the_stays_an_organisation(nlp: Language) -> None:
    # "the Harbour Foundry", "Foundry said": a body's name, written with "the" as bodies are.
    text = (
        "Workers at the Harbour Foundry walked out on Monday.\n\n"
        "“We cannot pay more this year,” Foundry said in a statement."
    )
    names = [("Harbour Foundry", 0, "ORG"), ("Foundry", 1, "ORG")]
    doc = with_entities(nlp, text, names)
    assert EntityKind.PERSON not in _kinds(doc, "harbour foundry")


def test_an_organisation_whose_last_word_is_a_common_word_stays_an_organisation(
    nlp: Language,
) -> None:
    # "Kelmore Government" ... "Government said": the word is written in lower case too.
    text = (
        "Kelmore Government approved the plan on Monday, and the government will pay for it.\n\n"
        "“This is a good day for the island,” Government said."
    )
    names = [("Kelmore Government", 0, "ORG"), ("Government", 1, "ORG")]
    doc = with_entities(nlp, text, names)
    assert EntityKind.PERSON not in _kinds(doc, "kelmore government")


# --- a publication's name run into the person's ("Writing in The Mirror Linda said:") ----------

COLUMN = (
    "DAISY Marlow has spoken about her recovery after a long illness.\n\n"
    "Now Daisy has told how she is learning to walk again.\n\n"
    "Writing in The Clarion Daisy said: “Every step is a small victory for me.”\n\n"
    "Daisy told the paper: “I am grateful to the nurses.”"
)


def test_a_title_run_into_a_first_name_is_not_part_of_the_person(nlp: Language) -> None:
    # The model tags "The Clarion Daisy" as one person: "Clarion" is the paper's name, not her
    # first name, and "Daisy" alone is the woman the article opened with.
    names = [
        ("DAISY Marlow", 0, "PERSON"),
        ("Daisy", 0, "PERSON"),
        ("The Clarion Daisy", 0, "PERSON"),
    ]
    doc = with_entities(nlp, COLUMN, [*names, ("Daisy", 2, "PERSON")])
    assert _found(doc) == [("Every step i", "daisy marlow"), ("I am gratefu", "daisy marlow")]


# --- "he"/"she" after a sentence about one person that names another inside her clause --------

INTERVIEW = (
    "Actress Mara Quill backed Senator Tom Reyes in the primary, but she has doubts.\n\n"
    "She appeared to imply that Reyes could lose the race in the autumn.\n\n"
    "“Some people feel the party will change overnight,” she said."
)


def test_a_person_in_a_clause_under_her_verb_is_not_who_the_next_she_is(nlp: Language) -> None:
    # The sentence before "she said" is about its main subject (She = Quill), not about Reyes,
    # the subject of the clause her verb governs, though he is named after her.
    names = [("Mara Quill", 0, "PERSON"), ("Tom Reyes", 0, "PERSON"), ("Reyes", 1, "PERSON")]
    doc = with_entities(nlp, INTERVIEW, names)
    assert _found(doc) == [("Some people ", "mara quill")]


# --- any verb in the attribution after a quotation ("“…,” Hollis charged.") ------------------

TRAILERS = (
    "Mark Hollis and Dana Reeve spoke at the school board meeting on Monday.\n\n"
    "“Anyone who spends the next year in court cannot lead this district,” Hollis charged.\n\n"
    "“This is a very serious incident,” Reeve penned. “Students need to know the damage.”"
)


def test_the_verb_after_a_quotation_and_its_speaker_is_a_speech_verb(nlp: Language) -> None:
    # "charged", "penned": verbs outside the speech-verb list, but a quotation closed by a comma
    # and followed by a name and its verb, then the sentence's end, is that person's words.
    names = [("Mark Hollis", 0, "PERSON"), ("Dana Reeve", 0, "PERSON")]
    doc = with_entities(nlp, TRAILERS, [*names, ("Hollis", 1, "PERSON"), ("Reeve", 1, "PERSON")])
    assert _found(doc) == [
        ("Anyone who s", "mark hollis"),
        ("This is a ve", "dana reeve"),
        ("Students nee", "dana reeve"),
    ]


def test_a_verb_with_an_object_after_a_quotation_is_not_made_a_speech_verb(
    nlp: Language,
) -> None:
    # "“Quiet Hours,” Hollis said, charged the mood": only a verb that ends its sentence right
    # after its subject is read as the attribution.
    text = "Police charged Mark Hollis with theft after the “borrowed” car was found on Monday."
    doc = with_entities(nlp, text, [("Mark Hollis", 0, "PERSON")])
    assert _found(doc) == []


# --- what someone is called: "derided Hollis as “a fraud”" -------------------------------------

LABELS = (
    "Dana Reeve and Mark Hollis clashed at the school board meeting on Monday.\n\n"
    "Reeve derided Hollis as “a fraud” before the vote.\n\n"
    "Talking of the new library, Reeve described it as “wonderful”."
)


def test_a_verb_saying_what_someone_is_called_gives_the_words_to_its_subject(
    nlp: Language,
) -> None:
    # "derided X as", "described it as": the quoted words are what the subject called X.
    names = [("Dana Reeve", 0, "PERSON"), ("Mark Hollis", 0, "PERSON")]
    names += [("Reeve", 1, "PERSON"), ("Hollis", 1, "PERSON"), ("Reeve", 2, "PERSON")]
    doc = with_entities(nlp, LABELS, names)
    assert _found(doc) == [("a fraud", "dana reeve"), ("wonderful", "dana reeve")]


def test_a_role_in_quotation_marks_after_as_is_no_ones_words(nlp: Language) -> None:
    # "worked as “a consultant”": no one is called anything, the marks only set the word apart.
    text = "Mark Hollis worked as “a consultant” for the district before the vote."
    doc = with_entities(nlp, text, [("Mark Hollis", 0, "PERSON")])
    assert _found(doc) == []


# --- a name beside a role a pronoun owns ("her late husband Tom") is someone else --------------

GARDEN = (
    "Back in May, Rosa Quint began to plan a garden in his memory.\n\n"
    "Talking of her late husband Tom Quint's roses, she described them as “a thing of beauty”."
)


def test_her_husband_named_in_the_sentence_is_not_who_she_is(nlp: Language) -> None:
    # "her late husband Tom Quint's roses, she described": the sentence names two people (her,
    # and her husband), so its "her" and "she" are not his; "husband" says he is a man.
    names = [("Rosa Quint", 0, "PERSON"), ("Tom Quint", 0, "PERSON")]
    doc = with_entities(nlp, GARDEN, names)
    assert _found(doc) == [("a thing of b", "rosa quint")]
