"""The attribution typed after a quotation, whatever its verb: “…,” Christie charged.

News English attributes a quotation by closing it with a comma and naming the speaker and a
verb straight after it: “…,” Christie charged. / “…,” Asfendis penned. / “…,” the mayor
quipped. The verb list (`quote_cues.CUE_VERBS`) cannot hold every verb writers use there, and it
need not: in that slot the verb is the attribution, whichever it is. `trailing_verb` says
whether a verb stands in it: its sentence's root, its subject opening right after the closing
mark and the verb right after the subject, with nothing after the verb but the sentence's end
(or a comma, or the next quotation) or a phrase of when, where or how ("“…,” Toomey fumed on
Tuesday"), and no object of its own ("Police charged Hollis with
theft" is no attribution). The quote takes such a verb only when its speaker is someone the
article names (`quotes._attribute`): "“…,” the letter reads" stays unattributed.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.quote_spans import QuoteSpan

_CLOSED_BY = frozenset({",", "!", "?"})  # "“…,” he charged", "“…?” she demanded"
_ENDS = frozenset({".", ",", "!", "?", ";", "“", '"'})
_OBJECTS = frozenset({"dobj", "dative", "iobj", "attr", "acomp"})
_CIRCUMSTANCES = frozenset({"prep", "npadvmod"})  # when, where, how: "on Tuesday", "in a post"


def trailing_verb(verb: Token, span: QuoteSpan, text: str) -> bool:
    """Whether `verb` is the attribution right after the quotation `span` (module docstring)."""
    if verb.dep_ != "ROOT" or not verb.tag_.startswith("VB") or span.run_on:
        return False
    if text[span.start : span.close_at].rstrip()[-1:] not in _CLOSED_BY:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i == verb.i - 1]
    if not subjects or any(c.dep_ in _OBJECTS for c in verb.children):
        return False
    first = subjects[0].left_edge
    gap = text[span.close_at + 1 : first.idx]
    if gap.strip() or first.idx <= span.close_at:
        return False
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is not None and after.head == verb and after.dep_ in _CIRCUMSTANCES:
        return True  # "“…,” Toomey fumed on Tuesday", "“…,” Kelly charged in her question"
    return after is None or after.text in _ENDS or after.is_space
