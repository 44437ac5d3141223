"""The `analyst` command line: ingest, inspect and query the corpus without Discord.

Each command family lives in its own module and registers itself on the shared Typer app.
"""

from __future__ import annotations

from bot.cli import corpus as _corpus  # noqa: F401  # registers its commands
from bot.cli.app import app


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["app", "main"]
