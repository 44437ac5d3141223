"""named days: the days each article names outright, for the key dates

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 22:30:00.000000

Key dates count the later articles that still name a day (`analysis.named_days`,
`analysis.key_dates.with_later_mentions`). `named_days` holds one row per article and day, and
ingestion writes it. The days are read from an article's text by analysis code, which a
migration may not import (storage knows no analysis), so this revision queues every stored
article in `named_days_pending`; the application reads their texts at its next start
(`bot.services.named_days`) and empties it. Nothing is changed or removed.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the named days and queue every stored article for them."""
    op.create_table(
        "named_days",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_named_days_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "day", name=op.f("pk_named_days")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "named_days_pending",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_named_days_pending_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_named_days_pending")),
    )
    op.execute("INSERT INTO named_days_pending (article_id) SELECT id FROM articles")


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("named_days_pending")
    op.drop_table("named_days")
