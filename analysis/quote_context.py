"""What the quote rules share about one document: its lines, quote spans and speaker resolver.

`QuoteContext` is built once per article; `Cue` and `Found` are what the rules hand back.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from analysis.doc_text import doc_text
from analysis.quote_cues import CUE_VERBS
from analysis.quote_spans import (
    QuoteSpan,
    find_quote_spans,
    is_headline,
    next_paragraph,
    split_lines,
)
from analysis.quote_speakers import SpeakerResolver
from analysis.speaker_words import Speaker, word_set
from analysis.types import DocAnalysis

# A quoted work's title before a role and a name (a film, a show, a book): at most six words,
# the small ones uncapitalised
_SMALL_WORDS = word_set("a an and as at by for from in of on or the to with")
_TITLE_WORDS = 6
_CLOSING = frozenset(",.;:!?…")


@dataclass(frozen=True)
class Cue:
    """A cue verb lemma and the speaker it gives."""

    lemma: str
    speaker: Speaker


@dataclass(frozen=True)
class Found:
    """A quote attributed so far: its span, kind, cue and speaker."""

    span: QuoteSpan
    kind: str
    cue: Cue
    frame_end: int


class QuoteContext:
    """One document's text, lines, quote spans and token lookups, shared by the rules."""

    def __init__(self, doc: Doc, analysis: DocAnalysis) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.lines = split_lines(self.text)
        self.spans = [s for s in find_quote_spans(self.text) if not self._names_work(s)]
        self.opens = [span.open_at for span in self.spans]
        self.quoted_lines = {span.line for span in self.spans}
        continued = self._continued_lines()
        self.headlines = {
            line.index
            for line in self.lines
            if is_headline(self.text, line) and line.index not in continued
        }
        self.line_starts = [line.start for line in self.lines]
        self.quoted = self._quoted_tokens()
        self.sentence_starts = [s.start for s in analysis.sentences]
        self.resolver = SpeakerResolver(doc, analysis.mentions, self.excluded, CUE_VERBS)

    def _names_work(self, span: QuoteSpan) -> bool:
        """A quoted title that modifies a role and a name ('“Lantern” director Tom Kowal said',
        'the “Morning Edition” host Ann Roe'): a work's name, no quotation. The quoted words are
        a few capitalised words with no punctuation closing them, and the closing mark is
        followed straight by a lower-case noun (not a cue verb's) and a proper name. Said words
        before their speaker are set off by a comma ('“Disgraceful,” senator Jo Bell wrote');
        with none they modify the noun after them, like any adjective."""
        words = self.text[span.start : span.end]
        tokens = re.findall(r"[A-Za-z][\w'’-]*", words)
        content = [w for w in tokens if w.lower() not in _SMALL_WORDS]
        if not content or len(tokens) > _TITLE_WORDS or words.rstrip()[-1:] in _CLOSING:
            return False
        if not all(w[0].isupper() for w in content) or span.close_at + 2 > len(self.text):
            return False
        if self.text[span.close_at + 1 : span.close_at + 2] != " ":
            return False
        after = self.doc.char_span(span.close_at + 2, len(self.text), alignment_mode="expand")
        if after is None or len(after) < 2:
            return False
        role, name = after[0], after[1]
        return (
            role.pos_ == "NOUN"
            and role.text.isalpha()
            and role.text.islower()
            and role.lemma_ not in CUE_VERBS
            and name.pos_ == "PROPN"
            and name.text[:1].isupper()
        )

    def _continued_lines(self) -> set[int]:
        """Paragraphs a quotation runs on into: one of them without a full stop is still the
        speaker's words, not a headline."""
        found = set()
        for span in self.spans:
            if span.run_on:
                after = next_paragraph(self.text, self.lines, span.line)
                if after is not None:
                    found.add(after.index)
        return found

    def _quoted_tokens(self) -> dict[int, QuoteSpan]:
        """Token index -> the quote span (marks included) covering it."""
        covered: dict[int, QuoteSpan] = {}
        for span in self.spans:
            for token in self.tokens(span.open_at, span.close_at + 1):
                covered[token.i] = span
        return covered

    def tokens(self, start: int, end: int) -> Span | list[Token]:
        """The tokens overlapping a character range."""
        end = min(end, len(self.text))
        if start >= end:
            return []
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span if span is not None else []

    def line_of(self, char: int) -> int:
        """The index of the line holding a character offset."""
        return max(bisect.bisect_right(self.line_starts, char) - 1, 0)

    def excluded(self, char: int) -> bool:
        """True inside a quote or a headline: no antecedent or role comes from there."""
        if self.line_of(char) in self.headlines:
            return True
        i = bisect.bisect_right(self.opens, char) - 1
        return i >= 0 and char <= self.spans[i].close_at

    def sentence_of(self, char: int) -> int:
        """The index of the analysis sentence holding a character offset."""
        return max(bisect.bisect_right(self.sentence_starts, char) - 1, 0)
