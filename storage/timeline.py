"""Events for `analyst timeline`: filtered, ordered and limited in SQL, with their citations.

An event's `date` is the first day of the period it names and `precision` says how wide that
period is, so a range filter keeps a month- or year-precision event whose period overlaps the
range, not only those that start inside it. The filters are plain comparisons on `events.date`
(indexed) and an `IN` over `event_entities` of the entities `storage.topics` resolves (indexed).

Counts without a topic are summed from `event_days` (dated events per date and precision, kept
by `storage.rollups`): counting 855,750 events took a tenth of a second at 100,000 articles.
A topic's two counts come from one pass over its events, not one pass each.

Key dates read in two steps (`key_read`, then `told`): first the counts and the few columns the
date ranking needs of the matching dated events (no text, no entities), at most
`KEY_CANDIDATE_CAP` rows, in one statement that looks the topic's events up once; then the
text, citation and entities of only the events of the shortlisted dates.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, and_, case, column, func, or_, select, table, true, union
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.articles import REF_COLUMNS, ref_from_row
from storage.models import Article, Entity, EventDay, EventEntity, EventRow, Sentence
from storage.records_cite import ArticleRef
from storage.topics import topic_events, topic_key

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_WORD = re.compile(r"\w+")
TRIGRAM = 3  # the shortest pattern the trigram FTS5 index can answer
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


class DateCount(NamedTuple):
    """How many matching events fall on one (date, precision): what the chart draws. A named
    tuple, not a dataclass: a whole corpus's chart reads some 40,000 of them at 100k articles,
    and a frozen dataclass cost more to build than the query did."""

    date: date
    precision: str
    events: int


Day = date  # `date` is also a field name below


class KeyRow(NamedTuple):
    """What the key-date ranking needs of one dated event: its date and its article's facts.

    A named tuple, not a dataclass: thousands are made per answer, and a tuple is made 5× faster.
    """

    event_id: int
    date: Day
    precision: str
    sentence: int
    article_id: int
    outlet: str | None
    published: Day | None
    text: str = ""  # not read: the ranking needs no text
    entities: tuple[str, ...] = ()  # not read either


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _words_clause(words: list[str], backend: str, *, stored: bool = False) -> Any:
    """Ids of events whose text holds every word (case-insensitive substring), from an index.

    SQLite reads the trigram FTS5 table `events_fts` (migration 0005) for words of three
    letters or more (a MATCH of ASCII words, LIKE for others: `_fts_words`); shorter words are
    tested on `events.text` among those ids, never in the FTS query: SQLite 3.40's trigram
    table crashes the process (SIGSEGV) on a LIKE of fewer than three characters beside
    another. PostgreSQL's
    ILIKE uses the pg_trgm GIN index on `events.text` when the migration could create it.
    `stored` keeps only ids still in `events` (the FTS table is a separate index of it) for
    callers that count the ids without reading the events.
    """
    indexed = [w for w in words if len(w) >= TRIGRAM]
    plain = not any("_" in w or "%" in w for w in words)
    if backend == "sqlite" and plain and indexed:
        fts = table("events_fts", column("rowid"), column("text"))
        found = select(fts.c.rowid).where(_fts_words(fts, indexed))
        short = [w for w in words if len(w) < TRIGRAM]
        if not short:
            return select(EventRow.id).where(EventRow.id.in_(found)) if stored else found
        return select(EventRow.id).where(
            EventRow.id.in_(found),
            *(EventRow.text.ilike(f"%{_escape_like(w)}%", escape="\\") for w in short),
        )
    return select(EventRow.id).where(
        *(EventRow.text.ilike(f"%{_escape_like(w)}%", escape="\\") for w in words)
    )


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


def _topic_ids(topic: str, backend: str, *, stored: bool = False) -> Any:
    """Ids of the events naming an entity the topic names or holding every word of the topic.

    The entities are resolved as in every command (`storage.topics.topic_entities`: alias,
    canonical key or a person's surname). One UNION of indexed look-ups: an OR of the two
    would make both engines test the words against every event's text.
    """
    named = topic_events(topic)
    words = _WORD.findall(topic_key(topic))
    if not words:
        return named
    return union(named, _words_clause(words, backend, stored=stored))


def _topic_clause(topic: str | None, backend: str = "") -> ColumnElement[bool]:
    """Events naming an entity with that alias, or whose text holds every word of the topic."""
    if topic is None or not topic.strip():
        return true()
    return EventRow.id.in_(_topic_ids(topic, backend))


def _earliest_overlapping_start(start: date, precision: str) -> date:
    """The earliest first day an event of this precision may have and still reach `start`."""
    if precision == "week":
        return start - timedelta(days=6)
    if precision == "month":
        return start.replace(day=1)
    if precision == "year":
        return start.replace(month=1, day=1)
    return start


def _range_clause(
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


def _has_topic(query: EventQuery) -> bool:
    return bool(query.topic and query.topic.strip())


def _rollup_range(query: EventQuery) -> ColumnElement[bool]:
    """The range clause on `event_days`, for the counts of a query without a topic."""
    return _range_clause(query.start, query.end, EventDay.date, EventDay.precision)


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


async def _core(session: AsyncSession, stmt: Any) -> Any:
    """Run a Core statement on the session's connection: its rows are plain tuples, and the
    ORM's execution layer (events, identity map, result wrapping) costs a key-dates answer
    more than some of its queries do."""
    return await (await session.connection()).execute(stmt)


async def _entities_of(
    session: AsyncSession, ids: list[int]
) -> dict[int, list[tuple[str, str, str]]]:
    """The entities each event names, for all the events at once, most mentioned first.

    Two index reads, the links and then the few entities they name, joined here: joined in
    SQL, PostgreSQL hashes the whole entities table (120,000 rows at 100k articles) to
    match a few thousand links, and that took a key-dates answer 50 ms.
    """
    found: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    if not ids:
        return found
    links = (
        await _core(
            session,
            select(EventEntity.event_id, EventEntity.entity_id).where(
                EventEntity.event_id.in_(ids)
            ),
        )
    ).all()
    if not links:
        return found
    named = {
        row.id: row
        for row in await _core(
            session,
            select(Entity.id, Entity.key, Entity.name, Entity.kind, Entity.mention_count).where(
                Entity.id.in_(sorted({entity for _, entity in links}))
            ),
        )
    }
    order = sorted(
        (event, -named[entity].mention_count, named[entity].name, entity)
        for event, entity in links
        if entity in named
    )
    for event, _, _, entity in order:
        row = named[entity]
        found[event].append((row.key, row.name, row.kind))
    return found


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
        .where(_range_clause(query.start, query.end), sampled)
        .order_by(EventRow.id)
        .limit(limit)
    )


def _corpus_key_parts(query: EventQuery, cap: int, busiest: int) -> tuple[Any, ColumnElement[bool]]:
    """Without a topic: the counts (as `count`: the rollup's sum, the undated from the date
    index) and the sample, the busiest dates' events every n-th by id (n from `event_days`)."""
    busiest_dates = (
        select(EventDay.date)
        .where(_rollup_range(query))
        .order_by(EventDay.events.desc(), EventDay.date)
        .limit(busiest)
    )
    stride = (
        select(_stride(func.coalesce(func.sum(EventDay.events), 0), cap))
        .where(_rollup_range(query), EventDay.date.in_(busiest_dates))
        .scalar_subquery()
    )
    counts = select(
        select(func.sum(EventDay.events))
        .where(_rollup_range(query))
        .scalar_subquery()
        .label("dated"),
        select(func.count(EventRow.id))
        .where(EventRow.date.is_(None))
        .scalar_subquery()
        .label("undated"),
    ).subquery("key_counts")
    return counts, and_(EventRow.date.in_(busiest_dates), EventRow.id % stride == 0)


class TimelineRepository:
    """Read access to dated and undated events, one session per call."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        bind = sessions.kw.get("bind")
        self._backend = bind.dialect.name if bind is not None else ""

    def _topic(self, query: EventQuery) -> ColumnElement[bool]:
        return _topic_clause(query.topic, self._backend)

    async def _read(self, query: Any) -> list[EventRecord]:
        return [record for record, _ in await self._read_rows(query)]

    async def _read_rows(self, query: Any) -> list[tuple[EventRecord, Any]]:
        """Each event of the query with its entities, beside the row it was read from (for
        columns a caller added to `_event_select`)."""
        async with self._sessions() as session:
            rows = (await _core(session, query)).all()
            entities = await _entities_of(session, [r.event_id for r in rows])
        return [(_record(r, entities), r) for r in rows]

    async def dated(self, query: EventQuery, limit: int) -> list[EventRecord]:
        """Dated events oldest first (finer precision first on the same day), then by article."""
        matching = _range_clause(query.start, query.end)
        if _has_topic(query):
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
        if not _has_topic(query):
            return await self._count_all(query)
        if not query.has_range:
            return await self._count_topic(query.topic or "")
        in_range = _range_clause(query.start, query.end)
        stmt = select(
            func.count(case((in_range, EventRow.id))),
            func.count(case((EventRow.date.is_(None), EventRow.id))),
        ).where(self._topic(query))
        async with self._sessions() as session:
            dated, undated = (await _core(session, stmt)).one()
        return EventCounts(dated=int(dated or 0), undated=int(undated or 0))

    async def _count_topic(self, topic: str) -> EventCounts:
        """A topic's events over all dates: its ids counted, less the few without a date.

        Every id is an event's (a link's foreign key, or checked in `events`), so only the
        undated ones are looked up, from the date index, instead of every event's row.
        """
        ids = _topic_ids(topic, self._backend, stored=True).cte("topic_events")
        every = select(func.count()).select_from(ids).scalar_subquery()
        undated = (
            select(func.count(EventRow.id))
            .where(EventRow.date.is_(None), EventRow.id.in_(select(ids.c.id)))
            .scalar_subquery()
        )
        async with self._sessions() as session:
            total, without = (await _core(session, select(every, undated))).one()
        return EventCounts(dated=int(total) - int(without), undated=int(without))

    async def _count_all(self, query: EventQuery) -> EventCounts:
        """Without a topic: dated events summed from the rollup, undated ones from the index."""
        dated = select(func.sum(EventDay.events)).where(_rollup_range(query))
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
            found = (await _core(session, select(first, last))).one()
        return EventSpan(first=found[0], last=found[1])

    async def date_counts(self, query: EventQuery) -> list[DateCount]:
        """Matching dated events counted per (date, precision), oldest first."""
        stmt: Any
        if not _has_topic(query):
            stmt = (
                select(EventDay.date, EventDay.precision, EventDay.events)
                .where(_rollup_range(query))
                .order_by(EventDay.date, EventDay.precision)
            )
        else:
            stmt = (
                select(EventRow.date, EventRow.precision, func.count(EventRow.id))
                .where(_range_clause(query.start, query.end), self._topic(query))
                .group_by(EventRow.date, EventRow.precision)
                .order_by(EventRow.date, EventRow.precision)
            )
        async with self._sessions() as session:  # Core rows: no ORM loading for plain columns
            rows = (await _core(session, stmt)).all()
        return [DateCount(d, p, int(n)) for d, p, n in rows if d is not None]

    async def key_candidates(
        self,
        query: EventQuery,
        limit: int = KEY_CANDIDATE_CAP,
        stride: int = 1,
        busiest: int = KEY_BUSIEST_DATES,
    ) -> list[KeyRow]:
        """The ranking rows of `key_read` with a stride the caller chose (a topic's every
        `stride`-th event by id); without a topic the stride is the busiest dates' own."""
        if _has_topic(query):
            ids = _topic_ids(query.topic or "", self._backend).cte("topic_ids")
            sample = _key_sample(
                query, EventRow.id.in_(select(ids.c.id).where(ids.c.id % stride == 0)), limit
            )
            async with self._sessions() as session:
                return [KeyRow(*row) for row in (await _core(session, sample)).all()]
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
        row (one row of counts alone when nothing is sampled).
        """
        cap = max(limit, 1)
        if _has_topic(query):
            counts, sampled = self._topic_key_parts(query, cap)
        else:
            counts, sampled = _corpus_key_parts(query, cap, busiest)
        sample = _key_sample(query, sampled, limit).subquery("sample")
        stmt = (
            select(counts.c.dated, counts.c.undated, *sample.c)
            .select_from(counts.outerjoin(sample, true()))
            .order_by(sample.c.id)
        )
        async with self._sessions() as session:
            rows = (await _core(session, stmt)).all()
        found = EventCounts(dated=int(rows[0][0] or 0), undated=int(rows[0][1] or 0))
        # the range clause keeps only dated events: a sampled row's date is never None
        return found, [KeyRow(*row[2:]) for row in rows if row[2] is not None]

    def _topic_key_parts(self, query: EventQuery, cap: int) -> tuple[Any, ColumnElement[bool]]:
        """A topic's counts (as `count`) and which of its events the sample keeps.

        The undated are counted from the date index, each probed in the topic's ids (a few
        thousand undated events in the corpus, where the topic may have tens of thousands). The
        words' index follows `events` by its triggers (a forgotten article's events leave it by
        the cascade's delete trigger), so its ids are counted without a look-up in `events`
        each: that check took 15 ms for the 11,500 events holding "donald" and "trump".
        """
        ids = _topic_ids(query.topic or "", self._backend).cte("topic_ids")
        # PostgreSQL estimates the topic's ids at a few hundred and would probe `events` once
        # per id (0.4 s for 39,750); materialized, the two sets are hashed and joined
        every_undated = (
            select(EventRow.id)
            .where(EventRow.date.is_(None))
            .cte("undated_events")
            .prefix_with("MATERIALIZED", dialect="postgresql")
        )
        undated = (
            select(func.count().label("undated"))
            .select_from(every_undated.join(ids, ids.c.id == every_undated.c.id))
            .subquery("topic_undated")
        )
        dated: ColumnElement[Any]
        if query.has_range:
            in_range = _range_clause(query.start, query.end)
            in_topic = EventRow.id.in_(select(ids.c.id))
            dated = select(func.count(EventRow.id)).where(in_range, in_topic).scalar_subquery()
        else:  # every id is an event's: the dated ones are the rest
            dated = select(func.count()).select_from(ids).scalar_subquery() - undated.c.undated
        counts = select(dated.label("dated"), undated.c.undated).cte("key_counts")
        stride = select(_stride(counts.c.dated, cap)).scalar_subquery()
        return counts, EventRow.id.in_(select(ids.c.id).where(ids.c.id % stride == 0))

    async def told(self, ids: list[int]) -> list[tuple[EventRecord, str | None]]:
        """These events in id order, with their text, citation and entities, each beside its
        whole stored sentence (None for a caption's): an event keeps only the clause of its
        date when its sentence is long, and a key date tells the whole sentence when it fits.
        One read for both."""
        if not ids:
            return []
        stmt = (
            _event_select()
            .add_columns(Sentence.text.label("whole"))
            .outerjoin(
                Sentence,
                and_(
                    Sentence.article_id == EventRow.article_id,
                    Sentence.position == EventRow.sentence,
                ),
            )
            .where(EventRow.id.in_(ids))
            .order_by(EventRow.id)
        )
        return [(record, row.whole) for record, row in await self._read_rows(stmt)]

    async def leads(self, article_ids: list[int], first: int) -> list[tuple[int, int, int, str]]:
        """The first `first` sentences of these articles that name no date of their own (no
        event was read from them), as (sentence id, article id, position, text): how an
        article reporting a day tells that day's news."""
        if not article_ids:
            return []
        dated = select(EventRow.id).where(
            EventRow.article_id == Sentence.article_id, EventRow.sentence == Sentence.position
        )
        stmt = (
            select(Sentence.id, Sentence.article_id, Sentence.position, Sentence.text)
            .where(
                Sentence.article_id.in_(article_ids),
                Sentence.position < first,
                ~dated.exists(),
            )
            .order_by(Sentence.article_id, Sentence.position)
        )
        async with self._sessions() as session:
            return [tuple(row) for row in (await _core(session, stmt)).all()]
