"""Events for `analyst timeline`: filtered, ordered and limited in SQL, with their citations.

What a question matches (a topic, a range) is `storage.timeline_match`; the key dates' reads are
`storage.timeline_key` (`TimelineRepository` has them all).

Counts without a topic are summed from `event_days` (dated events per date and precision, kept
by `storage.rollups`): counting 855,750 events took a tenth of a second at 100,000 articles.
A topic's two counts come from one pass over its events, not one pass each.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, case, func, select

from storage.articles import REF_COLUMNS, ref_from_row
from storage.models import Article, EventDay, EventRow
from storage.records_cite import ArticleRef
from storage.timeline_key import KEY_BUSIEST_DATES, KEY_CANDIDATE_CAP, KeyDateReads, KeyRow, Told
from storage.timeline_match import (
    PRECISION_RANK,
    EventCounts,
    EventQuery,
    has_topic,
    range_clause,
    rollup_range,
    topic_clause,
    topic_ids,
)
from storage.timeline_rows import Named, core, entities_of

__all__ = [
    "KEY_BUSIEST_DATES",
    "KEY_CANDIDATE_CAP",
    "DateCount",
    "EventCounts",
    "EventQuery",
    "EventRecord",
    "EventSpan",
    "KeyRow",
    "TimelineRepository",
    "Told",
]


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
    entities: tuple[Named, ...] = ()  # (key, display name, kind)


@dataclass(frozen=True)
class EventSpan:
    """The first and last event dates in the whole corpus (None when nothing is dated)."""

    first: date | None
    last: date | None


class DateCount(NamedTuple):
    """How many matching events fall on one (date, precision): what the chart draws. A named
    tuple, not a dataclass: a whole corpus's chart reads some 40,000 of them at 100k articles,
    and a frozen dataclass cost more to build than the query did."""

    date: date
    precision: str
    events: int


def _first_days(in_range: ColumnElement[bool], topic: ColumnElement[bool], limit: int) -> Any:
    """Ids of the topic's events in range up to the day of the `limit`-th one, by date alone.

    The first `limit` events in timeline order all lie on or before that day, so only these
    need their article read for the rest of the order: a topic named in thousands of events
    otherwise joins every one of them to its article (twice the time on PostgreSQL). The
    candidates are one CTE, read twice, so the topic is looked up once.
    """
    candidates = select(EventRow.id, EventRow.date).where(in_range, topic).cte("candidates")
    last_day = (
        select(candidates.c.date)
        .order_by(candidates.c.date)
        .offset(max(limit, 1) - 1)
        .limit(1)
        .scalar_subquery()
    )
    return select(candidates.c.id).where(
        candidates.c.date <= func.coalesce(last_day, candidates.c.date)
    )


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


def _record(row: Any, entities: dict[int, list[Named]]) -> EventRecord:
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


class TimelineRepository(KeyDateReads):
    """Read access to dated and undated events (and key dates' reads), one session per call."""

    def _topic(self, query: EventQuery) -> ColumnElement[bool]:
        return topic_clause(query.topic, self._backend)

    async def _read(self, query: Any) -> list[EventRecord]:
        """Each event of the query with its entities."""
        async with self._sessions() as session:
            rows = (await core(session, query)).all()
            entities = await entities_of(session, [r.event_id for r in rows])
        return [_record(r, entities) for r in rows]

    async def dated(self, query: EventQuery, limit: int) -> list[EventRecord]:
        """Dated events oldest first (finer precision first on the same day), then by article."""
        matching = range_clause(query.start, query.end)
        if has_topic(query):
            matching = EventRow.id.in_(_first_days(matching, self._topic(query), limit))
        return await self._read(
            _event_select()
            .where(matching)
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

    async def in_article(self, article_id: int) -> list[EventRecord]:
        """Every event stored for one article, dated or not, in reading order (captions last)."""
        return await self._read(
            _event_select()
            .where(EventRow.article_id == article_id)
            .order_by(EventRow.sentence < 0, EventRow.sentence, EventRow.id)
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
        if not has_topic(query):
            return await self._count_all(query)
        if not query.has_range:
            return await self._count_topic(query.topic or "")
        in_range = range_clause(query.start, query.end)
        stmt = select(
            func.count(case((in_range, EventRow.id))),
            func.count(case((EventRow.date.is_(None), EventRow.id))),
        ).where(self._topic(query))
        async with self._sessions() as session:
            dated, undated = (await core(session, stmt)).one()
        return EventCounts(dated=int(dated or 0), undated=int(undated or 0))

    async def _count_topic(self, topic: str) -> EventCounts:
        """A topic's events over all dates: its ids counted, less the few without a date.

        Every id is an event's (a link's foreign key, or checked in `events`), so only the
        undated ones are looked up, from the date index, instead of every event's row.
        """
        ids = topic_ids(topic, self._backend, stored=True).cte("topic_events")
        every = select(func.count()).select_from(ids).scalar_subquery()
        undated = (
            select(func.count(EventRow.id))
            .where(EventRow.date.is_(None), EventRow.id.in_(select(ids.c.id)))
            .scalar_subquery()
        )
        async with self._sessions() as session:
            total, without = (await core(session, select(every, undated))).one()
        return EventCounts(dated=int(total) - int(without), undated=int(without))

    async def _count_all(self, query: EventQuery) -> EventCounts:
        """Without a topic: dated events summed from the rollup, undated ones from the index."""
        dated = select(func.sum(EventDay.events)).where(rollup_range(query))
        undated = select(func.count(EventRow.id)).where(EventRow.date.is_(None))
        async with self._sessions() as session:
            return EventCounts(
                dated=int(await session.scalar(dated) or 0),
                undated=int(await session.scalar(undated) or 0),
            )

    async def span(self) -> EventSpan:
        """The first and last event dates of the whole corpus.

        Two scalar subqueries: each is one index probe, where min and max in one SELECT make
        SQLite scan the whole date index.
        """
        first = select(func.min(EventRow.date)).scalar_subquery()
        last = select(func.max(EventRow.date)).scalar_subquery()
        async with self._sessions() as session:
            found = (await core(session, select(first, last))).one()
        return EventSpan(first=found[0], last=found[1])

    async def date_counts(self, query: EventQuery) -> list[DateCount]:
        """Matching dated events counted per (date, precision), oldest first."""
        stmt: Any
        if not has_topic(query):
            stmt = (
                select(EventDay.date, EventDay.precision, EventDay.events)
                .where(rollup_range(query))
                .order_by(EventDay.date, EventDay.precision)
            )
        else:
            stmt = (
                select(EventRow.date, EventRow.precision, func.count(EventRow.id))
                .where(range_clause(query.start, query.end), self._topic(query))
                .group_by(EventRow.date, EventRow.precision)
                .order_by(EventRow.date, EventRow.precision)
            )
        async with self._sessions() as session:  # Core rows: no ORM loading for plain columns
            rows = (await core(session, stmt)).all()
        return [DateCount(d, p, int(n)) for d, p, n in rows if d is not None]
