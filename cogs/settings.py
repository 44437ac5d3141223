"""/settings: the watched channel and the roles that may ingest or administer (admins)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import AnalystBot
from bot.permissions import admin_only
from bot.ui.respond import send_short


def _channel(channel_id: int | None) -> str:
    return f"<#{channel_id}>" if channel_id else "none"


def _role(role_id: int | None, unset: str) -> str:
    return f"<@&{role_id}>" if role_id else unset


def _admins(role_id: int | None) -> str:
    return f"Manage Server or {_role(role_id, '')}" if role_id else "Manage Server"


def _digest(config: Any) -> str:
    """Where and when the daily digest is posted, or off."""
    if not config.digest_channel_id:
        return "off"
    hour = f" at {config.digest_hour:02d}:00" if config.digest_hour is not None else ""
    zone = f" {config.digest_timezone}" if config.digest_timezone else ""
    return f"{_channel(config.digest_channel_id)}{hour}{zone}"


def settings_text(config: Any, problems: Sequence[str] = ()) -> str:
    """The guild's settings, one per line; then what the bot could not do, if anything."""
    lines = [
        f"Watched channel: {_channel(config.watch_channel_id)}",
        f"Who may add articles: {_role(config.ingest_role_id, 'everyone')}",
        f"Admins: {_admins(config.admin_role_id)}",
        f"Daily digest: {_digest(config)}",
    ]
    if problems:
        lines.append(f"Problems: {'; '.join(problems)}")
    return "\n".join(lines)


class Settings(commands.Cog):
    """Per-server choices, kept in the database."""

    settings = app_commands.Group(
        name="settings", description="How Analyst works in this server.", guild_only=True
    )

    def __init__(self, bot: AnalystBot) -> None:
        self.bot = bot

    async def _update(self, interaction: discord.Interaction, **changes: object) -> None:
        assert interaction.guild_id is not None
        await self.bot.analyst.guilds.update(interaction.guild_id, **changes)

    @settings.command(name="watch")
    @admin_only()
    @app_commands.describe(channel="The channel whose links and files are added")
    async def watch(self, interaction: discord.Interaction, channel: discord.TextChannel) -> None:
        """Add the links and .txt, .html, .md files posted in a channel to the corpus (admins)."""
        await self._update(interaction, watch_channel_id=channel.id)
        text = (
            f"Watching {channel.mention}: links and .txt, .html, .md files posted there are "
            "added to the corpus (⏳, then ✅ with a card or ❌ with the reason)."
        )
        await send_short(interaction, text, ephemeral=False)

    @settings.command(name="unwatch")
    @admin_only()
    async def unwatch(self, interaction: discord.Interaction) -> None:
        """Stop reading links in the watched channel (admins)."""
        await self._update(interaction, watch_channel_id=None)
        await send_short(interaction, "No channel is watched now.", ephemeral=False)

    @settings.command(name="ingest-role")
    @admin_only()
    @app_commands.describe(role="Only this role may add articles; leave empty to allow everyone")
    async def ingest_role(
        self, interaction: discord.Interaction, role: discord.Role | None = None
    ) -> None:
        """Limit adding articles to one role, or allow everyone again (admins)."""
        await self._update(interaction, ingest_role_id=role.id if role else None)
        text = (
            f"Only {role.mention} (and admins) may add articles now."
            if role
            else "Everyone may add articles now."
        )
        await send_short(interaction, text, ephemeral=False)

    @settings.command(name="admin-role")
    @admin_only()
    @app_commands.describe(role="This role may change settings and fix articles; empty: none")
    async def admin_role(
        self, interaction: discord.Interaction, role: discord.Role | None = None
    ) -> None:
        """Let a role administer Analyst besides Manage Server, or remove it (admins)."""
        await self._update(interaction, admin_role_id=role.id if role else None)
        text = (
            f"{role.mention} may administer Analyst now, besides Manage Server."
            if role
            else "Only members with Manage Server administer Analyst now."
        )
        await send_short(interaction, text, ephemeral=False)

    @settings.command(name="show")
    async def show(self, interaction: discord.Interaction) -> None:
        """Show this server's settings: watched channel, roles, digest, and any problems."""
        assert interaction.guild_id is not None
        config = await self.bot.analyst.guilds.get(interaction.guild_id)
        problems = [p.notice for p in self.bot.access.problems(interaction.guild_id)]
        await send_short(interaction, settings_text(config, problems))


async def setup(bot: AnalystBot) -> None:
    """Register the cog."""
    await bot.add_cog(Settings(bot))
