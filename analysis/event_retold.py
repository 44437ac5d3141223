"""A relative day inside a quotation that a source retells from a scene of its own (issue 12,
round 25).

'Lacerda said Epstein told her: "We are going to have a special day today."', 'She said he then
announced: "My friend will be joining us today."': the quotation is what someone said at a scene
the source remembers (a reporting verb in the past inside what another reporting verb says), not
what the source says now. Its "today" is the day of that scene; the text does not date the
scene, so the day is none the timeline can give (rule 5: relative dates count from the moment
they were said), not the day of writing.

Untouched: a quotation the source speaks itself ('The mayor told reporters: "We reopen today"'),
a retold quotation whose telling is dated ('Smith said the chief told him on Monday: "..."', left
to the dated-frame rules), words outside the quotation marks, and dates other than the relative
days of one day (a weekday, "last week").
"""

from __future__ import annotations

import itertools

from spacy.tokens import Token

from analysis.date_relative import DAY_WORDS
from analysis.event_attach import Place
from analysis.event_words import REPORTING

_OPENING = frozenset({"“", '"', "‘"})
_CLOSING = frozenset({"”", '"', "’"})


def retelling(place: Place, written: str) -> Token | None:
    """The inner reporting verb ('told', 'announced') of a quotation retold inside what another
    reporting verb says, when the date is one of the quotation's relative days; else None."""
    if " ".join(written.lower().split()) not in DAY_WORDS:
        return None
    links = place.links
    for below, above in itertools.pairwise(links[1:]):
        inner, outer = below.verb, above.verb
        if below.dep != "ccomp" or inner.lemma_ not in REPORTING or outer.lemma_ not in REPORTING:
            continue
        if inner.tag_ != "VBD" or inner.i > place.root.i:
            return None
        return inner if _quoted_after(inner, place.root) else None
    return None


def _quoted_after(verb: Token, date: Token) -> bool:
    """Whether a quotation opens between the reporting verb and the date and is still open at
    the date."""
    between = verb.doc[verb.i + 1 : date.i]
    opened = [word.i for word in between if word.text in _OPENING]
    if not opened:
        return False
    return not any(word.text in _CLOSING for word in verb.doc[opened[0] + 1 : date.i])
