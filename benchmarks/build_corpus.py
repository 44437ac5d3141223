"""Benchmark corpora of 1,000 / 10,000 / 100,000 articles, grown from real analysed articles.

Run: `.venv/bin/python -m benchmarks.build_corpus [--sizes 1000 10000 100000]
[--backends sqlite postgres] [--seed-articles 400]`.

1. Seed: `--seed-articles` real texts (half Timeline17, half PolNeAR) go through the full
   ingestion pipeline (`IngestService`) once, into `benchmarks/.data/seed-<n>.db`; later runs
   reuse that file (a seed left by an older schema is refused: delete it and run again).
2. Copy: a fresh corpus database is migrated to head (SQLite `benchmarks/.data/corpus-<size>.db`,
   PostgreSQL database `analyst_bench_<size>`), and the seed rows are copied in as they are.
3. Grow: the seed rows are snapshotted into `bench_seed_*` tables and the secondary (`ix_`)
   indexes of the growing tables are dropped, to be made again in one pass each at the end
   (PostgreSQL's GIN index on the tsvector among them; the FTS5 table stays and is filled as
   rows arrive). Copy k = 1, 2, … of the seed is made by one `INSERT … SELECT` per table
   (articles, article_bands, sentences, mentions, quotes, events, event_entities,
   article_terms, named_days) from the snapshot, joined to a small `bench_shift` table that
   gives every seed article its new id and a date shift:
   ids are offset by k × the seed's largest id of that table; the publication date, every
   event date and every named day (`named_days`, the days the text names outright) of the
   article move by the same number of days, so that copies land spread over
   2015-01-01 … 2025-12-31 (an event dated to a week, month or year then goes back to that
   period's first day, as ingestion stores it; a named day is a day, only moved); content
   hashes, canonical URLs and band keys get a per-copy suffix (unique, and no copy looks like
   a near-duplicate of another). The full-text index follows: on SQLite the FTS5 trigger fires
   on every inserted article, on PostgreSQL the tsvector column is generated. The last copy is
   partial, to land on the exact size. The backlog of articles whose named days are still to
   be read (`named_days_pending`, filled by migration 0013 on a database that already holds
   articles) is never copied: the corpus is migrated while empty, and the build fails if a
   backlog is left.
4. Long tail: entities named in only one seed article (most NER output) are cloned per group
   of copies (name, surname and aliases + " <g>"), and those copies' mentions, quotes and event
   links point at the clones, so the entity and alias tables grow with the corpus (about as
   copies^0.6, a Heaps'-law-like vocabulary growth) instead of staying at the seed's size.
   Entities named in several articles (Putin, Obama, BP) stay shared by every copy.
5. Finish: every rollup and counter (`storage.rollups.rebuild`: the monthly and yearly sums,
   `entities.mention_count` and `article_count`, the sentence total) is recomputed from the
   rows, as the migrations' backfills do; PostgreSQL
   gets `VACUUM ANALYZE` (what autovacuum would do after a bulk load); SQLite gets nothing
   (the application never runs ANALYZE on its own). `--refresh-rollups` migrates an existing
   corpus instead; when that queues its articles for their named days (an upgrade past 0013),
   they are read there as the application would at its next start (`bot.services.named_days`),
   from each copy's text and shifted publication date, so no backlog is left for the benchmark
   (which opens the corpus without migrating) to skip.

Memory stays flat: every row is moved by the database, never through Python.
"""

# ruff: noqa: S608  (every statement is built from this module's constants, never from input)

from __future__ import annotations

import argparse
import asyncio
import logging
import math
import sqlite3
import sys
import tempfile
import time
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import asyncpg
from sqlalchemy import Date, DateTime, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from benchmarks import bench_db
from benchmarks.real_texts import real_texts, write_corpus
from storage import rollups
from storage.engine import create_engine, session_factory
from storage.migrate import head_revision, upgrade_database
from storage.models import Base
from storage.named_days import NamedDayRepository

log = logging.getLogger(__name__)

SEED_TABLES = (
    "entities",
    "entity_aliases",
    "articles",
    "article_bands",
    "sentences",
    "mentions",
    "quotes",
    "events",
    "event_entities",
    "article_terms",
    "named_days",
)
SERIAL_TABLES = (
    "entities",
    "entity_aliases",
    "articles",
    "sentences",
    "mentions",
    "quotes",
    "events",
)
SPAN_DAYS = (date(2025, 12, 31) - date(2015, 1, 1)).days + 1
EPOCH = date(1970, 1, 1)
DAY_2015 = (date(2015, 1, 1) - EPOCH).days
STEP = 1013  # days a copy moves against the previous one (prime: copies do not pile up)

HELPERS = (
    "CREATE TABLE bench_seed (article_id INTEGER PRIMARY KEY, ord INTEGER, h INTEGER,"
    " pub_day INTEGER)",
    "CREATE TABLE bench_shift (article_id INTEGER PRIMARY KEY, new_id INTEGER, delta INTEGER)",
    "CREATE TABLE bench_tail (entity_id INTEGER PRIMARY KEY)",
    "CREATE TABLE bench_emap (entity_id INTEGER PRIMARY KEY, new_id INTEGER)",
)
TAIL = (
    "INSERT INTO bench_tail (entity_id) SELECT entity_id FROM mentions"
    " GROUP BY entity_id HAVING count(DISTINCT article_id) = 1"
)
SHIFT = (
    "INSERT INTO bench_shift (article_id, new_id, delta)"
    " SELECT article_id, article_id + :a_off,"
    f" ((h + :k * {STEP}) % {SPAN_DAYS}) + {DAY_2015} - COALESCE(pub_day, {DAY_2015})"
    " FROM bench_seed WHERE ord < :count"
)
CLONES = (
    'INSERT INTO entities (id, "key", kind, name, surname, mention_count)'
    ' SELECT e.id + :en_off, substr(e."key", 1, 290) || :sfx, e.kind,'
    " substr(e.name, 1, 290) || :sfx, CASE WHEN e.surname = '' THEN '' ELSE e.surname || :sfx END,"
    " 0"
    " FROM entities e JOIN bench_tail t ON t.entity_id = e.id",
    "INSERT INTO entity_aliases (id, entity_id, alias, alias_key)"
    " SELECT al.id + :al_off, al.entity_id + :en_off, substr(al.alias, 1, 290) || :sfx,"
    " substr(al.alias_key, 1, 290) || :sfx"
    " FROM entity_aliases al JOIN bench_tail t ON t.entity_id = al.entity_id",
)
EMAP = (
    "INSERT INTO bench_emap (entity_id, new_id)"
    " SELECT entity_id, entity_id + :en_off FROM bench_tail"
)
JOIN = " JOIN bench_shift sh ON sh.article_id = {alias}.article_id"
MAPPED = " LEFT JOIN bench_emap em ON em.entity_id = {alias}.entity_id"
COPY = (
    "INSERT INTO articles (id, source, canonical_url, title, outlet, author, published,"
    " date_precision, date_source, text, word_count, content_hash, signature, dropped,"
    " ingested_at) SELECT sh.new_id, a.source, a.canonical_url || :tail, a.title, a.outlet,"
    " a.author, {published}, a.date_precision, a.date_source, a.text, a.word_count,"
    " substr(a.content_hash, 1, 48) || :hash_tail, a.signature, a.dropped, a.ingested_at"
    " FROM bench_seed_articles a JOIN bench_shift sh ON sh.article_id = a.id",
    "INSERT INTO article_bands (article_id, band_key) SELECT sh.new_id, b.band_key || :tail"
    " FROM bench_seed_article_bands b" + JOIN.format(alias="b"),
    'INSERT INTO sentences (id, article_id, position, start, "end", text)'
    ' SELECT s.id + :s_off, sh.new_id, s.position, s.start, s."end", s.text'
    " FROM bench_seed_sentences s" + JOIN.format(alias="s"),
    'INSERT INTO mentions (id, article_id, entity_id, sentence, start, "end", text)'
    " SELECT m.id + :m_off, sh.new_id, COALESCE(em.new_id, m.entity_id), m.sentence, m.start,"
    ' m."end", m.text FROM bench_seed_mentions m'
    + JOIN.format(alias="m")
    + MAPPED.format(alias="m"),
    "INSERT INTO quotes (id, article_id, entity_id, speaker_text, text, kind, cue, sentence,"
    ' start, "end") SELECT q.id + :q_off, sh.new_id, COALESCE(em.new_id, q.entity_id),'
    ' q.speaker_text, q.text, q.kind, q.cue, q.sentence, q.start, q."end" FROM bench_seed_quotes q'
    + JOIN.format(alias="q")
    + MAPPED.format(alias="q"),
    'INSERT INTO events (id, article_id, "date", "precision", expression, sentence, text)'
    ' SELECT e.id + :e_off, sh.new_id, {event_date}, e."precision", e.expression, e.sentence,'
    " e.text FROM bench_seed_events e" + JOIN.format(alias="e"),
    "INSERT INTO event_entities (event_id, entity_id)"
    " SELECT ee.event_id + :e_off, COALESCE(em.new_id, ee.entity_id)"
    " FROM bench_seed_event_entities ee"
    " JOIN bench_seed_events e ON e.id = ee.event_id"
    + JOIN.format(alias="e")
    + MAPPED.format(alias="ee"),
    'INSERT INTO article_terms (article_id, term, "count")'
    ' SELECT sh.new_id, t.term, t."count" FROM bench_seed_article_terms t' + JOIN.format(alias="t"),
    'INSERT INTO named_days (article_id, "day")'
    " SELECT sh.new_id, {named_day} FROM bench_seed_named_days n" + JOIN.format(alias="n"),
)
SHIFTED = {
    "sqlite": "date({col}, printf('%+d days', sh.delta))",
    "postgresql": "({col} + sh.delta)",
}
# A shifted event date keeps the shape its precision gives it: "in 2017" is stored as 2017-01-01
# and "in March" as the month's first day, so a shift by days would make one "year" date per
# copy (23,236 distinct year dates at 100k, where a real corpus has one per year) and inflate
# `event_days` and every chart built from it.
SNAPPED = {
    "sqlite": (
        "CASE e.\"precision\" WHEN 'year' THEN date({d}, 'start of year')"
        " WHEN 'month' THEN date({d}, 'start of month')"
        " WHEN 'week' THEN date({d}, '-6 days', 'weekday 1') ELSE {d} END"
    ),
    "postgresql": (
        "CASE e.\"precision\" WHEN 'year' THEN date_trunc('year', {d})::date"
        " WHEN 'month' THEN date_trunc('month', {d})::date"
        " WHEN 'week' THEN date_trunc('week', {d})::date ELSE {d} END"
    ),
}


def _copy_statements(dialect: str) -> list[str]:
    shifted = SHIFTED[dialect]
    event_date = SNAPPED[dialect].format(d=shifted.format(col='e."date"'))
    dates = {
        "published": shifted.format(col="a.published"),
        "event_date": event_date,
        "named_day": shifted.format(col='n."day"'),  # a day, whatever the event precisions
    }
    return [s.format(**dates) for s in COPY]


# ---------------------------------------------------------------- seed


async def _ingest(folder: Path, url: str) -> int:
    from bot.app import open_analyst
    from config.settings import Settings

    async with open_analyst(Settings.model_validate({"database_url": url})) as analyst:
        enqueued = await analyst.ingest.enqueue_paths([folder / "manifest.csv"])
        outcomes = await analyst.ingest.run(enqueued.job_ids)
        return sum(o.status == "new" for o in outcomes)


def seed_database(articles: int) -> Path:
    """The seed: real texts through the full pipeline, once (the file is reused afterwards)."""
    path = bench_db.DATA / f"seed-{articles}.db"
    if path.exists():
        check_seed(path)
        return path
    bench_db.DATA.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    partial = path.with_suffix(".partial.db")
    with tempfile.TemporaryDirectory(prefix="analyst-seed-") as tmp:
        write_corpus(real_texts(articles), Path(tmp))
        stored = asyncio.run(_ingest(Path(tmp), f"sqlite+aiosqlite:///{partial}"))
    with sqlite3.connect(partial) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.rename(path)
    for leftover in partial.parent.glob(partial.name + "-*"):
        leftover.unlink()
    print(
        f"seed: {stored} articles through the full pipeline in "
        f"{time.perf_counter() - start:.0f} s -> {path}"
    )
    return path


def check_seed(path: Path) -> None:
    """Refuse a seed made at an older schema (its rows would lack a newer table's, such as the
    named days of migration 0013), or one left with a backlog of unread named days."""
    head = head_revision()
    with closing(sqlite3.connect(path)) as db:
        found = db.execute("SELECT version_num FROM alembic_version").fetchone()
        if found is None or found[0] != head:
            raise SystemExit(
                f"{path} was made at schema {found[0] if found else None}, the code is at {head}:"
                " delete it and run again to make the seed anew"
            )
        pending = int(db.execute("SELECT count(*) FROM named_days_pending").fetchone()[0])
    if pending:
        raise SystemExit(f"{path} holds {pending} articles whose named days were never read")


def _columns(table: str) -> list[str]:
    return [c.name for c in Base.metadata.tables[table].columns]


def _quoted(columns: list[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def copy_seed_sqlite(target: Path, seed: Path) -> None:
    """Seed rows into a migrated SQLite corpus with ATTACH and INSERT … SELECT."""
    db = sqlite3.connect(target)
    try:
        db.execute("ATTACH DATABASE ? AS seed", (str(seed),))
        for table in SEED_TABLES:
            cols = _quoted(_columns(table))
            db.execute(f"INSERT INTO main.{table} ({cols}) SELECT {cols} FROM seed.{table}")
        db.commit()
        db.execute("DETACH DATABASE seed")
    finally:
        db.close()


def _converter(table: str, column: str) -> Any:
    kind = Base.metadata.tables[table].columns[column].type
    if isinstance(kind, DateTime):
        return lambda v: None if v is None else datetime.fromisoformat(v).replace(tzinfo=UTC)
    if isinstance(kind, Date):
        return lambda v: None if v is None else date.fromisoformat(v)
    return None


def _records(seed: sqlite3.Connection, table: str) -> list[tuple[Any, ...]]:
    columns = _columns(table)
    converters = [_converter(table, c) for c in columns]
    rows = seed.execute(f"SELECT {_quoted(columns)} FROM {table}")
    return [
        tuple(v if f is None else f(v) for f, v in zip(converters, row, strict=True))
        for row in rows
    ]


async def copy_seed_postgres(url: str, seed: Path) -> None:
    """Seed rows into a migrated PostgreSQL corpus with COPY, then move the id sequences on."""
    source = sqlite3.connect(seed)
    connection = await asyncpg.connect(bench_db.asyncpg_dsn(url))
    try:
        for table in SEED_TABLES:
            await connection.copy_records_to_table(
                table, records=_records(source, table), columns=_columns(table)
            )
    finally:
        await connection.close()
        source.close()


# ---------------------------------------------------------------- grow


async def _seed_facts(conn: AsyncConnection) -> dict[str, int]:
    maxima = {}
    for table in SERIAL_TABLES:
        maxima[table] = int(await conn.scalar(text(f"SELECT max(id) FROM {table}")) or 0)
    maxima["count"] = int(await conn.scalar(text("SELECT count(*) FROM articles")) or 0)
    return maxima


GROWN = ("articles", "article_bands", "sentences", "mentions", "quotes", "events",
          "event_entities", "article_terms", "named_days")  # fmt: skip
INDEXES = {
    "sqlite": "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    " AND name LIKE 'ix_%' AND tbl_name IN ({tables})",
    "postgresql": "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"
    " AND indexname LIKE 'ix_%' AND tablename IN ({tables})",
}


async def _prepare(conn: AsyncConnection) -> None:
    """Helper tables, and a snapshot of the seed rows every copy reads (so the growing tables
    are only ever written to, and need no index while they grow)."""
    for statement in HELPERS:
        await conn.execute(text(statement))
    for table in GROWN:
        await conn.execute(text(f"CREATE TABLE bench_seed_{table} AS SELECT * FROM {table}"))
    await conn.execute(text("CREATE INDEX bench_seed_ee ON bench_seed_event_entities (event_id)"))
    rows = (await conn.execute(text("SELECT id, published FROM articles ORDER BY id"))).all()
    seeds = [
        {"a": r[0], "o": n, "h": (n * 7919) % SPAN_DAYS, "p": _day(r[1])}
        for n, r in enumerate(rows)
    ]
    await conn.execute(
        text("INSERT INTO bench_seed (article_id, ord, h, pub_day) VALUES (:a, :o, :h, :p)"), seeds
    )
    await conn.execute(text(TAIL))


def _day(value: date | str | None) -> int | None:
    if value is None:
        return None
    day = value if isinstance(value, date) else date.fromisoformat(value)
    return (day - EPOCH).days


def groups_for(copies: int) -> int:
    """How many clone groups of the long-tail entities a corpus of that many copies gets."""
    return max(1, math.ceil(copies**0.6))


async def _copy(conn: AsyncConnection, k: int, facts: dict[str, int], plan: dict[str, Any]) -> None:
    """Make copy k of the seed (its first `count` articles)."""
    count = min(facts["count"], plan["size"] - k * facts["count"])
    group = k % plan["groups"]
    entity_offset = group * facts["entities"]
    await conn.execute(text("DELETE FROM bench_shift"))
    await conn.execute(text("DELETE FROM bench_emap"))
    await conn.execute(text(SHIFT), {"a_off": k * facts["articles"], "k": k, "count": count})
    if group:
        if k == group:  # the first copy of this group makes its clones
            clone = {
                "en_off": entity_offset,
                "al_off": group * facts["entity_aliases"],
                "sfx": f" {group}",
            }
            for statement in CLONES:
                await conn.execute(text(statement), clone)
        await conn.execute(text(EMAP), {"en_off": entity_offset})
    params = {
        "tail": f"/{k}",
        "hash_tail": f"{k:016d}",
        "s_off": k * facts["sentences"],
        "m_off": k * facts["mentions"],
        "q_off": k * facts["quotes"],
        "e_off": k * facts["events"],
    }
    for statement in plan["statements"]:
        await conn.execute(text(statement), _used(statement, params))


def _used(statement: str, params: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in params.items() if f":{k}" in statement}


async def refresh_rollups(engine: AsyncEngine) -> None:
    """Recompute the monthly rollups from the rows (the copies bypassed `storage.rollups`)."""
    async with engine.begin() as conn:
        await _tune(conn)
        await rollups.rebuild(conn)


async def _finish(engine: AsyncEngine) -> None:
    await refresh_rollups(engine)
    async with engine.begin() as conn:
        await _tune(conn)
        pending = int(await conn.scalar(text("SELECT count(*) FROM named_days_pending")) or 0)
        if pending:  # the copies' named days are copied, never read: no backlog may be left
            raise RuntimeError(f"{pending} articles wait for their named days to be read")
        helpers = ("bench_emap", "bench_tail", "bench_shift", "bench_seed")
        for table in helpers + tuple(f"bench_seed_{t}" for t in GROWN):
            await conn.execute(text(f"DROP TABLE {table}"))
        if engine.dialect.name == "postgresql":
            for table in SERIAL_TABLES:
                await conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                        f" (SELECT max(id) FROM {table}))"
                    )
                )
    await _settle(engine)


async def _settle(engine: AsyncEngine) -> None:
    """After a bulk write: PostgreSQL gets `VACUUM ANALYZE` (what autovacuum does after one),
    SQLite a WAL checkpoint."""
    if engine.dialect.name == "postgresql":
        async with engine.connect() as conn:
            auto = await conn.execution_options(isolation_level="AUTOCOMMIT")
            await auto.execute(text("VACUUM ANALYZE"))
    else:
        async with engine.connect() as conn:
            await conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


async def _drop_indexes(conn: AsyncConnection) -> list[str]:
    """Drop the secondary (ix_) indexes of the grown tables; returns how to make them again."""
    tables = ", ".join(f"'{t}'" for t in GROWN)
    found = (await conn.execute(text(INDEXES[conn.dialect.name].format(tables=tables)))).all()
    for name, _ in found:
        await conn.execute(text(f'DROP INDEX "{name}"'))
    return [definition for _, definition in found]


async def _tune(conn: AsyncConnection) -> None:
    """Bulk-load settings for this connection: a big page cache, no wait for the disk."""
    if conn.dialect.name == "sqlite":
        await conn.exec_driver_sql("PRAGMA cache_size = -1000000")
    else:
        await conn.execute(text("SET LOCAL synchronous_commit = off"))


async def grow(engine: AsyncEngine, size: int) -> dict[str, float]:
    """Replicate the seed already in the database up to `size` articles; seconds per phase."""
    timings: dict[str, float] = {}
    start = time.perf_counter()
    async with engine.begin() as conn:
        facts = await _seed_facts(conn)
        await _prepare(conn)
        indexes = await _drop_indexes(conn)
    copies = math.ceil(size / facts["count"])
    plan = {
        "size": size,
        "groups": groups_for(copies),
        "statements": _copy_statements(engine.dialect.name),
    }
    for k in range(1, copies):
        async with engine.begin() as conn:
            await _tune(conn)
            await _copy(conn, k, facts, plan)
    timings["replicate"] = time.perf_counter() - start
    start = time.perf_counter()
    async with engine.begin() as conn:
        await _tune(conn)
        for definition in indexes:
            await conn.execute(text(definition))
    timings["indexes"] = time.perf_counter() - start
    start = time.perf_counter()
    await _finish(engine)
    timings["finish"] = time.perf_counter() - start
    return timings


# ---------------------------------------------------------------- one corpus


async def build(backend: str, size: int, seed: Path) -> dict[str, float]:
    """Create, migrate, seed and grow one corpus; seconds per phase."""
    start = time.perf_counter()
    if backend == "sqlite":
        path = bench_db.sqlite_path(size)
        for old in path.parent.glob(path.name + "*"):
            old.unlink()
        url = bench_db.database_url("sqlite", size)
    else:
        url = await bench_db.recreate_pg(size)
    engine = create_engine(url)
    try:
        await upgrade_database(engine)
        if backend == "sqlite":
            copy_seed_sqlite(bench_db.sqlite_path(size), seed)
        else:
            await copy_seed_postgres(url, seed)
        timings = {"create+seed": time.perf_counter() - start}
        timings |= await grow(engine, size)
    finally:
        await engine.dispose()
    timings["total"] = time.perf_counter() - start
    return timings


async def describe(backend: str, size: int) -> str:
    """Row counts and the size on disk of a built corpus."""
    engine = create_engine(bench_db.database_url(backend, size))
    counts = []
    async with engine.connect() as conn:
        for table in (
            "articles",
            "sentences",
            "mentions",
            "entities",
            "entity_aliases",
            "quotes",
            "events",
            "article_terms",
            "named_days",
        ):
            n = int(await conn.scalar(text(f"SELECT count(*) FROM {table}")) or 0)
            counts.append(f"{table} {n:,}")
        if engine.dialect.name == "postgresql":
            size_bytes = int(await conn.scalar(text("SELECT pg_database_size(current_database())")))
        else:
            size_bytes = bench_db.sqlite_path(size).stat().st_size
    await engine.dispose()
    return ", ".join(counts) + f"; {size_bytes / 2**30:.2f} GiB on disk"


async def _refresh_only(backend: str, size: int) -> float:
    start = time.perf_counter()
    from bot.services.named_days import read_backlog  # the application's, as seed_database's

    engine = create_engine(bench_db.database_url(backend, size))
    try:
        await upgrade_database(engine)
        read = await read_backlog(NamedDayRepository(session_factory(engine)))
        if read:
            print(f"{backend:8} {size:>7,}: named days of {read:,} articles read (migration 0013)")
        await refresh_rollups(engine)
        await _settle(engine)  # the recount rewrote every entity row
    finally:
        await engine.dispose()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Build the requested corpora and print how long each took."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(bench_db.SIZES))
    parser.add_argument(
        "--backends", nargs="+", choices=bench_db.BACKENDS, default=list(bench_db.BACKENDS)
    )
    parser.add_argument("--seed-articles", type=int, default=400)
    parser.add_argument(
        "--refresh-rollups",
        action="store_true",
        help="only migrate existing corpora to head and recompute their rollups",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if args.refresh_rollups:
        for size in args.sizes:
            for backend in args.backends:
                seconds = asyncio.run(_refresh_only(backend, size))
                print(f"{backend:8} {size:>7,}: migrated and rollups refreshed in {seconds:.1f} s")
        return 0
    seed = seed_database(args.seed_articles)
    for size in args.sizes:
        for backend in args.backends:
            timings = asyncio.run(build(backend, size, seed))
            shown = ", ".join(f"{k} {v:.1f} s" for k, v in timings.items())
            print(f"{backend:8} {size:>7,} articles: {shown}")
            print(f"         {asyncio.run(describe(backend, size))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
