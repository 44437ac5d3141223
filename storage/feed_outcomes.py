"""What a feed item's ingest job ending means for its feed: a card to post, or nothing.

Called by `storage.jobs` inside the transaction that ends the job, so a stored article from a
feed always has its card waiting in the outbox, and a rolled-back store has none.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.ext.asyncio import AsyncSession

FEED_ARTICLE = "feed_article"


async def announce_feed_outcome(
    session: AsyncSession, job_id: int, payload: dict[str, object], end: Mapping[str, object]
) -> None:
    """Write the outbox row a feed item's end calls for (jobs not from a feed: nothing)."""
    meta = payload.get("meta")
    if not isinstance(meta, dict) or meta.get("via") != "feed":
        return
    # filled in by the feeds work (issue 14)
