"""Logging configured once, for the CLI and the bot alike."""

from __future__ import annotations

import logging


def configure_logging(level: str = "WARNING") -> None:
    """Send log records to stderr in one plain format; safe to call twice."""
    root = logging.getLogger()
    if getattr(configure_logging, "_done", False):
        root.setLevel(level.upper())
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level.upper())
    configure_logging._done = True  # type: ignore[attr-defined]
