"""Who "he" and "she" are, read in order through the article as a reader does.

A pronoun that is a clause's subject stands for, in this order:

1. a person named earlier in its own sentence as a subject, else as a possessor ("In Hajjaj’s
   case, she decided …" is Hajjaj); a person named there as an object or beside another
   subject ("he and Farrow were apart") is not preferred over the story's subject;
2. else the latest subject before it, where subjects are the people named as subjects and the
   pronouns already read, each standing for whom it was resolved to ("she decided …" then "“…,”
   she continued" is still Hajjaj, though another woman was named in between as an object);
3. else the latest person named before it.

A person the article genders otherwise (`speaker_gender`) is passed over, and a one-word
"person" that is a word of a place or organisation of the article ("Keys" beside "Florida
Keys") is not a person here: the small model tags such words PERSON.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from analysis.speaker_gender import PRONOUN_GENDER
from analysis.types import EntityKind, Mention

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PERSONAL = frozenset({"he", "she"})


def root_of(doc: Doc, mention: Mention) -> Token | None:
    """The syntactic head of a mention's tokens."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def head_dep(doc: Doc, mention: Mention) -> str:
    """The dependency of the mention's head: nsubj, poss, dobj, conj, ... ("" if unaligned)."""
    root = root_of(doc, mention)
    return root.dep_ if root is not None else ""


class PronounChain:
    """Resolves he/she subjects of one document (see the module docstring)."""

    def __init__(
        self,
        doc: Doc,
        mentions: Sequence[Mention],
        excluded: Callable[[int], bool],
        genders: dict[str, str],
    ) -> None:
        self.doc = doc
        self.excluded = excluded
        self.genders = genders
        others = {
            w.lower()
            for m in mentions
            if m.kind in {EntityKind.PLACE, EntityKind.ORG}
            for w in m.name.split()
        }
        self.people = sorted(
            (
                m
                for m in mentions
                if m.kind == EntityKind.PERSON
                and not excluded(m.start)
                and (" " in m.name or m.name.lower() not in others)
            ),
            key=lambda m: m.start,
        )
        self.starts = [m.start for m in self.people]
        self.chain: list[tuple[int, Mention]] = []
        self.resolved: dict[int, Mention | None] = {}
        self._read()

    def _person_at(self, char: int) -> Mention | None:
        i = bisect.bisect_right(self.starts, char) - 1
        if i >= 0 and self.people[i].start <= char < self.people[i].end:
            return self.people[i]
        return None

    def _read(self) -> None:
        """Walk the subjects in order, resolving each pronoun against what came before."""
        for token in self.doc:
            if token.dep_ not in SUBJECT_DEPS or self.excluded(token.idx):
                continue
            named = self._person_at(token.idx)
            if named is not None:
                self.chain.append((token.idx, named))
            elif token.lower_ in PERSONAL:
                found = self._resolve_at(token)
                self.resolved[token.i] = found
                if found is not None:
                    self.chain.append((token.idx, found))

    def _fits(self, mention: Mention, gender: str) -> bool:
        return self.genders.get(mention.key, gender) == gender

    def _resolve_at(self, token: Token) -> Mention | None:
        gender = PRONOUN_GENDER[token.lower_]
        sentence = token.sent
        same = [
            m
            for m in self.people
            if sentence.start_char <= m.start and m.end <= token.idx and self._fits(m, gender)
        ]
        subjects = [m for m in same if head_dep(self.doc, m) in SUBJECT_DEPS]
        owners = [m for m in same if head_dep(self.doc, m) == "poss"]
        if subjects or owners:
            return (subjects or owners)[-1]
        before = [m for at, m in self.chain if at < token.idx]
        fitting = [m for m in before if self._fits(m, gender)]
        if fitting or before:
            return (fitting or before)[-1]
        earlier = [m for m in self.people if m.end <= token.idx]
        fitting = [m for m in earlier if self._fits(m, gender)]
        candidates = fitting or earlier
        return candidates[-1] if candidates else None

    def resolve(self, token: Token) -> Mention | None:
        """The person a he/she token stands for, or None when no one was named before it."""
        if token.i in self.resolved:
            return self.resolved[token.i]
        return self._resolve_at(token)
