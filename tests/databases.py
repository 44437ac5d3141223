"""Fresh, empty databases for tests: a SQLite file, or a PostgreSQL database per test.

PostgreSQL is the server the machine runs (ANALYST_TEST_POSTGRES_URL, default the local `test`
database with trust auth). Set ANALYST_TEST_POSTGRES_URL to an empty string to run SQLite only.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
from sqlalchemy.engine import make_url

DEFAULT_PG = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
POSTGRES_URL = os.environ.get("ANALYST_TEST_POSTGRES_URL", DEFAULT_PG)
BACKENDS = ["sqlite", "postgres"] if POSTGRES_URL else ["sqlite"]


def _admin_dsn() -> str:
    url = make_url(POSTGRES_URL).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


@asynccontextmanager
async def fresh_database(backend: str, tmp_path: Path) -> AsyncIterator[str]:
    """Yield the URL of a new empty database of that backend; drop it afterwards."""
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'analyst.db'}"
        return
    name = f"analyst_test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(_admin_dsn())
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        admin = await asyncpg.connect(_admin_dsn())
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()
