"""Where the benchmark corpora live: SQLite files under `benchmarks/.data/`, PostgreSQL databases
`analyst_bench_<size>` on the local server (created and dropped by `build_corpus`).

ANALYST_BENCH_DATA and ANALYST_BENCH_PG_PREFIX move both elsewhere;
ANALYST_BENCH_POSTGRES_URL names the server (its maintenance database)."""

from __future__ import annotations

import os
from pathlib import Path

import asyncpg
from sqlalchemy.engine import make_url

DATA = Path(os.environ.get("ANALYST_BENCH_DATA") or Path(__file__).resolve().parent / ".data")
POSTGRES_SERVER = os.environ.get(
    "ANALYST_BENCH_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)
# Another prefix keeps a second set of corpora beside the first (the "before" copies of
# `benchmarks.baseline`); SQLite files follow ANALYST_BENCH_DATA.
PG_PREFIX = os.environ.get("ANALYST_BENCH_PG_PREFIX", "analyst_bench_")
BACKENDS = ("sqlite", "postgres")
SIZES = (1_000, 10_000, 100_000)


def sqlite_path(size: int) -> Path:
    """The SQLite file of the corpus of that size."""
    return DATA / f"corpus-{size}.db"


def pg_name(size: int) -> str:
    """The PostgreSQL database of the corpus of that size."""
    return f"{PG_PREFIX}{size}"


def database_url(backend: str, size: int) -> str:
    """The application URL of one benchmark corpus."""
    if backend == "sqlite":
        return f"sqlite+aiosqlite:///{sqlite_path(size)}"
    return make_url(POSTGRES_SERVER).set(database=pg_name(size)).render_as_string(False)


def asyncpg_dsn(url: str) -> str:
    """The plain libpq DSN asyncpg wants for an application URL."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def admin(statement: str) -> None:
    """Run one statement on the server's maintenance database (CREATE/DROP DATABASE)."""
    connection = await asyncpg.connect(asyncpg_dsn(POSTGRES_SERVER))
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


async def recreate_pg(size: int) -> str:
    """Drop and create the corpus database of that size; returns its URL."""
    await admin(f'DROP DATABASE IF EXISTS "{pg_name(size)}" WITH (FORCE)')
    await admin(f'CREATE DATABASE "{pg_name(size)}"')
    return database_url("postgres", size)
