"""The pronoun chain keeps a speaker named after a quotation's closing mark whom the parser hung
on the quotation's own verb ("“…,” Luis Ramos, 58, told AFP", with "told" a conjunct with no
subject; `pronoun_trailing_names`): the next "he said" is Ramos. The small model makes this
parse on some names only, so the test builds it by hand and asks the chain."""

from __future__ import annotations

from spacy.language import Language

from tests.analysis.pronoun_parses import Row, build_doc, chain_of, person

# "Tom Reed said so. “We lost,” Luis Ramos, 58, told AFP. He said no."
# with Ramos hung on "lost" (npadvmod) and "told" a conjunct with no subject
_TRAILING: list[Row] = [
    ("Tom", 1, "compound", "PROPN", "Tom"),
    ("Reed", 2, "nsubj", "PROPN", "Reed"),
    ("said", 2, "ROOT", "VERB", "say"),
    ("so", 2, "advmod", "ADV", "so"),
    (".", 2, "punct", "PUNCT", "."),
    ("“", 7, "punct", "PUNCT", "“"),
    ("We", 7, "nsubj", "PRON", "we"),
    ("lost", 7, "ROOT", "VERB", "lose"),
    (",", 7, "punct", "PUNCT", ","),
    ("”", 7, "punct", "PUNCT", "”"),
    ("Luis", 11, "compound", "PROPN", "Luis"),
    ("Ramos", 7, "npadvmod", "PROPN", "Ramos"),
    (",", 11, "punct", "PUNCT", ","),
    ("58", 11, "appos", "NUM", "58"),
    (",", 11, "punct", "PUNCT", ","),
    ("told", 7, "conj", "VERB", "tell"),
    ("AFP", 15, "dobj", "PROPN", "AFP"),
    (".", 7, "punct", "PUNCT", "."),
    ("He", 19, "nsubj", "PRON", "he"),
    ("said", 19, "ROOT", "VERB", "say"),
    ("no", 19, "dobj", "DET", "no"),
    (".", 19, "punct", "PUNCT", "."),
]


def test_name_after_the_closing_mark_speaks(nlp: Language) -> None:
    doc = build_doc(nlp, _TRAILING)
    people = [person(doc, 0, 1), person(doc, 10, 11)]
    chain = chain_of(doc, people, {"tom reed": "male", "luis ramos": "male"})
    found = chain.resolve(doc[18])
    assert found is not None and found.key == "luis ramos"


def test_name_after_the_closing_mark_with_a_subject_verb_is_left(nlp: Language) -> None:
    """Guard: no closing mark before the name ("We lost, Luis Ramos ..."): nothing read."""
    rows = [r for i, r in enumerate(_TRAILING) if i not in {5, 9}]
    rows = [(w, h - (h > 5) - (h > 9), d, p, lem) for w, h, d, p, lem in rows]
    doc = build_doc(nlp, rows)
    people = [person(doc, 0, 1), person(doc, 8, 9)]
    chain = chain_of(doc, people, {"tom reed": "male", "luis ramos": "male"})
    found = chain.resolve(doc[16])
    assert found is not None and found.key == "tom reed"
