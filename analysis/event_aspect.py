"""The way a clause's modal and aspect point, for relative dates the tense alone leaves open.

A modal's perfect looks back whatever the modal: "Saturday would have been Reagan's 105th
birthday", "could have voted on Tuesday", "must have left on Friday" (a reported "would" no
longer sends such a day ahead). A modal of duty, permission or possibility before a bare verb
looks ahead: "the voters she must win in November", "should arrive on Friday", "may meet on
Tuesday" ("could" is left out: "could not attend on Monday" is a past ability). (Issue 12,
round 15.) Read from spaCy's tags (MD, VB, VBN) and the auxiliaries the parse gives the verb.
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


def modal_ahead(verb: Token) -> bool:
    """A modal of duty, permission or possibility before a bare verb ('must win', 'may meet',
    'should be held'): what it dates lies ahead; a state ('should be immune ... according
    to court filings Friday') says nothing of the date's side."""
    modals = _modals(verb)
    if not modals or any(modal.lower_ not in _AHEAD_MODALS for modal in modals):
        return False
    if any(aux.lemma_ == "have" for aux in auxes(verb)):
        return False
    if verb.tag_ == "VB":  # a state ('should be immune', 'must have') says no side
        return verb.lemma_ not in _STATES
    return verb.tag_ == "VBN" and any(aux.lower_ == "be" for aux in auxes(verb))
