"""'today's' naming a place or an age, not a day: "in today's Washington", "in today's world".

"Today's speech" and "today's vote" are the day's news; "today's Washington", "today's America"
and "today's world" are the present age (issue 12, round 9: "could get any of them done in
today's Washington", "Facts may be losing their value in today's world"). The noun 'today's'
owns says which: a place the entity recogniser names, or a word for a whole age or society
(not "times": "in today's New York Times" is the day's paper).
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.event_attach import Place, owner

_PLACES = frozenset({"GPE", "LOC", "NORP"})
_AGES = frozenset(
    {"world", "society", "age", "era", "climate", "culture", "economy", "politics"}
    | {"environment", "landscape", "generation", "youth", "workplace", "marketplace"}
)


def todays_setting(place: Place) -> bool:
    """Whether the date is a possessive 'today' owning a place or an age: nowadays."""
    root = place.root
    if root.lower_ != "today":
        return False
    noun = _owned(root)
    if noun is None:
        return False
    return noun.ent_type_ in _PLACES or noun.lemma_.lower() in _AGES


def _owned(root: Token) -> Token | None:
    """The noun a possessive date names: 'today's Washington' ('today' a poss of it)."""
    if root.dep_ == "poss" and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head
    return owner(root)
