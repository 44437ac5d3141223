"""A body sentence that lost its full stop is still read by the pronoun chain.

A line with no closing full stop reads as a headline, caption or standfirst, and what such a
line names is hidden from the chain (`quote_context.QuoteContext.excluded`). But extraction
sometimes drops a paragraph's full stop ("“Parasite” director Bong Joon Ho said backstage that
no-one could predict what might happen at the Oscars on Feb. 9" / "Speaking through an
interpreter he added; “…”"): hidden, the paragraph's person was passed over and the "he" went
to someone named before it. A reader sees a sentence of the story there. So a line counts as
body for the chain when it

- sits between two paragraphs that end as sentences do (not at the top of the article, where a
  standfirst is, nor among other short lines, as a list of links or subheads is);
- is a long sentence of running text: at least `_FEWEST` words, most of them lower-case, and no
  label before a colon in its first words ("READ MORE: …", "Photo: …");
- is told in the past, as a news report is: its one sentence's root is a verb in the past tense
  with a subject ("… said backstage that …"); captions and headlines are written in the
  present ("Smith speaks to reporters outside the court on Monday").

Quoted words in it stay hidden, as in any paragraph.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from analysis.doc_text import doc_text
from analysis.quote_spans import find_quote_spans, is_headline, split_lines

_FEWEST = 12  # words of a body sentence that lost its full stop
_LOWER_SHARE = 0.6  # at least this share of its words lower-case
_LABEL_REACH = 30  # characters from the line's start in which a colon makes a label
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def body_lines(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the headline-shaped lines that are body sentences (the module
    docstring's rule)."""
    text = doc_text(doc)
    lines = split_lines(text)
    heads = [is_headline(text, line) for line in lines]
    found = []
    for k, line in enumerate(lines):
        if not heads[k] or k == 0 or k + 1 >= len(lines) or heads[k - 1] or heads[k + 1]:
            continue
        written = text[line.start : line.end]
        words = [w for w in written.split() if any(c.isalpha() for c in w)]
        if len(words) < _FEWEST:
            continue
        lower = [w for w in words if w.strip("“”\"'‘’([")[:1].islower()]
        if len(lower) < _LOWER_SHARE * len(words) or ":" in written[:_LABEL_REACH]:
            continue
        span = doc.char_span(line.start, line.end, alignment_mode="expand")
        if span is None or not len(span) or span[0].sent.start != span[-1].sent.start:
            continue  # one sentence only
        root = span.root
        told = root.tag_ == "VBD" and any(c.dep_ in _SUBJECTS for c in root.children)
        if told:
            found.append((line.start, line.end))
    return found


def with_body_lines(doc: Doc, excluded: Callable[[int], bool]) -> Callable[[int], bool]:
    """`excluded` with the body lines' words outside quotations let in."""
    ranges = body_lines(doc)
    if not ranges:
        return excluded
    quoted = [(s.open_at, s.close_at) for s in find_quote_spans(doc_text(doc))]

    def hidden(char: int) -> bool:
        if not excluded(char):
            return False
        inside = any(start <= char < end for start, end in ranges)
        return not inside or any(a <= char <= b for a, b in quoted)

    return hidden
