"""Previous / Next / Export under an answer; only the person who asked may use them.

One pager for every command: it pages through an `Answer`'s pages (each up to ten embeds),
keeps the answer's attachments on the message (the embeds point at them), and sends the JSON
export to the asker alone.
"""

from __future__ import annotations

import logging
from typing import Any

import discord

from bot.ui.choices import suggestion_button
from bot.ui.page import NO_MENTIONS, Answer

log = logging.getLogger(__name__)

PAGER_TIMEOUT = 300.0
MAX_SUGGESTIONS = 5  # one row of buttons


class Pager(discord.ui.View):
    """Pages through an answer; disables itself when it times out."""

    def __init__(
        self,
        answer: Answer,
        owner_id: int,
        timeout: float = PAGER_TIMEOUT,
        asked: discord.Interaction | None = None,
    ) -> None:
        super().__init__(timeout=timeout)
        self.answer = answer
        self.pages = answer.pages
        self.owner_id = owner_id
        self.index = 0
        self.message: discord.Message | discord.InteractionMessage | None = None
        if answer.export is None:
            self.remove_item(self.export)
        self._update_buttons()
        for suggestion in answer.suggestions[:MAX_SUGGESTIONS]:
            button = suggestion_button(asked, suggestion) if asked is not None else None
            if button is not None:
                self.add_item(button)

    def _update_buttons(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1
        if len(self.pages) <= 1:
            self.remove_item(self.previous)
            self.remove_item(self.next)

    @property
    def empty(self) -> bool:
        """No buttons left: the message goes without a view."""
        return not self.children

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """Only the member who asked can page or export."""
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            "Only the person who asked can use these buttons; run the command yourself.",
            ephemeral=True,
        )
        return False

    async def _show(self, interaction: discord.Interaction) -> None:
        self._update_buttons()
        await interaction.response.edit_message(
            embeds=list(self.pages[self.index].embeds), view=self, allowed_mentions=NO_MENTIONS
        )

    @discord.ui.button(label="Previous", style=discord.ButtonStyle.secondary)
    async def previous(
        self, interaction: discord.Interaction, _button: discord.ui.Button[Any]
    ) -> None:
        """Show the page before."""
        self.index = max(0, self.index - 1)
        await self._show(interaction)

    @discord.ui.button(label="Next", style=discord.ButtonStyle.secondary)
    async def next(self, interaction: discord.Interaction, _button: discord.ui.Button[Any]) -> None:
        """Show the page after."""
        self.index = min(len(self.pages) - 1, self.index + 1)
        await self._show(interaction)

    @discord.ui.button(label="Export", style=discord.ButtonStyle.primary)
    async def export(
        self, interaction: discord.Interaction, _button: discord.ui.Button[Any]
    ) -> None:
        """Send the whole answer as a JSON file, to the asker only."""
        assert self.answer.export is not None  # the button is removed otherwise
        await interaction.response.send_message(
            file=self.answer.export.to_file(), ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    async def on_timeout(self) -> None:
        """Grey the buttons out so nobody clicks a dead view."""
        for item in self.children:
            if isinstance(item, discord.ui.Button | discord.ui.Select):
                item.disabled = True
        if self.message is not None:
            try:
                await self.message.edit(view=self)
            except discord.HTTPException:
                log.debug("could not disable an expired pager", exc_info=True)
