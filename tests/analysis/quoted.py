"""The speaker of every quote of a text, as `/quotes` finds it: for the quote-round tests."""

from __future__ import annotations

from spacy.language import Language

from analysis.nlp import analyse_doc
from analysis.quotes import extract_quotes


def speakers(nlp: Language, text: str) -> dict[str, str | None]:
    """The speaker key of every quote of a text, by its first twelve characters."""
    doc = nlp(text)
    return {q.text[:12]: q.speaker_key for q in extract_quotes(doc, analyse_doc(doc))}
