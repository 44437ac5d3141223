"""PostgreSQL: event texts stored folded to lower case, for the topic words of /timeline

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 01:10:00.000000

A topic's words find the events whose text holds each of them, case-insensitively
(`storage.timeline_match.words_clause`). On PostgreSQL that was `text ILIKE '%word%'` on the
trigram index of `events.text`; a trigram index always has its matches tested again on the row,
and an ILIKE in a UTF-8 database folds the whole text to lower case for each word it tests
(PostgreSQL's `lower()`, then a plain LIKE). For the 11,500 events holding "donald" and "trump"
at 100,000 articles that was 20 of the words' 32 ms. `events.text_folded` is `lower(text)`,
computed by PostgreSQL (a generated column: every insert and update keeps it), and the trigram
index moves to it: the words are then one LIKE each on the folded text (`lower(pattern)`), the
same matches as the ILIKE (which is `lower(text) LIKE lower(pattern)` there), in 12 ms.

Nothing changes on SQLite (its trigram FTS5 table answers the words from the index). On
PostgreSQL the events table is rewritten once (about 16 s for 500,000 events, and 14 s for the
index) and grows by the folded copy (105 to 182 MB at 100,000 articles); no row is changed or
removed. Where pg_trgm cannot be created the column is still added and the query is the same,
only without an index, as revision 0005 already allowed.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger(__name__)

FOLDED_COLUMN = (
    "ALTER TABLE events ADD COLUMN text_folded text GENERATED ALWAYS AS (lower(text)) STORED"
)
FOLDED_INDEX = "CREATE INDEX ix_events_folded_trgm ON events USING gin (text_folded gin_trgm_ops)"
TEXT_INDEX = "CREATE INDEX ix_events_text_trgm ON events USING gin (text gin_trgm_ops)"


def _trigram_index(statement: str) -> None:
    """Create a trigram index, or warn when pg_trgm is refused (the queries stay right)."""
    bind = op.get_bind()
    try:
        with bind.begin_nested():  # a savepoint: a refused extension must not abort the upgrade
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            bind.exec_driver_sql(statement)
    except sa.exc.DBAPIError as exc:
        log.warning("no trigram index on event texts (timeline topics read every event): %s", exc)


def upgrade() -> None:
    """Add the folded text and move the trigram index to it (PostgreSQL only)."""
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FOLDED_COLUMN)
    op.execute("DROP INDEX IF EXISTS ix_events_text_trgm")
    _trigram_index(FOLDED_INDEX)


def downgrade() -> None:
    """Revert this revision."""
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_events_folded_trgm")
    op.execute("ALTER TABLE events DROP COLUMN IF EXISTS text_folded")
    _trigram_index(TEXT_INDEX)
