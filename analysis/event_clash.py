"""A date naming a thing on the other side of the day of writing from its clause's tense.

"13 Hours will cover the 2012 Benghazi crisis": a clause told in the future cannot have
happened in a year that ended before the article was written, and "Fearne Cotton has been
announced as the co-host of next month's concert" was not announced next month. The date only
names the thing (issue 12, round 9: years and months of things mentioned in passing). A date
dating the clause itself ("will meet in 2012", a wrong direction) is left to the tense rules,
and a thing of the day of writing itself ("declined to take part in Thursday night's debate")
lies on neither side. A thing that is a future clause's subject may go on past its year ("The
2019 season will start late", written in 2020) and keeps its date.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Token

from analysis.clause_kinds import auxes
from analysis.event_attach import Place, long_before, owner

_WILL = frozenset({"will", "shall", "'ll", "’ll"})
_PERFECT = frozenset({"has", "have", "had", "'ve", "’ve"})
_CLOCK = re.compile(r"\d{1,2}[:.]\d\d(?:[:.]\d\d)?")
_MODIFIER = frozenset({"nmod", "compound", "nummod", "poss", "amod"})


def _future(verb: Token) -> bool:
    """'will cover', 'will be shown'."""
    return any(aux.lower_ in _WILL for aux in auxes(verb))


def _present(verb: Token) -> bool:
    """A simple present ('promotes', 'oversees'), whose past dates name things: no schedule
    lies in the past."""
    return verb.tag_ in ("VBZ", "VBP") and not auxes(verb)


def _past(verb: Token) -> bool:
    """'announced', 'has been announced', 'was unveiled'."""
    helpers = auxes(verb)
    if any(aux.tag_ == "MD" for aux in helpers):
        return False
    perfect = verb.tag_ == "VBN" and any(aux.lower_ in _PERFECT for aux in helpers)
    passive = any(aux.dep_ == "auxpass" and aux.tag_ == "VBD" for aux in helpers)
    return perfect or passive or (verb.tag_ == "VBD" and not helpers)


def other_side(place: Place, first: int, last: int, published: date | None) -> bool:
    """Whether a date naming a thing lies wholly before the day of writing under a clause told
    in the future, or wholly after it under a clause told in the past; or a year or more before
    it under a simple present ('promotes conspiracies about the attacks of Sept. 11, 2001')."""
    verb = place.verb
    if published is None or not first or verb is None:
        return False
    today = published.toordinal()
    if _present(verb) and long_before(last, published) and not _subject(place):
        return (place.names and _before_noun(place)) or _after_noun(place)
    if not place.names or not _before_noun(place):
        return False
    if _subject(place):
        return _past(verb) and first > today
    return (_future(verb) and last < today) or (_past(verb) and first > today)


def _after_noun(place: Place) -> bool:
    """Whether the date hangs on the noun it dates through 'of': 'the attacks of Sept. 11,
    2001' (not a time's own noun: 'the week of March 3'). Not 'in': a narrative's present may
    hang its own time on a noun ('Sullivan forwards an article in May 2012', 'In one exchange
    ... in April 2012, Mills forwards an email')."""
    thing = place.thing
    if thing is None or place.host is None or place.host.i != thing.i:
        return False
    return place.prep == "of" and thing.ent_type_ not in ("DATE", "TIME")


def _before_noun(place: Place) -> bool:
    """Whether the date stands before the noun it names ('the 2012 crisis', "next month's
    concert", 'the April 19 primary'), and is no listed story's stamp the parser hung on its
    headline ('Mon Jul 18 2011 21:41:00 Prosecutors ... dropped')."""
    root = place.root
    if root.dep_ not in _MODIFIER and owner(root) is None:
        return False
    return not any(_CLOCK.fullmatch(word.text) for word in root.subtree)


def _subject(place: Place) -> bool:
    """Whether the thing is the clause's subject, which may go on past its year: 'The 2019
    season will start late', written in 2020."""
    thing, verb = place.thing, place.verb
    return thing is not None and verb is not None and thing.dep_ == "nsubj" and thing.head == verb
