"""Alembic environment: runs on a connection handed over by storage.migrate, or opens its own."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from config.settings import get_settings
from storage.engine import create_engine
from storage.models import Base
from storage.search import include_object

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    """Configure the context on a live connection and run the pending migrations."""
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object,  # the search index lives outside the models
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_with_own_engine() -> None:
    """Used by the plain `alembic` command line: the URL comes from the settings."""
    url = config.get_main_option("sqlalchemy.url") or get_settings().database_url
    engine = create_engine(url)
    async with engine.begin() as connection:
        await connection.run_sync(_run)
    await engine.dispose()


def run_migrations_online() -> None:
    """Prefer the connection storage.migrate shares; otherwise open one."""
    connection = config.attributes.get("connection")
    if connection is None:
        asyncio.run(_run_with_own_engine())
    else:
        _run(connection)


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; run against a database")
run_migrations_online()
