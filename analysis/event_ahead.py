"""Two ways of pointing ahead the tense rules miss (issue 12, round 13: wrong direction).

- A hope: "SpaceX is hoping to return to flight in January" (written in December) means the
  coming January. `analysis.event_tense` reads plan words by lemma, and the small English model
  lemmatises "hoping" as "hop"; the written forms of "hope" (and "working to", a plan told as
  an effort: "we are working to safely ... return to flight in early January") are read here.
  Told in the past ("hoped to finish by May") the tense rules keep their reading.
- "come": "they would be prepared ... come January 20" — the date as what "come" brings is
  ahead of the writing, whatever the clause's tense.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.event_attach import Place
from analysis.event_tense import Direction

_AIMING = frozenset({"hope", "hopes", "hoping", "working", "work", "works"})
_NOW = frozenset({"VBZ", "VBP", "VBG", "VB"})


def ahead(place: Place) -> Direction | None:
    """FUTURE when the date's clause is hoped or worked for now, or brought by 'come'."""
    verb = place.verb
    if verb is None:
        return None
    if verb.lower_ == "come" and place.root.head.i == verb.i and place.root.dep_ == "npadvmod":
        return Direction.FUTURE
    return Direction.FUTURE if _aimed(verb) else None


def _aimed(verb: Token) -> bool:
    """A to-infinitive under a present 'hope' or 'working' ('is hoping to return')."""
    head = verb.head
    infinitive = any(kid.dep_ == "aux" and kid.lower_ == "to" for kid in verb.children)
    if verb.dep_ != "xcomp" or not infinitive or head.lower_ not in _AIMING:
        return False
    told = [head, *(kid for kid in head.children if kid.dep_ in ("aux", "auxpass"))]
    return head.tag_ in _NOW and not any(word.tag_ in ("VBD", "VBN", "MD") for word in told[1:])
