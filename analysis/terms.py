"""Content terms of an article: the common nouns that say what it is about.

People, places and organisations are counted as entities; terms are the rest of the vocabulary
("treaty", "uranium", "sanction") that `/compare` and `/who` weigh. Lemmas, lowercased, so
"sanctions" and "sanction" count together.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from analysis.types import DocAnalysis

MIN_LENGTH = 3
MAX_LENGTH = 60
TERM_POS = frozenset({"NOUN"})


def extract_terms(doc: Doc, analysis: DocAnalysis) -> dict[str, int]:
    """Count noun lemmas outside entity mentions; stop words, numbers and fragments are skipped."""
    inside = _entity_offsets(analysis)
    counts: Counter[str] = Counter()
    for token in doc:
        if token.pos_ not in TERM_POS or token.is_stop or token.idx in inside:
            continue
        lemma = token.lemma_.lower().strip()
        if MIN_LENGTH <= len(lemma) <= MAX_LENGTH and lemma.isalpha():
            counts[lemma] += 1
    return dict(counts)


def _entity_offsets(analysis: DocAnalysis) -> set[int]:
    """Start offsets of every word inside an entity mention (so "Islamic State" is no term)."""
    starts: set[int] = set()
    for mention in analysis.mentions:
        offset = mention.start
        for word in mention.text.split():
            starts.add(offset)
            offset += len(word) + 1
    return starts
