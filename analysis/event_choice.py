"""Where the dates of a parsed text attach: the parse read once per date.

`Places` reads where each date attaches (`analysis.event_attach`) from the parse spaCy already
made, once per date, and tells `analysis.dates` which way each relative date points
(`analysis.event_tense`). Without a dependency parse it says nothing, and the words of the
sentence decide as before.
"""

from __future__ import annotations

from spacy.tokens import Doc

from analysis.event_attach import Place, place
from analysis.event_tense import direction


class Places:
    """Where each date of one Doc attaches, worked out once per date."""

    def __init__(self, doc: Doc, length: int) -> None:
        self.doc, self.length = doc, length
        self.parsed = doc.has_annotation("DEP")
        self.found: dict[tuple[int, int], Place | None] = {}

    def at(self, start: int, end: int) -> Place | None:
        """The place of the date at these character offsets; None without a parse."""
        key = (start, end)
        if key not in self.found:
            self.found[key] = self._read(start, end)
        return self.found[key]

    def _read(self, start: int, end: int) -> Place | None:
        """Read one date's place from the parse."""
        if not self.parsed or start < 0 or end > self.length or start >= end:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return place(span) if span is not None and len(span) else None

    def direction(self, start: int, end: int) -> str | None:
        """Which way the date at these offsets points, by the tense of its clause."""
        found = self.at(start, end)
        return None if found is None else direction(found)
