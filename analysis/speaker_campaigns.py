"""Whose campaign speaks: "the Trump campaign said", "Ryan's campaign shrugged off …", "a
Clinton campaign spokesman said", and "the campaign said" after the text named one.

A candidate's campaign speaks for the candidate: a reader looking for what Clinton's side said
finds it under Clinton. The candidate is the possessor of "campaign" ("Ryan's", "her") or the
name compounded with it ("the Trump campaign"); a spokesperson of such a campaign speaks for it
too, and so does its statement ("the campaign's statement"). A bare "the campaign" is the
latest campaign the text named with its candidate, in its sentence or the few before; none
named, it stays no one. A person's office, staff or team speaks for them the same way ("Ryan's
office said").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from analysis.speaker_words import definite, earlier_nouns, word_set

_CAMPAIGN = "campaign"
_OWN_STAFF = frozenset({"office", "staff", "team"})
# Who works for a campaign: "X's campaign manager" is the manager of X's campaign.
_CAMPAIGN_STAFF = word_set(
    """manager chairman chairwoman chair strategist staffer spokesman spokeswoman spokesperson
    adviser advisor aide director official headquarters office staff team"""
)
_LOOK_BACK = 8  # sentences before the one "the campaign" speaks in


def campaign_owner(
    subject: Token, voices: frozenset[str], excluded: Callable[[int], bool]
) -> Token | None:
    """The word naming the candidate whose campaign the subject is or speaks for (module
    docstring), for the resolver to resolve; None for any other subject."""
    if subject.pos_ != "NOUN":
        return None
    lemma = subject.lemma_.lower()
    if lemma in _OWN_STAFF:  # "Ryan's office said", "Clinton's team"
        return next((c for c in subject.lefts if c.dep_ == "poss"), None)
    if lemma == _CAMPAIGN:
        return _owner(subject) or _latest_owner(subject, excluded)
    if lemma not in voices:
        return None
    campaign = next(
        (c for c in subject.lefts if c.dep_ in {"compound", "poss"} and c.lower_ == _CAMPAIGN),
        None,
    )
    if campaign is None:
        return None
    names = [c for c in subject.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    before = [c for c in names if c.i < campaign.i]  # "a Clinton campaign spokesman", flat
    return _owner(campaign) or (before[-1] if before else _latest_owner(campaign, excluded))


def _owner(campaign: Token) -> Token | None:
    """The possessor of "campaign" or the name compounded with it: "Ryan's", "her", "Trump";
    for "campaign" compounded with a noun, that noun's possessor ("Donald Trump's campaign
    manager": the parser hangs "Trump's" on "manager", and the campaign is Trump's); not for
    any noun ("Trump's campaign rival" runs another campaign)."""
    for child in campaign.lefts:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
            return child
    if campaign.dep_ == "compound" and campaign.head.lemma_.lower() in _CAMPAIGN_STAFF:
        return next((c for c in campaign.head.lefts if c.dep_ == "poss" and c.i < campaign.i), None)
    return None


def _latest_owner(subject: Token, excluded: Callable[[int], bool]) -> Token | None:
    """For "the campaign": the candidate of the latest campaign named with one before it."""
    if not definite(subject):
        return None
    owners = (_owner(t) for t in earlier_nouns(subject, _LOOK_BACK, excluded))
    return next((owner for owner in owners if owner is not None), None)
