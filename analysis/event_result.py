"""A date ahead of the writing in a trailing participle of a dated past happening (issue 12,
round 25).

"The team won the semi-final on Sunday, setting up a final against Leeds next month",
"'Parasite' won on Sunday, cementing its place among the favourites at the Oscars next month":
a present participle after the main clause, set off by a comma and with no subject of its own,
tells what the main clause's happening brought about, at that happening's time. When the main
clause is told in the past and dated on or before the day of writing, a date in the participle
that lies after the writing cannot be the participle's own time: it dates a thing the result
looks ahead to (the final, the Oscars), a second date of the sentence.

Untouched: a participle that opens the sentence ("Opening next month, ..."), one with its own
subject or subordinator, a main clause told in the future or the present ("will play on Sunday,
hoping to reach the final next month"), a date in a clause below the participle ("saying the
plant will close next year": what a speaker said), a participle date on or before the day of
writing ("erasing gains made last week"), and a sentence whose main clause has no date.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis import clause_kinds as kinds
from analysis.event_attach import SET_OFF, Place

_OWN = frozenset({"mark", "aux", "auxpass", "nsubj", "nsubjpass", "expl"})
_PAST_AUX = frozenset({"VBD"})  # was, were, had, did
_MODAL = frozenset({"MD"})


def trailing_participle(place: Place) -> Token | None:
    """The participle the date's own clause is, when it trails the clause it hangs on after a
    comma or dash (', cementing their roles ...'; ', scheduled to take effect ...'), or, a past
    participle, right after a noun, with no subject, auxiliary or subordinator of its own; else
    None."""
    links = place.links
    k = 0  # "..., scheduled to take effect next month": up the open complements first
    while k < len(links) - 1 and links[k].dep == "xcomp":
        k += 1
    if len(links) < k + 2 or links[k].dep != "advcl" or links[k].mark:
        return None
    verb, head = links[k].verb, links[k + 1].verb
    # a past participle with no subject is often tagged as a past tense ("..., expected to")
    if verb.tag_ not in ("VBG", "VBN", "VBD") or verb.i < head.i:
        return None
    if any(kid.dep_ in _OWN for kid in verb.children):
        return None
    start = verb.left_edge.i
    if start <= verb.sent.start:
        return None
    before = verb.doc[start - 1]
    if before.text in SET_OFF:
        return verb
    # a past participle right after a noun the parser hung on the verb instead: "ahead of
    # 'Bharat bandh' announced to be observed on December 8" describes the noun
    named = before.pos_ in ("NOUN", "PROPN") or (
        before.is_quote and start >= 2 and verb.doc[start - 2].pos_ in ("NOUN", "PROPN")
    )
    return verb if verb.tag_ in ("VBN", "VBD") and named else None


def told_past(verb: Token) -> bool:
    """Whether a clause is told in the past: a past verb ('won') or a past auxiliary ('were
    named', 'had won'), and no modal ('would win')."""
    helpers = kinds.auxes(verb)
    if any(aux.tag_ in _MODAL for aux in helpers):
        return False
    return verb.tag_ == "VBD" or any(aux.tag_ in _PAST_AUX for aux in helpers)


def result_ahead(place: Place, main: Place) -> bool:
    """Whether the date of `place` is in a trailing participle whose clause `main` dates, that
    clause being told in the past (the caller checks the two dates' sides of the writing)."""
    verb = trailing_participle(place)
    if verb is None or not main.links:
        return False
    k = next(i for i, link in enumerate(place.links) if link.verb == verb)
    above = [link.verb for link in place.links[k + 1 :]]
    dated = main.links[0].verb
    return any(dated == clause for clause in above) and told_past(place.links[k + 1].verb)
