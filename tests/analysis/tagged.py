"""A parsed text with exactly the entities a test names: for rules about what the model tags."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span


def with_entities(nlp: Language, text: str, names: list[tuple[str, int, str]]) -> Doc:
    """The parsed text with exactly these entities: (words, which occurrence, label)."""
    doc = nlp(text)
    spans = []
    for words, nth, label in names:
        at = -1
        for _ in range(nth + 1):
            at = text.index(words, at + 1)
        span = doc.char_span(at, at + len(words))
        assert span is not None
        spans.append(Span(doc, span.start, span.end, label=label))
    doc.ents = spans
    return doc
