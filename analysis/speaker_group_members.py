"""Members speaking as the body named after them: "The Zimbabwe Hospital Doctors Association
called a strike. … The doctors warned that …", "the United Auto Workers … the workers said".

A body named after its members ("… Doctors Association", "United Auto Workers", "National
Farmers Union") speaks when the text then makes "the doctors", "the workers" or "the farmers"
a speaker: a reader takes the plural, with nothing but "the" before it, for the body just
named, as "the union" would be. Only when exactly one organisation named before the speaker
(outside quoted words) holds that very plural word in its name; the doctors of an article that
names no such body ("Hundreds of doctors gathered …") stay unnamed, as the labels keep them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from analysis.speaker_words import the_one
from analysis.types import EntityKind, Mention


def the_plain_plural(subject: Token) -> bool:
    """A plural with nothing but "the" before it and no phrase after it ("the doctors"): the
    whole group a text named; "the striking doctors", "the doctors at the clinic" are some of
    them."""
    return (
        subject.tag_ == "NNS"
        and [c.lower_ for c in subject.lefts] == ["the"]
        and not any(c.dep_ == "prep" for c in subject.rights)
    )


def members_body(
    subject: Token, mentions: Sequence[Mention], excluded: Callable[[int], bool]
) -> Mention | None:
    """The one organisation named before the subject whose name holds the subject's plural
    word, for a bare definite plural ("the doctors"), else None (module docstring)."""
    if subject.pos_ != "NOUN" or not the_plain_plural(subject):
        return None
    word = subject.lower_
    return the_one(
        m
        for m in mentions
        if m.kind == EntityKind.ORG
        and m.end <= subject.idx
        and not excluded(m.start)
        and word in m.name.lower().split()
    )
