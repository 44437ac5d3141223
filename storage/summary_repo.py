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
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    cast,
    distinct,
    func,
    select,
    true,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage import named_days
from storage.articles import REF_COLUMNS, article_refs, ref_from_row
from storage.models import Article, ArticleTerm, Entity, EntityAlias, EventRow, Mention, Sentence
from storage.records_cite import ArticleRef
from storage.topics import topic_entities, topic_key

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
    sentence: int = 0  # its place in the article; -1 a photo caption


def _published(start: date | None, end: date | None) -> ColumnElement[bool]:
    """Articles published in the range; with no range at all, undated articles count too."""
    clauses = []
    if start is not None:
        clauses.append(Article.published >= start)
    if end is not None:
        clauses.append(Article.published <= end)
    return and_(*clauses) if clauses else true()


def _most_relevant(
    entity_ids: Sequence[int], term: str, start: date | None, end: date | None, limit: int
) -> Select[*tuple[Any, ...]]:
    """The `limit` articles with the most mentions of the entities plus uses of the term.

    Relevance is summed per article from the indexes alone; articles are read only for the
    date filter, or (no dates given) only those at or above the `limit`-th relevance: the most
    named person has thousands of articles, and reading every one to rank them cost more than
    all the rest of a summary.
    """
    weights = union_all(
        # an integer count: PostgreSQL sums bigints as numerics, several times slower
        select(Mention.article_id.label("article_id"), cast(func.count(), Integer).label("weight"))
        .where(Mention.entity_id.in_(entity_ids))
        .group_by(Mention.article_id),
        select(ArticleTerm.article_id.label("article_id"), ArticleTerm.count.label("weight")).where(
            ArticleTerm.term == term
        ),
    ).subquery()
    per_article = (
        select(weights.c.article_id, func.sum(weights.c.weight).label("relevance"))
        .group_by(weights.c.article_id)
        .cte("relevance")
    )
    relevance = per_article.c.relevance
    query = (
        select(*REF_COLUMNS)
        .join(per_article, per_article.c.article_id == Article.id)
        .where(_published(start, end))
        .order_by(relevance.desc(), Article.published.desc(), Article.id)
        .limit(limit)
    )
    if start is None and end is None:
        cut = select(relevance).order_by(relevance.desc()).offset(limit - 1).limit(1)
        query = query.where(relevance >= func.coalesce(cut.scalar_subquery(), relevance))
    return query


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
        """The articles most about a topic: mentions of an entity by that name plus term uses.

        The named entities are resolved first, so that SQLite counts one entity's mentions per
        article in index order rather than sorting them all.
        """
        async with self._sessions() as session:
            named = list(await session.scalars(topic_entities(topic)))
            query = _most_relevant(named, topic_key(topic), start, end, limit)
            return [ref_from_row(row) for row in await session.execute(query)]

    async def topic_aliases(self, topic: str) -> list[str]:
        """Every way the corpus writes the entities a topic names, people's surnames included.

        The entities are resolved first: given as a subquery, SQLite looked for the surnames by
        reading every person in the kind index instead of the few ids by primary key.
        """
        async with self._sessions() as session:
            named = list(await session.scalars(topic_entities(topic)))
            if not named:
                return []
            aliases = select(EntityAlias.alias_key).where(EntityAlias.entity_id.in_(named))
            surnames = select(Entity.surname).where(
                Entity.id.in_(named), Entity.kind == "person", Entity.surname != ""
            )
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
            return [StoredSentence(a, p, t) for a, p, t in rows.all()]

    async def people(self, article_ids: Sequence[int], limit: int = 5) -> list[PersonCount]:
        """The people these articles mention most."""
        # counted per entity over the articles' own mentions first, then each entity's name
        # looked up by primary key (NULL when not a person): joined instead, SQLite (no planner
        # statistics) started from every person, and PostgreSQL hashed all of them
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
        person = (
            select(Entity.name)
            .where(Entity.id == per_entity.c.entity_id, Entity.kind == "person")
            .scalar_subquery()
        )
        named = select(
            person.label("name"), per_entity.c.mentions, per_entity.c.articles
        ).subquery()
        query = (
            select(named.c.name, named.c.mentions, named.c.articles)
            .where(named.c.name.is_not(None))
            .order_by(named.c.mentions.desc(), named.c.name)
            .limit(limit)
        )
        async with self._sessions() as session:
            rows = await session.execute(query)
            return [PersonCount(name, int(n), int(a)) for name, n, a in rows.all()]

    async def naming(
        self, days: Sequence[date], article_ids: Sequence[int]
    ) -> dict[date, list[int]]:
        """Which of these articles name each of these days outright (`storage.named_days`)."""
        async with self._sessions() as session:
            return await named_days.naming(session, days, article_ids)

    async def dated_events(self, article_ids: Sequence[int]) -> list[DatedEvent]:
        """The resolved event dates of these articles, oldest first."""
        query = (
            select(
                EventRow.article_id,
                EventRow.date,
                EventRow.precision,
                EventRow.expression,
                EventRow.sentence,
            )
            .where(EventRow.article_id.in_(article_ids), EventRow.date.is_not(None))
            .order_by(EventRow.date, EventRow.article_id, EventRow.sentence)
        )
        async with self._sessions() as session:
            rows = await session.execute(query)
            return [DatedEvent(a, d, p, e, n) for a, d, p, e, n in rows.all() if d is not None]
