"""Quotes by one speaker, read from the `quotes` table that ingestion filled.

Only rows whose `entity_id` is the speaker are ever returned: never another person's words.
Order: newest article first (undated articles last), then the article's reading order.
A topic keeps the quotes whose words or sentence hold every word of it, or whose sentence names
an entity the topic names as every command resolves it (`storage.topics.topic_entities`: an
alias, a canonical name, a person's surname), so "Hassan Rouhani" finds "Rouhani".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, exists, func, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.articles import REF_COLUMNS, ref_from_row
from storage.models import Article, Entity, Mention, QuoteRow, Sentence
from storage.records_cite import ArticleRef
from storage.topics import topic_entities

Query = Select[*tuple[Any, ...]]


@dataclass(frozen=True)
class QuoteFilter:
    """What to keep: every topic word (lower case) in the quote or its sentence, or an entity
    the topic as typed (`topic_text`) names in that sentence; a date range."""

    topic: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    topic_text: str = ""

    @property
    def has_range(self) -> bool:
        """Whether a date bound was given (undated articles are then left out)."""
        return self.start is not None or self.end is not None


@dataclass(frozen=True)
class QuoteRecord:
    """One stored quote with its speaker (canonical and as written) and its article."""

    id: int
    article: ArticleRef
    entity_id: int
    speaker_name: str
    speaker_text: str
    text: str
    kind: str
    cue: str | None
    sentence: int


@dataclass(frozen=True)
class ArticleQuote:
    """A quote as ingestion stored it for one article, linked to a person or not: what
    `analyst article N --quotes` lists, so a wrong or missing speaker is easy to see."""

    text: str
    kind: str
    cue: str | None
    speaker_text: str
    speaker_name: str | None  # the canonical entity `/quotes` finds it under; None: unlinked
    entity_id: int | None
    sentence: int
    start: int


@dataclass(frozen=True)
class QuoteCounts:
    """How many quotes the speaker has: in all, on the topic, within the range too."""

    total: int
    about: int
    matched: int
    undated_left_out: int


def _on_topic(wanted: QuoteFilter) -> ColumnElement[bool]:
    if not wanted.topic:
        return true()
    quote, sentence = func.lower(QuoteRow.text), func.lower(func.coalesce(Sentence.text, ""))
    words = and_(
        *(
            or_(quote.contains(w, autoescape=True), sentence.contains(w, autoescape=True))
            for w in wanted.topic
        )
    )
    if not wanted.topic_text.strip():
        return words
    named = exists().where(  # the (article, sentence, entity) index: one look-up per quote
        Mention.article_id == QuoteRow.article_id,
        Mention.sentence == QuoteRow.sentence,
        Mention.entity_id.in_(topic_entities(wanted.topic_text)),
    )
    return or_(words, named)


def _in_range(start: date | None, end: date | None) -> ColumnElement[bool]:
    conditions: list[ColumnElement[bool]] = [Article.published.is_not(None)]
    if start is not None:
        conditions.append(Article.published >= start)
    if end is not None:
        conditions.append(Article.published <= end)
    return and_(*conditions)


def _joined(query: Query, entity_id: int) -> Query:
    """The speaker's quotes joined with their article and sentence."""
    sentence = and_(
        Sentence.article_id == QuoteRow.article_id, Sentence.position == QuoteRow.sentence
    )
    return (
        query.select_from(QuoteRow)
        .join(Article, Article.id == QuoteRow.article_id)
        .outerjoin(Sentence, sentence)
        .where(QuoteRow.entity_id == entity_id)
    )


def _record(row: Any) -> QuoteRecord:
    return QuoteRecord(
        id=row.quote_id,
        article=ref_from_row(row),
        entity_id=row.entity_id,
        speaker_name=row.speaker_name,
        speaker_text=row.speaker_text,
        text=row.text,
        kind=row.kind,
        cue=row.cue,
        sentence=row.sentence,
    )


def _flag(condition: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


class QuotesRepository:
    """Reads quotes by speaker, one session per call."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def in_article(self, article_id: int) -> list[ArticleQuote]:
        """Every quote stored for an article, in reading order, linked or not."""
        query = (
            select(
                QuoteRow.text,
                QuoteRow.kind,
                QuoteRow.cue,
                QuoteRow.speaker_text,
                Entity.name,
                QuoteRow.entity_id,
                QuoteRow.sentence,
                QuoteRow.start,
            )
            .outerjoin(Entity, Entity.id == QuoteRow.entity_id)
            .where(QuoteRow.article_id == article_id)
            .order_by(QuoteRow.start, QuoteRow.id)
        )
        async with self._sessions() as session:
            return [ArticleQuote(*row) for row in await session.execute(query)]

    async def by_speaker(
        self, entity_id: int, wanted: QuoteFilter | None = None, limit: int = 20
    ) -> list[QuoteRecord]:
        """The speaker's quotes matching the filter, newest article first, undated last."""
        wanted = wanted or QuoteFilter()
        query = _joined(
            select(
                QuoteRow.id.label("quote_id"),
                QuoteRow.entity_id,
                QuoteRow.speaker_text,
                QuoteRow.text,
                QuoteRow.kind,
                QuoteRow.cue,
                QuoteRow.sentence,
                Entity.name.label("speaker_name"),
                *REF_COLUMNS,
            ).join(Entity, Entity.id == QuoteRow.entity_id),
            entity_id,
        ).where(_on_topic(wanted))
        if wanted.has_range:
            query = query.where(_in_range(wanted.start, wanted.end))
        query = query.order_by(
            Article.published.is_(None),
            Article.published.desc(),
            Article.id.desc(),
            QuoteRow.start,
            QuoteRow.id,
        ).limit(limit)
        async with self._sessions() as session:
            return [_record(r) for r in await session.execute(query)]

    async def counts(self, entity_id: int, wanted: QuoteFilter | None = None) -> QuoteCounts:
        """One aggregate over the speaker's quotes: totals behind the filter's answer."""
        wanted = wanted or QuoteFilter()
        topic = _on_topic(wanted)
        dated = _in_range(wanted.start, wanted.end) if wanted.has_range else true()
        query = _joined(
            select(
                func.count(QuoteRow.id).label("total"),
                _flag(topic).label("about"),
                _flag(and_(topic, dated)).label("matched"),
                _flag(and_(topic, Article.published.is_(None))).label("undated"),
            ),
            entity_id,
        )
        async with self._sessions() as session:
            row = (await session.execute(query)).one()
        return QuoteCounts(
            total=int(row.total),
            about=int(row.about),
            matched=int(row.matched),
            undated_left_out=int(row.undated) if wanted.has_range else 0,
        )
