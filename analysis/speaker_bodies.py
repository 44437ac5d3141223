"""Which organisation "the company" (or "the group", "the bank", …) is when the text named none
with that word: "Monsanto, the seed company, opposed the bill. … “…,” the company said"; "The
filibuster drew employers such as Monsanto. “…,” the company tweeted".

A bare noun only ("the company", not "the rights group" nor "the group of rapporteurs"). For a
noun any organisation answers to ("the company", "the group"; not "the court"), a reader takes
the one organisation the sentence before the speaker's names; else the organisation the text
last described with that very noun (in apposition: "X, the seed company", "the company X",
"the company, X,"; or as a complement: "X is a company").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from analysis.speaker_words import definite
from analysis.types import EntityKind, Mention

_COPULAS = frozenset({"be", "become", "remain"})


# Nouns for any organisation: "the court", "the union" are only one of their kind.
GENERIC_BODIES = frozenset(
    {"company", "group", "organization", "organisation", "firm", "institution"}
)


def bare_noun(subject: Token) -> bool:
    """ "the company", with nothing but its article: not "the rights group", "its company",
    "the group of U.N. rapporteurs"."""
    return all(
        (c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "punct" or c.i > c.head.i
        for c in subject.children
    ) and not any(c.dep_ == "prep" for c in subject.rights)


def described_body(
    subject: Token,
    mention_at: Callable[[int], Mention | None],
    excluded: Callable[[int], bool],
) -> Mention | None:
    """The latest organisation named before the subject that the text described with the
    subject's noun (module docstring), or None."""
    lemma = subject.lemma_.lower()
    for token in reversed(subject.doc[: subject.i]):
        if token.lemma_.lower() != lemma or token.pos_ != "NOUN" or excluded(token.idx):
            continue
        described = [mention_at(other.idx) for other in _described_by(token)]
        bodies = [m for m in described if m is not None and _named_body(m)]
        if bodies:
            return bodies[0]
        if definite(token):
            return None  # "the company's value" before: a company we cannot tell
    return None


def _named_body(mention: Mention) -> bool:
    """An organisation with a written name ("Monsanto"), not a lowercase tag ("pro-LGBT")."""
    return mention.kind == EntityKind.ORG and mention.name[:1].isupper()


def _described_by(noun: Token) -> list[Token]:
    """The words a description noun stands beside: its apposition's head or appositions, or
    the subject it is a complement of ("X is a company")."""
    linked = [c for c in noun.children if c.dep_ == "appos" or (c.i > noun.i and c.pos_ == "PROPN")]
    if noun.dep_ in {"appos", "compound"}:  # "X, the seed company", "the company Theranos"
        linked.append(noun.head)
    if noun.dep_ == "attr" and noun.head.lemma_.lower() in _COPULAS:
        linked += [c for c in noun.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return linked


def lone_body_before(
    subject: Token, mentions: Sequence[Mention], excluded: Callable[[int], bool]
) -> Mention | None:
    """The one organisation the sentence before the subject's names, for a noun any
    organisation answers to ("the company", not "the court"), or None when it names none or
    several."""
    if subject.lemma_.lower() not in GENERIC_BODIES:
        return None
    doc = subject.doc
    sentence = subject.sent
    while (
        sentence.start > 0 and excluded(sentence[0].idx) and excluded(doc[sentence.start - 1].idx)
    ):
        sentence = doc[sentence.start - 1].sent  # back to where the quotation opened
    if sentence.start == 0:
        return None
    previous = doc[sentence.start - 1].sent
    found = {
        m.key: m
        for m in mentions
        if _named_body(m)
        and previous.start_char <= m.start < previous.end_char
        and not excluded(m.start)
    }
    return next(iter(found.values())) if len(found) == 1 else None
