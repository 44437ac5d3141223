"""key dates without a topic: the busiest dates' events read from one index

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 08:30:00.000000

`/timeline` without a topic ranks the events of the range's busiest dates, every n-th by id
(`storage.timeline.TimelineRepository.key_read`). `ix_events_date_key` holds what that read needs
of an event (date, precision, sentence, article; the id: SQLite keeps the rowid in every index,
PostgreSQL gets it as an INCLUDE column), so the 150 busiest dates' 150,000 events are sampled
from the index alone and only the 3,000 kept are joined to their articles: PostgreSQL scanned the
whole events table for it (about 100 ms at 100,000 articles), SQLite read each kept event's row.
An index only: no row is added, changed or removed; building it reads `events` once.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the covering index of the events' dates."""
    op.create_index(
        "ix_events_date_key",
        "events",
        ["date", "precision", "sentence", "article_id"],
        postgresql_include=["id"],
        if_not_exists=True,
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index("ix_events_date_key", table_name="events", if_exists=True)
