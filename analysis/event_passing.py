"""Dates a sentence mentions in passing or as a comparison, beyond `analysis.event_roles`.

Shapes read from real pages no earlier rule had seen (issue 12, sixth round), each a reading of
the parse spaCy already made:

- one clause spread over verbs: an open complement ("are scheduled to be held ... on July 27")
  belongs to the clause of its head, so a year naming that clause's subject ("The 2022 Games")
  gives way to the finer date as it does within one verb;
- a new time: a thing moved "to 2022" by a moving its own date dates ("World Athletics last
  month shifted the event to 2022") is the moved thing's time, a second date of the sentence;
- an analogy: a free relative ("what happened in 2016") under a noun that describes something
  else ("the reverse of what happened in 2016", "is another illustration of what happened in
  the 2020 primary"): what the sentence likens its subject to, not its happening;
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.event_attach import Place

_MOVING = frozenset(
    {"postpone", "delay", "reschedule", "push", "move", "adjourn", "defer", "shift", "bring"}
)
_NEW_TIME = frozenset({"to", "until", "till", "into"})
_PREDICATIVE = frozenset({"attr", "appos", "dep"})  # "dep": a noun after a dash


def analogy(place: Place) -> bool:
    """A free relative under a predicative or appositive noun: 'is a repeat of what happened
    last year', '- basically the reverse of what happened in 2016' (not 'gave an account of
    what happened on Saturday', whose noun is the object of a happening)."""
    for link in place.links[:-1]:
        verb, prep = link.verb, link.verb.head
        if link.dep != "pcomp" or prep.pos_ != "ADP":
            continue
        noun = prep.head
        free = any(kid.tag_ == "WP" for kid in verb.children)  # "what", "whatever"
        if free and noun.pos_ in ("NOUN", "PROPN") and noun.dep_ in _PREDICATIVE:
            return True
    return False


def same_clause(one: Token, other: Token) -> bool:
    """Whether two verbs head one clause: the same verb, or one reached from the other through
    open complements ('are scheduled to be held', 'are due to begin')."""
    return _chain_top(one).i == _chain_top(other).i


def _chain_top(verb: Token) -> Token:
    """The verb an open complement (xcomp) chain hangs from, through an adjective it completes
    ('are due to begin': 'begin' under 'due' under 'are')."""
    for _ in range(6):
        if verb.dep_ != "xcomp" or verb.head == verb:
            break
        verb = verb.head
        if verb.dep_ == "acomp" and verb.head != verb:
            verb = verb.head
    return verb


def new_time(place: Place, others: list[Place]) -> bool:
    """A date a thing was moved to ('shifted the event to 2022', 'delayed the vote until
    June') when another date of the sentence dates the moving itself ('last month')."""
    verb = place.verb
    if verb is None or place.thing is not None or not moved_to(place):
        return False
    return any(
        other.verb is not None and other.verb.i == verb.i and not moved_to(other)
        for other in others
        if other is not place
    )


def moved_to(place: Place) -> bool:
    """Whether a date is where a moving verb puts a thing in time: 'postponed to Friday'."""
    verb = place.verb
    return verb is not None and verb.lemma_ in _MOVING and place.prep in _NEW_TIME
