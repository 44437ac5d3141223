"""Members speaking as the body the article introduced them by: "lawmakers on the House
Oversight Committee sent a letter … “…,” the lawmakers wrote", "committee members said".

A body's members or officials written once with the body they belong to ("lawmakers on X",
"members of X", "officials at X") speak for it when the text then makes the same plural, with
nothing but "the" before it, a speaker: a reader takes "the lawmakers" for the ones just
introduced, who wrote as the committee. Only when exactly one organisation was so introduced
with that word before the speaker (outside quoted words); "the lawmakers" of an article that
ties them to no body, or to two, stay unnamed (`introduced_body`).

"committee members" (the body's kind as a compound, no "the") are the members of the one
organisation named before them whose name holds that kind: "the Senate Ethics Committee"
(`kind_members_body`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from analysis.speaker_group_members import the_plain_plural
from analysis.speaker_words import BODIES, the_one, word_set
from analysis.types import EntityKind, Mention

# Plurals for the people who sit on a body or speak for it.
MEMBERS = word_set(
    """lawmakers legislators members senators representatives officials executives
    commissioners councillors councilors trustees directors"""
)
_JOINS = word_set("on of from at for")


def introduced_body(
    subject: Token,
    mention_at: Callable[[int], Mention | None],
    excluded: Callable[[int], bool],
) -> Mention | None:
    """The one organisation the subject's plural was introduced with before it ("lawmakers on
    X"), for a bare definite plural of `MEMBERS` ("the lawmakers"), else None."""
    if subject.lower_ not in MEMBERS or not the_plain_plural(subject):
        return None
    bodies = []
    for token in subject.doc[: subject.i]:
        if token.lower_ != subject.lower_ or excluded(token.idx):
            continue
        for prep in (c for c in token.rights if c.dep_ == "prep" and c.lower_ in _JOINS):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                found = mention_at(obj.idx)
                if found is not None and found.kind == EntityKind.ORG:
                    bodies.append(found)
    return the_one(bodies)


def kind_members_body(
    subject: Token, mentions: Sequence[Mention], excluded: Callable[[int], bool]
) -> Mention | None:
    """The one organisation named before "committee members" whose name holds the body's kind
    ("… Committee"), else None (module docstring)."""
    if subject.tag_ != "NNS" or subject.lower_ not in MEMBERS:
        return None
    lefts = list(subject.lefts)
    if len(lefts) != 1 or lefts[0].dep_ != "compound" or lefts[0].lower_ not in BODIES:
        return None
    kind = lefts[0].lower_
    return the_one(
        m
        for m in mentions
        if m.kind == EntityKind.ORG
        and m.end <= subject.idx
        and not excluded(m.start)
        and kind in m.name.lower().split()
    )
