"""Where to look for the person a description speaks for ("“…,” the New Jersey governor
said" right after "New Jersey Gov. Chris Christie accused Cruz of …"): the sentence just
before the quotation's, in the same paragraph.

A story that names someone and then quotes them under a description writes the name in the
sentence before; the paragraphs around may be about others. That sentence counts only when it
is the writer's own, not a quoted turn of a dialogue ("“That would be you?” Borger asked.
“That would be me,” the senator said": the senator is not Borger).

Or it writes the name in the quotation's own sentence, in the words that lead into the
quotation, and the description after it: "Cruz defends his record in a commercial: “…,” the
senator says" (`lead_in_before`). Only a description after the quotation: one before it is part
of the lead-in itself ("Asked about Trump, the senator said: “…”").
"""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Doc, Token

from analysis.doc_text import doc_text
from analysis.quote_spans import ALL_MARKS


def sentence_before(doc: Doc, first: int, paragraph_start: int) -> tuple[int, int] | None:
    """The character range of the sentence before the token `first` (where the quotation's
    sentence starts), or None when it lies in another paragraph, opens with a quotation or
    closes one ("“…?” Borger asked.")."""
    i = first - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or doc[i].idx < paragraph_start:
        return None
    before = doc[i].sent
    start = max(before.start_char, paragraph_start)
    text = doc_text(doc)[start : before.end_char].lstrip()
    if not text or text[0] in ALL_MARKS:
        return None
    if doc_text(doc)[paragraph_start:start].rstrip()[-1:] in ALL_MARKS:
        return None  # the tail of a quotation: “…?” Borger asked.
    return start, before.end_char


def lead_in_before(
    doc: Doc, first: int, subject: Token, quoted: Container[int]
) -> tuple[int, int] | None:
    """The character range of the words leading into the quotation in its own sentence, from
    the token `first` (where that sentence starts) to the opening mark, when the description
    `subject` comes after the quotation; None when there are none ("“…,” the senator said")."""
    end = first
    while end < len(doc) and end not in quoted and doc[end].idx < subject.idx:
        end += 1
    if end == first or end >= len(doc) or end not in quoted or subject.i <= end:
        return None
    lead = doc[first:end]
    if not any(t.is_alpha for t in lead):
        return None
    return doc[first].idx, doc[end].idx
