"""Events for `analyst timeline`: filtered, ordered and limited in SQL, with their citations.

An event's `date` is the first day of the period it names and `precision` says how wide that
period is, so a range filter keeps a month- or year-precision event whose period overlaps the
range, not only those that start inside it. The filters are plain comparisons on `events.date`
(indexed) and an `IN` over `event_entities` joined to `entity_aliases` (both indexed).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, column, func, or_, select, table, true, union
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.articles import REF_COLUMNS, ref_from_row
from storage.models import Article, Entity, EntityAlias, EventEntity, EventRow
from storage.records_cite import ArticleRef

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_WORD = re.compile(r"\w+")


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
class EventRecord:
    """One stored event with the article that reports it and the entities it names."""

    id: int
    date: date | None
    precision: str
    expression: str
    sentence: int  # -1: read from a photo caption
    text: str
    article: ArticleRef
    entities: tuple[tuple[str, str, str], ...] = ()  # (key, display name, kind)


@dataclass(frozen=True)
class EventCounts:
    """How many events match a query: dated ones inside the range, undated ones overall."""

    dated: int
    undated: int


@dataclass(frozen=True)
class EventSpan:
    """The first and last event dates in the whole corpus (None when nothing is dated)."""

    first: date | None
    last: date | None


@dataclass(frozen=True)
class DateCount:
    """How many matching events fall on one (date, precision): what the chart draws."""

    date: date
    precision: str
    events: int


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _words_clause(words: list[str], backend: str) -> Any:
    """Ids of events whose text holds every word (case-insensitive substring), from an index.

    SQLite reads the trigram FTS5 table `events_fts` (migration 0005) with LIKE, which it
    answers from the index for words of three letters or more; PostgreSQL's ILIKE uses the
    pg_trgm GIN index on `events.text` when the migration could create it.
    """
    if backend == "sqlite" and not any("_" in w or "%" in w for w in words):
        fts = table("events_fts", column("rowid"), column("text"))
        return select(fts.c.rowid).where(*(fts.c.text.like(f"%{w}%") for w in words))
    return select(EventRow.id).where(
        *(EventRow.text.ilike(f"%{_escape_like(w)}%", escape="\\") for w in words)
    )


def _topic_clause(topic: str | None, backend: str = "") -> ColumnElement[bool]:
    """Events naming an entity with that alias, or whose text holds every word of the topic.

    One IN over a UNION of two indexed look-ups: an OR of the two would make both engines
    test the words against every event's text.
    """
    if topic is None or not topic.strip():
        return true()
    key = " ".join(topic.split()).casefold()
    named = (
        select(EventEntity.event_id)
        .join(EntityAlias, EntityAlias.entity_id == EventEntity.entity_id)
        .where(EntityAlias.alias_key == key)
    )
    words = _WORD.findall(key)
    if not words:
        return EventRow.id.in_(named)
    return EventRow.id.in_(union(named, _words_clause(words, backend)))


def _earliest_overlapping_start(start: date, precision: str) -> date:
    """The earliest first day an event of this precision may have and still reach `start`."""
    if precision == "week":
        return start - timedelta(days=6)
    if precision == "month":
        return start.replace(day=1)
    if precision == "year":
        return start.replace(month=1, day=1)
    return start


def _range_clause(start: date | None, end: date | None) -> ColumnElement[bool]:
    """Dated events whose period overlaps [start, end]; both bounds optional."""
    clauses: list[ColumnElement[bool]] = [EventRow.date.is_not(None)]
    if end is not None:
        clauses.append(EventRow.date <= end)
    if start is not None:
        floors = {p: _earliest_overlapping_start(start, p) for p in PRECISION_RANK}
        clauses.append(EventRow.date >= min(floors.values()))
        clauses.append(
            or_(*(and_(EventRow.precision == p, EventRow.date >= d) for p, d in floors.items()))
        )
    return and_(*clauses)


def _precision_rank() -> Any:
    return case(*((EventRow.precision == p, r) for p, r in PRECISION_RANK.items()), else_=9)


def _event_select() -> Any:
    return select(
        EventRow.id.label("event_id"),
        EventRow.date.label("event_date"),
        EventRow.precision,
        EventRow.expression,
        EventRow.sentence,
        EventRow.text.label("event_text"),
        *REF_COLUMNS,
    ).join(Article, Article.id == EventRow.article_id)


def _record(row: Any, entities: dict[int, list[tuple[str, str, str]]]) -> EventRecord:
    return EventRecord(
        id=row.event_id,
        date=row.event_date,
        precision=row.precision,
        expression=row.expression,
        sentence=row.sentence,
        text=row.event_text,
        article=ref_from_row(row),
        entities=tuple(entities.get(row.event_id, ())),
    )


async def _entities_of(
    session: AsyncSession, ids: list[int]
) -> dict[int, list[tuple[str, str, str]]]:
    """The entities each event names, for all the events at once."""
    found: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    if not ids:
        return found
    rows = await session.execute(
        select(EventEntity.event_id, Entity.key, Entity.name, Entity.kind)
        .join(Entity, Entity.id == EventEntity.entity_id)
        .where(EventEntity.event_id.in_(ids))
        .order_by(EventEntity.event_id, Entity.mention_count.desc(), Entity.name)
    )
    for row in rows:
        found[row.event_id].append((row.key, row.name, row.kind))
    return found


class TimelineRepository:
    """Read access to dated and undated events, one session per call."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        bind = sessions.kw.get("bind")
        self._backend = bind.dialect.name if bind is not None else ""

    def _topic(self, query: EventQuery) -> ColumnElement[bool]:
        return _topic_clause(query.topic, self._backend)

    async def _read(self, query: Any) -> list[EventRecord]:
        async with self._sessions() as session:
            rows = (await session.execute(query)).all()
            entities = await _entities_of(session, [r.event_id for r in rows])
        return [_record(r, entities) for r in rows]

    async def dated(self, query: EventQuery, limit: int) -> list[EventRecord]:
        """Dated events oldest first (finer precision first on the same day), then by article."""
        return await self._read(
            _event_select()
            .where(_range_clause(query.start, query.end), self._topic(query))
            .order_by(
                EventRow.date,
                _precision_rank(),
                Article.published.is_(None),
                Article.published,
                Article.id,
                EventRow.sentence,
                EventRow.id,
            )
            .limit(limit)
        )

    async def undated(self, query: EventQuery, limit: int) -> list[EventRecord]:
        """Events whose date is unknown, newest article first, then by place in the article."""
        return await self._read(
            _event_select()
            .where(EventRow.date.is_(None), self._topic(query))
            .order_by(
                Article.published.is_(None),
                Article.published.desc(),
                Article.id,
                EventRow.sentence,
                EventRow.id,
            )
            .limit(limit)
        )

    async def count(self, query: EventQuery) -> EventCounts:
        """Matching dated events inside the range, and matching undated events."""
        topic = self._topic(query)
        dated = select(func.count(EventRow.id)).where(_range_clause(query.start, query.end), topic)
        undated = select(func.count(EventRow.id)).where(EventRow.date.is_(None), topic)
        async with self._sessions() as session:
            return EventCounts(
                dated=int(await session.scalar(dated) or 0),
                undated=int(await session.scalar(undated) or 0),
            )

    async def span(self) -> EventSpan:
        """The first and last event dates of the whole corpus."""
        async with self._sessions() as session:
            first, last = (
                await session.execute(select(func.min(EventRow.date), func.max(EventRow.date)))
            ).one()
        return EventSpan(first=first, last=last)

    async def date_counts(self, query: EventQuery) -> list[DateCount]:
        """Matching dated events counted per (date, precision), oldest first."""
        stmt = (
            select(EventRow.date, EventRow.precision, func.count(EventRow.id))
            .where(_range_clause(query.start, query.end), self._topic(query))
            .group_by(EventRow.date, EventRow.precision)
            .order_by(EventRow.date, EventRow.precision)
        )
        async with self._sessions() as session:
            rows = (await session.execute(stmt)).all()
        return [DateCount(date=d, precision=p, events=int(n)) for d, p, n in rows if d is not None]
