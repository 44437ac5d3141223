"""What a feed item's ingest job ending means for its feed: a card to post, or nothing.

Called by `storage.jobs` inside the transaction that ends the job, so a stored article from a
feed always has its card waiting in the outbox, and a rolled-back store has none. A job ends
once (the first end wins), so a card is written once per item, whichever process worked it.

A card is written when the item was picked to be posted (`meta.post`, at most
`feed_posts_per_poll` a poll), the feed still posts cards in a channel, and the job stored the
article or found it already stored (a link a member posted, another guild's feed) — unless
another feed of the same channel showed the same link first: two guilds following one feed both
get its cards, while two feeds of one channel carrying one story (an outlet's "world" and "top
stories") post it once, from the feed that showed it first.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Feed, FeedItem, OutboxMessage
from storage.records import DONE, DUPLICATE

FEED_ARTICLE = "feed_article"
VIA_FEED = "feed"
CARDS = "cards"  # the feed mode that posts cards (storage.feeds takes it from here)


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
    if await _shown_in_channel(session, feed, meta.get("item_key")):
        return
    body = {
        "feed_id": feed.id,
        "feed_title": feed.title or feed.url,
        "article_id": article_id,
        "as_threads": bool(feed.as_threads),
        "item_summary": meta.get("summary") if isinstance(meta.get("summary"), str) else None,
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


async def _shown_in_channel(session: AsyncSession, feed: Feed, item_key: object) -> bool:
    """Whether another feed of this channel showed the same link first (the item seen first
    has the card, whichever job ends first; each look is one probe of an index)."""
    if not isinstance(item_key, str):
        return False
    own = (
        await session.execute(
            select(FeedItem.id, FeedItem.link).where(
                FeedItem.feed_id == feed.id, FeedItem.item_key == item_key
            )
        )
    ).first()
    if own is None or own.link is None:  # no link, or the poll that queued it has not ended
        return False
    other = await session.scalar(
        select(FeedItem.id)
        .join(Feed, Feed.id == FeedItem.feed_id)
        .where(Feed.guild_id == feed.guild_id, Feed.channel_id == feed.channel_id)
        .where(Feed.id != feed.id, FeedItem.link == own.link, FeedItem.id < own.id)
        .limit(1)
    )
    return other is not None
