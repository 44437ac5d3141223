"""A dated thing the clause's happening lies ahead of, wherever the parser hung 'ahead of'.

"Trump has a decisive lead in the polls ahead of the state's April 19 primary": the parser hangs
"ahead of" on the noun "lead", not on the clause, so the date's thing has no preposition of its
own toward its clause and `analysis.event_reference.sequenced` did not see the reference point
(issue 12, round 16: "ahead of the island's June 5 caucuses", "ahead of Tuesday's vote"). Any
"ahead of" (or "prior to", "in advance of") between the date's thing and its clause makes the
thing a reference point, as one hung on the clause does.
"""

from __future__ import annotations

from analysis.event_attach import Place

_AHEAD = frozenset({"ahead of", "ahead to", "prior to", "in advance of"})
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night", "day", "noon", "midnight"})


def ahead_of_thing(place: Place) -> bool:
    """Whether the thing a date names or describes comes after 'ahead of' on the way up."""
    thing = place.thing
    if thing is None or thing.pos_ not in ("NOUN", "PROPN"):
        return False
    if thing.ent_type_ in ("TIME", "DATE") or thing.lemma_.lower() in _DAY_PARTS:
        return False
    return any(word in _AHEAD for word in place.crossed)
