"""Topic suggestions for autocomplete: the content terms the corpus uses, most used first.

Entity names come from `storage.entity_lookup.EntityLookup.suggest`; this module adds the
terms of `article_terms` (the vocabulary `/compare` weighs), ranked by the articles using them.
Those counts are read from the `term_articles` rollup (one row per term, kept by
`storage.rollups`): grouping `article_terms` itself read ten million rows at 100,000 articles.
Prefixes shorter than `MIN_PREFIX` are not looked up: too unspecific to be worth a list.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.entity_lookup import normalise, starts_with
from storage.models import TermArticles

MIN_PREFIX = 2
SUGGEST_LIMIT = 25


@dataclass(frozen=True)
class TermCount:
    """A content term and in how many articles it appears."""

    term: str
    articles: int


class TopicRepository:
    """Terms for topic autocomplete, one session per call."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def terms(self, prefix: str, limit: int = SUGGEST_LIMIT) -> list[TermCount]:
        """Terms starting with the prefix: the exact term first, then by articles using them."""
        key = normalise(prefix)
        if len(key) < MIN_PREFIX:
            return []
        exact = case((TermArticles.term == key, 0), else_=1)
        query = (
            select(TermArticles.term, TermArticles.articles)
            .where(starts_with(TermArticles.term, key), TermArticles.articles > 0)
            .order_by(exact, TermArticles.articles.desc(), TermArticles.term)
            .limit(max(1, min(limit, SUGGEST_LIMIT)))
        )
        async with self._sessions() as session:
            rows = (await session.execute(query)).all()
        return [TermCount(term=row[0], articles=int(row[1])) for row in rows]
