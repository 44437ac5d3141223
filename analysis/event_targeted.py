"""Dates a clause aims at: 'as soon as Wednesday', 'called a meeting for Wednesday' (round 32).

Two shapes of a time still ahead when the clause was told, whatever its verb's tense says:

- "as soon as" before a date gives the earliest time a thing may come ("Pools of oil would be
  trapped ... and set aflame as soon as Wednesday", written on a Tuesday): it points ahead, as
  "ahead of" does. ("As early as" is left alone: "knew of the flaw as early as Monday" looks
  back.)
- a day a clause with an object arranges something for ("The WTO has called a special meeting
  of trade finance players for Wednesday", written on a Monday; "has booked the hall for
  Friday"): the day is the arranged thing's, ahead of a present or a present perfect; told in
  the simple past ("called a meeting for Wednesday") it is the nearest such day.
"""

from __future__ import annotations

from analysis.clause_kinds import auxes
from analysis.event_attach import Place

_PRESENT_AUX = frozenset({"has", "have", "'ve", "’ve", "is", "are", "am", "will", "'ll", "’ll"})


def soonest(place: Place) -> bool:
    """Whether the date follows 'as soon as': the earliest time a thing may come."""
    host = place.host
    if place.prep != "as" or host is None or host.lower_ != "soon":
        return False
    return any(kid.lower_ == "as" and kid.i < host.i for kid in host.children)


def arranged_for(place: Place) -> str | None:
    """'future' or 'nearest' for a day a clause with an object arranges something for ('has
    called a special meeting for Wednesday'); None otherwise."""
    verb, host = place.verb, place.host
    if place.prep != "for" or verb is None or host is None or host.i != verb.i:
        return None
    if place.thing is not None or place.root.dep_ != "pobj":
        return None
    if not any(kid.dep_ == "dobj" and kid.pos_ == "NOUN" for kid in verb.children):
        return None
    helpers = {aux.lower_ for aux in auxes(verb)}
    if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBN" and helpers & _PRESENT_AUX):
        return "future"
    return "nearest" if verb.tag_ in ("VBD", "VBN") else None
