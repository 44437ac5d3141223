"""outbox: what a guild must be told, written with the work that produced it, delivered once

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24 10:00:00.000000

An ingest job ending (done, duplicate, failed) used to reach only the process that ran it. Now
its end writes an `outbox` row in the same transaction, and the bot process owning the guild
delivers it: it claims the row with a lease (`claimed_by`, `claimed_until`), posts, and stamps
`delivered_at`. Undelivered rows are read oldest first through (delivered_at, id); the rows of
one chat message through `message_id`. Feeds and alerts will write their own kinds here. The
table starts empty: jobs that ended before this revision were answered (or not) the old way.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the outbox table and its two indexes."""
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("channel_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("job_id", sa.Integer(), nullable=True),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("claimed_by", sa.String(length=200), nullable=True),
        sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["job_id"],
            ["ingest_jobs.id"],
            name=op.f("fk_outbox_job_id_ingest_jobs"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
    )
    op.create_index("ix_outbox_delivered_at_id", "outbox", ["delivered_at", "id"])
    op.create_index("ix_outbox_message_id", "outbox", ["message_id"])


def downgrade() -> None:
    """Drop the outbox (undelivered outcomes are lost with it)."""
    op.drop_index("ix_outbox_message_id", table_name="outbox")
    op.drop_index("ix_outbox_delivered_at_id", table_name="outbox")
    op.drop_table("outbox")
