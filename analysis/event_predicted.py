"""A past happening named as the subject of a prediction: the date names it, dates nothing told.

"Monday's ruling will change the race", "Tuesday's vote is unlikely to settle the dispute", "the
mayor's visit to the plant last Friday would likely draw crowds": the clause tells what a thing
already over will or may bring about. The date hangs on the subject noun (its possessive, its
modifier, or a bare date after it), not on the clause, and the clause is told as a prediction
(a modal, or "is likely to"), so the sentence's happening has no date of its own; the date is a
descriptor of what the sentence mentions (issue 12, round 11: passing mentions). A thing of the
day of writing or later ("Monday's vote will decide", written on a Sunday) is the plan the
sentence tells and keeps its date, and so does a year or a month ("The 2019 season will start
late", read by `analysis.event_clash`).
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from analysis.clause_kinds import auxes
from analysis.event_attach import Place

_PREDICTING = frozenset({"will", "would", "could", "may", "might", "shall", "'ll", "’ll"})
_LIKELY = frozenset({"likely", "unlikely", "bound", "poised", "certain", "sure"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_HANGING = frozenset({"poss", "compound", "nmod", "amod", "npadvmod"})  # on the subject noun
_SHORT_DAYS = 6  # a day or a week: a thing of such a date is over once the date is


def _predicts(verb: Token) -> bool:
    """'will change', 'would likely draw', 'is unlikely to settle'."""
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
    ... last Friday'), or None."""
    thing, verb, host = place.thing, place.verb, place.host
    if thing is None or verb is None or host is None or host.i != thing.i:
        return None
    if thing.dep_ not in _SUBJECTS or thing.head.i != verb.i:
        return None
    return thing if place.root.dep_ in _HANGING else None


def predicted_past(place: Place, first: int, last: int, published: date | None) -> bool:
    """Whether a past day or week names the subject of a clause told as a prediction: "Monday's
    ruling will change the race" (written on a Tuesday), 'the visit last Friday would likely
    draw crowds'."""
    if published is None or not first or last - first > _SHORT_DAYS:
        return False
    if last >= published.toordinal() or named_subject(place) is None:
        return False
    verb = place.verb
    return verb is not None and _predicts(verb)
