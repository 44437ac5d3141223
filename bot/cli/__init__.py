"""The `analyst` command line: ingest, inspect and query the corpus without Discord.

Each command family lives in its own module and registers itself on the shared Typer app.
"""

from __future__ import annotations

from bot.cli import alerts as _alerts  # noqa: F401  # registers its commands
from bot.cli import compare as _compare  # noqa: F401  # registers its commands
from bot.cli import corpus as _corpus  # noqa: F401  # registers its commands
from bot.cli import digest as _digest  # noqa: F401  # registers its commands
from bot.cli import feeds as _feeds  # noqa: F401  # registers its commands
from bot.cli import people as _people  # noqa: F401  # registers its commands
from bot.cli import run as _run  # noqa: F401  # registers its commands
from bot.cli import search as _search  # noqa: F401  # registers its commands
from bot.cli import summary as _summary  # noqa: F401  # registers its commands
from bot.cli import timeline as _timeline  # noqa: F401  # registers its commands
from bot.cli import worker as _worker  # noqa: F401  # registers its commands
from bot.cli.app import app


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["app", "main"]
