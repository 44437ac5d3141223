"""A verb of regard ("views X as “…”", "sees X as “…”") says what its subject thinks, not what
anyone called something: quoted words after its "as" are the words of a speech verb above it,
if any, not its subject's."""

from __future__ import annotations

from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quotes import extract_quotes


def found(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    """(quoted words, speaker key) of every quote of a text."""
    doc = nlp(text)
    return [(q.text, q.speaker_key) for q in extract_quotes(doc, analyse_doc(doc))]


def test_a_regard_verb_under_a_participle_speech_verb(nlp: Language) -> None:
    text = (
        "Senator Dale Ostrow spoke to voters in Billings on Monday.\n\n"
        "Ostrow has spoken out against his party, saying the average rancher views the "
        "Democratic Party as “toxic”."
    )
    assert found(nlp, text) == [("toxic", "dale ostrow")]


def test_guard_a_regard_verb_in_a_clause_a_speech_verb_reports(nlp: Language) -> None:
    text = (
        "Investor Paul Amsel spoke to reporters on Friday.\n\n"
        "Amsel also complained that Dorsey is too rigid, suggesting the first-term mayor sees "
        "every budget as “absolutely black and white.”"
    )
    assert found(nlp, text) == [("absolutely black and white", "paul amsel")]


def test_guard_a_labelling_verb_still_gives_its_subject_the_words(nlp: Language) -> None:
    text = "Rita Varga spoke on Monday.\n\nVarga derided the new tax as “ridiculous”."
    assert found(nlp, text) == [("ridiculous", "rita varga")]


def test_guard_a_describing_verb_still_gives_its_subject_the_words(nlp: Language) -> None:
    text = "Rita Varga spoke on Monday.\n\nRita Varga described the plan as “a scam”."
    assert found(nlp, text) == [("a scam", "rita varga")]


def test_guard_a_regard_verb_alone_gives_no_one_the_words(nlp: Language) -> None:
    text = "Tom Brandt runs the bakery.\n\nBrandt sees the new tax as “a scam”."
    assert found(nlp, text) == []
