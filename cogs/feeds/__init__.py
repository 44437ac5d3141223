"""Followed feeds in Discord: /feed, the poll loop, and the posts their articles become.

`_cog` holds the commands and the loop, `_delivery` the outbox handlers that post cards, threads,
forum posts and notices.
"""

from __future__ import annotations

from bot.client import AnalystBot
from bot.services.feed_poller import FeedOptions
from cogs.feeds._cog import Feeds

__all__ = ["FeedOptions", "Feeds", "setup"]


async def setup(bot: AnalystBot) -> None:
    """Register the cog with the bot's feed options (tests give a clock; None: the defaults)."""
    await bot.add_cog(Feeds(bot, bot.feed_options))
