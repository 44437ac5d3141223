"""monthly rollups for compare, and indexes the 100,000-article benchmark asked for

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 14:00:00.000000

`entity_months`, `term_months` and `term_totals` are filled from the rows already stored, then
kept in step by `storage.rollups`. Event texts get a substring index for `/timeline <topic>`:
a trigram FTS5 table on SQLite (kept by triggers, like `articles_fts`), a pg_trgm GIN index on
PostgreSQL (skipped with a warning where the extension cannot be created: the query is the same,
only slower). See BENCHMARKS.md for the measurements behind each index.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MONTH = {
    "sqlite": "date(a.published, 'start of month')",
    "postgresql": "CAST(date_trunc('month', a.published) AS DATE)",
}
log = logging.getLogger(__name__)

EVENTS_FTS_UP = (
    "CREATE VIRTUAL TABLE events_fts USING fts5("
    "text, content='events', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN"
    " INSERT INTO events_fts (rowid, text) VALUES (new.id, new.text);"
    " END",
    "CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN"
    " INSERT INTO events_fts (events_fts, rowid, text) VALUES ('delete', old.id, old.text);"
    " END",
    "CREATE TRIGGER events_fts_update AFTER UPDATE OF text ON events BEGIN"
    " INSERT INTO events_fts (events_fts, rowid, text) VALUES ('delete', old.id, old.text);"
    " INSERT INTO events_fts (rowid, text) VALUES (new.id, new.text);"
    " END",
    "INSERT INTO events_fts (events_fts) VALUES ('rebuild')",
)
EVENTS_FTS_DOWN = (
    "DROP TRIGGER IF EXISTS events_fts_update",
    "DROP TRIGGER IF EXISTS events_fts_delete",
    "DROP TRIGGER IF EXISTS events_fts_insert",
    "DROP TABLE IF EXISTS events_fts",
)
TRIGRAM_INDEX = "CREATE INDEX ix_events_text_trgm ON events USING gin (text gin_trgm_ops)"

BACKFILL = (
    "INSERT INTO entity_months (month, entity_id, mentions, articles)"
    " SELECT {month}, m.entity_id, count(*), count(DISTINCT m.article_id)"
    " FROM mentions m JOIN articles a ON a.id = m.article_id WHERE a.published IS NOT NULL"
    " GROUP BY {month}, m.entity_id",
    "INSERT INTO term_months (month, term, uses)"
    ' SELECT {month}, t.term, sum(t."count")'
    " FROM article_terms t JOIN articles a ON a.id = t.article_id WHERE a.published IS NOT NULL"
    " GROUP BY {month}, t.term",
    'INSERT INTO term_totals (term, uses) SELECT term, sum("count") FROM article_terms'
    " GROUP BY term",
)


def _rollup_tables() -> None:
    op.create_table(
        "entity_months",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entities.id"],
            name=op.f("fk_entity_months_entity_id_entities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("month", "entity_id", name=op.f("pk_entity_months")),
    )
    with op.batch_alter_table("entity_months", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entity_months_entity_id"), ["entity_id"])
    op.create_table(
        "term_months",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("term", sa.String(length=60), nullable=False),
        sa.Column("uses", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("month", "term", name=op.f("pk_term_months")),
    )
    op.create_table(
        "term_totals",
        sa.Column("term", sa.String(length=60), nullable=False),
        sa.Column("uses", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("term", name=op.f("pk_term_totals")),
    )


def _mention_indexes() -> None:
    """Composite indexes that answer "who shares this sentence" and "this entity's articles"
    from the index alone; their prefixes replace the two single-column indexes."""
    op.drop_index("ix_mentions_article_id", table_name="mentions")
    op.drop_index("ix_mentions_entity_id", table_name="mentions")
    op.create_index(
        "ix_mentions_article_sentence", "mentions", ["article_id", "sentence", "entity_id"]
    )
    op.create_index(
        "ix_mentions_entity_article", "mentions", ["entity_id", "article_id", "sentence"]
    )


def _event_text_index() -> None:
    """A substring index on event texts, for the topic words of `/timeline`."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in EVENTS_FTS_UP:
            op.execute(statement)
        return
    try:
        with bind.begin_nested():  # a savepoint: a refused extension must not abort the upgrade
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            bind.exec_driver_sql(TRIGRAM_INDEX)
    except sa.exc.DBAPIError as exc:
        log.warning("no trigram index on event texts (timeline topics read every event): %s", exc)


def upgrade() -> None:
    """Apply this revision."""
    _mention_indexes()
    _event_text_index()
    _rollup_tables()
    month = MONTH.get(op.get_bind().dialect.name, MONTH["postgresql"])
    for statement in BACKFILL:
        op.execute(statement.format(month=month))


def downgrade() -> None:
    """Revert this revision."""
    if op.get_bind().dialect.name == "sqlite":
        for statement in EVENTS_FTS_DOWN:
            op.execute(statement)
    else:
        op.execute("DROP INDEX IF EXISTS ix_events_text_trgm")
    op.drop_table("term_totals")
    op.drop_table("term_months")
    with op.batch_alter_table("entity_months", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entity_months_entity_id"))
    op.drop_table("entity_months")
    op.drop_index("ix_mentions_entity_article", table_name="mentions")
    op.drop_index("ix_mentions_article_sentence", table_name="mentions")
    op.create_index("ix_mentions_entity_id", "mentions", ["entity_id"])
    op.create_index("ix_mentions_article_id", "mentions", ["article_id"])
