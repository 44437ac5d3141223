"""What `/compare` reads: per-period counts of entities and terms, aggregated in SQL.

A period is a closed range of publication dates; undated articles belong to no period. A topic
narrows the articles to those that mention an entity it names (alias, key or surname) or use it
as a term: `storage.topics.topic_articles`, the resolver every command shares. Every query
filters on the indexed `articles.published` and groups in the database: the corpus is never
loaded into Python.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    extract,
    func,
    or_,
    select,
)
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage import compare_months as months
from storage.articles import REF_COLUMNS, ref_from_row
from storage.models import Article, ArticleTerm, Entity, Mention, QuoteRow, Sentence
from storage.records_cite import ArticleRef
from storage.topics import topic_articles

log = logging.getLogger(__name__)

ENTITY_KINDS = ("person", "place", "org")
VOCABULARY_LIMIT = 2000  # per kind: the items used most (relative to side size) are scored


@dataclass(frozen=True)
class DateRange:
    """A closed range of publication dates."""

    start: date
    end: date


@dataclass(frozen=True)
class ItemCounts:
    """One entity or term: its counts in each period and in the whole corpus."""

    key: str  # entity id as text, or the term itself
    name: str
    kind: str  # person | place | org | term
    count_a: int
    count_b: int
    corpus: int


@dataclass(frozen=True)
class PeriodCounts:
    """Both periods' articles and every item they use, with the totals per kind."""

    articles_a: int
    articles_b: int
    items: tuple[ItemCounts, ...]
    totals: Mapping[str, tuple[int, int]]  # kind -> (all counts in a, all counts in b)


@dataclass(frozen=True)
class SentenceHit:
    """A sentence of a period picked as representative, with its article."""

    ref: ArticleRef
    position: int
    text: str


@dataclass(frozen=True)
class QuoteHit:
    """A stored quote with its speaker and article."""

    ref: ArticleRef
    speaker: str
    text: str
    kind: str


def in_period(period: DateRange, topic: str | None) -> ColumnElement[bool]:
    """The filter on `Article` for a period (and topic)."""
    clause: ColumnElement[bool] = Article.published.between(period.start, period.end)
    if topic:
        clause = and_(clause, Article.id.in_(topic_articles(topic)))
    return clause


def _flag(period: DateRange) -> ColumnElement[int]:
    return case((Article.published.between(period.start, period.end), 1), else_=0)


class CompareRepository:
    """Aggregates two periods side by side, one session per call."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def years_with_articles(self, topic: str | None = None) -> list[int]:
        """The years that hold at least one dated article (about the topic)."""
        if not topic:
            async with self._sessions() as session:
                return await _years_by_seeks(session)
        year = extract("year", Article.published)
        query = (
            select(year)
            .where(Article.published.is_not(None), Article.id.in_(topic_articles(topic)))
            .group_by(year)
            .order_by(year)
        )
        async with self._sessions() as session:
            return [int(y) for y in (await session.scalars(query))]

    async def undated(self, topic: str | None = None) -> int:
        """How many articles (about the topic) have no publication date: they fit no period."""
        query = select(func.count(Article.id)).where(Article.published.is_(None))
        if topic:
            query = query.where(Article.id.in_(topic_articles(topic)))
        async with self._sessions() as session:
            return int(await session.scalar(query) or 0)

    async def articles(
        self, period: DateRange, topic: str | None = None, limit: int = 3
    ) -> list[ArticleRef]:
        """The period's newest articles, to cite for the side as a whole."""
        query = (
            select(*REF_COLUMNS)
            .where(in_period(period, topic))
            .order_by(Article.published.desc(), Article.id.desc())
            .limit(limit)
        )
        async with self._sessions() as session:
            return [ref_from_row(row) for row in await session.execute(query)]

    async def counts(self, a: DateRange, b: DateRange, topic: str | None = None) -> PeriodCounts:
        """Article counts, per-kind totals and the item counts of both periods."""
        either = or_(in_period(a, topic), in_period(b, topic))
        monthly = topic is None and all(months.whole_months(p.start, p.end) for p in (a, b))
        years_a, years_b = (months.whole_years(p.start, p.end) for p in (a, b))
        async with self._sessions() as session:
            articles = (
                await session.execute(select(func.sum(_flag(a)), func.sum(_flag(b))).where(either))
            ).one()
            if topic is None and years_a and years_b:
                totals, items = await _yearly_counts(self._sessions, years_a, years_b)
            elif monthly:
                totals, items = await _monthly_counts(session, a, b)
            else:
                totals = await _totals(session, a, b, either)
                items = await _entity_counts(session, a, b, either, totals)
                items += await _term_counts(session, a, b, either, totals)
        return PeriodCounts(
            articles_a=int(articles[0] or 0),
            articles_b=int(articles[1] or 0),
            items=tuple(items),
            totals=totals,
        )

    async def best_sentence(
        self, period: DateRange, topic: str | None, weights: Mapping[str, float]
    ) -> SentenceHit | None:
        """The period's sentence whose distinct entities weigh most; else its newest lead."""
        async with self._sessions() as session:
            hit = await _weighted_sentence(session, period, topic, weights)
            return hit or await _lead_sentence(session, period, topic)

    async def quote(
        self, period: DateRange, topic: str | None, speakers: Sequence[str]
    ) -> QuoteHit | None:
        """A quote by the first of `speakers` (entity ids) that has one, else any quote.

        Direct quotes first, then the newest. One query per speaker in turn, each reading only
        that speaker's quotes, then the period's newest direct quote, then its newest of any
        kind: ranking every quote of a year at once sorted some 40,000 rows at 100,000 articles.
        """
        order = {int(s): i for i, s in enumerate(speakers)}  # a repeated id keeps its last place
        async with self._sessions() as session:
            for speaker in sorted(order, key=order.__getitem__):
                row = await _first_quote(session, period, topic, QuoteRow.entity_id == speaker)
                if row is not None:
                    return _quote_hit(row)
            row = await _first_quote(session, period, topic, QuoteRow.kind == "direct")
            row = row or await _first_quote(session, period, topic, None)
        return None if row is None else _quote_hit(row)


async def _years_by_seeks(session: AsyncSession) -> list[int]:
    """The years of dated articles, one index seek per year on `articles.published` (grouping
    read every article: 50 ms and more at 100,000 articles)."""
    years: list[int] = []
    floor: date | None = None
    while True:
        query = select(func.min(Article.published)).where(Article.published.is_not(None))
        if floor is not None:
            query = query.where(Article.published >= floor)
        first = await session.scalar(query)
        if first is None:
            return years
        years.append(first.year)
        if first.year >= date.max.year:
            return years
        floor = date(first.year + 1, 1, 1)


async def _first_quote(
    session: AsyncSession, period: DateRange, topic: str | None, which: ColumnElement[bool] | None
) -> Row[*tuple[Any, ...]] | None:
    """The period's first quote among `which`: direct first, newest article, first in it."""
    query = (
        select(*REF_COLUMNS, QuoteRow.text, QuoteRow.kind, QuoteRow.speaker_text, Entity.name)
        .join(Article, Article.id == QuoteRow.article_id)
        .outerjoin(Entity, Entity.id == QuoteRow.entity_id)
        .where(in_period(period, topic))
        .order_by(
            (QuoteRow.kind == "direct").desc(),
            Article.published.desc(),
            QuoteRow.article_id,
            QuoteRow.start,
        )
        .limit(1)
    )
    if which is not None:
        query = query.where(which)
    return (await session.execute(query)).first()


def _quote_hit(row: Row[*tuple[Any, ...]]) -> QuoteHit:
    speaker = row.name or row.speaker_text
    return QuoteHit(ref=ref_from_row(row), speaker=speaker, text=row.text, kind=row.kind)


async def _yearly_counts(
    sessions: async_sessionmaker[AsyncSession], a: months.Years, b: months.Years
) -> tuple[dict[str, tuple[int, int]], list[ItemCounts]]:
    """Totals and item counts of two periods of whole years, from the yearly rollups.

    The four rankings (three entity kinds, terms) are independent: each runs in its own session,
    side by side, so the database works on them at once rather than one after another.
    """
    async with sessions() as session:
        totals = await months.year_totals(session, a, b, ENTITY_KINDS)

    async def entities(kind: str) -> list[ItemCounts]:
        n = totals.get(kind, (0, 0))
        async with sessions() as session:
            rows = await months.year_entity_rows(session, a, b, kind, n, limit=VOCABULARY_LIMIT)
        return [
            ItemCounts(str(r[0]), r[1], kind, int(r[3] or 0), int(r[4] or 0), int(r[2]))
            for r in rows
        ]

    async def terms() -> list[ItemCounts]:
        async with sessions() as session:
            rows = await months.year_term_rows(
                session, a, b, totals["term"], limit=VOCABULARY_LIMIT
            )
        return [
            ItemCounts(r[0], r[0], "term", int(r[1] or 0), int(r[2] or 0), int(r[3] or 0))
            for r in rows
        ]

    parts = await asyncio.gather(*(entities(kind) for kind in ENTITY_KINDS), terms())
    return totals, [item for part in parts for item in part]


async def _monthly_counts(
    session: AsyncSession, a: DateRange, b: DateRange
) -> tuple[dict[str, tuple[int, int]], list[ItemCounts]]:
    """Totals and item counts of two whole-month periods, from the monthly rollups."""
    pa, pb = (a.start, a.end), (b.start, b.end)
    totals = await months.kind_totals(session, pa, pb, ENTITY_KINDS)
    items: list[ItemCounts] = []
    for kind in ENTITY_KINDS:
        rows = await months.entity_rows(
            session, pa, pb, kind, totals.get(kind, (0, 0)), limit=VOCABULARY_LIMIT
        )
        items += [
            ItemCounts(str(r[0]), r[1], kind, int(r[3] or 0), int(r[4] or 0), int(r[2]))
            for r in rows
        ]
    terms = await months.term_rows(session, pa, pb, totals["term"], VOCABULARY_LIMIT)
    corpus = await months.corpus_uses(session, [r[0] for r in terms])
    items += [
        ItemCounts(r[0], r[0], "term", int(r[1] or 0), int(r[2] or 0), int(corpus.get(r[0], 0)))
        for r in terms
    ]
    return totals, items


async def _totals(
    session: AsyncSession, a: DateRange, b: DateRange, either: ColumnElement[bool]
) -> dict[str, tuple[int, int]]:
    """All entity mentions (per kind) and term uses in each period: the n of the statistic."""
    kinds = await session.execute(
        select(Entity.kind, func.sum(_flag(a)), func.sum(_flag(b)))
        .select_from(Mention)
        .join(Entity, Entity.id == Mention.entity_id)
        .join(Article, Article.id == Mention.article_id)
        .where(either, Entity.kind.in_(ENTITY_KINDS))
        .group_by(Entity.kind)
    )
    totals = {row[0]: (int(row[1] or 0), int(row[2] or 0)) for row in kinds}
    terms = (
        await session.execute(
            select(func.sum(_flag(a) * ArticleTerm.count), func.sum(_flag(b) * ArticleTerm.count))
            .join(Article, Article.id == ArticleTerm.article_id)
            .where(either)
        )
    ).one()
    totals["term"] = (int(terms[0] or 0), int(terms[1] or 0))
    return totals


def _relative_use(
    count_a: ColumnElement[int], count_b: ColumnElement[int], n: tuple[int, int]
) -> ColumnElement[int]:
    """count_a / n_a + count_b / n_b, scaled to integers: ranks items fairly for unequal sides."""
    return count_a * max(n[1], 1) + count_b * max(n[0], 1)


async def _entity_counts(
    session: AsyncSession,
    a: DateRange,
    b: DateRange,
    either: ColumnElement[bool],
    totals: Mapping[str, tuple[int, int]],
) -> list[ItemCounts]:
    """Mentions of each person, place and organisation per period, most used first."""
    items: list[ItemCounts] = []
    for kind in ENTITY_KINDS:
        count_a, count_b = func.sum(_flag(a)), func.sum(_flag(b))
        rows = await session.execute(
            select(Entity.id, Entity.name, Entity.mention_count, count_a, count_b)
            .select_from(Mention)
            .join(Entity, Entity.id == Mention.entity_id)
            .join(Article, Article.id == Mention.article_id)
            .where(either, Entity.kind == kind)
            .group_by(Entity.id, Entity.name, Entity.mention_count)
            .order_by(_relative_use(count_a, count_b, totals.get(kind, (0, 0))).desc(), Entity.id)
            .limit(VOCABULARY_LIMIT)
        )
        items += [
            ItemCounts(str(r[0]), r[1], kind, int(r[3] or 0), int(r[4] or 0), int(r[2]))
            for r in rows
        ]
    return items


async def _term_counts(
    session: AsyncSession,
    a: DateRange,
    b: DateRange,
    either: ColumnElement[bool],
    totals: Mapping[str, tuple[int, int]],
) -> list[ItemCounts]:
    """Uses of each content term per period, with its count over the whole corpus."""
    count_a = func.sum(_flag(a) * ArticleTerm.count)
    count_b = func.sum(_flag(b) * ArticleTerm.count)
    rows = (
        await session.execute(
            select(ArticleTerm.term, count_a, count_b)
            .join(Article, Article.id == ArticleTerm.article_id)
            .where(either)
            .group_by(ArticleTerm.term)
            .order_by(_relative_use(count_a, count_b, totals["term"]).desc(), ArticleTerm.term)
            .limit(VOCABULARY_LIMIT)
        )
    ).all()
    if not rows:
        return []
    corpus = await months.corpus_uses(session, [r[0] for r in rows])
    return [
        ItemCounts(r[0], r[0], "term", int(r[1] or 0), int(r[2] or 0), int(corpus.get(r[0], 0)))
        for r in rows
    ]


async def _weighted_sentence(
    session: AsyncSession, period: DateRange, topic: str | None, weights: Mapping[str, float]
) -> SentenceHit | None:
    """Sum the weights of the distinct weighted entities each sentence mentions; keep the best."""
    if not weights:
        return None
    present = (
        select(Mention.article_id, Mention.sentence, Mention.entity_id)
        .join(Article, Article.id == Mention.article_id)
        .where(in_period(period, topic), Mention.entity_id.in_([int(k) for k in weights]))
        .distinct()
        .subquery()
    )
    score = func.sum(
        case({int(k): w for k, w in weights.items()}, value=present.c.entity_id, else_=0.0)
    )
    best = (
        select(present.c.article_id, present.c.sentence, score.label("score"))
        .group_by(present.c.article_id, present.c.sentence)
        .order_by(score.desc(), present.c.sentence, present.c.article_id)
        .limit(1)
        .subquery()
    )
    query = (
        select(*REF_COLUMNS, Sentence.position, Sentence.text)
        .join(best, best.c.article_id == Article.id)
        .join(
            Sentence,
            and_(Sentence.article_id == best.c.article_id, Sentence.position == best.c.sentence),
        )
    )
    row = (await session.execute(query)).first()
    return None if row is None else SentenceHit(ref_from_row(row), row.position, row.text)


async def _lead_sentence(
    session: AsyncSession, period: DateRange, topic: str | None
) -> SentenceHit | None:
    """The first sentence of the period's newest article."""
    query = (
        select(*REF_COLUMNS, Sentence.position, Sentence.text)
        .join(Sentence, Sentence.article_id == Article.id)
        .where(in_period(period, topic), Sentence.position == 0)
        .order_by(Article.published.desc(), Article.id.desc())
        .limit(1)
    )
    row = (await session.execute(query)).first()
    return None if row is None else SentenceHit(ref_from_row(row), row.position, row.text)
