"""/summary: a short extractive summary of an article, or of a topic across articles."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import AnalystBot
from bot.errors import UserFacingError
from bot.permissions import within_allowance
from bot.services.ranges import date_range
from bot.services.user_input import clean_optional
from bot.ui import autocomplete
from bot.ui.embeds.summary import summary_answer
from bot.ui.respond import send_answer

NEITHER = "Give an article (pick one from the list) or a topic, e.g. topic: putin."
BOTH = "Give an article or a topic, not both."
DATES_WITH_TOPIC = "from and to go with a topic, not with an article."


def check_choice(article: str | None, topic: str | None, dated: bool) -> None:
    """Exactly one of article and topic; dates only with a topic."""
    if not article and not (topic and topic.strip()):
        raise UserFacingError(NEITHER)
    if article and topic:
        raise UserFacingError(BOTH)
    if article and dated:
        raise UserFacingError(DATES_WITH_TOPIC)


class SummaryCog(commands.Cog, name="Summary"):
    """Extractive summaries with their key people and dates."""

    def __init__(self, bot: AnalystBot) -> None:
        self.bot = bot

    @app_commands.command(name="summary")
    @within_allowance()
    @app_commands.rename(from_="from")
    @app_commands.describe(
        article="The article to summarise (type part of its title or its number)",
        topic="Or summarise the articles naming this (any alias, e.g. putin) or term",
        from_="With a topic: first day, month or year",
        to="With a topic: last day, month or year",
    )
    @app_commands.autocomplete(article=autocomplete.articles, topic=autocomplete.topics)
    async def summary(
        self,
        interaction: discord.Interaction,
        article: str | None = None,
        topic: str | None = None,
        from_: str | None = None,
        to: str | None = None,
    ) -> None:
        """Summarise an article, or a topic across articles, with its key people and dates."""
        topic = clean_optional(topic, "topic")
        check_choice(article, topic, bool(from_ or to))
        service = self.bot.analyst.summary
        if article:
            answer = await service.article(autocomplete.article_number(article))
        else:
            date_range(from_, to)  # a bad date is told at once, ephemerally, before deferring
            await interaction.response.defer(thinking=True)
            answer = await service.topic(topic or "", from_, to)
        await send_answer(interaction, summary_answer(answer))


async def setup(bot: AnalystBot) -> None:
    """Register the cog."""
    await bot.add_cog(SummaryCog(bot))
