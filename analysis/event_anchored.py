"""Years a plan or an account rests on are its scope, not a happening (issue 12, round 23).

"The recovery plan, launched after the recession, was anchored on aggressive growth from 2017 to
2020", "The budget is premised on steady growth in 2025": a passive verb saying what a thing
rests on ('anchored', 'premised', 'predicated', 'grounded', 'based' + 'on'/'upon') tells a
relation, a state; the years in it are the period the plan or the account aims at or reckons
with, not the time anything happened. Days, months and seasons are left to the other rules ("was
based on a vote on Tuesday" may adopt the vote's day).
"""

from __future__ import annotations

from analysis.event_attach import Place

_RESTING = frozenset({"anchor", "premise", "predicate", "ground", "base"})
_ON = frozenset({"on", "upon"})
_YEAR_DAYS = 364  # a date covering a whole year or more


def rests_on(place: Place, first: int, last: int) -> bool:
    """Whether a date of a year or more (`first`, `last`: ordinals) is in the clause of a
    passive 'anchored/premised/predicated/grounded/based on ...'."""
    verb = place.verb
    if verb is None or last - first < _YEAR_DAYS or verb.lemma_.lower() not in _RESTING:
        return False
    passive = any(kid.dep_ == "auxpass" for kid in verb.children)
    on = [kid for kid in verb.children if kid.dep_ == "prep" and kid.lower_ in _ON]
    return passive and bool(on) and place.root.i > on[0].i
