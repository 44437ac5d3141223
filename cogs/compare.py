"""/compare: what sets one period of the corpus apart from another, with a chart."""

from __future__ import annotations

import asyncio

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import AnalystBot
from bot.permissions import within_allowance
from bot.services.compare import Comparison, check_periods
from bot.services.user_input import clean_optional
from bot.ui import autocomplete
from bot.ui.embeds.compare import compare_answer
from bot.ui.respond import send_answer


def _chart(comparison: Comparison) -> bytes | None:
    from bot.charts.compare import compare_chart

    return None if comparison.empty else compare_chart(comparison)


class Compare(commands.Cog):
    """Two periods side by side."""

    def __init__(self, bot: AnalystBot) -> None:
        self.bot = bot

    @app_commands.command(name="compare")
    @within_allowance()
    @app_commands.describe(
        a="A period: 2015, 2015-2017, 2024-10, 2024-10-15 or 2015-11-01..2015-12-31",
        b="The period to compare it with",
        topic="Only articles naming this (any alias, e.g. putin) or using this term",
    )
    @app_commands.autocomplete(topic=autocomplete.topics)
    async def compare(
        self, interaction: discord.Interaction, a: str, b: str, topic: str | None = None
    ) -> None:
        """What sets two periods apart (people, places, terms) and what both share."""
        check_periods(a, b)  # a bad or repeated period is told ephemerally, before deferring
        topic = clean_optional(topic, "topic")
        await interaction.response.defer(thinking=True)
        answer = await self.bot.analyst.compare.compare(a, b, topic)
        chart = await asyncio.to_thread(_chart, answer)
        await send_answer(interaction, compare_answer(answer, chart))


async def setup(bot: AnalystBot) -> None:
    """Register the cog."""
    await bot.add_cog(Compare(bot))
