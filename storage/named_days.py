"""The days each article names outright (`storage.models.NamedDay`), and the backlog of
articles stored before they were kept (`NamedDayBacklog`, filled by migration 0013).

Storage knows no analysis: the days come in read (`NewArticle.named_days`), and the backlog is
read with the reader the application passes in (`bot.services.named_days`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import NamedTuple

from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import Article, NamedDay, NamedDayBacklog
from storage.timeline_rows import backend_of, core, one_of


class PendingArticle(NamedTuple):
    """An article whose named days are still to be read."""

    id: int
    text: str
    published: date | None


async def add_named_days(session: AsyncSession, found: Mapping[int, Iterable[date]]) -> None:
    """Store these articles' named days (articles that hold none yet); the caller owns the
    transaction."""
    rows = [{"article_id": a, "day": d} for a, days in found.items() for d in sorted(set(days))]
    if rows:
        await session.execute(insert(NamedDay), rows)


async def replace_named_days(session: AsyncSession, found: Mapping[int, Iterable[date]]) -> None:
    """Store these articles' named days in place of their old ones and take them off the
    backlog; the caller owns the transaction."""
    ids = list(found)
    if not ids:
        return
    await session.execute(delete(NamedDay).where(NamedDay.article_id.in_(ids)))
    await session.execute(delete(NamedDayBacklog).where(NamedDayBacklog.article_id.in_(ids)))
    await add_named_days(session, found)


async def naming(
    session: AsyncSession, days: Iterable[date], article_ids: Iterable[int]
) -> dict[date, list[int]]:
    """Which of these articles name each of these days outright.

    The articles' rows are read by the table's key and the days kept here: with both lists in
    the statement, SQLite and PostgreSQL probe the key once per (article, day) pair (124,000
    probes, 210 ms, for a year's days over 341 articles), while an article names a day or two."""
    wanted, article_ids = set(days), list(article_ids)
    if not wanted or not article_ids:
        return {}
    of_articles = one_of(NamedDay.article_id, article_ids, await backend_of(session))
    stmt = select(NamedDay.day, NamedDay.article_id).where(of_articles)
    found: dict[date, list[int]] = {}
    for day, article in (await core(session, stmt)).all():
        if day in wanted:
            found.setdefault(day, []).append(article)
    return found


DayReader = Callable[[str, date | None], Iterable[date]]  # text, publication → days


class NamedDayRepository:
    """The backlog of articles whose named days are not read yet, one session per call."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def pending_count(self) -> int:
        """How many articles wait for their named days to be read."""
        async with self._sessions() as session:
            found = await session.scalar(select(func.count()).select_from(NamedDayBacklog))
            return int(found or 0)

    async def read_pending(self, read: DayReader, limit: int) -> int:
        """Read the named days of the next `limit` waiting articles with `read`, store them and
        take the articles off the backlog, in one transaction; how many were read.

        The batch is claimed with FOR UPDATE SKIP LOCKED on PostgreSQL, so processes starting
        together read different articles; SQLite runs one writer at a time anyway.
        """
        stmt = (
            select(Article.id, Article.text, Article.published)
            .join(NamedDayBacklog, NamedDayBacklog.article_id == Article.id)
            .order_by(Article.id)
            .limit(limit)
            .with_for_update(skip_locked=True, of=NamedDayBacklog)
        )
        async with self._sessions.begin() as session:
            batch = [PendingArticle(*row) for row in await session.execute(stmt)]
            await replace_named_days(session, {a.id: read(a.text, a.published) for a in batch})
        return len(batch)
