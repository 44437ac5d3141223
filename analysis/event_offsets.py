"""Dates a sentence counts from or likens to, not when its happening took place (issue 12,
round 14: reference points).

- a span counted from a dated thing: "Three months after the earthquake of January 2010, Haiti
  is still trying to recover", "The company collapsed two weeks after the March 3 fire": the
  happening lies the span away from the date, so the date is only where the count starts;
- a thing likened to: "Saturday's gaffes were reminiscent of one from January 2013", "a
  crisis similar to the one in 2008": the date is the compared thing's, not the sentence's;
- then against now: "Prices are back where they were more than six years ago", "The economy is
  not what it was five years ago": a past state in a free relative under a present clause is
  the time compared with, not a happening ("That is where he was on Tuesday", setting nothing
against now, keeps its date).
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis import clause_kinds as kinds
from analysis.event_attach import Place

_SEQUENCE = frozenset({"after", "before", "since"})
_UNITS = frozenset(
    {"second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "century"}
)
_LIKE = frozenset({"reminiscent", "similar", "akin", "comparable", "identical", "analogous"})
_MAX_UP = 8  # a date's phrase lies a few words below what likens it


def counted_from(place: Place) -> bool:
    """Whether the date (or the thing it names) follows 'after' or 'before' with a span before
    it: 'two weeks after the March 3 fire'."""
    prep = _sequence_prep(place)
    return prep is not None and any(_span(kid) for kid in prep.children if kid.dep_ == "npadvmod")


def _sequence_prep(place: Place) -> Token | None:
    """The 'after'/'before' that brings the date or the thing it names, if any."""
    for word in (place.thing, place.root):
        if word is None:
            continue
        head = word.head if word.dep_ == "pobj" else word
        if head.pos_ == "ADP" and head.lower_ in _SEQUENCE:
            return head
    return None


def _span(noun: Token) -> bool:
    """A span of time with its count: 'three months', 'a year', 'two weeks'."""
    if noun.lemma_.lower() not in _UNITS:
        return False
    return any(kid.dep_ in ("nummod", "det", "quantmod") for kid in noun.children)


def likened_thing(place: Place) -> bool:
    """Whether the date's phrase lies under 'reminiscent of', 'similar to', 'akin to'."""
    word = place.root
    for _ in range(_MAX_UP):
        if word.head.i == word.i:
            return False
        word = word.head
        if word.pos_ in ("VERB", "AUX"):
            return False
        if word.pos_ == "ADJ" and word.lower_ in _LIKE:
            return True
    return False


_FREE = frozenset({"where", "what", "how"})
_PRESENT = frozenset({"VBZ", "VBP"})


def then_and_now(place: Place) -> bool:
    """Whether the date dates a past 'be' in a free relative ('where they were', 'what it
    was') under a clause told in the present."""
    links = place.links
    if len(links) < 2 or links[0].dep not in ("advcl", "ccomp", "pcomp"):
        return False
    verb, above = links[0].verb, links[1].verb
    if verb.lemma_ != "be" or verb.tag_ != "VBD" or kinds.auxes(verb):
        return False
    free = any(kid.lower_ in _FREE for kid in verb.children)
    present = above.tag_ in _PRESENT or any(a.tag_ in _PRESENT for a in kinds.auxes(above))
    return free and present and any(_compares(kid) for kid in above.children)


_COMPARING = frozenset({"back", "not", "n't", "again", "still", "longer", "nowhere", "far"})


def _compares(word: Token) -> bool:
    """A word that sets now against then: 'back', 'not', 'still', a comparative."""
    return word.lower_ in _COMPARING or word.tag_ in ("JJR", "RBR")
