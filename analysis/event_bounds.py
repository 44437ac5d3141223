"""Dates that bound a happening instead of dating it: 'after DATE' and a 'by DATE' target.

A date that is itself the object of "after" ("Shortly after September 11 2001, Rice got to
work", "After September 2001, his claims were given weight") tells when the happening's time
begins, not that it happened then; "before DATE" is read the same way by
`analysis.event_reference`. A clock time in the phrase ("after 9 p.m. on Tuesday") or a day
part ("after midnight Tuesday") sets the happening's own day, and a dated happening brought by
"after" ("after Tuesday's vote") is `sequenced`, not a bound.

"by DATE" on a clause not told in the past is a target or a deadline: "may raise the minimum
wage to $15 by 2022", "could reach 40 percent by 2050", "By 2018, the wage would be higher",
"called for it to be raised by 2020"; not the doer of a passive ("followed by 2017's Irma"),
nor a day, which a forecast may give as its happening's time ("The storm is expected to clear
by Wednesday evening").
Told in the past ("By early 2001, the Germans were having
doubts", "had left by Monday", "had spent $11.2 billion responding to the spill by the end of
September": a gerund has the tense of its clause) it says what held then.

A recent day of what a happening comes after is that happening's own day only when the
happening is told in the past ("Before flying to Tehran on Monday morning, Putin signed"); a
clause pointing ahead comes after a dated thing ("are expected to endorse ... when they meet on
Wednesday after a preliminary decision last week": `points_ahead`, read by `sequenced`); a
gerund's day stays the plan's own ("will visit the plant after meeting the mayor on Friday").

And the day of the figure a change starts from, written right after that figure, is where the
change's measure begins: "rose from 40 percent on July 14 to 42 percent" (`change_start`).
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis import clause_kinds as kinds
from analysis.event_attach import Place
from analysis.event_words import PLANS

_PAST_AUX = frozenset({"was", "were", "had", "did"})
_MONTH_DAYS = 27  # a month or longer: the shortest month's length less one
_DAY_PARTS = frozenset({"midnight", "noon", "dawn", "dusk", "morning", "afternoon", "evening"})


def after_date(place: Place) -> bool:
    """A date that is the object of 'after' itself, no clock time or day part in its phrase."""
    if place.prep != "after" or place.thing is not None:
        return False
    prep = place.root.head if place.root.dep_ == "pobj" else place.root
    return not any(
        word.ent_type_ == "TIME" or word.lower_ in _DAY_PARTS or ":" in word.text
        for word in prep.subtree
    )


def target(place: Place, days: int) -> bool:
    """A 'by DATE' target or deadline of a month or longer (`days`: the date's length less one)
    on a clause not told in the past."""
    verb = place.verb
    if place.prep != "by" or place.thing is not None or verb is None or days < _MONTH_DAYS:
        return False
    by = place.root.head if place.root.dep_ == "pobj" else place.root
    if by.dep_ == "agent":  # "followed by 2017's Irma": who or what did it, not a deadline
        return False
    for link in place.links:  # a gerund has its clause's tense: "had spent ... responding by"
        verb = link.verb
        if verb.tag_ not in ("VBG", "VBN") or kinds.auxes(verb) or link.dep == "ROOT":
            break
    return not _told_past(verb)


def _told_past(verb: Token) -> bool:
    """A past tense, a past auxiliary, or a perfect ('had left by Monday', 'has fallen by
    May')."""
    if verb.tag_ == "VBD" or kinds.perfect(verb):
        return True
    if verb.tag_ == "VBN" and not kinds.auxes(verb):  # "The plant closed [VBN] by March"
        return any(kid.dep_ == "nsubj" for kid in verb.children)
    return any(aux.lower_ in _PAST_AUX for aux in kinds.auxes(verb))


_AMOUNT_TYPES = frozenset({"PERCENT", "MONEY", "QUANTITY", "CARDINAL"})


def change_start(place: Place) -> bool:
    """The day of the figure a change starts from, written right after it: 'rose from 40
    percent on July 14 to 42 percent' (the parser hangs 'on July 14' on 'rose', beside 'from 40
    percent'); not the day the change ends at ('... to 46 percent on August 1'), nor a change
    with no end figure ('The index rose from 40 on Monday': the day it rose)."""
    host, root = place.host, place.root
    if place.thing is not None or host is None or not place.prep:
        return False
    prep = root.head if root.dep_ == "pobj" else root
    if prep.dep_ != "prep":
        return False
    before = [kid for kid in host.children if kid.i < prep.i and kid.dep_ == "prep"]
    if not before or before[-1].lower_ != "from" or before[-1].right_edge.i + 1 != prep.i:
        return False
    amount = any(
        word.like_num or word.ent_type_ in _AMOUNT_TYPES or word.text == "%"
        for word in before[-1].subtree
    )
    after = prep.right_edge.i
    ends = any(word.lower_ == "to" and word.i > after for word in host.subtree)
    return amount and ends  # "... to 42 percent"; not "The index rose from 40 on Monday"


_WILL = frozenset({"will", "shall", "'ll", "’ll"})


def points_ahead(verb: Token) -> bool:
    """A clause put ahead by 'will' or a plan word over its complement ('are expected to
    endorse', 'will vote', 'plans to meet')."""
    if any(aux.lower_ in _WILL for aux in kinds.auxes(verb)):
        return True
    planned = verb.lemma_ in PLANS and any(kid.dep_ == "xcomp" for kid in verb.children)
    return planned or any(kid.dep_ == "acomp" and kid.lower_ in PLANS for kid in verb.children)
