"""What a feed item's ingest job ending means for its feed: a card to post, or nothing.

Called by `storage.jobs` inside the transaction that ends the job, so a stored article from a
feed always has its card waiting in the outbox, and a rolled-back store has none. A job ends
once (the first end wins), so a card is written once per item, whichever process worked it.

A card is written when the item was picked to be posted (`meta.post`, at most
`feed_posts_per_poll` a poll), the feed still posts cards in a channel, and the job stored a new
article — or found one we already had that this channel was not shown by a feed: two guilds
following one feed both get its cards, while two feeds of one channel carrying the same story
(an outlet's "world" and "top stories") post it once.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from sqlalchemy import insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Feed, FeedItem, IngestJob, OutboxMessage

FEED_ARTICLE = "feed_article"
VIA_FEED = "feed"
CARDS = "cards"
DONE, DUPLICATE = "done", "duplicate"  # storage.jobs's names (it imports this module)


async def announce_feed_outcome(
    session: AsyncSession, job_id: int, payload: dict[str, object], end: Mapping[str, object]
) -> None:
    """Write the outbox row a feed item's end calls for (jobs not from a feed: nothing)."""
    meta = payload.get("meta")
    if not isinstance(meta, dict) or meta.get("via") != VIA_FEED or not meta.get("post"):
        return
    article_id = _article_of(end)
    if article_id is None or not str(meta.get("feed_id", "")).isdigit():
        return
    feed = await session.get(Feed, int(str(meta["feed_id"])))
    if feed is None or feed.mode != CARDS or not feed.channel_id:
        return  # unfollowed since, switched to the digest, or followed outside any guild
    if end["status"] == DUPLICATE and await _shown_in_channel(session, feed, article_id, job_id):
        return
    body = {
        "feed_id": feed.id,
        "feed_title": feed.title or feed.url,
        "article_id": article_id,
        "as_threads": bool(feed.as_threads),
    }
    await session.execute(
        insert(OutboxMessage).values(
            kind=FEED_ARTICLE,
            guild_id=feed.guild_id,
            channel_id=feed.channel_id,
            job_id=job_id,
            body=body,
            created_at=datetime.now(UTC),
            attempts=0,
        )
    )


def _article_of(end: Mapping[str, object]) -> int | None:
    """The article a job's end stands for: the one it stored, or the one it duplicates."""
    if end.get("status") == DONE:
        found = end.get("article_id")
    elif end.get("status") == DUPLICATE:
        found = end.get("duplicate_of")
    else:
        return None
    return int(str(found)) if found else None


async def _shown_in_channel(
    session: AsyncSession, feed: Feed, article_id: int, job_id: int
) -> bool:
    """Whether another feed item of this channel already stood for this article."""
    other = await session.scalar(
        select(IngestJob.id)
        .join(FeedItem, FeedItem.job_id == IngestJob.id)
        .join(Feed, Feed.id == FeedItem.feed_id)
        .where(Feed.guild_id == feed.guild_id, Feed.channel_id == feed.channel_id)
        .where(IngestJob.id != job_id)
        .where(
            or_(
                (IngestJob.status == DONE) & (IngestJob.article_id == article_id),
                (IngestJob.status == DUPLICATE) & (IngestJob.duplicate_of == article_id),
            )
        )
        .limit(1)
    )
    return other is not None
