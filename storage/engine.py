"""One async engine per process and its session factory.

SQLite gets WAL, foreign keys and a busy timeout so a locked database waits before it fails.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 5000
SQLITE_CACHE_KIB = 65_536  # page cache per connection (default 2 MiB): a busy topic's reads fit


class DatabaseUrlError(ValueError):
    """The configured database URL cannot be used; the message is shown to the user as is."""


class MissingFolderError(DatabaseUrlError):
    """The folder a SQLite file URL points into does not exist, and was not to be created."""

    def __init__(self, folder: Path) -> None:
        problem = "is not a folder" if folder.exists() else "does not exist"
        super().__init__(f"the folder {folder} {problem}")
        self.folder = folder


def is_sqlite(url: str) -> bool:
    """True when the URL selects the embedded SQLite database."""
    return url.startswith("sqlite")


def _prepare_sqlite_file(url: str, *, create_folder: bool) -> None:
    """Create the folder a SQLite file lives in (a fresh checkout just works), or insist on it."""
    database = make_url(url).database
    if database and database != ":memory:":
        folder = Path(database).expanduser().parent
        if not create_folder:
            if not folder.is_dir():
                raise MissingFolderError(folder)
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseUrlError(
                f"cannot create the database folder {folder}: {exc.strerror or exc}"
            ) from exc


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Turn on WAL, foreign keys, a busy timeout and a page cache for every new SQLite connection.

    The cache is an upper bound, filled only as pages are read. At 100k articles a busy topic's
    key dates read more index and event pages than the default 2 MiB holds, so each question
    read them from the file again (BENCHMARKS.md, "After session 14")."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    cursor.close()


def create_engine(url: str, *, create_folder: bool = True) -> AsyncEngine:
    """Build the async engine for a URL; a URL it cannot use gets a clear message.

    A SQLite file's missing folder is created unless `create_folder` is False: then it is a
    `MissingFolderError` (a mistyped path should not leave new folders behind).
    """
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseUrlError(f"cannot parse database URL {url!r}") from exc
    if parsed.drivername not in ("sqlite+aiosqlite", "postgresql+asyncpg"):
        raise DatabaseUrlError(
            f"unsupported database URL scheme {parsed.drivername!r}: "
            "use sqlite+aiosqlite:///file.db or postgresql+asyncpg://..."
        )
    if is_sqlite(url):
        _prepare_sqlite_file(url, create_folder=create_folder)
        engine = create_async_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    return create_async_engine(url, pool_pre_ping=True)


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded values after commit: records are built from them afterwards."""
    return async_sessionmaker(engine, expire_on_commit=False)
