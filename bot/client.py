"""The Discord client: a commands.Bot that gets the whole application through its constructor."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any

import discord
from discord.ext import commands

from bot.app import Analyst
from bot.heap import release_heap, settle_heap
from bot.services.channel_access import POST, REACT, AccessProblem, ChannelAccess
from bot.services.cooldown import Cooldown
from bot.services.digest import DigestOptions
from bot.services.feed_poller import FeedOptions
from bot.services.outbox import (
    POLL_SECONDS,
    OutboxDeliverer,
    OutboxItem,
    RetryLater,
    Undeliverable,
)
from bot.services.spikes import WatchOptions
from bot.services.worker import QueueWorker
from bot.tree import AnalystTree
from bot.ui.page import NO_MENTIONS
from storage.outbox import OutboxRepository, Shards

if TYPE_CHECKING:
    from bot.services.ingest import Outcome

log = logging.getLogger(__name__)

COGS = (
    "cogs.help",
    "cogs.corpus",
    "cogs.timeline",
    "cogs.people",
    "cogs.compare",
    "cogs.search",
    "cogs.summary",
    "cogs.settings",
    "cogs.watch",
    "cogs.digest",
    "cogs.feeds",
    "cogs.alerts",
    "cogs.rising",
)
# What each action needs in a channel (a reply needs the history too), most telling last.
NEEDS = {
    POST: ("view_channel", "read_message_history", "send_messages"),
    REACT: ("view_channel", "read_message_history", "add_reactions"),
}


def intents() -> discord.Intents:
    """Guilds and messages, with message content: the watched channel is read for links."""
    wanted = discord.Intents.default()
    wanted.message_content = True
    return wanted


class AnalystBot(commands.Bot):
    """Slash commands in cogs over the same services as the CLI; it never pings anyone."""

    def __init__(
        self,
        analyst: Analyst,
        *,
        dev_guild_id: int | None = None,
        cogs: tuple[str, ...] = COGS,
        run_worker: bool = True,
        digest_options: DigestOptions | None = None,
        feed_options: FeedOptions | None = None,
        rising_options: WatchOptions | None = None,
        cooldown: Cooldown | None = None,
        outbox_poll: float = POLL_SECONDS,
        **options: Any,
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents(),
            allowed_mentions=NO_MENTIONS,
            tree_cls=AnalystTree,
            help_command=None,
            **options,
        )
        self.analyst = analyst
        self.dev_guild_id = dev_guild_id
        self.cog_names = cogs
        self.run_worker = run_worker
        self.digest_options = digest_options  # a clock and tick for tests; None: the defaults
        self.feed_options = feed_options  # the feed poll loop's clock and tick, likewise
        self.rising_options = rising_options  # the spike watch's clock and tick, likewise
        self.worker: QueueWorker | None = None
        # per-member allowances for ingestion and heavy commands; None: the settings' limits
        self.cooldown = cooldown or Cooldown.from_settings(analyst.settings)
        # cogs register what they deliver in cog_load; rows of guilds this process owns only
        self.outbox = OutboxDeliverer(
            OutboxRepository(analyst.sessions),
            shards=self.owned_shards,
            ready=self.wait_until_ready,
            poll=outbox_poll,
        )
        # channels that refused the bot (403): one warning each, listed by /settings show
        self.access = ChannelAccess()

    async def guarded(
        self,
        guild_id: int,
        channel_id: int,
        action: str,
        call: Callable[[], Awaitable[object]],
        again: Sequence[float] = (),
    ) -> bool:
        """One call to Discord for `action` ("post", "react") in a channel. A 403 is noted (one
        warning per guild, channel and action; a line in /settings show) and gives False; a 5xx
        is tried again after each of `again` seconds, then raised (the outbox retries its rows:
        give `again` where nothing else would)."""
        for delay in (*again, None):
            try:
                await call()
            except discord.Forbidden:
                self.note_refusal(guild_id, channel_id, action)
                return False
            except discord.HTTPException as exc:
                if exc.status < 500 or delay is None:
                    raise
                log.info("Discord answered %s to a %s; again in %s s", exc.status, action, delay)
                await asyncio.sleep(delay)
            else:
                self.access.succeeded(guild_id, channel_id, action)
                return True
        return False  # not reached: the last attempt returns or raises

    async def deliver_row(self, item: OutboxItem, post: Callable[[], Awaitable[bool]]) -> None:
        """Post what an outbox row says, through `post` (a `guarded` call: False when the
        channel refused the bot), and turn Discord's answer into the row's verdict: a 404
        gives the row up, a refusal (noted once already) gives it up without retrying, a 5xx
        retries it later; another 4xx is raised for the outbox's few retries."""
        try:
            posted = await post()
        except discord.NotFound as exc:
            raise Undeliverable(str(exc)) from exc
        except discord.HTTPException as exc:
            retry_on_5xx(exc)
            raise
        if not posted:
            problem = self.access.problem(item.guild_id, item.channel_id, POST)
            raise Undeliverable(problem.log_line if problem else "forbidden", reported=True)

    def note_refusal(self, guild_id: int, channel_id: int, action: str) -> None:
        """Discord refused `action` ("post", "react") in a channel with 403: note it, naming the
        permissions the bot lacks there as far as the cached overwrites tell."""
        channel = self.get_channel(channel_id)
        name = str(getattr(channel, "name", None) or channel_id)
        needed = NEEDS.get(action, ())
        missing: list[str] = []
        if isinstance(channel, discord.abc.GuildChannel) and channel.guild.me is not None:
            have = channel.permissions_for(channel.guild.me)
            missing = [n for n in needed if not getattr(have, n)]
        names = tuple(n.replace("_", " ").title() for n in missing or needed[-1:])
        self.access.refused(AccessProblem(guild_id, channel_id, name, action, names))

    def owned_shards(self) -> Shards | None:
        """The shards whose guilds this process answers in; None: every guild (no sharding)."""
        return None

    async def setup_hook(self) -> None:
        """Load every cog, then publish the commands (to the dev guild at once when set)."""
        for name in self.cog_names:
            await self.load_extension(name)
        if self.dev_guild_id:
            guild = discord.Object(id=self.dev_guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
        else:
            synced = await self.tree.sync()
        log.info("synced %d application commands", len(synced))
        workers = self.analyst.settings.ingest_workers
        if self.run_worker and workers > 0:
            self.worker = QueueWorker(self.analyst.ingest, self._ingest_outcome, loops=workers)
            self.worker.start()
        settle_heap()  # ready to serve: start-up's objects leave the collector's scans

    async def _ingest_outcome(self, outcome: Outcome) -> None:
        """A job ended here: its answer is in the outbox now, so deliver without waiting for the
        next poll (nothing listens for the outcome itself: every answer goes through the outbox)."""
        self.outbox.notify()

    async def close(self) -> None:
        """Hand unfinished ingest jobs and undelivered outbox rows back, then disconnect."""
        if self.worker is not None:
            await self.worker.stop()
            self.worker = None
        await self.outbox.stop()
        await super().close()
        release_heap()

    async def on_ready(self) -> None:
        """Say who we are once connected (never the token)."""
        log.info("connected as %s to %d guilds", self.user, len(self.guilds))


class ShardedAnalystBot(AnalystBot, commands.AutoShardedBot):
    """The same bot running some of the shards, so several processes can share the guilds."""

    def owned_shards(self) -> Shards | None:
        """This process's shards (Discord routes guild g to shard (g >> 22) % shard_count)."""
        if self.shard_count is None or self.shard_ids is None:
            return None
        return Shards(self.shard_count, tuple(self.shard_ids))


def make_bot(analyst: Analyst, **options: Any) -> AnalystBot:
    """A plain bot, or a sharded one when the settings name a shard count."""
    settings = analyst.settings
    if settings.shard_count is None:
        return AnalystBot(analyst, **options)
    shard_ids = settings.shard_ids or None
    return ShardedAnalystBot(
        analyst, shard_count=settings.shard_count, shard_ids=shard_ids, **options
    )


def retry_on_5xx(exc: discord.HTTPException) -> None:
    """Discord failing for a moment (a 5xx discord.py did not retry away): deliver later."""
    if exc.status >= 500:
        raise RetryLater(f"Discord answered {exc.status}: {exc.text or exc}") from exc
