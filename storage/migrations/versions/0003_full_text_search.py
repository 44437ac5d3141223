"""full-text search: FTS5 on SQLite, a weighted tsvector with a GIN index on PostgreSQL

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 12:00:00.000000

Neither object is in the ORM models (each belongs to one backend); `storage.search.include_object`
tells Alembic's compare to leave them alone. Both index the articles already stored: SQLite by a
`rebuild`, PostgreSQL by computing the generated column for every row.

A later migration that rebuilds `articles` on SQLite (batch mode copies the table) drops the
triggers with the old table and must create them again.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_UP = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5("
    "title, text, content='articles', content_rowid='id', tokenize='porter unicode61')",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
    " INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);"
    " END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
    " INSERT INTO articles_fts (articles_fts, rowid, title, text)"
    " VALUES ('delete', old.id, old.title, old.text);"
    " END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN"
    " INSERT INTO articles_fts (articles_fts, rowid, title, text)"
    " VALUES ('delete', old.id, old.title, old.text);"
    " INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);"
    " END",
    "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
)

SQLITE_DOWN = (
    "DROP TRIGGER IF EXISTS articles_fts_update",
    "DROP TRIGGER IF EXISTS articles_fts_delete",
    "DROP TRIGGER IF EXISTS articles_fts_insert",
    "DROP TABLE IF EXISTS articles_fts",
)

POSTGRES_UP = (
    "ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(text, '')), 'B')) STORED",
    "CREATE INDEX ix_articles_search_vector ON articles USING gin (search_vector)",
)

POSTGRES_DOWN = (
    "DROP INDEX IF EXISTS ix_articles_search_vector",
    "ALTER TABLE articles DROP COLUMN IF EXISTS search_vector",
)


def _statements(up: bool) -> Sequence[str]:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        return SQLITE_UP if up else SQLITE_DOWN
    if dialect == "postgresql":
        return POSTGRES_UP if up else POSTGRES_DOWN
    return ()


def upgrade() -> None:
    """Apply this revision."""
    for statement in _statements(up=True):
        op.execute(statement)


def downgrade() -> None:
    """Revert this revision."""
    for statement in _statements(up=False):
        op.execute(statement)
