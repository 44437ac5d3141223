"""corpus counters for /stats: sentences, articles per entity, outlets and top entities by index

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 05:00:00.000000

`analyst stats` counted 5.5 million sentences and grouped 7.3 million mentions at 100,000
articles (about 6 s; `/stats` timed out in Discord). Now `corpus_totals` holds the sentence
count (one row, kept in step by `storage.rollups`), `entities.article_count` holds in how many
articles each entity is named next to its `mention_count`, `ix_entities_kind_mention_count`
reads the most mentioned of a kind from an index, and `ix_articles_outlet` groups the outlets
from an index instead of reading every article's text. All filled from the rows already stored.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BACKFILL = (  # frozen here; storage.rollups.rebuild keeps the live copy
    "DELETE FROM corpus_totals",
    "INSERT INTO corpus_totals (name, value) SELECT 'sentences', count(*) FROM sentences",
    "UPDATE entities SET article_count = c.n FROM (SELECT entity_id, count(DISTINCT article_id)"
    " AS n FROM mentions GROUP BY entity_id) AS c WHERE c.entity_id = entities.id",
)


def upgrade() -> None:
    """Add the counters and indexes, filled from the stored rows."""
    op.create_table(
        "corpus_totals",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_corpus_totals")),
        if_not_exists=True,
    )
    # plain ALTER TABLE on both backends (SQLite >= 3.35 drops columns too): a batch copy of
    # `entities` would cascade-delete the rows that point at it
    op.add_column(
        "entities", sa.Column("article_count", sa.Integer(), nullable=False, server_default="0")
    )
    op.create_index(
        op.f("ix_entities_kind_mention_count"),
        "entities",
        ["kind", "mention_count"],
        if_not_exists=True,
    )
    op.create_index(op.f("ix_articles_outlet"), "articles", ["outlet"], if_not_exists=True)
    for statement in BACKFILL:
        op.execute(statement)


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index(op.f("ix_articles_outlet"), table_name="articles", if_exists=True)
    op.drop_index(op.f("ix_entities_kind_mention_count"), table_name="entities", if_exists=True)
    op.drop_column("entities", "article_count")
    op.drop_table("corpus_totals")
