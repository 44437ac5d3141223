"""/timeline: dated events, oldest first, each citing its articles, with a chart."""

from __future__ import annotations

import asyncio

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import AnalystBot
from bot.permissions import within_allowance
from bot.render import timeline as render
from bot.services.ranges import date_range
from bot.services.timeline import Timeline
from bot.services.user_input import clean_optional
from bot.ui import autocomplete
from bot.ui.embeds.timeline import timeline_answer
from bot.ui.respond import send_answer


def _chart(timeline: Timeline) -> bytes | None:
    from bot.charts.timeline import timeline_chart

    if not timeline.chart:
        return None
    return timeline_chart(timeline.chart, render.chart_title(timeline))


class TimelineCog(commands.Cog, name="Timeline"):
    """Events over time from the stored articles."""

    def __init__(self, bot: AnalystBot) -> None:
        self.bot = bot

    @app_commands.command(name="timeline")
    @within_allowance()
    @app_commands.rename(from_="from")
    @app_commands.describe(
        topic="A name (any alias, e.g. putin) or words the event holds",
        from_="First day, month or year: 2015, 2024-10",
        to="Last day, month or year: 2017, 2024-10-15",
    )
    @app_commands.autocomplete(topic=autocomplete.topics)
    async def timeline(
        self,
        interaction: discord.Interaction,
        topic: str | None = None,
        from_: str | None = None,
        to: str | None = None,
    ) -> None:
        """Dated events, oldest first, each with its sources; undated events listed apart."""
        topic = clean_optional(topic, "topic")
        date_range(from_, to)  # a bad date is told at once, ephemerally, before deferring
        await interaction.response.defer(thinking=True)
        answer = await self.bot.analyst.timeline.timeline(topic, from_, to, chart=True)
        chart = await asyncio.to_thread(_chart, answer)
        await send_answer(interaction, timeline_answer(answer, chart))


async def setup(bot: AnalystBot) -> None:
    """Register the cog."""
    await bot.add_cog(TimelineCog(bot))
