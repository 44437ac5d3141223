"""What `who NAME` shows about one entity: aliases, mentions over time, company it keeps.

Mentions are dated by their article's publication date. "Appears with" counts the sentences an
entity shares with another (same sentence, not merely the same article: two names in one sentence
are about each other far more often than two names in one article). Nationality and group words
("Russian", "Iranian") and the catch-all "other" kind are left out of it: they accompany everyone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, distinct, extract, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.articles import REF_COLUMNS, ref_from_row
from storage.models import Article, Entity, EntityAlias, Mention
from storage.records_cite import ArticleRef

PEOPLE = ("person",)
OTHERS = ("place", "org")


@dataclass(frozen=True)
class MonthCount:
    """Mentions in articles published in one month; year and month are None for undated ones."""

    year: int | None
    month: int | None
    mentions: int
    articles: int


@dataclass(frozen=True)
class Companion:
    """An entity named in the same sentences, and in how many."""

    name: str
    kind: str
    sentences: int


@dataclass(frozen=True)
class EntityProfile:
    """Everything `who` reports that the mentions and aliases tables hold."""

    id: int
    name: str
    kind: str
    aliases: tuple[str, ...]
    alias_count: int
    months: tuple[MonthCount, ...]  # dated months oldest first, then one undated row if any
    first: ArticleRef | None
    last: ArticleRef | None
    people: tuple[Companion, ...]
    others: tuple[Companion, ...]

    @property
    def mentions(self) -> int:
        """Mentions in the whole corpus."""
        return sum(m.mentions for m in self.months)

    @property
    def articles(self) -> int:
        """Articles that mention it (each article falls in exactly one month or undated)."""
        return sum(m.articles for m in self.months)


async def _aliases(session: AsyncSession, entity: Any, limit: int) -> tuple[tuple[str, ...], int]:
    """The canonical name first, then the shortest ways it was written."""
    own = select(EntityAlias.alias).where(EntityAlias.entity_id == entity.id)
    rows = await session.scalars(
        own.order_by(
            (EntityAlias.alias == entity.name).desc(),
            func.length(EntityAlias.alias),
            EntityAlias.alias,
        ).limit(limit)
    )
    total = await session.scalar(
        select(func.count(EntityAlias.id)).where(EntityAlias.entity_id == entity.id)
    )
    return tuple(rows), int(total or 0)


async def _months(session: AsyncSession, entity_id: int) -> tuple[MonthCount, ...]:
    """One GROUP BY over the entity's mentions joined with their articles' dates."""
    year = extract("year", Article.published)
    month = extract("month", Article.published)
    rows = await session.execute(
        select(
            year.label("year"),
            month.label("month"),
            func.count(Mention.id).label("mentions"),
            func.count(distinct(Mention.article_id)).label("articles"),
        )
        .join(Article, Article.id == Mention.article_id)
        .where(Mention.entity_id == entity_id)
        .group_by(year, month)
    )
    counts = [
        MonthCount(
            year=None if r.year is None else int(r.year),
            month=None if r.month is None else int(r.month),
            mentions=int(r.mentions),
            articles=int(r.articles),
        )
        for r in rows
    ]
    return tuple(sorted(counts, key=lambda m: (m.year is None, m.year or 0, m.month or 0)))


async def _edge(session: AsyncSession, entity_id: int, *, latest: bool) -> ArticleRef | None:
    """The earliest (or latest) dated article that mentions the entity."""
    mentioning = select(Mention.article_id).where(Mention.entity_id == entity_id)
    order = Article.published.desc() if latest else Article.published.asc()
    row = (
        await session.execute(
            select(*REF_COLUMNS)
            .where(Article.id.in_(mentioning), Article.published.is_not(None))
            .order_by(order, Article.id.desc() if latest else Article.id)
            .limit(1)
        )
    ).first()
    return ref_from_row(row) if row else None


async def _companions(
    session: AsyncSession, entity_id: int, limit: int
) -> tuple[tuple[Companion, ...], tuple[Companion, ...]]:
    """People, and places and organisations, sharing the most sentences with this entity.

    One pass over the shared sentences for both lists (each list used to repeat it), split
    afterwards; the index on mentions (article_id, sentence, entity_id) answers the lookups.
    """
    mine = (
        select(Mention.article_id, Mention.sentence)
        .where(Mention.entity_id == entity_id)
        .distinct()
        .subquery()
    )
    shared = (
        select(Mention.entity_id, Mention.article_id, Mention.sentence)
        .join(
            mine, and_(Mention.article_id == mine.c.article_id, Mention.sentence == mine.c.sentence)
        )
        .where(Mention.entity_id != entity_id)
        .distinct()
        .subquery()
    )
    n = func.count().label("n")
    rows = await session.execute(
        select(Entity.name, Entity.kind, n)
        .join(shared, shared.c.entity_id == Entity.id)
        .where(Entity.kind.in_(PEOPLE + OTHERS))
        .group_by(Entity.id, Entity.name, Entity.kind)
        .order_by(n.desc(), Entity.name)
    )
    found = [Companion(name=r.name, kind=r.kind, sentences=int(r.n)) for r in rows]
    people = tuple(c for c in found if c.kind in PEOPLE)[:limit]
    others = tuple(c for c in found if c.kind in OTHERS)[:limit]
    return people, others


class ProfileRepository:
    """Builds entity profiles in one session per call."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def profile(self, entity_id: int, top: int = 8) -> EntityProfile | None:
        """The entity's profile; None when there is no such entity."""
        async with self._sessions() as session:
            entity = (
                await session.execute(
                    select(Entity.id, Entity.name, Entity.kind).where(Entity.id == entity_id)
                )
            ).first()
            if entity is None:
                return None
            aliases, alias_count = await _aliases(session, entity, top)
            people, others = await _companions(session, entity_id, top)
            return EntityProfile(
                id=entity.id,
                name=entity.name,
                kind=entity.kind,
                aliases=aliases,
                alias_count=alias_count,
                months=await _months(session, entity_id),
                first=await _edge(session, entity_id, latest=False),
                last=await _edge(session, entity_id, latest=True),
                people=people,
                others=others,
            )
