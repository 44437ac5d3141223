"""feeds and alerts: followed feeds, the items they showed, per-host turns, alerts and their fires

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 10:00:00.000000

Feeds keep their poll schedule, validators (ETag, Last-Modified) and failure count in the
database, so polling survives restarts and is shared by several processes (`claimed_by`,
`claimed_until` as in the outbox). `feed_hosts` gives each web host one request at a time and a
minimum gap across processes. `feed_items` records every item a feed showed (by GUID, link, or
title and date) so none is ingested or posted twice. `alerts` are watches set in a guild;
`alert_fires` makes each fire once per subject; `spike_reports` is the cool-down of "Rising".
Every table starts empty: nothing existing changes.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NOW_TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Add the feed and alert tables."""
    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("channel_id", sa.BigInteger(), nullable=True),
        sa.Column("url", sa.String(length=2048), nullable=False),
        sa.Column("host", sa.String(length=300), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("as_threads", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("pause_reason", sa.Text(), nullable=True),
        sa.Column("etag", sa.String(length=512), nullable=True),
        sa.Column("last_modified", sa.String(length=128), nullable=True),
        sa.Column("validators_at", NOW_TZ, nullable=True),
        sa.Column("next_poll_at", NOW_TZ, nullable=False),
        sa.Column("last_polled_at", NOW_TZ, nullable=True),
        sa.Column("last_success_at", NOW_TZ, nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_new_items", sa.Integer(), nullable=False),
        sa.Column("total_items", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.BigInteger(), nullable=True),
        sa.Column("created_at", NOW_TZ, nullable=False),
        sa.Column("claimed_by", sa.String(length=200), nullable=True),
        sa.Column("claimed_until", NOW_TZ, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feeds")),
        sa.UniqueConstraint("guild_id", "url", name=op.f("uq_feeds_guild_id")),
    )
    op.create_index("ix_feeds_status_next_poll_at", "feeds", ["status", "next_poll_at"])
    op.create_index(op.f("ix_feeds_host"), "feeds", ["host"])
    op.create_table(
        "feed_hosts",
        sa.Column("host", sa.String(length=300), nullable=False),
        sa.Column("busy_by", sa.String(length=200), nullable=True),
        sa.Column("busy_until", NOW_TZ, nullable=True),
        sa.Column("next_request_at", NOW_TZ, nullable=True),
        sa.PrimaryKeyConstraint("host", name=op.f("pk_feed_hosts")),
    )
    op.create_table(
        "feed_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("feed_id", sa.Integer(), nullable=False),
        sa.Column("item_key", sa.String(length=2100), nullable=False),
        sa.Column("guid", sa.String(length=2048), nullable=True),
        sa.Column("link", sa.String(length=2048), nullable=True),
        sa.Column("title_key", sa.String(length=64), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", NOW_TZ, nullable=True),
        sa.Column("seen_at", NOW_TZ, nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["feed_id"], ["feeds.id"], name=op.f("fk_feed_items_feed_id_feeds"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["job_id"],
            ["ingest_jobs.id"],
            name=op.f("fk_feed_items_job_id_ingest_jobs"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feed_items")),
        sa.UniqueConstraint("feed_id", "item_key", name=op.f("uq_feed_items_feed_id")),
    )
    op.create_index("ix_feed_items_feed_id_link", "feed_items", ["feed_id", "link"])
    op.create_index("ix_feed_items_feed_id_title_key", "feed_items", ["feed_id", "title_key"])
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("channel_id", sa.BigInteger(), nullable=False),
        sa.Column("role_id", sa.BigInteger(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("query", sa.Text(), nullable=True),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("created_by", sa.BigInteger(), nullable=True),
        sa.Column("created_at", NOW_TZ, nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entities.id"],
            name=op.f("fk_alerts_entity_id_entities"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts")),
        sa.UniqueConstraint(
            "guild_id", "channel_id", "kind", "label", name=op.f("uq_alerts_guild_id")
        ),
    )
    op.create_index(op.f("ix_alerts_guild_id"), "alerts", ["guild_id"])
    op.create_index("ix_alerts_kind_entity_id", "alerts", ["kind", "entity_id"])
    op.create_table(
        "alert_fires",
        sa.Column("alert_id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("fired_at", NOW_TZ, nullable=False),
        sa.ForeignKeyConstraint(
            ["alert_id"],
            ["alerts.id"],
            name=op.f("fk_alert_fires_alert_id_alerts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("alert_id", "subject", name=op.f("pk_alert_fires")),
    )
    op.create_table(
        "spike_reports",
        sa.Column("guild_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("guild_id", "subject", name=op.f("pk_spike_reports")),
    )


def downgrade() -> None:
    """Drop the feed and alert tables (followed feeds and alerts are lost with them)."""
    op.drop_table("spike_reports")
    op.drop_table("alert_fires")
    op.drop_index("ix_alerts_kind_entity_id", table_name="alerts")
    op.drop_index(op.f("ix_alerts_guild_id"), table_name="alerts")
    op.drop_table("alerts")
    op.drop_index("ix_feed_items_feed_id_title_key", table_name="feed_items")
    op.drop_index("ix_feed_items_feed_id_link", table_name="feed_items")
    op.drop_table("feed_items")
    op.drop_table("feed_hosts")
    op.drop_index(op.f("ix_feeds_host"), table_name="feeds")
    op.drop_index("ix_feeds_status_next_poll_at", table_name="feeds")
    op.drop_table("feeds")
