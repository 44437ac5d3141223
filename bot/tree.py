"""The one app-command error handler: user errors shown as written, the rest logged with an id."""

from __future__ import annotations

import logging
import uuid
from typing import Any

import discord
from discord import app_commands

from bot.errors import UserFacingError
from bot.services.people import AmbiguousNameError, UnknownNameError
from bot.ui.choices import offer_choices
from bot.ui.escape import escape_text
from bot.ui.respond import send_short

log = logging.getLogger(__name__)


def user_message(error: app_commands.AppCommandError) -> str | None:
    """What to tell the member for errors that are theirs to fix; None for our own failures."""
    original = getattr(error, "original", error)
    if isinstance(original, UserFacingError):
        return original.for_discord()
    if isinstance(error, app_commands.MissingPermissions):
        needed = ", ".join(p.replace("_", " ").title() for p in error.missing_permissions)
        return f"You need the {needed} permission for this command."
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down: try again in {error.retry_after:.0f} s."
    if isinstance(error, app_commands.CheckFailure):
        return str(error) or "You are not allowed to use this command here."
    return None


class AnalystTree(app_commands.CommandTree[Any]):
    """Command tree whose errors end as one short, ephemeral line for the member."""

    async def on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        """Show user errors as written; log anything else with a traceback and an error id."""
        original = getattr(error, "original", error)
        if isinstance(original, AmbiguousNameError | UnknownNameError):
            try:
                if await offer_choices(interaction, original):
                    return
            except discord.HTTPException:
                log.warning("could not offer the names to choose from", exc_info=True)
        message = user_message(error)
        if message is None:
            error_id = uuid.uuid4().hex[:8]
            name = interaction.command.qualified_name if interaction.command else "?"
            log.error("command /%s failed [error %s]", name, error_id, exc_info=error)
            message = f"Something went wrong on our side (error {error_id}); it has been logged."
        try:
            await send_short(interaction, escape_text(message))  # names in it come from articles
        except discord.HTTPException:
            log.warning("could not tell the member about an error", exc_info=True)
