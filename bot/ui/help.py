"""The /help text: every command with its description, admin ones only for admins."""

from __future__ import annotations

from collections.abc import Iterable

import discord
from discord import app_commands

INTRO = (
    "Analyst answers from the articles this team has stored, and cites them. "
    "Post links in the watched channel or use /ingest to add more."
)


def _walk(
    command: app_commands.Command | app_commands.Group, prefix: str = ""
) -> list[tuple[str, str, app_commands.Command | app_commands.Group]]:  # type: ignore[type-arg]
    name = f"{prefix}{command.name}"
    if isinstance(command, app_commands.Group):
        found = []
        for child in command.commands:
            found += _walk(child, f"{name} ")
        return found
    return [(name, command.description, command)]


def _allowed(
    command: app_commands.Command | app_commands.Group, permissions: discord.Permissions
) -> bool:  # type: ignore[type-arg]
    needed = command.default_permissions
    return needed is None or permissions >= needed


def help_text(
    commands: Iterable[app_commands.Command | app_commands.Group], permissions: discord.Permissions
) -> str:  # type: ignore[type-arg]
    """One line per command the member may use, alphabetical."""
    rows = []
    for top in commands:
        if not _allowed(top, permissions):
            continue
        rows += [(name, description) for name, description, _c in _walk(top)]
    lines = [INTRO, ""] + [f"/{name} — {description}" for name, description in sorted(rows)]
    return "\n".join(lines)[:2000]
