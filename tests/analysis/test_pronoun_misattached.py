"""The pronoun chain keeps a speaker the parser made the subject of the clause the speech verb
reports, after a long apposition ("Ana Diaz, a nurse who has backed Lee, also said …", with
"said" left with no subject; `pronoun_misattached`): the next "she said" is Diaz. The small
model makes this parse on some names only, so the test builds it by hand and asks the chain."""

from __future__ import annotations

from spacy.language import Language

from tests.analysis.pronoun_parses import Row, build_doc, chain_of, person

# "Jo Kerr said so. Ana Diaz, a nurse who has backed Lee, also said so. She said no."
# with Diaz made the subject of "backed", a clause "said" reports, and "said" with no subject
_MISATTACHED: list[Row] = [
    ("Jo", 1, "compound", "PROPN", "Jo"),
    ("Kerr", 2, "nsubj", "PROPN", "Kerr"),
    ("said", 2, "ROOT", "VERB", "say"),
    ("so", 2, "advmod", "ADV", "so"),
    (".", 2, "punct", "PUNCT", "."),
    ("Ana", 6, "compound", "PROPN", "Ana"),
    ("Diaz", 14, "nsubj", "PROPN", "Diaz"),
    (",", 6, "punct", "PUNCT", ","),
    ("a", 9, "det", "DET", "a"),
    ("nurse", 6, "appos", "NOUN", "nurse"),
    ("who", 14, "nsubj", "PRON", "who"),
    ("has", 14, "aux", "AUX", "have"),
    ("long", 14, "advmod", "ADV", "long"),
    ("openly", 14, "advmod", "ADV", "openly"),
    ("backed", 18, "ccomp", "VERB", "back"),
    ("Lee", 14, "dobj", "PROPN", "Lee"),
    (",", 18, "punct", "PUNCT", ","),
    ("also", 18, "advmod", "ADV", "also"),
    ("said", 18, "ROOT", "VERB", "say"),
    ("so", 18, "advmod", "ADV", "so"),
    (".", 18, "punct", "PUNCT", "."),
    ("She", 22, "nsubj", "PRON", "she"),
    ("said", 22, "ROOT", "VERB", "say"),
    ("no", 22, "dobj", "DET", "no"),
    (".", 22, "punct", "PUNCT", "."),
]


def test_subject_of_the_reported_clause_before_a_subjectless_speech_verb(nlp: Language) -> None:
    doc = build_doc(nlp, _MISATTACHED)
    people = [person(doc, 0, 1), person(doc, 5, 6)]
    chain = chain_of(doc, people, {"jo kerr": "female", "ana diaz": "female"})
    found = chain.resolve(doc[21])
    assert found is not None and found.key == "ana diaz"


def test_reported_clause_after_its_speech_verb_is_left(nlp: Language) -> None:
    """Guard: "Jo Kerr said so. Aides said Ana Diaz backed Lee. She said no.": Diaz is what
    the aides said; the "she" who speaks is Jo Kerr, as before."""
    rows: list[Row] = [
        *_MISATTACHED[:5],
        ("Aides", 6, "nsubj", "NOUN", "aide"),
        ("said", 6, "ROOT", "VERB", "say"),
        ("Ana", 8, "compound", "PROPN", "Ana"),
        ("Diaz", 9, "nsubj", "PROPN", "Diaz"),
        ("backed", 6, "ccomp", "VERB", "back"),
        ("Lee", 9, "dobj", "PROPN", "Lee"),
        (".", 6, "punct", "PUNCT", "."),
        ("She", 13, "nsubj", "PRON", "she"),
        ("said", 13, "ROOT", "VERB", "say"),
        ("no", 13, "dobj", "DET", "no"),
        (".", 13, "punct", "PUNCT", "."),
    ]
    doc = build_doc(nlp, rows)
    people = [person(doc, 0, 1), person(doc, 7, 8)]
    chain = chain_of(doc, people, {"jo kerr": "female", "ana diaz": "female"})
    found = chain.resolve(doc[12])
    assert found is not None and found.key == "jo kerr"
