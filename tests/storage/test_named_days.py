"""The named-days table: written with the article, replaced when its publication date is fixed,
gone with it, and filled for articles stored before migration 0013 through the backlog."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, date, datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from storage.articles import ArticleRepository
from storage.engine import create_engine, session_factory
from storage.migrate import downgrade_database, upgrade_database
from storage.named_days import NamedDayRepository
from storage.timeline import TimelineRepository
from tests.storage.test_search import new_article, store

Sessions = async_sessionmaker[AsyncSession]
UPRISING, LATER = date(2011, 3, 15), date(2011, 6, 1)


def read_days(body: str, published: date | None) -> Iterable[date]:
    """A stand-in reader (storage knows no analysis): a day per ordinal ("4th", "3rd") in the
    month of publication."""
    if published is None:
        return ()
    words = (w.strip(".,") for w in body.split())
    return [published.replace(day=int(w[:-2])) for w in words if w[:-2].isdigit()]


async def table(engine: AsyncEngine, name: str) -> list[tuple[object, ...]]:
    async with engine.connect() as conn:
        rows = (await conn.execute(text(f"SELECT * FROM {name}"))).all()  # noqa: S608
    return sorted((*(str(v) if isinstance(v, date) else v for v in row),) for row in rows)


async def test_the_days_come_with_the_article_and_go_with_it(
    engine: AsyncEngine, sessions: Sessions
) -> None:
    first = replace(new_article(1, "One", "Body.", LATER), named_days=(UPRISING, date(2011, 5, 2)))
    second = replace(new_article(2, "Two", "Body two.", LATER), named_days=(UPRISING,))
    a, b = await store(sessions, first, second)
    assert await table(engine, "named_days") == [
        (a, "2011-03-15"),
        (a, "2011-05-02"),
        (b, "2011-03-15"),
    ]
    naming = await TimelineRepository(sessions).naming([UPRISING, date(2011, 1, 1)], [a, b, 99])
    assert {day: sorted(ids) for day, ids in naming.items()} == {UPRISING: [a, b]}
    assert await TimelineRepository(sessions).naming([UPRISING], [b + 1]) == {}
    assert await ArticleRepository(sessions).forget(a)
    assert await table(engine, "named_days") == [(b, "2011-03-15")]


async def test_a_fixed_publication_date_reads_the_days_again(
    engine: AsyncEngine, sessions: Sessions
) -> None:
    (a,) = await store(
        sessions, replace(new_article(1, "One", "On the 4th.", LATER), named_days=())
    )
    repo = ArticleRepository(sessions)
    await repo.fix(a, read_days, title="Renamed")  # no new date: nothing read
    assert await table(engine, "named_days") == []
    await repo.fix(a, read_days, published=date(2012, 2, 20), date_precision="day")
    assert await table(engine, "named_days") == [(a, "2012-02-04")]
    await repo.fix(a, read_days, published=None, date_precision="unknown")
    assert await table(engine, "named_days") == []


ARTICLES_AT_0012 = (
    "INSERT INTO articles (id, source, title, published, date_precision, date_source, text,"
    " word_count, content_hash, signature, dropped, ingested_at) VALUES"
    " (1, 'a.txt', 'Dated', :day, 'day', 'header', 'Since the 15th and the 20th.', 6, 'h1',"
    " :sig, '[]', :t),"
    " (2, 'b.txt', 'Undated', NULL, 'unknown', '', 'On the 3rd.', 3, 'h2', :sig, '[]', :t),"
    " (3, 'c.txt', 'Dated too', :day, 'day', 'header', 'The 9th.', 2, 'h3', :sig, '[]', :t)",
)


async def test_upgrade_to_0013_queues_the_stored_articles_and_a_start_reads_them(
    database_url: str,
) -> None:
    engine = create_engine(database_url)
    try:
        await upgrade_database(engine, "0012")
        params = {"day": date(2015, 3, 30), "sig": b"\x00", "t": datetime.now(UTC)}
        async with engine.begin() as conn:
            for statement in ARTICLES_AT_0012:
                await conn.execute(text(statement), params)
        articles = await table(engine, "articles")
        await upgrade_database(engine)
        assert await table(engine, "articles") == articles
        assert await table(engine, "named_days_pending") == [(1,), (2,), (3,)]
        assert await table(engine, "named_days") == []
        backlog = NamedDayRepository(session_factory(engine))
        assert await backlog.pending_count() == 3
        assert await backlog.read_pending(read_days, 2) == 2
        assert await backlog.pending_count() == 1
        assert await backlog.read_pending(read_days, 2) == 1
        assert await backlog.read_pending(read_days, 2) == 0
        assert await table(engine, "named_days") == [
            (1, "2015-03-15"),
            (1, "2015-03-20"),
            (3, "2015-03-09"),
        ]
        await downgrade_database(engine, "0012")
        assert await table(engine, "articles") == articles
    finally:
        await engine.dispose()
