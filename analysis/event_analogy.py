"""A past 'as' clause under a clause not told in the past: a comparison, not a happening.

"It's the duty of the world to prevent the massacre, as it happened in the 1956 Hungarian
Revolution", "he'll be taken out as surely as Osama bin Laden was by Navy SEALs five years ago":
the 'as' clause tells what the sentence likens its own (present, future or hoped-for) case to.
Told beside a past clause it is a time ("As the election of 2008 approached, America was in
crisis", "as he left on Monday, he said") and keeps its date; so does a present 'as' clause
("as the storm moves in on Friday, schools will close"), a cause ("data is not showing much
hope, as auto sales were down sharply in March"), a source ("As Michael Dell said last week in
Tel Aviv, ...") and an 'as' with no subject of its own ("it will not be easy, as was made
clear last week when ..."): only a pro-verb ("as it happened", "as they did"), a bare
auxiliary ("just as Clinton was eight years ago", round 16) or the second term of a degree ("as
surely as") likens.
"""

from __future__ import annotations

import itertools

from spacy.tokens import Token

from analysis import clause_kinds as kinds
from analysis.event_attach import Link
from analysis.event_words import REPORTING

_PAST_AUX = frozenset({"was", "were", "had", "did"})
_PRO_VERBS = frozenset({"happen", "occur", "do"})
_DEGREE = frozenset({"as", "so"})
_FRAME = frozenset({"mark", "nsubj", "nsubjpass", "expl", "punct", "neg", "cc"})
_JUST = frozenset({"just", "exactly", "precisely", "much", "so", "also", "too"})


def likened(links: tuple[Link, ...]) -> bool:
    """Whether the date lies in a past 'as' clause hung on a clause not told in the past."""
    for below, above in itertools.pairwise(links):
        if below.dep == "advcl" and below.mark == "as" and _past(below.verb):
            return _likening(below.verb) and not _past(above.verb) and not _past_above(above)
    return False


def _likening(verb: Token) -> bool:
    """An 'as' clause that likens: a pro-verb with its own subject ('as it happened in 1956', 'as
    they did in 2001') or the second term of 'as surely as', 'so often as'; not a cause ('is
    not showing much hope, as auto sales were down sharply in March') or a source ('As
    researchers posited in 1985: ...')."""
    if verb.lemma_ in REPORTING:
        return False
    if not any(kid.dep_ in ("nsubj", "nsubjpass", "expl") for kid in verb.children):
        return False
    head = verb.head
    degree = head.pos_ in ("ADV", "ADJ") and any(kid.lower_ in _DEGREE for kid in head.children)
    return verb.lemma_ in _PRO_VERBS or degree or _elliptical(verb)


def _elliptical(verb: Token) -> bool:
    """A bare auxiliary standing for the clause it likens to ('he has been revived, just as
    Clinton was eight years ago'): no complement of its own (round 16)."""
    if verb.pos_ != "AUX" or verb.dep_ != "advcl":
        return False
    return all(_bare(kid) for kid in verb.children)  # not 'as auto sales were down in March'


def _bare(kid: Token) -> bool:
    """A word an elliptical auxiliary may carry: its subject, 'as', 'just', or the date."""
    if kid.dep_ in _FRAME or kid.lower_ in _JUST:
        return True
    return any(word.ent_type_ in ("DATE", "TIME") for word in kid.subtree) and kid.dep_ != "acomp"


def _past(verb: Token) -> bool:
    """A simple past or a past auxiliary ('happened', 'was taken', 'had left')."""
    return verb.tag_ == "VBD" or any(aux.lower_ in _PAST_AUX for aux in kinds.auxes(verb))


def _past_above(link: Link) -> bool:
    """An infinitive or a participle that takes a past from the clause it hangs on ('tried to
    stop it, as they did in 2001')."""
    verb = link.verb
    if verb.tag_ not in ("VB", "VBG", "VBN") or (kinds.auxes(verb) and not kinds.infinitive(verb)):
        return False
    return link.dep in ("xcomp", "advcl", "acl") and _past(verb.head)
