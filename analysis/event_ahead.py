"""Two ways of pointing ahead the tense rules miss (issue 12, round 13: wrong direction).

- A hope: "SpaceX is hoping to return to flight in January" (written in December) means the
  coming January. `analysis.event_tense` reads plan words by lemma, and the small English model
  lemmatises "hoping" as "hop"; the written forms of "hope" (and "working to", a plan told as
  an effort: "we are working to safely ... return to flight in early January") are read here.
  Told in the past ("hoped to finish by May") the tense rules keep their reading.
- "come": "they would be prepared ... come January 20" — the date as what "come" brings is
  ahead of the writing, whatever the clause's tense.
- A to-infinitive setting out a thing's plan (round 21): "the Summit of the Americas, to be
  held June 6-10 in Los Angeles", "the talks, to take place on June 6": a bare to-infinitive
  hung on a noun or a clause (not the complement of a verb: "was to be held" is read by the
  tense rules) tells what is planned, ahead of a sentence told now; in a sentence told in the
  past ("The talks, to be held June 6, were called off") the nearest such day. So in a
  sentence whose root is a report in the present perfect when the clause the infinitive hangs
  on is past (round 30: "forces launched two operations to root out activists on Wednesday,
  the opposition has said" had gone to the coming Wednesday).
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
    if _aimed(verb):
        return Direction.FUTURE
    return _planned_infinitive(verb)


_PLANNED_DEPS = frozenset({"relcl", "acl", "advcl"})
_PAST_TAGS = frozenset({"VBD"})


def _planned_infinitive(verb: Token) -> Direction | None:
    """'the Summit, to be held June 6-10' (ahead), 'The talks, to be held June 6, were called
    off' (the nearest): a bare to-infinitive hung on a noun or a clause."""
    helpers = [kid for kid in verb.children if kid.dep_ in ("aux", "auxpass")]
    if verb.dep_ not in _PLANNED_DEPS or not any(kid.lower_ == "to" for kid in helpers):
        return None
    if any(kid.lower_ not in ("to", "be") for kid in helpers) or verb.tag_ not in ("VB", "VBN"):
        return None
    # told in the past by the sentence's root, or by the clause the infinitive hangs on when a
    # report in the present holds that clause ('forces launched raids to root out activists on
    # Wednesday, the opposition has said': the launch is past, not the perfect's present)
    told = [
        word
        for main in (verb.sent.root, _clause_of(verb))
        for word in (main, *(kid for kid in main.children if kid.dep_ in ("aux", "auxpass")))
    ]
    past = any(word.tag_ in _PAST_TAGS for word in told)
    return Direction.NEAREST if past else Direction.FUTURE


def _clause_of(verb: Token) -> Token:
    """The verb of the clause an infinitive hangs on, through the noun it modifies ('launched
    two raids to arrest ...': 'launched'); the head itself when no verb is above it."""
    clause = verb.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    return clause if clause.pos_ in ("VERB", "AUX") else verb.head


def _aimed(verb: Token) -> bool:
    """A to-infinitive under a present 'hope' or 'working' ('is hoping to return')."""
    head = verb.head
    infinitive = any(kid.dep_ == "aux" and kid.lower_ == "to" for kid in verb.children)
    if verb.dep_ != "xcomp" or not infinitive or head.lower_ not in _AIMING:
        return False
    told = [head, *(kid for kid in head.children if kid.dep_ in ("aux", "auxpass"))]
    return head.tag_ in _NOW and not any(word.tag_ in ("VBD", "VBN", "MD") for word in told[1:])
