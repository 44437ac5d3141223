"""Migration 0012 adds the covering index of the events' dates and keeps every row: key dates
read from an upgraded database answer as they did before it."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import inspect, text

from storage.engine import create_engine, session_factory
from storage.migrate import downgrade_database, upgrade_database
from storage.timeline import EventCounts, EventQuery, TimelineRepository
from tests.storage.test_migrations import ROWS_AT_0004

MORE_EVENTS = (  # a second dated event and an undated one, beside the one of ROWS_AT_0004
    'INSERT INTO events (id, article_id, "date", "precision", expression, sentence, text)'
    " VALUES (2, 2, :day, 'month', 'in March', 1, 'The border stayed closed in March.'),"
    " (3, 2, NULL, 'unknown', 'once', 2, 'The border was closed once.')",
)


async def _key_reads(repo: TimelineRepository) -> list[object]:
    return [
        await repo.key_read(query)
        for query in (EventQuery(), EventQuery(topic="border"), EventQuery(start=date(2015, 3, 5)))
    ]


async def _rows(engine: object) -> list[tuple[object, ...]]:
    async with engine.connect() as conn:  # type: ignore[attr-defined]
        found = await conn.execute(
            text('SELECT id, article_id, "date", "precision", sentence, text FROM events')
        )
        return sorted(tuple(row) for row in found)


def _index_names(sync_conn) -> set[str]:  # type: ignore[no-untyped-def]
    return {index["name"] for index in inspect(sync_conn).get_indexes("events")}


async def test_upgrade_to_0012_keeps_the_events_and_the_answers(database_url: str) -> None:
    """Rows written at 0011 answer the same after the upgrade, a downgrade and the upgrade
    again (the reads are today's: on PostgreSQL they need migration 0014's folded text)."""
    engine = create_engine(database_url)
    try:
        await upgrade_database(engine, "0011")
        params = {"day": date(2015, 3, 10), "sig": b"\x00", "t": datetime.now(UTC)}
        async with engine.begin() as conn:
            for statement in (*ROWS_AT_0004, *MORE_EVENTS):
                await conn.execute(text(statement), params)
            await conn.execute(  # the rollup, as storing the articles would have kept it
                text(
                    'INSERT INTO event_days ("date", "precision", events)'
                    " VALUES (:day, 'day', 1), ('2015-03-01', 'month', 1)"
                ),
                params,
            )
        events = await _rows(engine)
        async with engine.connect() as conn:
            assert "ix_events_date_key" not in await conn.run_sync(_index_names)
        await upgrade_database(engine)
        async with engine.connect() as conn:
            assert "ix_events_date_key" in await conn.run_sync(_index_names)
        assert await _rows(engine) == events
        repo = TimelineRepository(session_factory(engine))
        answers = await _key_reads(repo)
        assert answers[1][0] == EventCounts(dated=2, undated=1)  # type: ignore[index]
        await downgrade_database(engine, "0011")
        async with engine.connect() as conn:
            assert "ix_events_date_key" not in await conn.run_sync(_index_names)
        assert await _rows(engine) == events
        await upgrade_database(engine)
        assert await _key_reads(repo) == answers
    finally:
        await engine.dispose()
