"""The key-date reads made lighter for speed (issue 15) read what they read before: ids passed as
one array on PostgreSQL find the same rows as an IN list, the leads' serial read leaves the
session's settings as they were, and the citations come for the articles asked for only."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import EventRow
from storage.timeline import EventQuery, TimelineRepository
from storage.timeline_rows import backend_of, core, one_of
from tests.storage.test_timeline import PUTIN, article, event, store


async def _stored(sessions: async_sessionmaker[AsyncSession]) -> TimelineRepository:
    """Thirty articles published on the day they report, each a dated lead and a dated event."""
    day = date(2016, 4, 1)
    await store(
        sessions,
        *(
            article(
                n,
                day,
                event(f"Putin spoke on the {n}th.", day, entities=(PUTIN,), sentence=1),
                event(f"Talks {n} ended.", day, sentence=2),
            )
            for n in range(1, 31)
        ),
    )
    return TimelineRepository(sessions)


async def test_ids_as_one_array_find_the_rows_an_in_list_finds(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    await _stored(sessions)
    async with sessions() as session:
        backend = await backend_of(session)
        every = sorted((await core(session, select(EventRow.id))).scalars())
        wanted = [*every[::3], 10**9]  # one id no event has
        found = await core(session, select(EventRow.id).where(one_of(EventRow.id, wanted, backend)))
        none = await core(session, select(EventRow.id).where(one_of(EventRow.id, [], backend)))
        assert sorted(found.scalars()) == every[::3]
        assert list(none.scalars()) == []


async def test_leads_are_the_first_sentences_without_an_event_and_change_no_setting(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    repo = await _stored(sessions)
    rows = await repo.key_candidates(EventQuery(topic="putin"))
    articles = sorted({row.article_id for row in rows})
    leads = await repo.leads(articles, 3)
    assert [(article_id, position) for _, article_id, position, _ in leads] == [
        (a, 0)
        for a in articles  # sentences 1 and 2 hold the events
    ]
    async with sessions() as session:
        if await backend_of(session) == "postgresql":  # the serial read was that transaction's
            setting = await core(session, text("SHOW max_parallel_workers_per_gather"))
            assert setting.scalar() != "0"


async def test_told_and_refs_read_only_what_is_asked(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    repo = await _stored(sessions)
    rows = await repo.key_candidates(EventQuery(topic="putin"))
    ids = [row.event_id for row in rows]
    told, named = await repo.told(ids, ids[:2])
    assert [t.event_id for t in told] == sorted(ids)
    assert sorted(named) == sorted(ids[:2])
    asked = sorted({rows[0].article_id, rows[-1].article_id})
    refs = await repo.refs(asked)
    assert sorted(refs) == asked
    assert all(
        ref.outlet == (ref.title or "").replace("Article", "Outlet") for ref in refs.values()
    )
