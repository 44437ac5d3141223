"""Candidate features for a learned speaker ranker: a study, not part of the product (issue 12).

Round 5 asked whether a model could link what the rules leave unlinked, or resolve "he"/"she"
better than they do. Every person and organisation the article names outside its quotes (before
the quote, or in its paragraph) is a candidate for a quote's speaker, described by how the
article mentions it around the quote. `eval.speaker_ranker.study` fits a logistic regression on
these rows and compares it with the rules; EVALUATION.md §6 ("Fifth round") has the result: it
does not beat them, so the product does not use it.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from analysis.pronouns import SUBJECT_DEPS, head_dep
from analysis.quote_speakers import word_set
from analysis.speaker_gender import genders
from analysis.types import DocAnalysis, EntityKind, Mention, Quote

FEATURES = (
    "bias",
    "sentences_back",
    "not_before",
    "same_sentence",
    "after_in_sentence",
    "same_paragraph",
    "previous_paragraph",
    "last_subject",
    "last_speaker",
    "earlier_quotes",
    "mentions",
    "organisation",
    "pronoun_agrees",
    "pronoun_disagrees",
    "pronoun_organisation",
    "plural_organisation",
    "noun_in_name",
    "body_organisation",
    "role_person",
    "first_person",
    "most_mentioned",
    "candidates",
    "name_in_speaker",
    "possessive_in_speaker",
    "unlinked_by_rules",
    "pronoun_last_subject",
    "noun_same_sentence",
    "indefinite",
)
_HE, _SHE, _PLURAL = frozenset({"he", "him"}), frozenset({"she", "her"}), frozenset({"they", "we"})
_BODY_NOUNS = word_set(
    """department ministry agency union campaign company committee commission council court
    party foundation charity university college hospital bank board office service government
    group association firm club team police league organisation organization institute
    spokesperson spokesman spokeswoman statement release report affidavit letter"""
)
_PERSON_NOUNS = word_set(
    """president minister leader official spokesman spokeswoman lawyer attorney chief director
    secretary mayor governor senator premier coach manager chairman officer judge prosecutor
    executive founder author professor doctor expert"""
)
_WORD = re.compile(r"[^\W\d_]+")
_INDEFINITE = word_set("a an one another some someone somebody several many")
_POSSESSIVE = re.compile(r"([^\W\d_]+)['’]s\b")
_KINDS = frozenset({EntityKind.PERSON, EntityKind.ORG})


@dataclass(frozen=True)
class Candidate:
    """One entity a quote could be linked to, with the features the model scores."""

    key: str
    name: str
    features: tuple[float, ...]


def _words(text: str) -> list[str]:
    """Lower-cased words of a text, letters only."""
    return [w.lower() for w in _WORD.findall(text)]


def _stem_match(a: str, b: str) -> bool:
    """Same word, or a plural or adjective of it ("unions", "courts", "iranian"/"iran")."""
    return a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))


class LinkContext:
    """What the features need from one parsed article, read once."""

    def __init__(
        self,
        doc: Doc,
        mentions: Sequence[Mention],
        excluded: Callable[[int], bool],
        line_of: Callable[[int], int],
        gendered: dict[str, str] | None = None,
    ) -> None:
        self.line_of = line_of
        self.mentions = sorted(
            (m for m in mentions if m.kind in _KINDS and not excluded(m.start)),
            key=lambda m: m.start,
        )
        self.starts = [m.start for m in self.mentions]
        self.lines = [line_of(m.start) for m in self.mentions]
        self.subject = [head_dep(doc, m) in SUBJECT_DEPS for m in self.mentions]
        self.counts = Counter(m.key for m in self.mentions)
        self.names = {m.key: m.name for m in self.mentions}
        self.kinds = {m.key: m.kind for m in self.mentions}
        self.genders = gendered if gendered is not None else genders(doc, mentions, excluded)
        people = [m for m in self.mentions if m.kind == EntityKind.PERSON]
        self.first_person = people[0].key if people else None
        counted = Counter(m.key for m in people)
        self.most_mentioned = counted.most_common(1)[0][0] if len(counted) else None


def _speaker_words(speaker_text: str) -> tuple[str, list[str]]:
    """The speaker as written, lowercased: its kind ("he", "she", "they", "noun", "") and words."""
    words = _words(speaker_text)
    if not words:
        return "", []
    if len(words) == 1 and words[0] in _HE | _SHE | _PLURAL:
        return words[0], words
    return "noun", words


@dataclass(frozen=True)
class _Around:
    """What is the same for every candidate of one quote."""

    quote: Quote
    in_reach: tuple[int, ...]  # mentions before the quote, or in its paragraph outside it
    before: int  # the first mention at or after the quote's start
    line: int
    kind: str  # "he", "she", "they", "we", "noun" or ""
    head: str  # a description's last word ("union" in "the union")
    last_subject: str | None
    last_speaker: str | None
    quoted: Counter[str | None]
    how_many: int
    written: frozenset[str]  # the speaker's words as written, lowercased
    possessed: frozenset[str]  # words written with a possessive "'s" ("Cruz's adviser")
    unlinked: bool
    indefinite: bool  # "a lawyer", "one source", "someone": often no one the article names


def candidates(
    quote: Quote, earlier: Sequence[Quote], ctx: LinkContext, unlinked: bool = True
) -> list[Candidate]:
    """Every person and organisation named before the quote or in its paragraph, with features.

    `unlinked=False` describes a quote the rules did link, its link hidden (for training)."""
    line = ctx.line_of(quote.start)
    before = bisect.bisect_left(ctx.starts, quote.start)
    in_reach = tuple(
        i
        for i, m in enumerate(ctx.mentions)
        if i < before or (ctx.lines[i] == line and not quote.start <= m.start < quote.end)
    )
    keys = list(dict.fromkeys(ctx.mentions[i].key for i in in_reach))
    linked = [q for q in earlier if q.speaker_key]
    kind, words = _speaker_words(quote.speaker_text)
    around = _Around(
        quote=quote,
        in_reach=in_reach,
        before=before,
        line=line,
        kind=kind,
        head=words[-1] if kind == "noun" else "",
        last_subject=next(
            (ctx.mentions[i].key for i in reversed(range(before)) if ctx.subject[i]), None
        ),
        last_speaker=linked[-1].speaker_key if linked else None,
        quoted=Counter(q.speaker_key for q in linked),
        how_many=len(keys),
        written=frozenset(words),
        possessed=frozenset(w.lower() for w in _POSSESSIVE.findall(quote.speaker_text)),
        unlinked=unlinked,
        indefinite=bool(words) and words[0] in _INDEFINITE,
    )
    return [Candidate(k, ctx.names[k], tuple(_features(k, around, ctx))) for k in keys]


def _features(key: str, at: _Around, ctx: LinkContext) -> Iterator[float]:
    """One candidate's inputs to the model, in the order FEATURES names them."""
    mine = [i for i in at.in_reach if ctx.mentions[i].key == key]
    earlier = [i for i in mine if i < at.before]
    sentence = at.quote.sentence
    back = sentence - ctx.mentions[earlier[-1]].sentence if earlier else 0
    organisation = ctx.kinds[key] == EntityKind.ORG
    gender = ctx.genders.get(key)
    agrees = (at.kind == "he" and gender == "male") or (at.kind == "she" and gender == "female")
    clashes = (at.kind == "he" and gender == "female") or (at.kind == "she" and gender == "male")
    yield 1.0
    yield math.log1p(max(back, 0))
    yield float(not earlier)
    yield float(any(ctx.mentions[i].sentence == sentence for i in mine))
    yield float(any(i >= at.before and ctx.mentions[i].sentence == sentence for i in mine))
    yield float(any(ctx.lines[i] == at.line for i in mine))
    yield float(any(ctx.lines[i] == at.line - 1 for i in mine))
    yield float(key == at.last_subject)
    yield float(key == at.last_speaker)
    yield math.log1p(at.quoted[key])
    yield math.log1p(ctx.counts[key])
    yield float(organisation)
    yield float(agrees)
    yield float(clashes)
    yield float(at.kind in {"he", "she"} and organisation)
    yield float(at.kind in _PLURAL and organisation)
    yield float(bool(at.head) and any(_stem_match(at.head, w) for w in _words(ctx.names[key])))
    yield float(at.head in _BODY_NOUNS and organisation)
    yield float(at.head in _PERSON_NOUNS and not organisation)
    yield float(key == ctx.first_person)
    yield float(key == ctx.most_mentioned)
    yield math.log1p(at.how_many)
    named = {w for w in _words(ctx.names[key]) if len(w) > 2}
    yield float(bool(named & at.written))
    yield float(bool(named & at.possessed))
    yield float(at.unlinked)
    yield float(at.kind in {"he", "she"} and key == at.last_subject)
    yield float(at.kind == "noun" and any(ctx.mentions[i].sentence == sentence for i in mine))
    yield float(at.indefinite)


def context_of(doc: Doc, analysis: DocAnalysis) -> LinkContext:
    """The features' view of a parsed article, read as the rules read it (`analysis.quotes`):
    mentions inside quotes and headline-like lines are none a reader takes a speaker from, and
    "he"/"she" have the genders the pronoun chain gives the article's people."""
    from analysis.quotes import _Document  # the rules' own reading: none of it is copied here

    ctx = _Document(doc, analysis)
    return LinkContext(
        doc, analysis.mentions, ctx.excluded, ctx.line_of, ctx.resolver.pronouns.genders
    )
