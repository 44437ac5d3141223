"""`analyst run`: the Discord bot on the same database and services as the CLI."""

from __future__ import annotations

import asyncio

import discord
import typer

from bot.cli.app import app, fail, settings_of
from bot.errors import UserFacingError
from bot.runner import run_bot


@app.command()
def run(ctx: typer.Context) -> None:
    """Start the Discord bot (needs ANALYST_DISCORD_TOKEN); Ctrl-C or SIGTERM stops it."""
    try:
        asyncio.run(run_bot(settings_of(ctx)))
    except UserFacingError as exc:
        fail(exc.message)
    except discord.LoginFailure:
        fail("Discord refused the token (ANALYST_DISCORD_TOKEN): check it in the developer portal")
    except KeyboardInterrupt:
        pass
