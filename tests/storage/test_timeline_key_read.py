"""Key dates' one read (`key_read`): the counts `count` gives and the rows `key_candidates` reads
with the stride those counts imply, in one statement, for a topic and for the whole corpus."""

from __future__ import annotations

import math
from datetime import date

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.articles import ArticleRepository
from storage.timeline import EventCounts, EventQuery, KeyRow, TimelineRepository
from tests.storage.test_timeline import IRAN, PUTIN, article, event, store
from tests.storage.test_timeline_speed import store as store_ids

QUERIES = (
    EventQuery(topic="putin"),
    EventQuery(topic="putin", start=date(2016, 1, 1), end=date(2016, 12, 31)),
    EventQuery(topic="tehran"),  # words of the text, no entity
    EventQuery(topic="TEHRAN talks"),  # words in another case, one not in every event
    EventQuery(topic="iran", end=date(2016, 6, 30)),
    EventQuery(topic="nobody"),
    EventQuery(),
    EventQuery(start=date(2016, 3, 1)),
)


@pytest.fixture
async def repo(sessions: async_sessionmaker[AsyncSession]) -> TimelineRepository:
    """Twelve articles over three dates, some events undated, some not naming Putin."""
    days = (date(2015, 11, 23), date(2016, 4, 1), date(2016, 1, 1))
    await store(
        sessions,
        *(
            article(
                n,
                days[n % 3],
                event("Putin flew to Tehran for talks.", days[n % 3], entities=(PUTIN, IRAN)),
                event("Officials in Tehran waited.", days[(n + 1) % 3], sentence=1),
                event("Putin signed it.", None, entities=(PUTIN,), sentence=2),
                event("That year Iran voted.", date(2016, 1, 1), "year", (IRAN,), 3),
            )
            for n in range(1, 13)
        ),
    )
    return TimelineRepository(sessions)


async def _expected(
    repo: TimelineRepository, query: EventQuery, limit: int
) -> tuple[EventCounts, list[KeyRow]]:
    """What the two reads it replaces give: the counts, then the rows at their stride."""
    counts = await repo.count(query)
    stride = max(1, math.ceil(counts.dated / limit))
    return counts, await repo.key_candidates(query, limit, stride)


@pytest.mark.parametrize("limit", [3000, 7, 2, 1])
async def test_one_read_gives_the_counts_and_the_rows_of_two(
    repo: TimelineRepository, limit: int
) -> None:
    for query in QUERIES:
        assert await repo.key_read(query, limit) == await _expected(repo, query, limit), query


async def test_the_counts_come_without_rows_when_none_is_dated(
    repo: TimelineRepository,
) -> None:
    counts, rows = await repo.key_read(EventQuery(topic="signed"))
    assert counts == EventCounts(dated=0, undated=12)
    assert rows == []


async def test_a_past_the_cap_read_samples_every_nth_event_by_id(
    repo: TimelineRepository,
) -> None:
    every = await repo.key_candidates(EventQuery(topic="putin"))
    counts, rows = await repo.key_read(EventQuery(topic="putin"), limit=5)
    assert counts.dated == len(every) == 12
    assert [r.event_id for r in rows] == [r.event_id for r in every if r.event_id % 3 == 0]


async def test_words_match_in_any_case_and_outside_ascii(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    await store(
        sessions,
        article(1, None, event("Talks opened in ZURICH.", date(2016, 1, 2))),
        article(2, None, event("Talks closed in Zürich.", date(2016, 1, 3), sentence=1)),
        article(3, None, event("Nothing happened.", date(2016, 1, 4), sentence=2)),
    )
    repo = TimelineRepository(sessions)
    found = await repo.key_read(EventQuery(topic="zurich talks"))
    assert [r.date for r in found[1]] == [date(2016, 1, 2)]
    found = await repo.key_read(EventQuery(topic="Zürich"))
    assert [r.date for r in found[1]] == [date(2016, 1, 3)]


async def test_a_forgotten_articles_events_leave_the_words_count(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """The words' index is counted as it stands: forgetting must take the events out of it."""
    ids = await store_ids(
        sessions,
        article(1, None, event("Talks in Tehran.", date(2016, 1, 2))),
        article(2, None, event("More talks in Tehran.", date(2016, 1, 3), sentence=1)),
        article(3, None, event("Tehran waited.", None, sentence=2)),
    )
    repo = TimelineRepository(sessions)
    assert (await repo.key_read(EventQuery(topic="tehran")))[0] == EventCounts(2, 1)
    assert await ArticleRepository(sessions).forget(ids[0])
    assert await ArticleRepository(sessions).forget(ids[2])
    counts, rows = await repo.key_read(EventQuery(topic="tehran"))
    assert counts == EventCounts(dated=1, undated=0) == await repo.count(EventQuery(topic="tehran"))
    assert [r.date for r in rows] == [date(2016, 1, 3)]
