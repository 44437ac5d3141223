"""Who may do what: anyone may ask; ingesting may be limited to a role; admin needs Manage Server.

The guild can name an admin role and an ingest role (`/settings`); the checks read them from the
database so they hold across restarts and across several bot processes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import discord
from discord import app_commands

from bot.errors import UserFacingError
from bot.services.cooldown import COMMANDS, INGEST, command_refusal, ingest_refusal

if TYPE_CHECKING:
    from bot.client import AnalystBot
    from storage.guilds import GuildConfig

T = TypeVar("T")

ADMIN_REFUSAL = "You need the Manage Server permission or the admin role set with /settings."
INGEST_REFUSAL = "Adding articles here is limited to the role set with /settings ingest-role."


class SlowDownError(UserFacingError, app_commands.CheckFailure):
    """A member over their allowance: the tree shows the line as written, ephemerally."""


def _role_ids(member: discord.Member | discord.User) -> set[int]:
    return {role.id for role in getattr(member, "roles", [])}


def is_admin(interaction: discord.Interaction, config: GuildConfig) -> bool:
    """Manage Server, or the guild's admin role."""
    if interaction.permissions.manage_guild:
        return True
    return config.admin_role_id is not None and config.admin_role_id in _role_ids(interaction.user)


def may_ingest(interaction: discord.Interaction, config: GuildConfig) -> bool:
    """Anyone, unless the guild limited ingesting to a role (admins always may)."""
    if config.ingest_role_id is None or is_admin(interaction, config):
        return True
    return config.ingest_role_id in _role_ids(interaction.user)


async def _config(interaction: discord.Interaction) -> GuildConfig:
    bot: AnalystBot = interaction.client  # type: ignore[assignment]
    if interaction.guild_id is None:
        raise app_commands.NoPrivateMessage("This command works in a server, not in DMs.")
    return await bot.analyst.guilds.get(interaction.guild_id)


def admin_only() -> Callable[[T], T]:
    """An app-command check: Manage Server or the configured admin role."""

    async def predicate(interaction: discord.Interaction) -> bool:
        if not is_admin(interaction, await _config(interaction)):
            raise app_commands.CheckFailure(ADMIN_REFUSAL)
        return True

    return app_commands.check(predicate)


def ingest_allowed() -> Callable[[T], T]:
    """An app-command check: the ingest role when one is configured."""

    async def predicate(interaction: discord.Interaction) -> bool:
        if not may_ingest(interaction, await _config(interaction)):
            raise app_commands.CheckFailure(INGEST_REFUSAL)
        return True

    return app_commands.check(predicate)


def within_allowance(kind: str = COMMANDS) -> Callable[[T], T]:
    """An app-command check: the member's cooldown allowance (Manage Server is exempt); one call
    of a heavy command, or one link for /ingest."""

    async def predicate(interaction: discord.Interaction) -> bool:
        if interaction.permissions.manage_guild:
            return True
        bot: AnalystBot = interaction.client  # type: ignore[assignment]
        cooldown = bot.cooldown
        grant = cooldown.take(interaction.guild_id, interaction.user.id, kind)
        if grant.refused:
            if kind == INGEST:
                raise SlowDownError(ingest_refusal(cooldown, grant, grant.refused))
            raise SlowDownError(command_refusal(cooldown, grant))
        return True

    return app_commands.check(predicate)
