"""A past happening named as the subject of a prediction: the date names it, dates nothing told.

"Tuesday's vote is unlikely to settle the dispute", "the mayor's visit to the plant last Friday
would likely draw crowds", "Sunday's crash could raise prices": the clause tells what a thing
already over may bring about. The date hangs on the subject noun (its possessive, its
modifier, or a bare date after it), or on what the subject is "of" ("the results of Tuesday's
primaries"), not on the clause, and the clause is told as a prediction (would, could, may,
might, or "is likely to"), so the sentence's happening has no date of its own; the date is a
descriptor of what the sentence mentions (issue 12, round 11: passing mentions).

A bare "will" is left as round 10 read it: "Monday's verdict will shape the next campaign" keeps
that Monday (its test asserts it), though round 10 judged such sentences passing mentions; a
reading for the lead to settle. A thing of the day of writing or later ("Monday's vote would
decide", written on a Sunday) is the plan the sentence tells and keeps its date, and so does a
year or a month ("The 2019 season will start late", read by `analysis.event_clash`).
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from analysis.clause_kinds import auxes
from analysis.event_attach import Place

# Not a bare "will": round 10 keeps "Monday's verdict will shape the next campaign" on that
# Monday (test_event_round10.test_nearest_side), a reading left to the lead.
_PREDICTING = frozenset({"would", "could", "may", "might"})
_LIKELY = frozenset({"likely", "unlikely", "bound", "poised", "certain", "sure"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_HANGING = frozenset({"poss", "compound", "nmod", "amod", "npadvmod"})  # on the subject noun
_SHORT_DAYS = 6  # a day or a week: a thing of such a date is over once the date is


def _predicts(verb: Token) -> bool:
    """'could change', 'would likely draw', 'is unlikely to settle'."""
    if any(aux.lower_ in _PREDICTING for aux in auxes(verb)):
        return True
    if verb.lemma_ != "be":
        return False
    return any(
        kid.dep_ == "acomp"
        and kid.lower_ in _LIKELY
        and any(sub.dep_ == "xcomp" for sub in kid.children)
        for kid in verb.children
    )


def named_subject(place: Place) -> Token | None:
    """The subject noun of the date's clause the date hangs on ("Monday's ruling", 'the visit
    ... last Friday', "the results of Tuesday's primaries"), or None."""
    thing, verb, host = place.thing, place.verb, place.host
    if thing is None or verb is None or host is None or host.i != thing.i:
        return None
    if not subject_of(thing, verb):
        return None
    return thing if place.root.dep_ in _HANGING else None


def subject_of(thing: Token, verb: Token) -> bool:
    """Whether a noun is a verb's subject, or what its subject is 'of': "the results of
    Tuesday's primaries will force" ('primaries' under 'results')."""
    if thing.dep_ == "pobj" and thing.head.lower_ == "of" and thing.head.head.i != thing.head.i:
        thing = thing.head.head
    return thing.dep_ in _SUBJECTS and thing.head.i == verb.i


def predicted_past(place: Place, first: int, last: int, published: date | None) -> bool:
    """Whether a past day or week names the subject of a clause told as a prediction: "Monday's
    ruling could change the race" (written on a Tuesday), 'the visit last Friday would likely
    draw crowds'."""
    if published is None or not first or last - first > _SHORT_DAYS:
        return False
    if last >= published.toordinal() or named_subject(place) is None:
        return False
    verb = place.verb
    return verb is not None and _predicts(verb)
