"""A period a tally is counted over up to now: "up 13 percent so far in 2011".

"so far" before a period ("so far in August", "so far this year") says the sentence counts
something from the period's start to the day of writing (issue 12, round 30): "Brent prices
are up by almost 13 percent so far in 2011" tells a state of now, no happening of 2011, as an
"as of" date on a present state does (`analysis.event_said_now.present_cutoff`); and in "Oil
fell $4 on Thursday, extending U.S. crude's losses to 14 percent so far in August" the month
only bounds the tally of a sentence the day already dates. A tally told in a past or a perfect
alone ("Sales have risen 5 percent so far this year") keeps its period: what it counts
happened in it.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis import clause_kinds as kinds
from analysis.event_attach import Place

_SO_FAR = (("so", "far"), ("thus", "far"))


def so_far(place: Place) -> bool:
    """Whether 'so far' or 'thus far' comes right before the date or its preposition."""
    first = place.root.left_edge
    head = place.root.head
    if place.root.dep_ == "pobj" and head.dep_ == "prep" and head.i < first.i:
        first = head
    doc = place.root.doc
    if first.i < 2:
        return False
    return (doc[first.i - 2].lower_, doc[first.i - 1].lower_) in _SO_FAR


def state_so_far(place: Place) -> bool:
    """A 'so far' period on a clause told in the simple present ('prices are up 13 percent so
    far in 2011'): a state counted up to now."""
    verb: Token | None = place.verb
    return verb is not None and so_far(place) and kinds.simple_present(verb)
