"""The reads behind key dates: ranking columns without text, then chosen events by id (their
texts, and the entities of those that weigh the topic's), then the citations shown."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.timeline import EventQuery, KeyRow, TimelineRepository
from tests.storage.test_timeline import IRAN, PUTIN, article, event, store


@pytest.fixture
async def repo(sessions: async_sessionmaker[AsyncSession]) -> TimelineRepository:
    """Two dated articles naming Putin or Iran, and an undated event."""
    await store(
        sessions,
        article(
            1,
            date(2015, 11, 23),
            event("Putin flew to Tehran.", date(2015, 11, 23), entities=(PUTIN, IRAN)),
            event("The deal was reached in July.", date(2015, 7, 1), "month", sentence=3),
        ),
        article(
            2, None, event("Putin met Rouhani in Moscow.", date(2017, 4, 14), entities=(PUTIN,))
        ),
        article(3, None, event("Putin signed the treaty.", None, entities=(PUTIN,))),
    )
    return TimelineRepository(sessions)


async def test_key_candidates_read_dates_and_articles_of_the_topic(
    repo: TimelineRepository,
) -> None:
    rows = sorted(await repo.key_candidates(EventQuery(topic="putin")), key=lambda r: r.date)
    assert [(r.date, r.precision, r.outlet, r.published) for r in rows] == [
        (date(2015, 11, 23), "day", "Outlet 1", date(2015, 11, 23)),
        (date(2017, 4, 14), "day", "Outlet 2", None),
    ]
    assert all(isinstance(r, KeyRow) for r in rows)


async def test_key_candidates_keep_the_range_the_limit_and_the_stride(
    repo: TimelineRepository,
) -> None:
    in_2015 = EventQuery(start=date(2015, 1, 1), end=date(2015, 12, 31))
    assert {r.date for r in await repo.key_candidates(in_2015)} == {
        date(2015, 7, 1),
        date(2015, 11, 23),
    }
    assert len(await repo.key_candidates(EventQuery(), limit=1)) == 1
    putin = EventQuery(topic="putin")
    every = await repo.key_candidates(putin)
    halves = await repo.key_candidates(putin, stride=2)
    assert {r.event_id for r in halves} == {r.event_id for r in every if r.event_id % 2 == 0}


async def test_without_a_topic_the_busiest_dates_are_read(repo: TimelineRepository) -> None:
    rows = await repo.key_candidates(EventQuery())
    assert {r.date for r in rows} == {date(2015, 7, 1), date(2015, 11, 23), date(2017, 4, 14)}


async def test_without_a_topic_a_read_past_the_limit_samples_every_date(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    first, last = date(2016, 1, 1), date(2016, 1, 2)
    await store(
        sessions,
        *(
            article(10 + n, last, event("a", first), event("b", first), event("c", last))
            for n in range(4)
        ),
    )
    rows = await TimelineRepository(sessions).key_candidates(EventQuery(), limit=6)
    assert len(rows) <= 6  # every second event by id: a cut in date order kept no 2 January
    assert {r.date for r in rows} == {first, last}


async def test_told_reads_text_and_the_weighing_events_entities(
    repo: TimelineRepository,
) -> None:
    ids = [r.event_id for r in await repo.key_candidates(EventQuery(topic="putin"))]
    read, named = await repo.told(ids, ids[:1])
    assert [t.text for t in read] == ["Putin flew to Tehran.", "Putin met Rouhani in Moscow."]
    assert {key for key, _, _ in named[ids[0]]} == {"vladimir putin", "iran"}
    assert list(named) == ids[:1]  # the others' entities are not read


async def test_refs_cite_the_articles_asked_for(repo: TimelineRepository) -> None:
    (row,) = await repo.key_candidates(EventQuery(topic="tehran"))
    refs = await repo.refs([row.article_id])
    assert [(r.id, r.outlet) for r in refs.values()] == [(row.article_id, "Outlet 1")]
    assert await repo.refs([]) == {}


async def test_a_read_past_the_limit_keeps_the_first_ids_every_time(
    repo: TimelineRepository,
) -> None:
    putin = EventQuery(topic="putin")
    every = sorted(r.event_id for r in await repo.key_candidates(putin))
    for _ in range(3):  # PostgreSQL without an order may cut a different row each time
        (kept,) = await repo.key_candidates(putin, limit=1)
        assert kept.event_id == every[0]


async def test_told_lists_each_events_entities_most_mentioned_first(
    repo: TimelineRepository,
) -> None:
    ids = [r.event_id for r in await repo.key_candidates(EventQuery(topic="tehran"))]
    _, named = await repo.told(ids, ids)
    assert [name for _, name, _ in named[ids[0]]] == ["Vladimir Putin", "Iran"]


async def test_told_reads_each_event_with_its_whole_sentence(repo: TimelineRepository) -> None:
    in_2015 = EventQuery(start=date(2015, 1, 1), end=date(2015, 12, 31))
    ids = [r.event_id for r in await repo.key_candidates(in_2015)]
    told, _ = await repo.told(ids, [])
    assert [(t.text, t.whole) for t in told] == [
        ("Putin flew to Tehran.", "Body 1."),  # the article's sentence 0
        ("The deal was reached in July.", None),  # sentence 3 is not stored
    ]
    assert await repo.told([], []) == ([], {})
