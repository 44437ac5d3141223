"""Migrations build the schema the models describe, are idempotent, and keep rows."""

from __future__ import annotations

from datetime import UTC, date, datetime

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.engine import create_engine, session_factory
from storage.jobs import DONE, JobQueue
from storage.migrate import current_revision, downgrade_database, head_revision, upgrade_database
from storage.models import Base
from storage.search import include_object
from storage.stats import StatsRepository
from storage.timeline import EventQuery, TimelineRepository

TABLES = {
    "articles",
    "article_bands",
    "sentences",
    "entities",
    "entity_aliases",
    "mentions",
    "quotes",
    "events",
    "ingest_jobs",
    "guild_settings",
    "event_entities",
    "article_terms",
    "digest_posts",
    "entity_months",
    "term_months",
    "term_totals",
    "outbox",
    "feeds",
    "feed_hosts",
    "feed_items",
    "alerts",
    "alert_fires",
    "spike_reports",
}


async def test_upgrade_creates_every_table(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        names = await conn.run_sync(lambda c: set(inspect(c).get_table_names()))
    assert names >= TABLES | {"alembic_version"}
    assert await current_revision(engine) == head_revision()


async def test_models_and_migrations_agree(engine: AsyncEngine) -> None:
    def diff(sync_conn):  # type: ignore[no-untyped-def]
        context = MigrationContext.configure(
            sync_conn, opts={"compare_type": True, "include_object": include_object}
        )
        return compare_metadata(context, Base.metadata)

    async with engine.connect() as conn:
        assert await conn.run_sync(diff) == []


async def test_upgrade_again_keeps_rows(engine: AsyncEngine) -> None:
    now = datetime.now(UTC)
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO ingest_jobs (source_key, kind, payload, status, attempts,"
                " created_at, updated_at, not_before) VALUES"
                " ('file:a', 'file', '{}', 'pending', 0, :t, :t, :t)"
            ),
            {"t": now},
        )
    await upgrade_database(engine)
    async with engine.connect() as conn:
        keys = (await conn.execute(text("SELECT source_key FROM ingest_jobs"))).scalars().all()
    assert keys == ["file:a"]


async def test_downgrade_to_base_then_upgrade(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        await upgrade_database(engine)
        await downgrade_database(engine, "base")
        assert await current_revision(engine) is None
        await upgrade_database(engine)
        assert await current_revision(engine) == head_revision()
    finally:
        await engine.dispose()


async def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'x.db'}")
    try:
        async with engine.connect() as conn:
            mode = (await conn.execute(text("PRAGMA journal_mode"))).scalar()
            keys = (await conn.execute(text("PRAGMA foreign_keys"))).scalar()
            cache = (await conn.execute(text("PRAGMA cache_size"))).scalar()
        assert (mode, keys, cache) == ("wal", 1, -65_536)  # a 64 MiB page cache, in KiB
    finally:
        await engine.dispose()


async def test_upgrade_from_the_first_release_keeps_articles(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        await upgrade_database(engine, "0001")
        async with engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO articles (source, title, date_precision, date_source, text,"
                    " word_count, content_hash, signature, dropped, ingested_at) VALUES"
                    " ('a.txt', 'Kept', 'unknown', '', 'Body.', 1, 'h1', :sig, '[]', :t)"
                ),
                {"sig": b"\x00", "t": datetime.now(UTC)},
            )
            await conn.execute(
                text(
                    'INSERT INTO sentences (article_id, position, start, "end", text)'
                    " VALUES (1, 0, 0, 5, 'Body.')"
                )
            )
        await upgrade_database(engine)
        async with engine.connect() as conn:
            titles = (await conn.execute(text("SELECT title FROM articles"))).scalars().all()
            sentences = (await conn.execute(text("SELECT text FROM sentences"))).scalars().all()
        assert (titles, sentences) == (["Kept"], ["Body."])
    finally:
        await engine.dispose()


ROWS_AT_0004 = (
    "INSERT INTO articles (id, source, title, published, date_precision, date_source, text,"
    " word_count, content_hash, signature, dropped, ingested_at) VALUES"
    " (1, 'a.txt', 'Dated', :day, 'day', 'header', 'Body.', 1, 'h1', :sig, '[]', :t),"
    " (2, 'b.txt', 'Undated', NULL, 'unknown', '', 'Body.', 1, 'h2', :sig, '[]', :t)",
    'INSERT INTO entities (id, "key", kind, name, surname, mention_count)'
    " VALUES (7, 'putin', 'person', 'Vladimir Putin', 'putin', 3)",
    'INSERT INTO mentions (article_id, entity_id, sentence, start, "end", text)'
    " VALUES (1, 7, 0, 0, 5, 'Putin'), (1, 7, 1, 0, 5, 'Putin'), (2, 7, 0, 0, 5, 'Putin')",
    "INSERT INTO article_terms (article_id, term, \"count\") VALUES (1, 'war', 3), (2, 'war', 2)",
    'INSERT INTO events (id, article_id, "date", "precision", expression, sentence, text)'
    " VALUES (1, 1, :day, 'day', 'on Monday', 0, 'Troops crossed the border on Monday.')",
)


async def test_upgrade_to_0005_counts_the_stored_articles(database_url: str) -> None:
    """The rollups start from the rows already there, and old events are found by their words."""
    engine = create_engine(database_url)
    try:
        await upgrade_database(engine, "0004")
        params = {"day": date(2015, 3, 10), "sig": b"\x00", "t": datetime.now(UTC)}
        async with engine.begin() as conn:
            for statement in ROWS_AT_0004:
                await conn.execute(text(statement), params)
        await upgrade_database(engine)
        async with engine.connect() as conn:
            months = (await conn.execute(text("SELECT * FROM entity_months"))).all()
            terms = (await conn.execute(text("SELECT * FROM term_months"))).all()
            totals = (await conn.execute(text("SELECT * FROM term_totals"))).all()
        assert [(str(m[0]), *m[1:]) for m in months] == [("2015-03-01", 7, 2, 1)]
        assert [(str(t[0]), *t[1:]) for t in terms] == [("2015-03-01", "war", 3)]
        assert [tuple(t) for t in totals] == [("war", 5)]  # the undated article counts here
        timeline = TimelineRepository(session_factory(engine))
        found = await timeline.dated(EventQuery(topic="crossed BORDER"), limit=5)
        assert [e.text for e in found] == ["Troops crossed the border on Monday."]
    finally:
        await engine.dispose()


async def test_upgrade_to_0009_keeps_queued_jobs_and_announces_their_end(database_url: str) -> None:
    """A job queued from Discord before the outbox existed is kept, and its end is announced."""
    engine = create_engine(database_url)
    try:
        await upgrade_database(engine, "0008")
        meta = '{"meta": {"via": "discord", "guild": 5, "channel": 6, "message": 7}}'
        async with engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO ingest_jobs (id, source_key, kind, payload, status, attempts,"
                    " created_at, updated_at, not_before) VALUES"
                    " (1, 'discord:7:url:a', 'url', :meta, 'running', 0, :t, :t, :t),"
                    " (2, 'file:b', 'file', '{}', 'done', 1, :t, :t, :t)"
                ),
                {"t": datetime.now(UTC), "meta": meta},
            )
        await upgrade_database(engine)
        async with engine.connect() as conn:
            jobs = (
                await conn.execute(text("SELECT id, status FROM ingest_jobs ORDER BY id"))
            ).all()
            waiting = (await conn.execute(text("SELECT count(*) FROM outbox"))).scalar()
        assert ([tuple(j) for j in jobs], waiting) == ([(1, "running"), (2, "done")], 0)
        await JobQueue(session_factory(engine)).finish(1, DONE)
        async with engine.connect() as conn:
            rows = (await conn.execute(text("SELECT guild_id, message_id FROM outbox"))).all()
        assert [tuple(r) for r in rows] == [(5, 7)]
    finally:
        await engine.dispose()


async def test_upgrade_to_0010_counts_sentences_and_the_articles_naming_each_entity(
    database_url: str,
) -> None:
    """`/stats` reads counters: the upgrade fills them from the rows already stored."""
    engine = create_engine(database_url)
    try:
        await upgrade_database(engine, "0009")
        params = {"day": date(2015, 3, 10), "sig": b"\x00", "t": datetime.now(UTC)}
        async with engine.begin() as conn:
            for statement in ROWS_AT_0004:
                await conn.execute(text(statement), params)
            await conn.execute(
                text(
                    'INSERT INTO sentences (article_id, position, start, "end", text) VALUES'
                    " (1, 0, 0, 5, 'Body.'), (1, 1, 6, 9, 'Two.'), (2, 0, 0, 5, 'Body.')"
                )
            )
        await upgrade_database(engine)
        async with engine.connect() as conn:
            counts = (
                await conn.execute(text("SELECT id, mention_count, article_count FROM entities"))
            ).all()
            totals = (await conn.execute(text("SELECT name, value FROM corpus_totals"))).all()
        assert [tuple(c) for c in counts] == [(7, 3, 2)]
        assert [tuple(t) for t in totals] == [("sentences", 3)]
        figures = await StatsRepository(session_factory(engine)).corpus()
        assert (figures.sentences, [(p.name, p.mentions, p.articles) for p in figures.people]) == (
            3,
            [("Vladimir Putin", 3, 2)],
        )
    finally:
        await engine.dispose()
