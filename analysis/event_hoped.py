"""A clause that is what someone says, hopes or expects: its 'would' is that person's future.

"Officials said the road would reopen on Monday" points ahead of the saying (the tense rules
read REPORTING verbs for this). A hope or an expectation holds its clause the same way (issue
12, round 30): "Obama said ... and hoped agreement would be reached by Wednesday", said on a
Monday, is the coming Wednesday; before, only a saying counted, and the day went back to the
Wednesday before. The small English model lemmatises "hoping" as "hop", so the written forms
count as well as the lemma.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.event_words import REPORTING

_HOPING = frozenset({"hope", "hoped", "hopes", "hoping", "expect", "anticipate", "trust"})


def reported_or_hoped(verb: Token) -> bool:
    """Whether a clause is what a reporting verb says ('said the road would reopen'), or the
    complement of a verb of hoping or expecting ('hoped agreement would be reached')."""
    if verb.dep_ not in ("ccomp", "conj"):
        return False
    head = verb.head
    hoped = verb.dep_ == "ccomp" and (head.lemma_ in _HOPING or head.lower_ in _HOPING)
    return head.lemma_ in REPORTING or hoped
