"""Send an answer or a short message, whether or not the interaction was already deferred."""

from __future__ import annotations

import discord

from bot.render.cite import DISCORD_MESSAGE_LIMIT
from bot.ui.page import NO_MENTIONS, Answer
from bot.ui.pager import Pager


async def send_answer(interaction: discord.Interaction, answer: Answer) -> None:
    """First page with its pager and attachments; works before or after a defer."""
    view = Pager(answer, owner_id=interaction.user.id, asked=interaction)
    files = [attachment.to_file() for attachment in answer.attachments]
    embeds = list(answer.pages[0].embeds)
    if interaction.response.is_done():
        if view.empty:
            await interaction.followup.send(
                embeds=embeds, files=files, allowed_mentions=NO_MENTIONS, wait=True
            )
            return
        view.message = await interaction.followup.send(
            embeds=embeds, view=view, files=files, allowed_mentions=NO_MENTIONS, wait=True
        )
        return
    if view.empty:
        await interaction.response.send_message(
            embeds=embeds, files=files, allowed_mentions=NO_MENTIONS
        )
        return
    await interaction.response.send_message(
        embeds=embeds, view=view, files=files, allowed_mentions=NO_MENTIONS
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
