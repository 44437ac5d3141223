"""The one reading the quote-round tests make of a text: each quotation's speaker key."""

from __future__ import annotations

from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quotes import extract_quotes


def speaker_keys(nlp: Language, text: str) -> list[str | None]:
    """The speaker key of every quote of a text, in order (None where nothing is linked)."""
    doc = nlp(text)
    return [q.speaker_key for q in extract_quotes(doc, analyse_doc(doc))]
