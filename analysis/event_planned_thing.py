"""A date naming a thing a participle calls planned: "Thursday's planned march".

A thing planned for a day ("Thursday's planned march", "the scheduled Friday vote", "Monday's
proposed walkout") is set for that day from some time before it: written on a Wednesday,
"called on its followers to continue with Thursday's planned march" is the next day's march,
not the Thursday before (issue 12, round 30; the past "called" had sent it back a week). Whether
the plan still lay ahead when it was written the clause does not always say ("Thursday's
planned march was called off" may be told the day after), so the nearest such day is meant, as
for a plan told in the past (`analysis.event_tense`).
"""

from __future__ import annotations

from analysis.event_attach import Place

_PLANNED = frozenset({"planned", "scheduled", "proposed", "slated", "expected", "intended"})


def planned_thing(place: Place) -> bool:
    """Whether the date names a thing a participle of planning modifies ('Thursday's planned
    march', 'the scheduled Friday vote')."""
    thing = place.thing
    if thing is None or not place.names:
        return False
    return any(kid.dep_ == "amod" and kid.lower_ in _PLANNED for kid in thing.children)
