"""Choosing, not retyping: a name that stands for several entities answers with a select menu
of them, and a name nobody has with buttons for the nearest names; picking one runs the same
command again with that choice in place of what was typed, for the member who asked only.
"""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands

from bot.services.people import AmbiguousNameError, UnknownNameError, entity_choice
from bot.ui.escape import escape_text
from bot.ui.page import NO_MENTIONS, Suggestion

log = logging.getLogger(__name__)

CHOICE_TIMEOUT = 300.0
MAX_OPTIONS = 25  # Discord's limit for a select menu
MAX_BUTTONS = 5
LABEL_LIMIT = 100  # Discord's limit for an option label
BUTTON_LABEL_LIMIT = 80
RERUN = "analyst:rerun"  # Interaction.extras key: the command and arguments a button ran


def typed_parameter(interaction: discord.Interaction, typed: str) -> str | None:
    """The command option (its Python name) whose value is the name that failed."""
    command = interaction.command
    if not isinstance(command, app_commands.Command):
        return None
    wanted = " ".join(typed.split()).casefold()
    for parameter in command.parameters:
        value = getattr(interaction.namespace, parameter.display_name, None)
        if isinstance(value, str) and " ".join(value.split()).casefold() == wanted:
            return parameter.name
    return None


def _arguments(interaction: discord.Interaction) -> dict[str, Any]:
    """The options the member gave, by the callback's parameter names."""
    command = interaction.command
    assert isinstance(command, app_commands.Command)
    return {
        p.name: getattr(interaction.namespace, p.display_name, None) for p in command.parameters
    }


class NameChoices(discord.ui.View):
    """The candidates for a name, as a select menu (several entities) or buttons (near names)."""

    def __init__(
        self,
        asked: discord.Interaction,
        parameter: str,
        error: AmbiguousNameError | UnknownNameError,
        timeout: float = CHOICE_TIMEOUT,
    ) -> None:
        super().__init__(timeout=timeout)
        command = asked.command
        assert isinstance(command, app_commands.Command)
        self.command: app_commands.Command[Any, ..., Any] = command
        self.arguments = _arguments(asked)
        self.parameter = parameter
        self.owner_id = asked.user.id
        if isinstance(error, AmbiguousNameError):
            self.add_item(self._menu(error))
        else:
            for name in error.close[:MAX_BUTTONS]:
                self.add_item(self._button(name))

    def _menu(self, error: AmbiguousNameError) -> discord.ui.Select[NameChoices]:
        options = []
        for match in error.matches[:MAX_OPTIONS]:
            label = f"{match.name} ({match.kind}, {match.mentions} mentions)"
            value = entity_choice(match)
            options.append(discord.SelectOption(label=_cut(label, LABEL_LIMIT), value=value))
        menu: discord.ui.Select[NameChoices] = discord.ui.Select(
            placeholder="Pick the one you mean", options=options, custom_id="analyst:name-choice"
        )

        async def picked(interaction: discord.Interaction) -> None:
            await self._run(interaction, menu.values[0])

        menu.callback = picked  # type: ignore[method-assign]
        return menu

    def _button(self, name: str) -> discord.ui.Button[NameChoices]:
        button: discord.ui.Button[NameChoices] = discord.ui.Button(
            label=_cut(name, BUTTON_LABEL_LIMIT), style=discord.ButtonStyle.secondary
        )

        async def pressed(interaction: discord.Interaction) -> None:
            await self._run(interaction, name)

        button.callback = pressed  # type: ignore[method-assign]
        return button

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """Only the member who asked can choose."""
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            "Only the person who asked can choose; run the command yourself.", ephemeral=True
        )
        return False

    async def _run(self, interaction: discord.Interaction, value: str) -> None:
        """The same command again, with the choice in place of what was typed."""
        self.stop()
        await rerun(self.command, {**self.arguments, self.parameter: value}, interaction)


async def rerun(
    command: app_commands.Command[Any, ..., Any],
    arguments: dict[str, Any],
    interaction: discord.Interaction,
) -> None:
    """Run a command's callback for a component interaction, as the tree would run it for a
    slash command: any failure goes to the tree's one error handler. The command and its
    arguments stay on the interaction, so the answer's own suggestions can run it again."""
    interaction.extras[RERUN] = (command, arguments)
    try:
        await command.callback(command.binding, interaction, **arguments)  # type: ignore[arg-type]
    except Exception as error:  # noqa: BLE001 - every failure goes to the one error handler
        wrapped = (
            error
            if isinstance(error, app_commands.AppCommandError)
            else app_commands.CommandInvokeError(command, error)
        )
        tree = interaction.client.tree  # type: ignore[attr-defined]
        await tree.on_error(interaction, wrapped)


def suggestion_button(
    asked: discord.Interaction, suggestion: Suggestion
) -> discord.ui.Button[Any] | None:
    """A button that runs the asked command again with the suggestion's changes (the asked
    command may itself be a rerun: a button pressed under an earlier answer)."""
    command = getattr(asked, "command", None)
    if isinstance(command, app_commands.Command):
        arguments = _arguments(asked)
    elif RERUN in getattr(asked, "extras", {}):
        command, arguments = asked.extras[RERUN]
    else:
        return None
    if any(name not in arguments for name, _value in suggestion.changes):
        return None
    changed = {**arguments, **dict(suggestion.changes)}
    button: discord.ui.Button[Any] = discord.ui.Button(
        label=_cut(suggestion.label, BUTTON_LABEL_LIMIT), style=discord.ButtonStyle.secondary
    )

    async def pressed(interaction: discord.Interaction) -> None:
        await rerun(command, changed, interaction)

    button.callback = pressed  # type: ignore[method-assign]
    return button


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


async def offer_choices(
    interaction: discord.Interaction, error: AmbiguousNameError | UnknownNameError
) -> bool:
    """Answer a failed name with its candidates to pick from; False when there is nothing to
    offer (no candidates, or the name is not one of the command's options)."""
    parameter = typed_parameter(interaction, error.name)
    has_candidates = bool(error.matches if isinstance(error, AmbiguousNameError) else error.close)
    if parameter is None or not has_candidates:
        return False
    view = NameChoices(interaction, parameter, error)
    if isinstance(error, AmbiguousNameError):
        text = f"“{error.name.strip()}” could be several: pick the one you mean."
    else:
        text = f"No one called “{error.name.strip()}” in the corpus. Did you mean:"
    kwargs: dict[str, Any] = {"view": view, "ephemeral": True, "allowed_mentions": NO_MENTIONS}
    if interaction.response.is_done():
        await interaction.followup.send(escape_text(text), **kwargs)
    else:
        await interaction.response.send_message(escape_text(text), **kwargs)
    return True
