"""A source named by its period, speaking in the present (issue 12, round 14: passing mention).

"Last year's statistics show that crime fell", "The 2015 census finds", "Last month's survey
suggests": the date only says which statistics, census or survey; the clause tells what the
source shows now, so the date is no happening of the sentence. Only a month or longer: "Tuesday's
results show Trump ahead" keeps its day, the story's news. A past tense ("Last year's survey
found") is left to the other rules: the finding may be the story's news.
"""

from __future__ import annotations

from analysis import clause_kinds as kinds
from analysis.event_attach import Place
from analysis.event_words import REPORTING

_MONTH_DAYS = 27  # a month or longer: the shortest month's length less one
_MODIFIERS = frozenset({"poss", "compound", "nmod", "amod", "nummod"})


def present_source(place: Place, days: int) -> bool:
    """Whether the date names the subject of a reporting verb in the simple present; `days`
    is the date's length less one."""
    thing, verb = place.thing, place.verb
    if days < _MONTH_DAYS or thing is None or verb is None or not place.names:
        return False
    if place.root.dep_ not in _MODIFIERS or place.root.head.i != thing.i:
        return False
    subject = thing.dep_ == "nsubj" and thing.head.i == verb.i
    return subject and verb.lemma_ in REPORTING and kinds.simple_present(verb)
