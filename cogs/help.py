"""/help: the commands this member may use, with their descriptions."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import AnalystBot
from bot.ui.help import help_text
from bot.ui.page import NO_MENTIONS


class Help(commands.Cog):
    """Lists what the bot can do for the member who asks."""

    def __init__(self, bot: AnalystBot) -> None:
        self.bot = bot

    @app_commands.command(name="help")
    async def help(self, interaction: discord.Interaction) -> None:
        """What Analyst can answer, and the commands you may use here."""
        text = help_text(self.bot.tree.get_commands(), interaction.permissions)
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)


async def setup(bot: AnalystBot) -> None:
    """Register the cog."""
    await bot.add_cog(Help(bot))
