"""/digest set|now|off, and the loop that posts each guild's daily digest at its hour."""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.client import AnalystBot
from bot.errors import UserFacingError
from bot.permissions import admin_only
from bot.render import digest as render
from bot.services.channel_access import POST
from bot.services.digest import Digest, DigestOptions, DueDigest, zone_choices
from bot.ui.embeds.digest import digest_answer, digest_pages, nothing_new, title
from bot.ui.page import NO_MENTIONS, Page
from bot.ui.respond import send_answer, send_short

log = logging.getLogger(__name__)


def guild_of(interaction: discord.Interaction) -> int:
    """The guild the command was used in; the digest belongs to a server."""
    if interaction.guild_id is None:
        raise UserFacingError("The digest belongs to a server: use this command there.")
    return interaction.guild_id


class DigestCog(commands.Cog, name="Digest"):
    """The daily digest: schedule, preview and stop it; a loop posts it at each guild's hour."""

    digest = app_commands.Group(name="digest", description="The daily digest of new articles.")

    def __init__(self, bot: AnalystBot, options: DigestOptions | None = None) -> None:
        self.bot = bot
        self.options = options or DigestOptions()
        self.service = bot.analyst.digest
        self.poster = tasks.loop(seconds=self.options.tick_seconds)(self.post_due)
        self.poster.before_loop(self.bot.wait_until_ready)

    async def cog_load(self) -> None:
        """Start the posting loop (its first round posts a digest missed while down)."""
        self.poster.start()

    async def cog_unload(self) -> None:
        """Stop the posting loop."""
        self.poster.cancel()

    async def post_due(self) -> None:
        """One round: post every due digest of the guilds this bot is in; errors are logged."""
        guild_ids = {guild.id for guild in self.bot.guilds}
        try:
            await self.service.run_due(
                self.options.now(),
                self.send_digest,
                post_empty=self.options.post_empty,
                guild_ids=guild_ids,
            )
        except Exception:  # a failed round (database busy, …) must not stop the loop
            log.exception("the digest round failed; the next one retries")

    async def send_digest(self, due: DueDigest, digest: Digest | None) -> int | None:
        """Post a digest to its channel: the head and an embed per story, as many messages as
        Discord's limits take; returns the first message id.

        A channel closed to the bot (403) is noted once, as the watched channel's refusals are
        (one warning, a line in `/settings show`), and the day's digest ends there.
        """
        try:
            channel = self.bot.get_channel(due.channel_id) or await self.bot.fetch_channel(
                due.channel_id
            )
        except discord.Forbidden:
            self.bot.note_refusal(due.guild_id, due.channel_id, POST)
            return None
        if not isinstance(channel, discord.abc.Messageable):
            log.warning("digest channel %s of guild %s cannot be posted to", channel, due.guild_id)
            return None
        sent: list[int] = []
        for page in digest_pages(digest, due.window, title(due.day.isoformat())):

            async def post(shown: Page = page) -> None:
                embeds = list(shown.embeds)
                message = await channel.send(embeds=embeds, allowed_mentions=NO_MENTIONS)
                sent.append(message.id)

            if not await self.bot.guarded(due.guild_id, due.channel_id, POST, post, (0.5, 2.0)):
                break
        return sent[0] if sent else None

    @digest.command(name="set")
    @admin_only()
    @app_commands.describe(
        channel="Where to post the digest",
        hour="Hour of the day in that time zone, 0–23 (8 is 08:00)",
        timezone="Time zone, an IANA name such as Europe/London",
    )
    async def set_schedule(
        self,
        interaction: discord.Interaction,
        channel: discord.TextChannel,
        hour: app_commands.Range[int, 0, 23],
        timezone: str,
    ) -> None:
        """Post the daily digest in a channel at an hour of your time zone (admins)."""
        config = await self.service.configure(guild_of(interaction), channel.id, hour, timezone)
        text = render.schedule_text(channel.mention, hour, str(config.digest_timezone))
        await send_short(interaction, text, ephemeral=False)

    @set_schedule.autocomplete("timezone")
    async def timezone_choices(
        self, _interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """Common time zones first, then those matching what was typed."""
        return [app_commands.Choice(name=zone, value=zone) for zone in zone_choices(current)]

    @digest.command(name="now")
    async def preview(self, interaction: discord.Interaction) -> None:
        """Preview the next digest: everything added since the last one (only you see it)."""
        guild_id = guild_of(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        window = await self.service.window_for(guild_id, self.options.now())
        digest = await self.service.compose(window)
        if digest is None:
            await send_short(interaction, nothing_new(window))
            return
        await send_answer(interaction, digest_answer(digest))

    @digest.command(name="off")
    @admin_only()
    async def off(self, interaction: discord.Interaction) -> None:
        """Stop posting the daily digest (admins)."""
        await self.service.turn_off(guild_of(interaction))
        await send_short(
            interaction, "The daily digest is off; /digest set starts it again.", ephemeral=False
        )


async def setup(bot: AnalystBot) -> None:
    """Register the cog with the bot's digest options (tests give a clock)."""
    await bot.add_cog(DigestCog(bot, bot.digest_options))
