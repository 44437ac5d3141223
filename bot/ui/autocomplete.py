"""Autocomplete callbacks shared by the query commands: speakers, entities, topics, articles.

Each answers with one or two indexed queries (no spaCy, no corpus scan), at most 25 choices,
ranked by how well the name matches what was typed, then by how often the corpus uses it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.errors import UserFacingError
from bot.render.corpus import article_line
from bot.services import user_input

if TYPE_CHECKING:
    from bot.app import Analyst
    from storage.entity_lookup import EntityMatch

MAX_CHOICES = 25
CHOICE_NAME_LIMIT = 100
KINDS = {"person": "person", "org": "organisation", "place": "place", "group": "group"}

Choices = list[app_commands.Choice[str]]


def _analyst(interaction: discord.Interaction) -> Analyst:
    return interaction.client.analyst  # type: ignore[attr-defined]


def _entity_choice(match: EntityMatch) -> app_commands.Choice[str]:
    kind = KINDS.get(match.kind, match.kind)
    label = f"{match.name} ({kind}, {match.mentions} mentions)"
    return app_commands.Choice(name=label[:CHOICE_NAME_LIMIT], value=match.name[:100])


def _typed(current: str) -> str | None:
    """What was typed, cleaned as the command will clean it; None when nothing is left."""
    try:
        return user_input.clean_query(current)
    except UserFacingError:
        return None


async def entities(interaction: discord.Interaction, current: str) -> Choices:
    """People, places and organisations whose name or alias starts with what was typed."""
    typed = _typed(current)
    if typed is None:
        return []
    found = await _analyst(interaction).people.suggest(typed, limit=MAX_CHOICES)
    return [_entity_choice(m) for m in found]


async def speakers(interaction: discord.Interaction, current: str) -> Choices:
    """People and organisations (the ones who can be quoted) by name or alias."""
    typed = _typed(current)
    if typed is None:
        return []
    found = await _analyst(interaction).people.suggest(typed, limit=MAX_CHOICES)
    return [_entity_choice(m) for m in found if m.kind in ("person", "org")]


async def topics(interaction: discord.Interaction, current: str) -> Choices:
    """Entity names and frequent terms starting with what was typed; an exact match first."""
    typed = _typed(current)
    if typed is None:
        return []
    found = await _analyst(interaction).people.suggest_topics(typed, MAX_CHOICES)
    return [app_commands.Choice(name=n[:CHOICE_NAME_LIMIT], value=n[:100]) for n in found]


async def articles(interaction: discord.Interaction, current: str) -> Choices:
    """Articles whose title holds what was typed (or whose number starts with it), newest first."""
    typed = (_typed(current) or "").lstrip("#")
    number = typed.isascii() and typed.isdigit()
    found = await _analyst(interaction).articles.titles("" if number else typed)
    if number:
        found = [a for a in found if str(a.id).startswith(typed)] or found
    return [
        app_commands.Choice(name=article_line(a)[:CHOICE_NAME_LIMIT], value=str(a.id))
        for a in found[:MAX_CHOICES]
    ]


def article_number(text: str) -> int:
    """The number behind an article pick ("4") or what a member typed ("#4")."""
    return user_input.article_number(text, "; /search finds articles by their words")
