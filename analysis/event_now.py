"""'today's' naming a place or an age, not a day: "in today's Washington", "in today's world".

"Today's speech" and "today's vote" are the day's news; "today's Washington", "today's America"
and "today's world" are the present age (issue 12, round 9: "could get any of them done in
today's Washington", "Facts may be losing their value in today's world"). The noun 'today's'
owns says which: a place the entity recogniser names, or a word for a whole age or society
(not "times": "in today's New York Times" is the day's paper).

And a bare "today" on a clause of what can or may be (round 10): "As you can see today, the
relations are strong", "a compromise candidate today may be far better for them" tell a
possibility or an opinion of now, not the day's happening (`possible_today`). "Talks could
resume today" is a possibility too; "will meet today", "met today" and "You can vote today"
stay the day's.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.clause_kinds import auxes
from analysis.event_attach import Place, owner

_PLACES = frozenset({"GPE", "LOC", "NORP"})
_POSSIBLE = frozenset({"could", "may", "might"})
_SEEING = frozenset({"see", "tell", "say", "imagine", "hear", "guess"})  # "as you can see today"
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


def possible_today(place: Place) -> bool:
    """Whether a bare 'today' dates, or names the subject of, a clause with 'could', 'may' or
    'might', or of what one 'can see' ('As you can see today', 'a candidate today may be
    better'; not 'You can vote today')."""
    root, verb = place.root, place.verb
    if root.lower_ != "today" or verb is None or root.dep_ == "poss" or owner(root) is not None:
        return False
    words = {aux.lower_ for aux in auxes(verb)}
    return bool(words & _POSSIBLE) or ("can" in words and verb.lemma_ in _SEEING)
