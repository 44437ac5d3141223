"""/feed add|remove|list|resume|import|export, the loop that polls due feeds, and their posts.

Every command is for admins (Manage Server or the admin role, as /settings). The loop runs one
poll round every `tick_seconds` (a feed is polled every ANALYST_FEED_INTERVAL; the schedule,
backoff and claims are in the database, so several bot processes share the work and a restart
picks up where it stopped). What a poll brings reaches the channel through the outbox
(`FeedDelivery`).
"""

from __future__ import annotations

import asyncio
import io
import logging

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.client import AnalystBot
from bot.errors import UserFacingError
from bot.permissions import admin_only
from bot.services.feed_poller import ROUND, FeedOptions
from bot.services.feeds import CARDS, DIGEST, FEED_ARTICLE, FEED_MORE, FEED_PAUSED
from bot.ui.embeds.feeds import (
    NO_FEEDS,
    added_text,
    choice_name,
    import_text,
    list_answer,
    removed_text,
    resumed_text,
)
from bot.ui.page import NO_MENTIONS
from bot.ui.respond import fit_message, send_answer
from cogs.feeds._delivery import FeedDelivery

log = logging.getLogger(__name__)

OPML_LIMIT = 1_000_000  # bytes of an OPML file /feed import reads
MAX_CHOICES = 25
CATCH_UP = 20  # full rounds one tick may run back to back
Channel = discord.TextChannel | discord.ForumChannel


def _guild(interaction: discord.Interaction) -> int:
    if interaction.guild_id is None:
        raise UserFacingError("Feeds belong to a server: use this command there.")
    return interaction.guild_id


def _target(channel: Channel | None, interaction: discord.Interaction) -> Channel:
    """The channel named, else the one the command was used in, if it can take the posts."""
    target = channel or interaction.channel
    if not isinstance(target, Channel):
        raise UserFacingError("Name a text or forum channel for the feed's articles.")
    return target


async def say(interaction: discord.Interaction, text: str, *, ephemeral: bool = False) -> None:
    """A short answer the channel sees (as /settings answers) unless `ephemeral`, pinging
    nobody, its links (an OPML file's addresses) shown without previews."""
    text = fit_message(text)
    if interaction.response.is_done():
        await interaction.followup.send(
            text, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS, suppress_embeds=True
        )
    else:
        await interaction.response.send_message(
            text, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS, suppress_embeds=True
        )


def _missing(channel: Channel, member: discord.Member, threads: bool) -> list[str]:
    """The permissions the bot lacks to post the feed's cards there (as the cache knows them)."""
    have = channel.permissions_for(member)
    needed = ["view_channel", "send_messages", "embed_links"]
    if threads and isinstance(channel, discord.TextChannel):
        needed.append("create_public_threads")
    return [name.replace("_", " ").title() for name in needed if not getattr(have, name)]


class Feeds(commands.Cog):
    """Followed RSS, Atom and JSON feeds: their commands, their poll loop and their posts."""

    feed = app_commands.Group(
        name="feed", description="Feeds this server follows.", guild_only=True
    )

    def __init__(self, bot: AnalystBot, options: FeedOptions | None = None) -> None:
        self.bot = bot
        self.options = options or FeedOptions()
        self.delivery = FeedDelivery(bot)
        self.poller = tasks.loop(seconds=self.options.tick_seconds)(self.poll_round)
        self.poller.before_loop(self.bot.wait_until_ready)
        self._extra: set[asyncio.Task[None]] = set()  # rounds started by a command

    async def cog_load(self) -> None:
        """Deliver the feed kinds of the outbox and start polling."""
        outbox = self.bot.outbox
        outbox.handle(FEED_ARTICLE, self.delivery.article)
        outbox.handle(FEED_MORE, self.delivery.more)
        outbox.handle(FEED_PAUSED, self.delivery.paused)
        self.poller.start()

    async def cog_unload(self) -> None:
        """Stop polling and delivering (rows in flight are handed back for the next start)."""
        self.poller.cancel()
        for task in list(self._extra):
            task.cancel()
        for kind in (FEED_ARTICLE, FEED_MORE, FEED_PAUSED):
            await self.bot.outbox.forget(kind)

    async def poll_round(self) -> None:
        """Poll the due feeds: a round claims up to `ROUND` of them, and a full round is
        followed by another at once (many feeds fall due together after a restart)."""
        for _ in range(CATCH_UP):
            try:
                report = await self.bot.analyst.feeds.poll_due(self.options.now())
            except Exception:  # the database or a feed's host failing must not stop the loop
                log.exception("the feed poll round failed; the next one retries")
                return
            if report.job_ids and self.bot.worker is not None:
                self.bot.worker.notify()  # new items are queued: read them now
            if report.polls:
                self.bot.outbox.notify()  # "N more" lines and pause notices wait there
            if len(report.polls) < ROUND:
                return

    def poll_soon(self) -> None:
        """A round now rather than at the next tick (a feed was added or resumed); feeds are
        claimed in the database, so it never polls one the loop is polling."""
        task = asyncio.create_task(self.poll_round(), name="feed-poll-now")
        self._extra.add(task)
        task.add_done_callback(self._extra.discard)

    # -- commands --------------------------------------------------------------------------
    @feed.command(name="add")
    @admin_only()
    @app_commands.describe(
        url="The feed's address (RSS, Atom or JSON Feed)",
        channel="Where its new articles are posted (default: this channel)",
        digest_only="Post nothing: its articles only appear in the daily digest",
        threads="Start a thread for each story (a forum channel always gets a post each)",
    )
    async def add(
        self,
        interaction: discord.Interaction,
        url: str,
        channel: Channel | None = None,
        digest_only: bool = False,
        threads: bool = False,
    ) -> None:
        """Follow a feed: its new articles are added and posted as cards (admins)."""
        guild_id = _guild(interaction)
        target = _target(channel, interaction)
        await interaction.response.defer(thinking=True)
        feed = await self.bot.analyst.feeds.add(
            url,
            guild_id=guild_id,
            channel_id=target.id,
            mode=DIGEST if digest_only else CARDS,
            as_threads=threads,
            created_by=interaction.user.id,
        )
        self.poll_soon()
        forum = isinstance(target, discord.ForumChannel)
        per_poll = self.bot.analyst.settings.feed_posts_per_poll
        text = added_text(feed, forum=forum, per_poll=per_poll)
        me = target.guild.me
        if not digest_only and me is not None and (missing := _missing(target, me, threads)):
            text += f"\nI cannot post in {target.mention} yet: missing {', '.join(missing)}."
        await say(interaction, text)

    @feed.command(name="remove")
    @admin_only()
    @app_commands.describe(feed="The feed to stop following")
    async def remove(self, interaction: discord.Interaction, feed: str) -> None:
        """Stop following a feed; the articles it brought stay (admins)."""
        removed = await self.bot.analyst.feeds.remove(_guild(interaction), feed)
        await say(interaction, removed_text(removed))

    @feed.command(name="list")
    @admin_only()
    async def list_feeds(self, interaction: discord.Interaction) -> None:
        """The feeds followed here and their health: last fetch, new items, errors (admins)."""
        feeds = await self.bot.analyst.feeds.list(_guild(interaction))
        channels = (self.bot.get_channel(f.channel_id) for f in feeds if f.channel_id)
        forums = {c.id for c in channels if isinstance(c, discord.ForumChannel)}
        await send_answer(interaction, list_answer(feeds, forums))

    @feed.command(name="resume")
    @admin_only()
    @app_commands.describe(feed="The paused feed to poll again")
    async def resume(self, interaction: discord.Interaction, feed: str) -> None:
        """Poll a paused feed again, at once (admins)."""
        resumed = await self.bot.analyst.feeds.resume(_guild(interaction), feed)
        self.poll_soon()
        await say(interaction, resumed_text(resumed))

    @feed.command(name="import")
    @admin_only()
    @app_commands.describe(
        file="An OPML file (a feed reader's export)",
        channel="Where their new articles are posted (default: this channel)",
        digest_only="Post nothing: their articles only appear in the daily digest",
        threads="Start a thread for each story (a forum channel always gets a post each)",
    )
    async def import_opml(
        self,
        interaction: discord.Interaction,
        file: discord.Attachment,
        channel: Channel | None = None,
        digest_only: bool = False,
        threads: bool = False,
    ) -> None:
        """Follow every feed of an OPML file (admins)."""
        guild_id = _guild(interaction)
        target = _target(channel, interaction)
        if file.size > OPML_LIMIT:
            raise UserFacingError(f"That file is too large for an OPML list ({file.size} bytes).")
        await interaction.response.defer(thinking=True)
        data = await file.read()
        result = await self.bot.analyst.feeds.import_opml(
            data,
            guild_id=guild_id,
            channel_id=target.id,
            mode=DIGEST if digest_only else CARDS,
            as_threads=threads,
            created_by=interaction.user.id,
        )
        if result.added:
            self.poll_soon()
        await say(interaction, import_text(result))

    @feed.command(name="export")
    @admin_only()
    async def export_opml(self, interaction: discord.Interaction) -> None:
        """The feeds followed here as an OPML file, for a feed reader or another server (admins)."""
        guild_id = _guild(interaction)
        if not await self.bot.analyst.feeds.list(guild_id):
            await say(interaction, NO_FEEDS, ephemeral=True)
            return
        data = await self.bot.analyst.feeds.export_opml(guild_id)
        file = discord.File(io.BytesIO(data), filename="feeds.opml")
        await interaction.response.send_message(
            "The feeds followed here, as OPML.",
            file=file,
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )

    @remove.autocomplete("feed")
    @resume.autocomplete("feed")
    async def feed_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """This server's feeds whose number, title or address holds what was typed."""
        if interaction.guild_id is None:
            return []
        feeds = await self.bot.analyst.feeds.list(interaction.guild_id)
        typed = current.strip().lower().removeprefix("#")
        if interaction.command is not None and interaction.command.name == "resume":
            feeds = sorted(feeds, key=lambda f: f.status != "paused")  # paused ones first
        found = [
            f
            for f in feeds
            if not typed or typed == str(f.id) or typed in f"{f.title or ''} {f.url}".lower()
        ]
        return [
            app_commands.Choice(name=choice_name(f), value=str(f.id)) for f in found[:MAX_CHOICES]
        ]
