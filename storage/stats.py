"""Corpus-wide figures for `analyst stats`: counts, date range, outlets and the most mentioned."""

from __future__ import annotations

from sqlalchemy import distinct, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import Article, Entity, IngestJob, Mention, Sentence
from storage.records import CorpusStats, EntityCount


async def _top(session: AsyncSession, kind: str, limit: int) -> tuple[EntityCount, ...]:
    """Entities of a kind by mentions, with how many articles mention them."""
    rows = await session.execute(
        select(
            Entity.name,
            Entity.kind,
            func.count(Mention.id).label("mentions"),
            func.count(distinct(Mention.article_id)).label("articles"),
        )
        .join(Mention, Mention.entity_id == Entity.id)
        .where(Entity.kind == kind)
        .group_by(Entity.id, Entity.name, Entity.kind)
        .order_by(func.count(Mention.id).desc(), Entity.name)
        .limit(limit)
    )
    return tuple(
        EntityCount(name=r.name, kind=r.kind, mentions=int(r.mentions), articles=int(r.articles))
        for r in rows
    )


class StatsRepository:
    """Reads the aggregate figures in one session."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def corpus(self, top: int = 5) -> CorpusStats:
        """Everything `analyst stats` prints."""
        async with self._sessions() as session:
            articles = int(await session.scalar(select(func.count(Article.id))) or 0)
            undated = await session.scalar(
                select(func.count(Article.id)).where(Article.published.is_(None))
            )
            first, last = (
                await session.execute(
                    select(func.min(Article.published), func.max(Article.published))
                )
            ).one()
            outlets = await session.execute(
                select(Article.outlet, func.count(Article.id))
                .where(Article.outlet.is_not(None))
                .group_by(Article.outlet)
                .order_by(func.count(Article.id).desc(), Article.outlet)
            )
            jobs = await session.execute(
                select(IngestJob.status, func.count(IngestJob.id)).group_by(IngestJob.status)
            )
            return CorpusStats(
                articles=articles,
                undated=int(undated or 0),
                outlets=tuple((str(o), int(n)) for o, n in outlets.all()),
                first_published=first,
                last_published=last,
                sentences=int(await session.scalar(select(func.count(Sentence.id))) or 0),
                entities=int(await session.scalar(select(func.count(Entity.id))) or 0),
                people=await _top(session, "person", top),
                places=await _top(session, "place", top),
                organisations=await _top(session, "org", top),
                jobs=tuple(sorted((str(s), int(n)) for s, n in jobs.all())),
            )
