"""What `who NAME` shows about one entity: aliases, mentions over time, company it keeps.

Mentions are dated by their article's publication date. "Appears with" counts the sentences an
entity shares with another (same sentence, not merely the same article: two names in one sentence
are about each other far more often than two names in one article). Nationality and group words
("Russian", "Iranian") and the catch-all "other" kind are left out of it: they accompany everyone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.articles import REF_COLUMNS, ref_from_row
from storage.models import (
    Article,
    Entity,
    EntityAlias,
    EntityCompanion,
    EntityMonth,
    Mention,
    QuoteRow,
)
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
    """Dated months from the `entity_months` rollup, then the undated articles' own count.

    The rollup holds what a GROUP BY over every mention joined with its article's date would
    give; undated articles have no month there and are counted one by one (few of them, each an
    index look-up, so the cost follows the undated articles, not the entity's mentions).
    """
    rows = await session.execute(
        select(EntityMonth.month, EntityMonth.mentions, EntityMonth.articles)
        .where(EntityMonth.entity_id == entity_id)
        .order_by(EntityMonth.month)
    )
    months = [MonthCount(r.month.year, r.month.month, r.mentions, r.articles) for r in rows]
    per_article = (
        select(func.count(Mention.id))
        .where(Mention.entity_id == entity_id, Mention.article_id == Article.id)
        .scalar_subquery()
        .label("n")
    )
    undated = select(per_article).where(Article.published.is_(None)).subquery()
    found = (
        await session.execute(select(func.sum(undated.c.n), func.count()).where(undated.c.n > 0))
    ).one()
    if found[1]:
        months.append(MonthCount(None, None, int(found[0]), int(found[1])))
    return tuple(months)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


async def _edge(
    session: AsyncSession, entity_id: int, month: date | None, *, latest: bool
) -> ArticleRef | None:
    """The earliest (or latest) dated article that mentions the entity.

    It lies in the entity's first (or last) month of the rollup: only that month's articles are
    walked in date order, each checked with one index look-up, until one mentions the entity.
    """
    if month is None:
        return None
    mentions = select(Mention.id).where(
        Mention.entity_id == entity_id, Mention.article_id == Article.id
    )
    order = Article.published.desc() if latest else Article.published.asc()
    row = (
        await session.execute(
            select(*REF_COLUMNS)
            .where(
                Article.published >= month,
                Article.published < _next_month(month),
                mentions.exists(),
            )
            .order_by(order, Article.id.desc() if latest else Article.id)
            .limit(1)
        )
    ).first()
    return ref_from_row(row) if row else None


async def _companions(
    session: AsyncSession, entity_id: int, limit: int
) -> tuple[tuple[Companion, ...], tuple[Companion, ...]]:
    """People, and places and organisations, sharing the most sentences with this entity.

    Read from the `entity_companions` rollup (the sentences each pair shares, summed over the
    articles): the same counts as joining the entity's sentences with everyone else's, without
    reading every mention of a much-named person.
    """
    return (
        await _company(session, entity_id, PEOPLE, limit),
        await _company(session, entity_id, OTHERS, limit),
    )


async def _company(
    session: AsyncSession, entity_id: int, kinds: tuple[str, ...], limit: int
) -> tuple[Companion, ...]:
    rows = await session.execute(
        select(Entity.name, Entity.kind, EntityCompanion.sentences)
        .join(EntityCompanion, EntityCompanion.other_id == Entity.id)
        .where(EntityCompanion.entity_id == entity_id, Entity.kind.in_(kinds))
        .order_by(EntityCompanion.sentences.desc(), Entity.name, Entity.id)
        .limit(limit)
    )
    return tuple(Companion(name=r.name, kind=r.kind, sentences=int(r.sentences)) for r in rows)


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
            months = await _months(session, entity_id)
            dated = [date(m.year, m.month, 1) for m in months if m.year and m.month]
            return EntityProfile(
                id=entity.id,
                name=entity.name,
                kind=entity.kind,
                aliases=aliases,
                alias_count=alias_count,
                months=months,
                first=await _edge(session, entity_id, min(dated, default=None), latest=False),
                last=await _edge(session, entity_id, max(dated, default=None), latest=True),
                people=people,
                others=others,
            )

    async def quote_count(self, entity_id: int) -> int:
        """How many quotes are attributed to the entity: one count over its quotes' index.

        The same total as `QuotesRepository.counts`, without joining every quote to its article
        and sentence for the filter breakdown `who` does not show.
        """
        async with self._sessions() as session:
            total = await session.scalar(
                select(func.count(QuoteRow.id)).where(QuoteRow.entity_id == entity_id)
            )
            return int(total or 0)
