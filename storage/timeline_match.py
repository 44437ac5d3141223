"""Which events a timeline question matches: a topic (entities or words) and a day range, in SQL.

An event's `date` is the first day of the period it names and `precision` says how wide that
period is, so a range filter keeps a month- or year-precision event whose period overlaps the
range, not only those that start inside it. The filters are plain comparisons on `events.date`
(indexed) and an `IN` over `event_entities` of the entities `storage.topics` resolves (indexed),
plus the events whose text holds every word of the topic (a substring index: `words_clause`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Text, and_, column, func, or_, select, table, true, union

from storage.models import EventDay, EventRow
from storage.topics import topic_events, topic_key

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_WORD = re.compile(r"\w+")
TRIGRAM = 3  # the shortest pattern a trigram index can answer


@dataclass(frozen=True)
class EventQuery:
    """Which events to read: a topic (entity alias or words of the text) and a day range."""

    topic: str | None = None
    start: date | None = None
    end: date | None = None

    @property
    def has_range(self) -> bool:
        """Whether a --from or --to bound was given."""
        return self.start is not None or self.end is not None


@dataclass(frozen=True)
class EventCounts:
    """How many events match a query: dated ones inside the range, undated ones overall."""

    dated: int
    undated: int


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# PostgreSQL's `lower(events.text)`, a generated column outside the models (migration 0014)
_FOLDED_EVENTS = table("events", column("id"), column("text_folded", Text))


def _contains(word: str) -> ColumnElement[bool]:
    """`events.text` holds the word, case-insensitively (ILIKE; SQLite: lower() LIKE lower())."""
    return EventRow.text.ilike(f"%{_escape_like(word)}%", escape="\\")


def _folded_contains(word: str) -> ColumnElement[bool]:
    """PostgreSQL: `events.text_folded` holds the word folded by the server's own `lower()`,
    which is what ILIKE does to both sides in a UTF-8 database: the same matches, without
    folding each row's text again for every word the trigram index's recheck tests."""
    pattern = func.lower(f"%{_escape_like(word)}%")
    return _FOLDED_EVENTS.c.text_folded.like(pattern, escape="\\")


def words_clause(words: list[str], backend: str, *, stored: bool = False) -> Any:
    """Ids of events whose text holds every word (case-insensitive substring), from an index.

    SQLite reads the trigram FTS5 table `events_fts` (migration 0005) for words of three
    letters or more (a MATCH of ASCII words, LIKE for others: `_fts_words`); shorter words are
    tested on `events.text` among those ids, never in the FTS query: SQLite 3.40's trigram
    table crashes the process (SIGSEGV) on a LIKE of fewer than three characters beside
    another. PostgreSQL matches each word with LIKE on `events.text_folded` (`lower(text)`,
    migration 0014), from its pg_trgm GIN index when the migration could create it. `stored`
    keeps only ids still in `events` (the FTS table is a separate index of it) for callers that
    count the ids without reading the events.
    """
    indexed = [w for w in words if len(w) >= TRIGRAM]
    plain = not any("_" in w or "%" in w for w in words)
    if backend == "sqlite" and plain and indexed:
        fts = table("events_fts", column("rowid"), column("text"))
        found = select(fts.c.rowid).where(_fts_words(fts, indexed))
        short = [w for w in words if len(w) < TRIGRAM]
        if not short:
            return select(EventRow.id).where(EventRow.id.in_(found)) if stored else found
        return select(EventRow.id).where(EventRow.id.in_(found), *(_contains(w) for w in short))
    if backend == "postgresql":
        return select(_FOLDED_EVENTS.c.id).where(*(_folded_contains(w) for w in words))
    return select(EventRow.id).where(*(_contains(w) for w in words))


def _fts_words(fts: Any, words: list[str]) -> ColumnElement[bool]:
    """The trigram FTS5 rows whose text holds every word (three letters or more).

    ASCII words are one MATCH of quoted phrases, answered from the index's positions alone; a
    LIKE is answered from the index too, but SQLite then tests it again on every row found, and
    the external-content table reads each event's text for that (80 ms of 100 for the 11,500
    events holding "donald" and "trump" at 100,000 articles). The two agree on ASCII words: the
    trigram index folds case as LIKE does for ASCII letters, and the only other characters it
    folds into ASCII letters are the Kelvin sign and the long s (U+212A, U+017F). A non-ASCII
    word keeps LIKE, whose case-sensitivity outside ASCII the index would not share.
    """
    ascii_words = [w for w in words if w.isascii()]
    clauses = [fts.c.text.like(f"%{w}%") for w in words if not w.isascii()]
    if ascii_words:
        phrases = " AND ".join(f'"{w}"' for w in ascii_words)  # \w+ words: no quote inside
        clauses.append(fts.c.text.match(phrases))
    return and_(*clauses)


def topic_parts(topic: str, backend: str, *, stored: bool = False) -> list[Any]:
    """The two halves of `topic_ids`, each a SELECT of `id`: the events naming an entity the
    topic names, and (when the topic has words) those holding every word."""
    named = topic_events(topic)
    words = _WORD.findall(topic_key(topic))
    return [named, words_clause(words, backend, stored=stored)] if words else [named]


def topic_ids(topic: str, backend: str, *, stored: bool = False) -> Any:
    """Ids of the events naming an entity the topic names or holding every word of the topic.

    The entities are resolved as in every command (`storage.topics.topic_entities`: alias,
    canonical key or a person's surname). One UNION of indexed look-ups: an OR of the two
    would make both engines test the words against every event's text.
    """
    parts = topic_parts(topic, backend, stored=stored)
    return union(*parts) if len(parts) > 1 else parts[0]


def topic_clause(topic: str | None, backend: str = "") -> ColumnElement[bool]:
    """Events naming an entity with that alias, or whose text holds every word of the topic."""
    if topic is None or not topic.strip():
        return true()
    return EventRow.id.in_(topic_ids(topic, backend))


def _earliest_overlapping_start(start: date, precision: str) -> date:
    """The earliest first day an event of this precision may have and still reach `start`."""
    if precision == "week":
        return start - timedelta(days=6)
    if precision == "month":
        return start.replace(day=1)
    if precision == "year":
        return start.replace(month=1, day=1)
    return start


def range_clause(
    start: date | None, end: date | None, day: Any = EventRow.date, precision: Any = None
) -> ColumnElement[bool]:
    """Dated events whose period overlaps [start, end]; both bounds optional.

    `day` and `precision` name the columns to test: the events' own, or the rollup's.
    """
    precision = EventRow.precision if precision is None else precision
    clauses: list[ColumnElement[bool]] = [day.is_not(None)]
    if end is not None:
        clauses.append(day <= end)
    if start is not None:
        floors = {p: _earliest_overlapping_start(start, p) for p in PRECISION_RANK}
        clauses.append(day >= min(floors.values()))
        clauses.append(or_(*(and_(precision == p, day >= d) for p, d in floors.items())))
    return and_(*clauses)


def has_topic(query: EventQuery) -> bool:
    """Whether the query names a topic (not blank)."""
    return bool(query.topic and query.topic.strip())


def rollup_range(query: EventQuery) -> ColumnElement[bool]:
    """The range clause on `event_days`, for the counts of a query without a topic."""
    return range_clause(query.start, query.end, EventDay.date, EventDay.precision)
