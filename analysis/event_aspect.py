"""The way a clause's modal and aspect point, for relative dates the tense alone leaves open.

A modal's perfect looks back whatever the modal: "Saturday would have been Reagan's 105th
birthday", "could have voted on Tuesday", "must have left on Friday" (a reported "would" no
longer sends such a day ahead). A modal of duty, permission or possibility before a bare verb
looks ahead: "the voters she must win in November", "should arrive on Friday", "may meet on
Tuesday" (issue 12, round 15), and so does "could" when neither negated nor of perceiving or
knowing ("The first doses could be administered in October", "could happen as early as
Friday"; "could not attend on Monday", "could smell the oil on Thursday" are a past ability;
round 18b). Read from spaCy's tags (MD, VB, VBN) and the auxiliaries the parse gives the verb.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.clause_kinds import auxes

_AHEAD_MODALS = frozenset({"must", "should", "may", "might", "can", "ca", "ought", "shall"})
_STATES = frozenset({"be", "have", "remain", "stay", "seem", "appear"})
_WILL = frozenset({"will", "'ll", "’ll", "wo"})


def _modals(verb: Token) -> list[Token]:
    """The modal auxiliaries of a verb ('would', 'must', 'can')."""
    return [aux for aux in auxes(verb) if aux.tag_ == "MD"]


def modal_perfect(verb: Token) -> bool:
    """A modal's perfect other than 'will have' ('would have been', 'could have voted'): past."""
    modals = _modals(verb)
    if not modals or any(modal.lower_ in _WILL for modal in modals):
        return False
    perfect = any(aux.lemma_ == "have" and aux.tag_ == "VB" for aux in auxes(verb))
    return perfect and verb.tag_ == "VBN"


# 'could' of these is mostly a past ability or perception ('could smell the oil on Thursday')
_ABILITIES = frozenset({
    "see", "hear", "feel", "smell", "smelt", "sense", "notice", "spot", "watch", "find", "get",
    "make", "do", "say", "tell", "remember", "recall", "afford", "manage", "understand", "know",
    "believe", "imagine",
})  # fmt: skip


def _possible(modal: Token, verb: Token) -> bool:
    """'could' of a possibility ahead ('The first doses could be administered in October', 'a
    vote could happen as early as Friday'), not of an ability ('could not attend on Monday',
    'could see the smoke on Tuesday')."""
    if modal.lower_ != "could" or verb.lemma_ in _ABILITIES:
        return False
    return not any(kid.dep_ == "neg" for kid in verb.children)


def modal_ahead(verb: Token) -> bool:
    """A modal of duty, permission or possibility before a bare verb ('must win', 'may meet',
    'should be held'): what it dates lies ahead; a state ('should be immune ... according
    to court filings Friday') says nothing of the date's side."""
    modals = _modals(verb)
    if not modals or any(
        modal.lower_ not in _AHEAD_MODALS and not _possible(modal, verb) for modal in modals
    ):
        return False
    if any(aux.lemma_ == "have" for aux in auxes(verb)):
        return False
    if verb.tag_ == "VB":  # a state ('should be immune', 'must have') says no side
        return verb.lemma_ not in _STATES
    return verb.tag_ == "VBN" and any(aux.lower_ == "be" for aux in auxes(verb))
