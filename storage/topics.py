"""Topic suggestions for autocomplete: the content terms the corpus uses, most used first.

Entity names come from `storage.entity_lookup.EntityLookup.suggest`; this module adds the
terms of `article_terms` (the vocabulary `/compare` weighs). One indexed range scan on
`article_terms.term`, grouped: prefixes shorter than `MIN_PREFIX` are not looked up, since on a
large corpus a one-letter range covers a good part of the table.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.entity_lookup import normalise, starts_with
from storage.models import ArticleTerm

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
        articles = func.count(ArticleTerm.article_id)
        exact = case((ArticleTerm.term == key, 0), else_=1)
        query = (
            select(ArticleTerm.term, articles)
            .where(starts_with(ArticleTerm.term, key))
            .group_by(ArticleTerm.term)
            .order_by(func.min(exact), articles.desc(), ArticleTerm.term)
            .limit(max(1, min(limit, SUGGEST_LIMIT)))
        )
        async with self._sessions() as session:
            rows = (await session.execute(query)).all()
        return [TermCount(term=row[0], articles=int(row[1])) for row in rows]
