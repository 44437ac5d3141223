"""/timeline: the key dates of a busy range, or every dated event oldest first, with a chart."""

from __future__ import annotations

import asyncio

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import AnalystBot
from bot.permissions import within_allowance
from bot.render import timeline as render
from bot.services.ranges import date_range
from bot.services.timeline import KEY_THRESHOLD, KeyTimeline, Timeline
from bot.services.user_input import clean_optional
from bot.ui import autocomplete
from bot.ui.embeds.timeline import key_dates_answer, timeline_answer
from bot.ui.page import Answer
from bot.ui.respond import send_answer

SUMMARY_SENTENCES = 1  # a date's summary in Discord: one sentence keeps a page of dates short
VIEWS = [
    app_commands.Choice(name="Key dates", value="key"),
    app_commands.Choice(name="All events", value="all"),
]


def _chart(counted: Timeline | KeyTimeline, title: str) -> bytes | None:
    from bot.charts.timeline import timeline_chart

    return timeline_chart(counted.chart, title) if counted.chart else None


def wants_key_dates(view: str | None, dated: int) -> bool:
    """Key dates when asked for, or by default once the range has more than KEY_THRESHOLD."""
    if view == "all":
        return False
    return view == "key" or dated > KEY_THRESHOLD


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
        view=f"Key dates (the default past {KEY_THRESHOLD} events) or all events",
    )
    @app_commands.choices(view=VIEWS)
    @app_commands.autocomplete(topic=autocomplete.topics)
    async def timeline(
        self,
        interaction: discord.Interaction,
        topic: str | None = None,
        from_: str | None = None,
        to: str | None = None,
        view: str | None = None,
    ) -> None:
        """The dates that matter with their sources, or every dated event, oldest first."""
        topic = clean_optional(topic, "topic")
        date_range(from_, to)  # a bad date is told at once, ephemerally, before deferring
        await interaction.response.defer(thinking=True)
        await send_answer(interaction, await self._answer(topic, from_, to, view))

    async def _answer(
        self, topic: str | None, from_: str | None, to: str | None, view: str | None
    ) -> Answer:
        """The key dates when they are wanted and found; today's full list otherwise.

        Unless all events are asked for, the key dates come first, with the counts of the
        chart: a busy range (the common case) then needs no read of the full list, and a small
        one reads the list without counting its dates again."""
        service = self.bot.analyst.timeline
        key = None
        if view != "all":
            key = await service.key_dates(topic, from_, to, sentences=SUMMARY_SENTENCES, chart=True)
            if key.dates and wants_key_dates(view, key.dated_total):
                title = render.key_chart_title(key, from_, to)
                chart = await asyncio.to_thread(_chart, key, title)
                return key_dates_answer(key, chart, from_text=from_, to_text=to)
        full = await service.timeline(topic, from_, to, chart=key is None)  # key has the counts
        chart = await asyncio.to_thread(_chart, key or full, render.chart_title(full))
        return timeline_answer(full, chart)


async def setup(bot: AnalystBot) -> None:
    """Register the cog."""
    await bot.add_cog(TimelineCog(bot))
