"""/search: ranked articles with the matching words in bold (`bot.ui.embeds.search`)."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import AnalystBot
from bot.permissions import within_allowance
from bot.services.user_input import clean_query
from bot.ui.embeds.search import search_answer
from bot.ui.respond import send_answer


class Search(commands.Cog):
    """Full-text search over the stored articles."""

    def __init__(self, bot: AnalystBot) -> None:
        self.bot = bot

    @app_commands.command(name="search")
    @within_allowance()
    @app_commands.describe(
        query='Words to find; "exact phrase", OR between alternatives, -word leaves articles out'
    )
    async def search(self, interaction: discord.Interaction, query: str) -> None:
        """Find articles by their words, best first, the matching words in bold."""
        query = clean_query(query)
        self.bot.analyst.search.check(query)  # a malformed query is told at once, ephemerally
        await interaction.response.defer(thinking=True)
        answer = await self.bot.analyst.search.search(query)
        await send_answer(interaction, search_answer(answer))


async def setup(bot: AnalystBot) -> None:
    """Register the cog."""
    await bot.add_cog(Search(bot))
