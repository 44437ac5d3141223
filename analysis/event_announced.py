"""What a dated statement noun says, when the parser hangs its that-clause on the verb (round 32).

"This comes on the heels of the MTA's announcement on Thursday that it will suspend subway
service ... beginning on Wednesday, May 6": the announcement is the sentence's dated happening
(Thursday); the suspension from May 6 is what it announced, the content of a dated statement
(the judges' "double-dated"), as "the MTA announced on Thursday that it will suspend ..." is.
The parser hung the that-clause on "comes" instead of on "announcement", so the reporting
frame the roles look for is not in the parse. Read here: the date lies in a that-clause whose
"that" comes right after a noun of statement ("announcement", "decision", "pledge") that
another event date of the sentence dates ("announcement on Thursday", "Thursday's decision").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from analysis.event_attach import Place

_STATEMENT_NOUNS = frozenset(
    {"announcement", "statement", "decision", "pledge", "promise", "warning", "claim"}
    | {"confirmation", "ruling", "vow", "assurance", "admission", "notice", "declaration"}
)


def announced(place: Place, others: Sequence[Place]) -> bool:
    """Whether a date lies in the that-clause of a statement noun another date dates."""
    marks = [_that(link.verb) for link in place.links if link.dep == "ccomp"]
    starts = {mark.i for mark in marks if mark is not None}
    return bool(starts) and any(_ends_before(other, starts) for other in others)


def _that(verb: Token) -> Token | None:
    """A clause's 'that'."""
    return next((kid for kid in verb.children if kid.dep_ == "mark" and kid.lower_ == "that"), None)


def _ends_before(other: Place, starts: set[int]) -> bool:
    """Whether a date names a statement noun and the noun's phrase, date and all, ends right
    before one of these that-clauses ('announcement on Thursday | that', "Thursday's
    decision | that")."""
    noun = other.thing
    if noun is None or noun.lemma_.lower() not in _STATEMENT_NOUNS:
        return False
    end = max(noun.i, other.root.right_edge.i)
    return end + 1 in starts
