"""A date naming an earlier thing in a clause another date dates: a second date (round 31).

"The ripple effects of last week's offshore drilling rig explosion widened Monday": the clause
happened on Monday; "last week's" only says which explosion is meant, told in passing (the
judges' "double-dated": a second date in a sentence whose event is dated, naming a thing). A
date names a thing when it is its possessive or its modifier ("last week's explosion", "the
April 20 blast"); it is a second date when another date of the same clause dates the clause
itself and falls after the named period ("widened Monday"). A date of the clause's own words
("met on Monday and again on Tuesday": rule 3, each counts), dates coordinated on one thing
("helped contribute to the 1998 and 2017 acquisitions", a judged-right DEV event), a named
thing of the same or a later time ("Monday's vote was held on Monday"), a clause not told in
the past ("The results of Thursday's vote will be known on Friday": round 11's test, the
vote still ahead) and a clause with no other date keep their dates.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from analysis.event_attach import Place
from analysis.event_reference import Dated, Role

# how a date names its noun: "last week's blast" (poss), "the April 20 blast" (compound, nmod),
# "the 1991-1995 conflict" (nummod, amod); not an apposition the parser made of a clause's own
# date ("those proceedings commence (on) 20 September and the concert takes place on 8 October",
# "commence" read as a noun)
_MODIFIES = frozenset({"poss", "compound", "nmod", "amod", "nummod"})


def named_earlier(dated: Sequence[Dated | None], found: Sequence[Role]) -> list[bool]:
    """Each event date that names a thing of a clause told in the past when another event date of
    the same clause dates the clause itself (no thing of its own), after the named period."""
    clause_dates = [
        item
        for item, role in zip(dated, found, strict=True)
        if item is not None and role is Role.EVENT and item.place.thing is None and item.first
    ]
    flags = []
    for item, role in zip(dated, found, strict=True):
        named = item is not None and role is Role.EVENT and names(item.place) and bool(item.last)
        verb = item.place.verb if item is not None else None
        flags.append(
            named
            and verb is not None
            and _past(verb)
            and item is not None
            and any(
                _same(other, verb.i) and (other.first > item.last or _within(item, other))
                for other in clause_dates
            )
        )
    return flags


def names(place: Place) -> bool:
    """Whether a date names its noun: its possessive or modifier ('last week's blast', 'an April
    8 shooting'), or a time written after it ('a suspect in a shooting last week')."""
    thing = place.thing
    if place.names and place.root.dep_ in _MODIFIES:
        return True
    return (
        thing is not None
        and thing.pos_ == "NOUN"
        and place.root.dep_ == "npadvmod"
        and place.root.head.i == thing.i
    )


def in_phrase(place: Place) -> bool:
    """Whether a date names a thing brought into its clause by a preposition ('arrested him in
    connection with an April 8 shooting'), not the clause's subject or object."""
    thing = place.thing
    return thing is not None and names(place) and thing.dep_ == "pobj"


def _within(item: Dated, other: Dated) -> bool:
    """Whether a named thing's date lies inside the clause's own, coarser date, the thing told in
    a prepositional phrase: 'Last week, police arrested a man in connection with an April 8
    shooting' (the arrest is last week's; the shooting only says which)."""
    inside = other.first <= item.first and item.last <= other.last
    return inside and other.last - other.first > item.last - item.first and in_phrase(item.place)


def _same(item: Dated, verb: int) -> bool:
    """Whether a date dates the clause of the verb at index `verb`."""
    own = item.place.verb
    return own is not None and own.i == verb


def _past(verb: Token) -> bool:
    """Whether a clause is told in the simple past: a past verb, or a participle with no
    auxiliary the tagger made of one ('widened Monday')."""
    helpers = [kid for kid in verb.children if kid.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not helpers)
