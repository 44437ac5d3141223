"""/stats and /article show|fix|forget: what the corpus holds, one article at a time."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import AnalystBot
from bot.errors import UserFacingError
from bot.permissions import admin_only, within_allowance
from bot.render.corpus import article_line
from bot.services import user_input
from bot.services.articles_admin import ArticleAdmin, Fix
from bot.ui.embeds.corpus import article_answer, stats_answer
from bot.ui.escape import escape_text
from bot.ui.respond import send_answer, send_short


def article_number(text: str) -> int:
    """The number behind an autocomplete pick ("3") or what a member typed ("#3")."""
    return user_input.article_number(text, "; /search finds articles by their words")


class Corpus(commands.Cog):
    """Corpus figures and single-article management."""

    article = app_commands.Group(name="article", description="Show, correct or forget an article.")

    def __init__(self, bot: AnalystBot) -> None:
        self.bot = bot
        self.admin = ArticleAdmin(bot.analyst.articles)

    @app_commands.command(name="stats")
    @within_allowance()
    async def stats(self, interaction: discord.Interaction) -> None:
        """What the corpus holds: articles, outlets, dates, most mentioned people and places."""
        await interaction.response.defer(thinking=True)  # a locked or busy database can be slow
        figures = await self.bot.analyst.stats.corpus()
        await send_answer(interaction, stats_answer(figures))

    @article.command(name="show")
    @app_commands.describe(article="The article number or part of its title")
    async def show(self, interaction: discord.Interaction, article: str) -> None:
        """One article: metadata, cleaned text and what cleaning dropped."""
        detail = await self.admin.show(article_number(article))
        await send_answer(interaction, article_answer(detail))

    @article.command(name="fix")
    @admin_only()
    @app_commands.describe(
        article="The article number",
        title="New title",
        outlet="New outlet",
        author="New author",
        published="Publication date: 2024-10-15, 2024-10 or 2024",
    )
    async def fix(
        self,
        interaction: discord.Interaction,
        article: str,
        title: str | None = None,
        outlet: str | None = None,
        author: str | None = None,
        published: str | None = None,
    ) -> None:
        """Correct an article's metadata by hand (admins)."""
        number, fix = article_number(article), Fix(title, outlet, author, published)
        self.admin.changes(fix)  # a bad date or unknown number is told ephemerally, at once;
        await self.admin.require(number)  # moving its counts to another month may take a while
        await interaction.response.defer(thinking=True)
        fixed = await self.admin.fix(number, fix)
        await send_short(interaction, f"Fixed: {escape_text(article_line(fixed))}", ephemeral=False)

    @article.command(name="forget")
    @admin_only()
    @app_commands.describe(article="The article number")
    async def forget(self, interaction: discord.Interaction, article: str) -> None:
        """Delete an article and everything found in it (admins)."""
        number = article_number(article)
        await self.admin.require(number)  # an unknown number is told ephemerally, at once
        await interaction.response.defer(thinking=True)  # a busy database may keep it waiting
        await self.admin.forget(number)
        await send_short(interaction, f"Forgot article #{number}.", ephemeral=False)

    @show.autocomplete("article")
    @fix.autocomplete("article")
    @forget.autocomplete("article")
    async def article_choices(
        self, _interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[int]]:
        """Articles whose title holds what was typed (or whose number starts with it)."""
        try:
            typed = user_input.clean_query(current)
        except UserFacingError:
            return []
        number = typed.isascii() and typed.isdigit()
        found = await self.bot.analyst.articles.titles("" if number else typed)
        if number:
            found = [a for a in found if str(a.id).startswith(typed)] or found
        return [app_commands.Choice(name=article_line(a)[:100], value=a.id) for a in found[:25]]


async def setup(bot: AnalystBot) -> None:
    """Register the cog."""
    await bot.add_cog(Corpus(bot))
