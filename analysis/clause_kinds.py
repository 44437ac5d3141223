"""What kind of clause a verb heads, as the event rules need it: a state or a happening, a
description of a noun, a report, a speculation.

Small predicates over the parse spaCy already made; `analysis.event_roles` combines them.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.event_attach import Link
from analysis.event_words import PERSON_ROLES, PLANS, REPORTING, SPECULATIVE, STATES, WORKS

_DESCRIBING = frozenset({"relcl", "acl"})
_REPORTED = frozenset({"ccomp", "parataxis", "dep"})
_PRESENT = frozenset({"VBZ", "VBP"})


def auxes(verb: Token) -> list[Token]:
    """A verb's auxiliaries ('has', 'will', 'was')."""
    return [kid for kid in verb.children if kid.dep_ in ("aux", "auxpass")]


def simple_present(verb: Token) -> bool:
    """A simple present tense: 'he carries', 'there are' (not 'is golfing')."""
    return verb.tag_ in _PRESENT and not auxes(verb)


def do_present(verb: Token) -> bool:
    """A simple present with 'do': 'you don't have time', 'does he know'."""
    helpers = auxes(verb)
    return (
        verb.tag_ == "VB"
        and bool(helpers)
        and all(aux.lemma_ == "do" and aux.tag_ in _PRESENT for aux in helpers)
    )


def active(verb: Token) -> bool:
    """Whether a verb is in the active voice ('were reported' frames no report)."""
    return not any(kid.dep_ in ("auxpass", "nsubjpass") for kid in verb.children)


def state(verb: Token) -> bool:
    """Whether a clause tells a state rather than a happening: a present tense, 'has yet to',
    an ongoing claim ('is predicting'); a plan ('plans to') or a report ('said', 'writes') is
    a happening."""
    helpers = auxes(verb)
    present = [aux for aux in helpers if aux.tag_ in _PRESENT]
    if verb.lemma_ in PLANS or verb.lemma_ in REPORTING:
        return verb.lemma_ in REPORTING and verb.tag_ == "VBG" and bool(present)
    if verb.lemma_ in STATES and verb.tag_ != "VBD" and not any(a.tag_ == "MD" for a in helpers):
        return True
    if any(kid.lower_ == "yet" for kid in (*verb.children, *verb.head.children)):
        return True
    if simple_present(verb):
        return True
    return bool(present) and all(aux.lemma_ in ("be", "have") for aux in present)


_COUNTERFACTUAL = frozenset({"might", "could", "would"})


def counterfactual(verb: Token) -> bool:
    """A perfect after 'might', 'could' or 'would': what did not happen ('prices they might
    have gotten six months ago', 'a deal that would have closed last year')."""
    helpers = auxes(verb)
    modal = any(aux.lower_ in _COUNTERFACTUAL for aux in helpers)
    return modal and verb.tag_ == "VBN" and any(aux.lower_ == "have" for aux in helpers)


def perfect(verb: Token) -> bool:
    """A perfect tense: 'Spain has recorded', 'had met' (a happening, not a state)."""
    return any(aux.lemma_ == "have" and aux.dep_ == "aux" for aux in auxes(verb)) and (
        verb.tag_ == "VBN"
    )


def describing(link: Link) -> bool:
    """A relative or participle clause, or a that-clause under a noun ('the statistic that ...');
    not a result clause ('so many remarks ... that in 1990 they')."""
    if link.dep not in _DESCRIBING and not (link.dep == "advcl" and link.mark == "that"):
        return whose_clause(link)
    head = link.verb.head
    return not any(kid.lower_ in ("so", "such") for kid in head.subtree if kid.i < link.verb.i)


_SET_OFF = frozenset({",", "—", "–", "--", "("})
_WHOSE_OWNERS = frozenset({"NOUN", "PROPN", "PRON"})


def whose_clause(link: Link) -> bool:
    """A relative clause the parser took for another kind because its subject is owned by
    'whose': 'she and her husband — whose first campaign in 2008 featured a poster — believe'
    (read as what 'insisted' reports). 'whose' right after a noun, or after a comma or dash
    that follows one, opens a relative clause; not an indirect question ('asked whose car was
    towed on Monday') nor a question's own clause."""
    if link.dep == "ROOT":
        return False
    subjects = [kid for kid in link.verb.children if kid.dep_ in ("nsubj", "nsubjpass")]
    owned = (kid for subject in subjects for kid in subject.children if kid.lower_ == "whose")
    whose = next(owned, None)
    if whose is None or whose.i == 0:
        return False
    before = whose.doc[whose.i - 1]
    if before.text in _SET_OFF and whose.i > 1:
        before = whose.doc[whose.i - 2]
    return before.pos_ in _WHOSE_OWNERS


def reports(below: Link, above: Link) -> bool:
    """Whether `below` is what the clause `above` reports ('X said that ...')."""
    return below.dep in _REPORTED and above.verb.lemma_ in REPORTING


def speculation(links: tuple[Link, ...]) -> bool:
    """A reported clause with 'could', 'might' or 'may': a speculation, not a happening."""
    if len(links) < 2 or not reports(links[0], links[1]):
        return False
    return any(kid.lower_ in SPECULATIVE for kid in links[0].verb.children)


def person(thing: Token) -> bool:
    """Whether a noun names a person (by entity type or by a role word)."""
    return thing.ent_type_ == "PERSON" or thing.lemma_.lower() in PERSON_ROLES


def work(thing: Token) -> bool:
    """Whether a noun names a work a year describes: 'the 2016 film', 'her 2005 memoir'."""
    return thing.lemma_.lower() in WORKS


def infinitive(verb: Token) -> bool:
    """A to-infinitive: 'more to come'."""
    return any(kid.dep_ == "aux" and kid.lower_ == "to" for kid in verb.children)
