"""What `/summary` reads: an article's stored sentences, or a topic's most relevant articles, with
the people they mention most and the dates their events carry.

Every query is bounded by the articles summarised (one, or at most a dozen for a topic), never by
the size of the corpus.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_, distinct, func, literal, select, true, union_all
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.articles import REF_COLUMNS, article_refs, ref_from_row
from storage.compare_repo import topic_entities, topic_key
from storage.models import Article, ArticleTerm, Entity, EntityAlias, EventRow, Mention, Sentence
from storage.records_cite import ArticleRef

log = logging.getLogger(__name__)

MAX_POSITION = 80  # sentences past this point of an article are not offered to the summariser


@dataclass(frozen=True)
class StoredSentence:
    """One stored sentence and the article it belongs to."""

    article_id: int
    position: int
    text: str


@dataclass(frozen=True)
class PersonCount:
    """A person and how often the summarised articles mention them."""

    name: str
    mentions: int
    articles: int


@dataclass(frozen=True)
class DatedEvent:
    """A resolved event date from one of the summarised articles."""

    article_id: int
    date: date
    precision: str
    expression: str


def _published(start: date | None, end: date | None) -> ColumnElement[bool]:
    """Articles published in the range; with no range at all, undated articles count too."""
    clauses = []
    if start is not None:
        clauses.append(Article.published >= start)
    if end is not None:
        clauses.append(Article.published <= end)
    return and_(*clauses) if clauses else true()


class SummaryRepository:
    """Reads what a summary needs, one session per call."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def article(self, article_id: int) -> ArticleRef | None:
        """The citation of one article, None when there is no such article."""
        async with self._sessions() as session:
            return (await article_refs(session, [article_id])).get(article_id)

    async def topic_articles(
        self, topic: str, start: date | None, end: date | None, limit: int = 12
    ) -> list[ArticleRef]:
        """The articles most about a topic: mentions of an entity by that name plus term uses."""
        named = Mention.entity_id.in_(topic_entities(topic))
        weights = union_all(
            select(Mention.article_id.label("article_id"), literal(1).label("weight")).where(named),
            select(
                ArticleTerm.article_id.label("article_id"), ArticleTerm.count.label("weight")
            ).where(ArticleTerm.term == topic_key(topic)),
        ).subquery()
        relevance = func.sum(weights.c.weight)
        query = (
            select(*REF_COLUMNS)
            .join(weights, weights.c.article_id == Article.id)
            .where(_published(start, end))
            .group_by(*REF_COLUMNS)
            .order_by(relevance.desc(), Article.published.desc(), Article.id)
            .limit(limit)
        )
        async with self._sessions() as session:
            return [ref_from_row(row) for row in await session.execute(query)]

    async def topic_aliases(self, topic: str) -> list[str]:
        """Every way the corpus writes the entities a topic names, people's surnames included."""
        named = topic_entities(topic)
        aliases = select(EntityAlias.alias_key).where(EntityAlias.entity_id.in_(named))
        surnames = select(Entity.surname).where(
            Entity.id.in_(named), Entity.kind == "person", Entity.surname != ""
        )
        async with self._sessions() as session:
            return sorted(set(await session.scalars(aliases.union(surnames))))

    async def sentences(self, article_ids: Sequence[int]) -> list[StoredSentence]:
        """The stored sentences of these articles, in article and reading order."""
        query = (
            select(Sentence.article_id, Sentence.position, Sentence.text)
            .where(Sentence.article_id.in_(article_ids), Sentence.position < MAX_POSITION)
            .order_by(Sentence.article_id, Sentence.position)
        )
        async with self._sessions() as session:
            rows = await session.execute(query)
            return [StoredSentence(r.article_id, r.position, r.text) for r in rows]

    async def people(self, article_ids: Sequence[int], limit: int = 5) -> list[PersonCount]:
        """The people these articles mention most."""
        # counted per entity over the articles' own mentions first, then joined: without that,
        # SQLite (no planner statistics) starts from every person and reads all their mentions
        per_entity = (
            select(
                Mention.entity_id,
                func.count(Mention.id).label("mentions"),
                func.count(distinct(Mention.article_id)).label("articles"),
            )
            .where(Mention.article_id.in_(article_ids))
            .group_by(Mention.entity_id)
            .subquery()
        )
        query = (
            select(Entity.name, per_entity.c.mentions, per_entity.c.articles)
            .join(per_entity, per_entity.c.entity_id == Entity.id)
            .where(Entity.kind == "person")
            .order_by(per_entity.c.mentions.desc(), Entity.name)
            .limit(limit)
        )
        async with self._sessions() as session:
            rows = await session.execute(query)
            return [PersonCount(r[0], int(r[1]), int(r[2])) for r in rows]

    async def dated_events(self, article_ids: Sequence[int]) -> list[DatedEvent]:
        """The resolved event dates of these articles, oldest first."""
        query = (
            select(EventRow.article_id, EventRow.date, EventRow.precision, EventRow.expression)
            .where(EventRow.article_id.in_(article_ids), EventRow.date.is_not(None))
            .order_by(EventRow.date, EventRow.article_id, EventRow.sentence)
        )
        async with self._sessions() as session:
            rows = await session.execute(query)
            return [DatedEvent(r[0], r[1], r[2], r[3]) for r in rows if r[1] is not None]
