"""Plans a clause's own verb states, read from its form: which way their dates point.

Two shapes the tense rules of `analysis.event_tense` read as no tense at all, so a bare weekday
or month fell back to the past (issue 12, round 9):

- a headline's infinitive: "Obama, Biden to campaign for Clinton in September", "Summit to be
  held on Friday": a sentence whose root is a to-infinitive with no finite verb is
  headlinese for what will happen;
- a plan in the passive: "A public memorial service is planned Friday", "The vote is
  scheduled Tuesday": ahead when told in the present, the nearest such day when told in the
  past ("was planned Friday" may be either side of the day it was written). "set" is a plan
  only with "for" ("is set for Monday"; "the record was set on Tuesday" is a happening).

And a plan a verb sets for someone else or agrees to (round 10): what someone is invited, asked,
urged or ordered to do, or agrees, decides or promises to do, comes after the asking: "Ryan has
invited Trump to meet ... on Thursday morning" is the coming Thursday (`directs`; told in the
past, the nearest such day, as for any plan).
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.clause_kinds import auxes

FUTURE, NEAREST = "future", "nearest"
_PLANNING = frozenset({"plan", "schedule", "slate", "expect"})
_DIRECTING = frozenset(
    {"invite", "ask", "urge", "order", "request", "summon", "instruct", "encourage", "agree"}
    | {"decide", "promise", "vow", "pledge", "offer", "threaten", "resolve", "volunteer"}
)


def directs(verb: Token) -> bool:
    """Whether a verb sets what its to-infinitive complement will do: 'invited him to meet',
    'agreed to testify' (the complement comes after it)."""
    return verb.lemma_ in _DIRECTING


def headline_infinitive(verb: Token) -> bool:
    """Whether the verb is the root of a headline's to-infinitive: 'Biden to campaign in
    September' (with its subject, and no finite verb above it)."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VB", "VBN"):
        return False
    helpers = auxes(verb)
    if not any(aux.lower_ == "to" and aux.tag_ == "TO" for aux in helpers):
        return False
    if any(aux.tag_ in ("MD", "VBZ", "VBP", "VBD") for aux in helpers):
        return False
    return any(kid.dep_ in ("nsubj", "nsubjpass") for kid in verb.children)


def planned_passive(verb: Token, prep: str) -> str | None:
    """The direction a plan in the passive gives a date on its verb: 'is planned Friday' (ahead),
    'was scheduled for Tuesday' (the nearest such day); None for another verb."""
    if verb.tag_ != "VBN" or not (
        verb.lemma_ in _PLANNING or (verb.lemma_ == "set" and prep == "for")
    ):
        return None
    helpers = auxes(verb)
    if not any(aux.dep_ == "auxpass" for aux in helpers):
        return None
    if any(aux.tag_ == "MD" for aux in helpers):
        return FUTURE if any(aux.lower_ in ("will", "shall") for aux in helpers) else None
    past = any(aux.tag_ == "VBD" or aux.lower_ in ("has", "have", "had") for aux in helpers)
    return NEAREST if past else FUTURE
