"""The shortcuts of the timeline queries give the answers of the plain queries they replace.

`event_days` (dated events per date and precision) follows every stored and forgotten article;
counts and charts without a topic read it. A topic's first events are cut at the day of the
`limit`-th one before their articles are read, and its counts come from its event ids.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.articles import ArticleRepository, insert_article
from storage.models import EventDay, EventRow
from storage.records import NewArticle
from storage.timeline import DateCount, EventCounts, EventQuery, TimelineRepository
from tests.storage.test_timeline import PUTIN, article, event

DAY1, DAY2, DAY3 = date(2019, 3, 1), date(2019, 3, 2), date(2019, 3, 5)


def busy_articles() -> list[NewArticle]:
    """Three articles whose events all name Putin, several on one day and precision."""
    return [
        article(
            1,
            date(2019, 3, 6),
            event("Putin spoke on Friday.", DAY1, entities=(PUTIN,)),
            event("Putin flew home.", DAY2, entities=(PUTIN,), sentence=1),
            event("In March Putin waited.", DAY1, "month", (PUTIN,), sentence=2),
            event("Putin signed it on Tuesday.", DAY3, entities=(PUTIN,), sentence=3),
        ),
        article(
            2,
            date(2019, 3, 3),
            event("Putin spoke again on Friday.", DAY1, entities=(PUTIN,)),
            event("Putin met envoys.", DAY2, entities=(PUTIN,), sentence=1),
            event("That year Putin travelled.", date(2019, 1, 1), "year", (PUTIN,), 2),
        ),
        article(
            3,
            None,
            event("Putin was seen on Friday.", DAY1, entities=(PUTIN,)),
            event("Putin met envoys once.", None, entities=(PUTIN,), sentence=1),
        ),
    ]


async def store(sessions: async_sessionmaker[AsyncSession], *articles: NewArticle) -> list[int]:
    async with sessions.begin() as session:
        return [await insert_article(session, new) for new in articles]


async def rollup_rows(sessions: async_sessionmaker[AsyncSession]) -> list[tuple[object, ...]]:
    async with sessions() as session:
        rows = await session.execute(
            select(EventDay.date, EventDay.precision, EventDay.events).order_by(
                EventDay.date, EventDay.precision
            )
        )
        return [tuple(r) for r in rows]


async def counted_rows(sessions: async_sessionmaker[AsyncSession]) -> list[tuple[object, ...]]:
    async with sessions() as session:
        rows = await session.execute(
            select(EventRow.date, EventRow.precision, func.count())
            .where(EventRow.date.is_not(None))
            .group_by(EventRow.date, EventRow.precision)
            .order_by(EventRow.date, EventRow.precision)
        )
        return [tuple(r) for r in rows]


async def test_event_days_follow_stored_and_forgotten_articles(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    first, second, third = await store(sessions, *busy_articles())
    assert await rollup_rows(sessions) == await counted_rows(sessions)
    assert (DAY1, "day", 3) in await rollup_rows(sessions)
    articles = ArticleRepository(sessions)
    await articles.fix(second, published=date(2020, 1, 1))  # event dates do not move
    assert await rollup_rows(sessions) == await counted_rows(sessions)
    assert await articles.forget(first)
    assert await rollup_rows(sessions) == await counted_rows(sessions)
    assert (DAY3, "day") not in [row[:2] for row in await rollup_rows(sessions)]
    await articles.forget(second)
    await articles.forget(third)
    assert await rollup_rows(sessions) == []


async def test_counts_and_chart_without_a_topic_read_the_rollup(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    first, *_ = await store(sessions, *busy_articles())
    repo = TimelineRepository(sessions)
    assert await repo.count(EventQuery()) == EventCounts(dated=8, undated=1)
    march = EventQuery(start=DAY2, end=date(2019, 3, 31))
    assert await repo.count(march) == EventCounts(dated=5, undated=1)  # year and month overlap
    assert await repo.date_counts(march) == [
        DateCount(date=date(2019, 1, 1), precision="year", events=1),
        DateCount(date=DAY1, precision="month", events=1),
        DateCount(date=DAY2, precision="day", events=2),
        DateCount(date=DAY3, precision="day", events=1),
    ]
    # the same answers as the events themselves give, through the topic every event names
    assert await repo.date_counts(EventQuery(topic="putin")) == await repo.date_counts(EventQuery())
    await ArticleRepository(sessions).forget(first)
    assert await repo.count(EventQuery()) == EventCounts(dated=4, undated=1)
    assert await repo.date_counts(EventQuery()) == await repo.date_counts(EventQuery(topic="putin"))


async def test_a_topics_first_events_are_those_of_the_plain_query(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    await store(sessions, *busy_articles())
    repo = TimelineRepository(sessions)
    everything = await repo.dated(EventQuery(), limit=50)
    assert len(everything) == 8
    for limit in range(1, 10):  # cuts inside, at the end of and past a day of three events
        assert await repo.dated(EventQuery(topic="putin"), limit) == everything[:limit]
    in_march = EventQuery(start=DAY2, end=date(2019, 3, 31))
    ranged = await repo.dated(in_march, limit=50)
    for limit in range(1, 7):
        topic = EventQuery(topic="Vladimir Putin", start=in_march.start, end=in_march.end)
        assert await repo.dated(topic, limit) == ranged[:limit]


async def test_a_topics_counts_with_and_without_a_range(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    await store(sessions, *busy_articles())
    repo = TimelineRepository(sessions)
    assert await repo.count(EventQuery(topic="putin")) == EventCounts(dated=8, undated=1)
    assert await repo.count(EventQuery(topic="envoys")) == EventCounts(dated=1, undated=1)
    assert await repo.count(EventQuery(topic="nobody")) == EventCounts(dated=0, undated=0)
    march = EventQuery(topic="putin", start=DAY2, end=date(2019, 3, 31))
    assert await repo.count(march) == EventCounts(dated=5, undated=1)


async def test_span_is_the_first_and_last_date(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    await store(sessions, *busy_articles())
    span = await TimelineRepository(sessions).span()
    assert (span.first, span.last) == (date(2019, 1, 1), DAY3)
