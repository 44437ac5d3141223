"""Alerts fired by a newly stored article, written in the transaction that stored it.

Called by `storage.jobs` when a job ends done: every alert the article matches gets one
`alert_fires` row and one outbox row, so each alert fires once per article across restarts and
processes.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

ALERT = "alert"


async def fire_alerts(session: AsyncSession, article_id: int) -> int:
    """Fire the alerts a just-stored article matches; returns how many fired."""
    del session, article_id  # filled in by the alerts work (issue 14)
    return 0
