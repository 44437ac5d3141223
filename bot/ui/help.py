"""The /help text: every command with its description, admin ones only for admins."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import discord
from discord import app_commands

INTRO = (
    "Analyst answers from the articles this team has stored, and cites them. "
    "Post links in the watched channel or use /ingest to add more."
)


AppCommand = app_commands.Command[Any, ..., Any] | app_commands.Group
Listed = AppCommand | app_commands.ContextMenu


def _walk(command: AppCommand, prefix: str = "") -> list[tuple[str, str, AppCommand]]:
    name = f"{prefix}{command.name}"
    if isinstance(command, app_commands.Group):
        found = []
        for child in command.commands:
            found += _walk(child, f"{name} ")
        return found
    return [(name, command.description, command)]


def _allowed(command: AppCommand, permissions: discord.Permissions) -> bool:
    needed = command.default_permissions
    return needed is None or permissions >= needed


def help_text(commands: Iterable[Listed], permissions: discord.Permissions) -> str:
    """One line per slash command the member may use, alphabetical (menus have no line)."""
    rows = []
    for top in commands:
        if isinstance(top, app_commands.ContextMenu) or not _allowed(top, permissions):
            continue
        rows += [(name, description) for name, description, _c in _walk(top)]
    lines = [INTRO, ""] + [f"/{name} — {description}" for name, description in sorted(rows)]
    return "\n".join(lines)[:2000]
