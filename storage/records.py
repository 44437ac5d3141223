"""Plain records that cross the storage boundary: nothing above storage touches an ORM object."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime


def as_utc(moment: datetime) -> datetime:
    """SQLite hands datetimes back naive; every one was written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class NewMention:
    """An entity mention to store, already canonical within its article."""

    key: str
    kind: str
    name: str
    text: str
    sentence: int
    start: int
    end: int
    surname: str = ""  # for people: how a bare surname elsewhere finds this name


@dataclass(frozen=True)
class NewQuote:
    """A quote to store; the speaker is linked to an entity through its key when it has one."""

    text: str
    kind: str
    speaker_text: str
    speaker_key: str | None
    speaker_kind: str
    speaker_name: str | None
    speaker_surname: str
    cue: str | None
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class NewEvent:
    """A dated (or undatable) event sentence to store."""

    date: date | None
    precision: str
    expression: str
    sentence: int  # -1: read from a photo caption
    text: str
    entity_keys: tuple[tuple[str, str], ...] = ()  # (key, kind) of the entities it names


@dataclass(frozen=True)
class NewArticle:
    """Everything ingestion learned about one article, written in one transaction."""

    source: str
    canonical_url: str | None
    title: str | None
    outlet: str | None
    author: str | None
    published: date | None
    date_precision: str
    date_source: str
    text: str
    content_hash: str
    signature: bytes
    band_keys: tuple[str, ...]
    dropped: tuple[tuple[int, str, str], ...]
    sentences: tuple[tuple[int, int, int, str], ...]
    mentions: tuple[NewMention, ...] = ()
    quotes: tuple[NewQuote, ...] = ()
    events: tuple[NewEvent, ...] = ()
    terms: tuple[tuple[str, int], ...] = ()
    named_days: tuple[date, ...] = ()  # the days its text names outright (analysis.named_days)


@dataclass(frozen=True)
class ArticleSummary:
    """One line of the article list."""

    id: int
    title: str | None
    outlet: str | None
    author: str | None
    published: date | None
    date_precision: str
    source: str
    word_count: int
    ingested_at: datetime


@dataclass(frozen=True)
class ArticleDetail:
    """An article with its text and what cleaning dropped."""

    summary: ArticleSummary
    canonical_url: str | None
    date_source: str
    text: str
    dropped: tuple[tuple[int, str, str], ...]
    sentence_count: int
    top_entities: tuple[tuple[str, str, int], ...]


@dataclass(frozen=True)
class DuplicateCandidate:
    """A stored article that may be a near-copy, with its MinHash signature for verification."""

    id: int
    signature: bytes


@dataclass(frozen=True)
class EntityCount:
    """An entity and how often the corpus mentions it."""

    name: str
    kind: str
    mentions: int
    articles: int


@dataclass(frozen=True)
class CorpusStats:
    """What `analyst stats` reports."""

    articles: int
    undated: int
    outlets: tuple[tuple[str, int], ...]
    first_published: date | None
    last_published: date | None
    sentences: int
    entities: int
    people: tuple[EntityCount, ...] = field(default_factory=tuple)
    places: tuple[EntityCount, ...] = field(default_factory=tuple)
    organisations: tuple[EntityCount, ...] = field(default_factory=tuple)
    jobs: tuple[tuple[str, int], ...] = field(default_factory=tuple)


# an ingest job's states (storage.jobs moves jobs between them; the job-end hooks read them)
PENDING, RUNNING, DONE, DUPLICATE, FAILED = "pending", "running", "done", "duplicate", "failed"


@dataclass(frozen=True)
class JobRecord:
    """A queued ingestion job as the worker and the CLI see it."""

    id: int
    source_key: str
    kind: str
    payload: dict[str, object]
    status: str
    attempts: int
    last_error: str | None
    article_id: int | None
    duplicate_of: int | None
