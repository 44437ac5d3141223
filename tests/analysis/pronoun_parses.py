"""Hand-built parses for the pronoun chain's tests: the small model makes some misparses on a
few names only, so a test of what the chain does with such a parse builds it (words, heads,
labels, parts of speech, lemmas) and asks the chain who a pronoun is."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from analysis.entities import make_key
from analysis.pronouns import PronounChain
from analysis.types import EntityKind, Mention

SPEECH = frozenset({"say", "tell"})
# word, head (absolute index), label, part of speech, lemma
Row = tuple[str, int, str, str, str]


def build_doc(nlp: Language, rows: list[Row]) -> Doc:
    """A parsed Doc from rows; a space after each word but before a closing mark or comma."""
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][0] not in {",", ".", "”"} for i in range(len(rows))]
    spaces = [s and w != "“" for s, w in zip(spaces, words, strict=True)]
    return Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        lemmas=[r[4] for r in rows],
    )


def person(doc: Doc, first: int, last: int) -> Mention:
    """A PERSON mention of the words first..last, its key their text."""
    span = doc[first : last + 1]
    name = span.text
    return Mention(
        name, EntityKind.PERSON, "PERSON", span.start_char, span.end_char, 0, name, make_key(name)
    )


def chain_of(doc: Doc, people: list[Mention], genders: dict[str, str]) -> PronounChain:
    """The pronoun chain of a hand-built Doc, nothing excluded, "say" and "tell" speech verbs."""
    return PronounChain(doc, people, lambda _: False, genders, SPEECH)
