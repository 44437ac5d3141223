"""Send an answer or a short message, whether or not the interaction was already deferred."""

from __future__ import annotations

import discord

from bot.render.cite import DISCORD_MESSAGE_LIMIT
from bot.ui.answer import NO_MENTIONS, AnswerPayload, chart_file
from bot.ui.pager import AnswerPager


async def send_answer(interaction: discord.Interaction, payload: AnswerPayload) -> None:
    """First page with a pager (and the chart attached); works before or after a defer."""
    view = AnswerPager(payload, owner_id=interaction.user.id)
    chart = chart_file(payload)
    files = [chart] if chart else []
    first = view.pages[0]
    if interaction.response.is_done():
        view.message = await interaction.followup.send(
            embed=first, view=view, files=files, allowed_mentions=NO_MENTIONS, wait=True
        )
        return
    await interaction.response.send_message(
        embed=first, view=view, files=files, allowed_mentions=NO_MENTIONS
    )
    view.message = await interaction.original_response()


async def send_short(
    interaction: discord.Interaction, text: str, *, ephemeral: bool = True
) -> None:
    """A one-line reply (errors, confirmations), ephemeral by default; cut to one message, as a
    line naming an article (`Fixed: #4 …`) can be longer than Discord takes once escaped."""
    text = fit_message(text)
    if interaction.response.is_done():
        await interaction.followup.send(text, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS)
    else:
        await interaction.response.send_message(
            text, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS
        )


def fit_message(text: str) -> str:
    """At most one Discord message (2,000 characters): a longer text ends with `…`."""
    if len(text) <= DISCORD_MESSAGE_LIMIT:
        return text
    return text[: DISCORD_MESSAGE_LIMIT - 1] + "…"
