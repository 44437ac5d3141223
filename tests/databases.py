"""Fresh, empty databases for tests: a SQLite file, or a PostgreSQL database per test.

PostgreSQL is the server the machine runs (ANALYST_TEST_POSTGRES_URL, default the local `test`
database with trust auth). Set ANALYST_TEST_POSTGRES_URL to an empty string to run SQLite only:
the PostgreSQL cases are then reported as skipped, with the reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url

DEFAULT_PG = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
POSTGRES_URL = os.environ.get("ANALYST_TEST_POSTGRES_URL", DEFAULT_PG)
NEEDS_POSTGRES = pytest.mark.skipif(
    not POSTGRES_URL, reason="ANALYST_TEST_POSTGRES_URL is empty: PostgreSQL half not run"
)
# The PostgreSQL parameter is always there, so an empty URL shows up as skipped, not as nothing.
BACKENDS = ["sqlite", pytest.param("postgres", marks=NEEDS_POSTGRES)]


def _admin_dsn() -> str:
    url = make_url(POSTGRES_URL).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


async def _admin(statement: str) -> None:
    admin = await asyncpg.connect(_admin_dsn())
    try:
        await admin.execute(statement)
    finally:
        await admin.close()


async def create_postgres_database() -> str:
    """Make a new empty PostgreSQL database and return its URL."""
    name = f"analyst_test_{uuid.uuid4().hex[:12]}"
    await _admin(f'CREATE DATABASE "{name}"')
    return make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)


async def drop_postgres_database(url: str) -> None:
    """Drop a database made by create_postgres_database."""
    await _admin(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')


@asynccontextmanager
async def fresh_database(backend: str, tmp_path: Path) -> AsyncIterator[str]:
    """Yield the URL of a new empty database of that backend; drop it afterwards."""
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'analyst.db'}"
        return
    url = await create_postgres_database()
    try:
        yield url
    finally:
        await drop_postgres_database(url)
