"""The reads behind key dates (`analyst timeline --key`), in two steps.

`key_read`: the counts and the few columns the date ranking needs of the matching dated events
(no text, no entities), at most `KEY_CANDIDATE_CAP` rows, in one statement that looks the
topic's events up once (on PostgreSQL a topic over all dates is read in parts, at once).
`told` (and `leads`): the text of only the events of the shortlisted dates, beside their whole
sentences, and the entities of the few that weigh the topic's; what the ranking rows already
hold (date, article, outlet, publication) is not read again.
`refs`: the citations of the articles an answer shows, once it is chosen. `naming`: which
candidate articles name the ranked days outright (`storage.models.NamedDay`).
"""

from __future__ import annotations

import asyncio
import math
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, and_, case, func, select, text, true
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage import named_days
from storage.articles import REF_COLUMNS, ref_from_row
from storage.models import Article, EventDay, EventRow, Sentence
from storage.records_cite import ArticleRef
from storage.timeline_match import (
    EventCounts,
    EventQuery,
    has_topic,
    range_clause,
    rollup_range,
    topic_ids,
    topic_parts,
)
from storage.timeline_rows import Named, core, entities_of, one_of

# Rows the key-date ranking reads at most. Past it the service reads every n-th event by id (a
# systematic sample): the counts behind the ranking become estimates (a date's articles and
# outlets are counted in the sample), and a date named by only one or two events may be missed;
# dates many articles name are kept. The most named person of the 100k benchmark corpus has
# 5,750 dated events: read whole, rows and ranking took ~110 ms of the answer's time on SQLite.
KEY_CANDIDATE_CAP = 3000
# Without a topic the whole corpus is the topic: the candidates are then the events of the range's
# busiest dates (most events, from the `event_days` rollup), read by the date index, instead of
# a sample of every event (a scan of all 551,500 events at 100k articles took 0.1–0.7 s).
KEY_BUSIEST_DATES = 150

Day = date  # `date` is also a field name below


class KeyRow(NamedTuple):
    """What the key-date ranking needs of one dated event: its date and its article's facts;
    with its text and entity keys once read (`told`), a candidate to tell its date.

    A named tuple, not a dataclass: thousands are made per answer, and a tuple is made 5× faster.
    """

    event_id: int
    date: Day
    precision: str
    sentence: int
    article_id: int
    outlet: str | None
    published: Day | None
    text: str = ""  # not read for the ranking
    entities: tuple[str, ...] = ()  # nor these


class Told(NamedTuple):
    """An event's words as a key date may tell them: the clause the event kept of its sentence,
    and the whole stored sentence (None for a photo caption's)."""

    event_id: int
    text: str
    whole: str | None


def _stride(events: Any, cap: int) -> Any:
    """Every how many events (by id) `events` of them fit in `cap` rows: max(1, ⌈events / cap⌉),
    in SQL."""
    return case((events > cap, (events + (cap - 1)) // cap), else_=1)


def _key_sample(query: EventQuery, sampled: ColumnElement[bool], limit: int) -> Any:
    """The sampled dated events in range, with what the ranking needs of their articles."""
    return (
        select(
            EventRow.id,
            EventRow.date,
            EventRow.precision,
            EventRow.sentence,
            EventRow.article_id,
            Article.outlet,
            Article.published,
        )
        .join(Article, Article.id == EventRow.article_id)
        .where(range_clause(query.start, query.end), sampled)
        .order_by(EventRow.id)
        .limit(limit)
    )


def _corpus_key_parts(query: EventQuery, cap: int, busiest: int) -> tuple[Any, ColumnElement[bool]]:
    """Without a topic: the counts (as `count`: the rollup's sum, the undated from the date
    index) and the sample, the busiest dates' events every n-th by id (n from `event_days`)."""
    busiest_dates = (
        select(EventDay.date)
        .where(rollup_range(query))
        .order_by(EventDay.events.desc(), EventDay.date)
        .limit(busiest)
    )
    stride = (
        select(_stride(func.coalesce(func.sum(EventDay.events), 0), cap))
        .where(rollup_range(query), EventDay.date.in_(busiest_dates))
        .scalar_subquery()
    )
    counts = select(
        select(func.sum(EventDay.events))
        .where(rollup_range(query))
        .scalar_subquery()
        .label("dated"),
        select(func.count(EventRow.id))
        .where(EventRow.date.is_(None))
        .scalar_subquery()
        .label("undated"),
    ).subquery("key_counts")
    return counts, and_(EventRow.date.in_(busiest_dates), EventRow.id % stride == 0)


def _topic_key_parts(query: EventQuery, cap: int, backend: str) -> tuple[Any, ColumnElement[bool]]:
    """A topic's counts (as `count`) and which of its events the sample keeps.

    The topic's ids are counted in one pass that also tests each against the corpus's undated
    events (a few thousand, read from the date index once and hashed): joined instead,
    PostgreSQL sorted the topic's 40,000 ids to merge them (about 10 ms), or, estimating a few
    hundred ids, probed `events` once per id (0.4 s). The words' index follows `events` by its
    triggers (a forgotten article's events leave it by the cascade's delete trigger), so its
    ids are counted without a look-up in `events` each: that check took 15 ms for the 11,500
    events holding "donald" and "trump".
    """
    ids = topic_ids(query.topic or "", backend).cte("topic_ids")
    undated_ids = select(EventRow.id).where(EventRow.date.is_(None))
    every = (
        select(
            func.count().label("events"),
            func.count().filter(ids.c.id.in_(undated_ids)).label("undated"),
        )
        .select_from(ids)
        .subquery("topic_counts")
    )
    undated = every.c.undated
    dated: ColumnElement[Any]
    if query.has_range:
        in_range = range_clause(query.start, query.end)
        in_topic = EventRow.id.in_(select(ids.c.id))
        dated = select(func.count(EventRow.id)).where(in_range, in_topic).scalar_subquery()
    else:  # every id is an event's: the dated ones are the rest
        dated = every.c.events - undated
    counts = select(dated.label("dated"), undated.label("undated")).cte("key_counts")
    stride = select(_stride(counts.c.dated, cap)).scalar_subquery()
    return counts, EventRow.id.in_(select(ids.c.id).where(ids.c.id % stride == 0))


class KeyDateReads:
    """The key-date reads of `storage.timeline.TimelineRepository`, one session per call."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        bind = sessions.kw.get("bind")
        self._backend = bind.dialect.name if bind is not None else ""

    async def key_candidates(
        self,
        query: EventQuery,
        limit: int = KEY_CANDIDATE_CAP,
        stride: int = 1,
        busiest: int = KEY_BUSIEST_DATES,
    ) -> list[KeyRow]:
        """The ranking rows of `key_read` with a stride the caller chose (a topic's every
        `stride`-th event by id); without a topic the stride is the busiest dates' own."""
        if has_topic(query):
            ids = topic_ids(query.topic or "", self._backend).cte("topic_ids")
            sample = _key_sample(
                query, EventRow.id.in_(select(ids.c.id).where(ids.c.id % stride == 0)), limit
            )
            async with self._sessions() as session:
                return [KeyRow(*row) for row in (await core(session, sample)).all()]
        return (await self.key_read(query, limit, busiest))[1]

    async def key_read(
        self, query: EventQuery, limit: int = KEY_CANDIDATE_CAP, busiest: int = KEY_BUSIEST_DATES
    ) -> tuple[EventCounts, list[KeyRow]]:
        """The matching events' counts and the key-date ranking's rows, in one statement.

        The rows are the dated events' dates and articles, no text, at most `limit` of them,
        every n-th by id past it (ordered by id, so a sample a little over `limit` is cut the
        same way each time). A topic's n is its dated events over `limit`; its event ids are
        looked up once for the counts and the sample both (the words' index is most of the
        cost), and only the sampled ids are read from `events`. Without a topic the rows are
        the events of the `busiest` busiest dates of the range (`event_days`), every n-th by id
        when they are more than `limit`, read by the date index: the read comes in date order,
        and a cut at `limit` would drop the range's last dates whole. The counts ride on every
        row (one row of counts alone when nothing is sampled). On PostgreSQL a topic over all
        dates is read in parts instead (`_key_read_in_parts`): the same counts and rows.
        """
        cap = max(limit, 1)
        if has_topic(query) and not query.has_range and self._backend == "postgresql":
            return await self._key_read_in_parts(query, cap, limit)
        if has_topic(query):
            counts, sampled = _topic_key_parts(query, cap, self._backend)
        else:
            counts, sampled = _corpus_key_parts(query, cap, busiest)
        sample = _key_sample(query, sampled, limit).subquery("sample")
        stmt = (
            select(counts.c.dated, counts.c.undated, *sample.c)
            .select_from(counts.outerjoin(sample, true()))
            .order_by(sample.c.id)
        )
        async with self._sessions() as session:
            rows = (await core(session, stmt)).all()
        found = EventCounts(dated=int(rows[0][0] or 0), undated=int(rows[0][1] or 0))
        # the range clause keeps only dated events: a sampled row's date is never None
        return found, [KeyRow(*row[2:]) for row in rows if row[2] is not None]

    async def _key_read_in_parts(
        self, query: EventQuery, cap: int, limit: int
    ) -> tuple[EventCounts, list[KeyRow]]:
        """`key_read` of a topic over all dates on PostgreSQL, in parts: the ids of the topic's
        two halves and of the undated events, read at once on three connections (each as one
        array), counted and sampled here, then the sampled events' rows.

        The one statement runs its parts one after the other in one server process; for the
        benchmark topic (39,000 events by entity, 11,500 by words) that took 55-75 ms, these
        reads 45-48 ms. Same counts and rows (tests/storage/test_timeline_key_read.py). With a
        range the dated count needs each event's date, and the one statement stays.
        """
        undated_ids = select(EventRow.id).where(EventRow.date.is_(None))
        parts = (undated_ids, *topic_parts(query.topic or "", self._backend))
        undated_found, *halves = await asyncio.gather(*(self._id_array(p) for p in parts))
        ids: set[int] = set().union(*halves)
        undated = len(ids.intersection(undated_found))
        dated = len(ids) - undated
        stride = math.ceil(dated / cap) if dated > cap else 1
        sampled = sorted(i for i in ids if i % stride == 0)
        rows: list[KeyRow] = []
        if sampled:
            stmt = _key_sample(query, one_of(EventRow.id, sampled, self._backend), limit)
            async with self._sessions() as session:
                rows = [KeyRow(*row) for row in (await core(session, stmt)).all()]
        return EventCounts(dated=dated, undated=undated), rows

    async def _id_array(self, ids: Any) -> list[int]:
        """A SELECT of ids, read as one PostgreSQL array (one value to decode, not a row each)."""
        found = ids.subquery()
        async with self._sessions() as session:
            return (await core(session, select(func.array_agg(found.c.id)))).scalar_one() or []

    async def told(
        self, ids: list[int], weighing: list[int]
    ) -> tuple[list[Told], dict[int, list[Named]]]:
        """These events in id order, each beside its whole stored sentence (an event keeps only
        the clause of its date when its sentence is long, and a key date tells the whole
        sentence when it fits), and the entities of the `weighing` ones (those that weigh the
        topic's entities; the others' are never used), in one session."""
        if not ids:
            return [], {}
        stmt = (
            select(EventRow.id, EventRow.text, Sentence.text)
            .outerjoin(
                Sentence,
                and_(
                    Sentence.article_id == EventRow.article_id,
                    Sentence.position == EventRow.sentence,
                ),
            )
            .where(one_of(EventRow.id, ids, self._backend))
            .order_by(EventRow.id)
        )
        async with self._sessions() as session:
            rows = (await core(session, stmt)).all()
            entities = await entities_of(session, weighing)
        return [Told(*row) for row in rows], entities

    async def naming(self, days: list[Day], article_ids: list[int]) -> dict[Day, list[int]]:
        """Which of these articles name each of these days outright."""
        async with self._sessions() as session:
            return await named_days.naming(session, days, article_ids)

    async def refs(self, article_ids: list[int]) -> dict[int, ArticleRef]:
        """The citations of these articles (those an answer shows)."""
        if not article_ids:
            return {}
        stmt = select(*REF_COLUMNS).where(one_of(Article.id, article_ids, self._backend))
        async with self._sessions() as session:
            return {row.id: ref_from_row(row) for row in await core(session, stmt)}

    async def leads(self, article_ids: list[int], first: int) -> list[tuple[int, int, int, str]]:
        """The first `first` sentences of these articles that name no date of their own (no
        event was read from them), as (sentence id, article id, position, text): how an
        article reporting a day tells that day's news.

        PostgreSQL reads them without a parallel worker: for the hundred articles of a busy
        topic it planned one (the sentences table is large), whose start took 10 ms of a read
        that takes 2 ms alone."""
        if not article_ids:
            return []
        dated = select(EventRow.id).where(
            EventRow.article_id == Sentence.article_id, EventRow.sentence == Sentence.position
        )
        stmt = (
            select(Sentence.id, Sentence.article_id, Sentence.position, Sentence.text)
            .where(
                one_of(Sentence.article_id, article_ids, self._backend),
                Sentence.position < first,
                ~dated.exists(),
            )
            .order_by(Sentence.article_id, Sentence.position)
        )
        async with self._sessions() as session:
            if self._backend == "postgresql":  # for this transaction only
                await core(session, text("SET LOCAL max_parallel_workers_per_gather = 0"))
            return [tuple(row) for row in (await core(session, stmt)).all()]
