"""Old happenings listed together: background the sentence draws on, not its own events.

"The attack on a Marine barracks in Lebanon in 1983, the bombing of the Khobar Towers in 1996
and the attack on the USS Cole in 2000 all had something in common", "promotes conspiracy
theories about the Oklahoma City bombing in 1995 and the attacks of Sept. 11, 2001": each year
names one of several things the sentence lists, coordinated nouns each with a date of its
own. The sentence tells something about the list (what they share, who talks of them), so a
listed date a year or more before the day of writing dates no event (issue 12, round 15:
passing mentions). Dates on verbs ("ran in 2001 and declared himself an independent in 2007"),
a list of the last year's news ("won Indiana last week and West Virginia on Tuesday") and a
list the clause tells happening ("Storms formed in 2016, followed by 2017's Irma") stay.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from analysis.clause_kinds import simple_present
from analysis.event_attach import NOUNS, VERBS, Place, long_before
from analysis.event_predicted import subject_of
from analysis.event_words import STATES

_MAX_CLIMB = 8
# a list's members: conjuncts, and nouns the parser read as appositions ("The crash in 1998,
# the flood in 2004 and the fire in 2011 all had": "flood" an apposition of "crash")
_JOINS = frozenset({"conj", "appos"})
_ROLES = frozenset({"nsubj", "nsubjpass", "dobj"})
_STRAY = frozenset({"dep", "advcl", "npadvmod", "ccomp", "parataxis"})


def _siblings(token: Token) -> list[Token]:
    """Nouns in the same role under the same word: a list the parser split ('The attack ...,
    the bombing ... all had': two subjects of 'had'); a first member the parser left unlabelled
    (`dep`, or even a clause) counts in the role of the others (round 16: 'The attack ... in
    1983, the attack ... in 1996, and the attacks of Sept. 11, 2001 all had')."""
    if token.head.i == token.i or not (token.dep_ in _ROLES or _stray(token)):
        return []
    same = {token.dep_} if token.dep_ in _ROLES else _ROLES
    return [
        kid
        for kid in token.head.children
        if (kid.dep_ in same or _stray(kid)) and kid.pos_ in NOUNS and kid.i != token.i
    ]


def _stray(token: Token) -> bool:
    """A noun the parser hung on a verb as no argument ('dep', a clause): a list's member."""
    return token.dep_ in _STRAY and token.pos_ in ("NOUN", "PROPN")


def _member(thing: Token) -> Token | None:
    """The conjunct of a noun list the thing belongs to: the thing itself or a noun above it
    in the same noun phrase; None when a verb comes first."""
    token = thing
    for _ in range(_MAX_CLIMB):
        if token.dep_ in _JOINS and token.head.pos_ in NOUNS:
            return token
        if any(kid.dep_ in _JOINS and kid.pos_ in NOUNS for kid in token.children):
            return token
        if _siblings(token):
            return token
        head = token.head
        if head.i == token.i or head.pos_ in VERBS:
            return None
        token = head
    return None


def _members(member: Token) -> list[Token]:
    """Every conjunct of the list `member` is in, the first one included."""
    first = member
    while first.dep_ in _JOINS and first.head.pos_ in NOUNS:
        first = first.head
    found = [first, *_siblings(first)]
    stack = list(found)
    while stack:
        for kid in stack.pop().children:
            if kid.dep_ in _JOINS and kid.pos_ in NOUNS:
                found.append(kid)
                stack.append(kid)
    return found


def _dated(member: Token, others: set[int]) -> bool:
    """Whether a conjunct's own words (not the later conjuncts under it) hold a date."""
    stack = [member]
    while stack:
        token = stack.pop()
        if token.ent_type_ == "DATE" and token.like_num:
            return True
        stack.extend(kid for kid in token.children if kid.i not in others)
    return False


def _about_them(verb: Token | None) -> bool:
    """Whether the list's clause tells a state or a present ('all had something in common',
    'promotes theories about'), not the listed things happening ('Storms formed in 2016,
    followed by 2017's Irma and 2018's Michael')."""
    if verb is None:
        return True
    return verb.lemma_ in STATES or simple_present(verb) or verb.tag_ in ("VBZ", "VBP")


def listed(place: Place, last: int, published: date | None) -> bool:
    """Whether an old date names one of several listed things, each dated ('the attack in 1983,
    the bombing in 1996 and the attack in 2000 all had ...')."""
    thing = place.thing
    if published is None or not last or thing is None:
        return False
    if not long_before(last, published):
        return False
    member = _member(thing)
    if member is None or not _about_them(place.verb):
        return False
    members = _members(member)
    indices = {token.i for token in members}
    dated = [token for token in members if _dated(token, indices - {token.i})]
    return len(dated) >= 2 and any(token.i == member.i for token in dated)


def old_subject_now(place: Place, last: int, published: date | None) -> bool:
    """Whether an old date names the subject of a simple present ('The outbreak of SARS in
    2003 provides a chilling example')."""
    thing, verb = place.thing, place.verb
    if published is None or not last or thing is None or verb is None:
        return False
    if not long_before(last, published) or not simple_present(verb):
        return False
    return subject_of(thing, verb)
