"""The article's text read once per document.

spaCy's `Doc.text` is not stored: every access joins every token again, so a rule that reads it
once per mention, quote or event costs the article's length each time (on long articles that was
a third of the analysis time). `doc_text(doc)` builds it once and keeps it in `doc.user_data`;
the text never changes after parsing (merging tokens keeps the characters).
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "analysis.doc_text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built on the first call for this document only."""
    cached = doc.user_data.get(_KEY)
    if cached is None:
        cached = doc.user_data[_KEY] = doc.text
    return str(cached)
