"""Migration 0014: on PostgreSQL, events keep their text folded to lower case (a generated
column) and the trigram index moves to it; a topic's words then find exactly the events an
ILIKE on the text finds, in any case and outside ASCII. SQLite is left as it was. No row is
changed or lost, up or down."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from sqlalchemy import inspect, text
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.engine import create_engine, session_factory
from storage.migrate import downgrade_database, upgrade_database
from storage.timeline import EventCounts, EventQuery, TimelineRepository
from tests.storage.test_migrations import ROWS_AT_0004

TEXTS = (  # ids 2..6: the words in several cases, and letters outside ASCII
    "Talks opened in ZÜRICH on Monday.",
    "The zürich talks closed.",
    "Ministers met in Zurich.",
    "ÉMILE said the talks were over.",
    "Nothing happened.",
)
WORDS = ("zürich", "ZÜRICH talks", "zurich", "émile", "TALKS", "50%", "a_b", "in")


EVENTS_INSERT = (
    'INSERT INTO events (id, article_id, "date", "precision", expression, sentence, text)'
    " VALUES (:id, 1, :day, 'day', 'on Monday', :id, :body)"
)


async def _rows(engine: AsyncEngine) -> list[tuple[object, ...]]:
    async with engine.connect() as conn:
        found = await conn.execute(
            text('SELECT id, article_id, "date", sentence, text FROM events')
        )
        return sorted(tuple(row) for row in found)


async def _ilike_ids(engine: AsyncEngine, topic: str) -> list[int]:
    """What ILIKE on the text itself finds: every word of the topic, in any case."""
    words = re.findall(r"\w+", topic)
    clauses = " AND ".join(f"text ILIKE :w{n} ESCAPE '\\'" for n in range(len(words)))
    params = {f"w{n}": f"%{_escaped(w)}%" for n, w in enumerate(words)}
    async with engine.connect() as conn:
        found = await conn.execute(text(f"SELECT id FROM events WHERE {clauses}"), params)  # noqa: S608
        return sorted(row[0] for row in found)


def _escaped(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


async def _words_ids(engine: AsyncEngine, words: str) -> list[int]:
    repo = TimelineRepository(session_factory(engine))
    rows = (await repo.key_read(EventQuery(topic=words)))[1]
    return sorted(row.event_id for row in rows)


def _schema(sync_conn) -> tuple[set[str], set[str]]:  # type: ignore[no-untyped-def]
    found = inspect(sync_conn)
    columns = {column["name"] for column in found.get_columns("events")}
    return columns, {index["name"] for index in found.get_indexes("events")}


async def test_upgrade_to_0014_folds_the_texts_and_finds_what_ilike_finds(
    database_url: str,
) -> None:
    engine = create_engine(database_url)
    try:
        await upgrade_database(engine, "0013")
        params = {"day": date(2015, 3, 10), "sig": b"\x00", "t": datetime.now(UTC)}
        async with engine.begin() as conn:
            for statement in ROWS_AT_0004:
                await conn.execute(text(statement), params)
            await conn.execute(
                text(EVENTS_INSERT),
                [{"id": n, "day": params["day"], "body": b} for n, b in enumerate(TEXTS, 2)],
            )
        events = await _rows(engine)
        await upgrade_database(engine)
        assert await _rows(engine) == events
        async with engine.connect() as conn:
            columns, indexes = await conn.run_sync(_schema)
        postgres = engine.dialect.name == "postgresql"
        assert ("text_folded" in columns) is postgres
        assert "ix_events_text_trgm" not in indexes
        assert ("ix_events_folded_trgm" in indexes) is postgres
        # SQLite's LIKE folds ASCII letters only (storage.timeline_match._fts_words)
        assert await _words_ids(engine, "zürich") == ([2, 3] if postgres else [3])
        assert await _words_ids(engine, "ZÜRICH talks") == ([2, 3] if postgres else [3])
        assert await _words_ids(engine, "zurich") == [4]
        assert await _words_ids(engine, "50%") == []
        if postgres:
            for words in WORDS:
                assert await _words_ids(engine, words) == await _ilike_ids(engine, words), words
            async with engine.begin() as conn:  # kept by the server on insert and update
                await conn.execute(text("UPDATE events SET text = 'Talks in ZÜRICH.' WHERE id = 6"))
                folded = await conn.execute(text("SELECT text_folded FROM events WHERE id = 6"))
                assert folded.scalar_one() == "talks in zürich."
            assert await _words_ids(engine, "Zürich") == [2, 3, 6]
            assert await TimelineRepository(session_factory(engine)).count(
                EventQuery(topic="zürich talks")
            ) == EventCounts(dated=3, undated=0)
        events = await _rows(engine)
        await downgrade_database(engine, "0013")
        assert await _rows(engine) == events
        async with engine.connect() as conn:
            columns, indexes = await conn.run_sync(_schema)
        assert "text_folded" not in columns
        assert ("ix_events_text_trgm" in indexes) is postgres
    finally:
        await engine.dispose()
