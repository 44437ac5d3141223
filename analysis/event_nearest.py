"""Clauses whose tense does not say which side of the day of writing a date lies on.

`analysis.event_tense` reads a present tense as a schedule ("the tour resumes March 12th") and
"will" as the future. Some clauses say neither, and their dates take the nearest such day:

- a present of relating one thing to another: "That number follows 292,000 in June" (the thing
  related to is there already, or due, either way); but a present that likens the news to what
  came before ("the row echoes a controversy in June", "recalls", "evokes", "mirrors") looks
  back, so its date lies behind the writing (`looks_back`);
- a "would" no one reports: "voters that would probably vote for him in November" (a future
  of the past, or of now);
- a date naming the subject of a clause put in the future: "Monday's decision will make the
  choice starker" (yesterday's decision), "his address Sunday ... will be a major topic" (a
  bare day after its noun), "Saturday's summit will be a good thing" (written on a Thursday:
  the coming one), "the results of Tuesday's primaries will force" (what the subject is of);
  the "will" is the subject's doing, not its time.

So does a bare day after the thing it times in a present clause ("meet for the first of three
debates Monday", `own_time_now`). So does a weekday written 'later Monday': later on the day of
writing ("when he speaks later Monday" in a page dated the day after is that Monday, not the
next).

And a quoted title the parser read as a clause ("said on ''Meet the Press'' on Sunday", the
title's "Meet" taken for an imperative) gives way to the clause it sits in.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from analysis import clause_kinds as kinds
from analysis.event_attach import Place
from analysis.event_hoped import reported_or_hoped
from analysis.event_predicted import subject_of
from analysis.event_topic import LIKENING_BACK
from analysis.event_words import RELATIONS, REPORTING

NEAREST = "nearest"
RELATING = RELATIONS | frozenset(
    {"echo", "follow", "recall", "evoke", "parallel", "contrast", "match", "exceed", "surpass"}
    | {"trail", "outpace", "dwarf", "top", "rival", "eclipse", "compare"}
)
_WILL = frozenset({"will", "shall", "'ll", "’ll"})
_QUOTES = frozenset({"''", "``", "“", '"', "‘", "'"})
_CLOSING = frozenset({"''", "”", '"', "’", "'"})
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
_TITLE_WORDS = 8  # a title is short: "Meet the Press", "Face the Nation"


def looks_back(place: Place) -> bool:
    """Whether a date times what a present of likening points back to: "The strike echoes a
    walkout in June" written in March is last June's walkout, not the coming one."""
    verb = place.verb
    return (
        verb is not None
        and place.thing is None
        and kinds.simple_present(verb)
        and verb.lemma_ in LIKENING_BACK
    )


def nearest(place: Place) -> str | None:
    """'nearest' for a date whose clause does not say its side of the day of writing."""
    verb = place.verb
    if verb is None:
        return None
    if _later_that_day(place.root):
        return NEAREST
    if place.thing is None and kinds.simple_present(verb) and verb.lemma_ in RELATING:
        return NEAREST
    helpers = {aux.lower_ for aux in kinds.auxes(verb)}
    if place.thing is None and helpers == {"would"} and not reported_or_hoped(verb):
        return NEAREST
    if (place.names or _own_time(place)) and place.thing is not None and helpers & _WILL:
        return NEAREST if subject_of(place.thing, verb) else None
    return None


def own_time_now(place: Place) -> bool:
    """A bare day after the thing it times, in a present clause with a subject ('Trump and
    Clinton meet for the first of three debates Monday', written on a Friday): a present with a
    date is a schedule, but the day may be the thing's, either side; the nearest such day
    (round 19; before, the sentence's words sent it back)."""
    verb = place.verb
    if verb is None or not _own_time(place) or not kinds.simple_present(verb):
        return False
    if verb.dep_ not in ("ROOT", "conj", "ccomp") or verb.i > place.root.i:
        return False  # '(" ... Trump as a fraud," USATODAY.com, Thursday)': a source's day
    if verb.lemma_ in REPORTING | RELATING | LIKENING_BACK:
        return False  # "The move follows the decision Monday by the court": the last Monday
    return any(kid.dep_ == "nsubj" for kid in verb.children)


def _own_time(place: Place) -> bool:
    """A bare date after the noun it times ('his address Sunday ... will be a major topic'):
    the thing's own day, as "Sunday's address" would be."""
    root, thing = place.root, place.thing
    return thing is not None and root.dep_ == "npadvmod" and root.head.i == thing.i


def _later_that_day(root: Token) -> bool:
    """A weekday after 'later' ('when he speaks later Monday'): later on the day of writing,
    which may be the day before the page's date, never a week ahead."""
    if root.lower_ not in _WEEKDAYS or root.i == 0:
        return False
    return root.doc[root.i - 1].lower_ == "later"


def outside_title(place: Place) -> Place:
    """The place as the clause around a quoted title has it, when the parser read the title's
    first word as the date's verb ('said on ''Meet the Press'' on Sunday'); else the place."""
    verb = place.verb
    if verb is None or len(place.links) < 2 or not verb.is_title or verb.i == 0:
        return place
    doc = verb.doc
    if doc[verb.i - 1].text not in _QUOTES or verb.i - 1 == verb.sent.start:
        return place
    date = place.root.i
    closes = [t.i for t in doc[verb.i + 1 : min(date, verb.i + _TITLE_WORDS)] if t.text in _CLOSING]
    if not closes or date < verb.i:
        return place
    return replace(place, links=place.links[1:])
