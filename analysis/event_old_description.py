"""A past year in a clause describing a noun, set against the now its sentence tells.

"the H5N1 replication cycle which began in 1996 now appears to be over", "countermeasures
exist today which did not exist in 1918" (the parser hung the relative clause on the verb): the
sentence tells a state of now, with "now" or "today" on its own clause, against the past the
describing clause gives; that year is a reference point, no time of the sentence's happening
(issue 12, round 30: "years describing a thing mentioned in passing", "reference points"). The
role rules adopt a sentence's only date back as its event (`analysis.event_roles`), so this is
read after them, as the forecasts of a rate are.

A past happening a relative clause tells under a present with no such "now" keeps its year:
the development pages judge "these landscapes, which declined by almost a tenth between 2000
and 2016, comprise ..." and "includes the new lounge that the airline opened ... in 2019"
right, so the clause of the present must set its own now against the past. Only a year wholly
over before the year of writing counts ("The man who was arrested last week is now in custody"
is the news), and a main clause told in the past or ahead keeps the roles' reading.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from analysis import clause_kinds as kinds
from analysis.event_attach import Place

_PERFECT = frozenset({"has", "have", "'s", "’s", "'ve", "’ve"})
_NOW = frozenset({"now", "today", "nowadays", "currently"})


def old_year_described(place: Place, last: int, published: date | None) -> bool:
    """Whether the date (last day `last`, an ordinal) lies in a relative clause on a noun of a
    clause told now ('now', 'today' on a present or a present perfect), wholly before the year
    of writing."""
    if published is None or not last or last >= date(published.year, 1, 1).toordinal():
        return False
    verb = place.verb
    if verb is None or len(place.links) < 2 or not _describing(verb):
        return False
    return _told_now(place.links[1].verb)


def _describing(verb: Token) -> bool:
    """A relative clause on a noun ('the cycle which began in 1996'), or one the parser hung on
    the verb while its subject is still 'which' or 'who' ('countermeasures exist today which
    did not exist in 1918')."""
    if verb.dep_ == "relcl":
        return verb.head.pos_ in ("NOUN", "PROPN", "PRON")
    if verb.dep_ == "advcl":
        return any(kid.dep_ == "nsubj" and kid.tag_ in ("WDT", "WP") for kid in verb.children)
    return False


def _told_now(verb: Token) -> bool:
    """A simple present ('now appears', 'exist today') or a present perfect ('has now grown'),
    with a word of now on it."""
    if not any(kid.lower_ in _NOW and kid.dep_ in ("advmod", "npadvmod") for kid in verb.children):
        return False
    if kinds.simple_present(verb):
        return True
    helpers = kinds.auxes(verb)
    return (
        verb.tag_ == "VBN"
        and len(helpers) == 1
        and helpers[0].lower_ in _PERFECT
        and helpers[0].tag_ in ("VBZ", "VBP")
    )
