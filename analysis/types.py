"""Frozen records that the analysis functions return and storage persists.

They live in one module so that every extractor speaks the same language and
storage can persist them without importing the extractors themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Precision(StrEnum):
    """How much of a date is known: never more than its source says."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


class EntityKind(StrEnum):
    """The coarse entity groups analysts ask about (spaCy labels folded together)."""

    PERSON = "person"
    ORG = "org"
    PLACE = "place"  # GPE, LOC, FAC
    GROUP = "group"  # NORP: nationalities, religious and political groups
    OTHER = "other"


@dataclass(frozen=True)
class SentenceSpan:
    """One sentence of the cleaned body: character offsets into that body."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """One mention of an entity, already folded onto its canonical name within the article.

    `key` is the corpus-wide identity ("vladimir putin"); `name` its display form
    ("Vladimir Putin"); `text` the words as written ("Russian President Vladimir Putin's").
    """

    text: str
    kind: EntityKind
    label: str
    start: int
    end: int
    sentence: int
    name: str
    key: str


@dataclass(frozen=True)
class DocAnalysis:
    """What one spaCy pass over an article yields for storage."""

    sentences: tuple[SentenceSpan, ...]
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Quote:
    """Words attributed to a speaker. Offsets are into the cleaned body."""

    text: str
    kind: str  # "direct" | "partial" | "block"
    speaker_text: str  # the speaker as written: "Putin", "he", "the Russian president"
    speaker_name: str | None  # canonical display name, None when unresolved
    speaker_key: str | None  # matches Mention.key, None when unresolved
    cue: str | None  # the cue verb lemma: "say", "call", "explain"
    start: int
    end: int
    sentence: int


@dataclass(frozen=True)
class ResolvedDate:
    """A temporal expression found in text and anchored to a calendar date.

    `value` is the first day of the period meant; `precision` says how wide it is.
    `value` is None when the expression is relative and there is no anchor.
    """

    text: str
    value: date | None
    precision: Precision
    start: int
    end: int


@dataclass(frozen=True)
class Event:
    """A sentence saying something happened at a resolved date."""

    date: date | None
    precision: Precision
    expression: str
    sentence: int
    text: str
    entity_keys: tuple[str, ...] = field(default_factory=tuple)
