"""/quotes and /who: what a person said, and who they are in the corpus."""

from __future__ import annotations

import asyncio

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import AnalystBot
from bot.permissions import within_allowance
from bot.render import who as render_who
from bot.services.ranges import date_range
from bot.services.user_input import clean_optional, clean_query
from bot.ui import autocomplete
from bot.ui.embeds.quotes import quotes_answer
from bot.ui.embeds.who import who_answer
from bot.ui.respond import send_answer


class People(commands.Cog):
    """Quotes and profiles of people and organisations."""

    def __init__(self, bot: AnalystBot) -> None:
        self.bot = bot

    @app_commands.command(name="quotes")
    @within_allowance()
    @app_commands.rename(from_="from")
    @app_commands.describe(
        speaker="A person or organisation, by any name: putin, Vladimir Putin",
        topic="A name, alias or words the quote's sentence names or holds",
        from_="First day, month or year: 2015, 2024-10",
        to="Last day, month or year: 2017, 2024-10-15",
    )
    @app_commands.autocomplete(speaker=autocomplete.speakers, topic=autocomplete.topics)
    async def quotes(
        self,
        interaction: discord.Interaction,
        speaker: str,
        topic: str | None = None,
        from_: str | None = None,
        to: str | None = None,
    ) -> None:
        """Quotes by a person or organisation, newest first, with date, outlet and source."""
        speaker, topic = clean_query(speaker, "name"), clean_optional(topic, "topic")
        date_range(from_, to)  # a bad date or an unknown name is told at once, before deferring
        await self.bot.analyst.people.find_entity(speaker)
        await interaction.response.defer(thinking=True)
        answer = await self.bot.analyst.people.quotes(speaker, topic, from_, to)
        await send_answer(interaction, quotes_answer(answer))

    @app_commands.command(name="who")
    @within_allowance()
    @app_commands.describe(name="A person, place or organisation, by any name")
    @app_commands.autocomplete(name=autocomplete.entities)
    async def who(self, interaction: discord.Interaction, name: str) -> None:
        """A profile: aliases, mentions by year, who they appear with, their latest quotes."""
        people = self.bot.analyst.people
        name = clean_query(name, "name")
        await people.find_entity(name)  # an unknown name is told at once, before deferring
        await interaction.response.defer(thinking=True)
        answer = await people.who(name)
        chart = await asyncio.to_thread(render_who.who_chart, answer)
        await send_answer(interaction, who_answer(answer, chart))


async def setup(bot: AnalystBot) -> None:
    """Register the cog."""
    await bot.add_cog(People(bot))
