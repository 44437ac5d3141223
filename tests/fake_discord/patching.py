"""Aim the real discord.py client at the fake for the length of a `with` block."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from bot.discord_endpoints import current_endpoints, point_discord_at


@contextmanager
def pointed_at(api_base: str, gateway_url: str) -> Iterator[None]:
    """Use the production `point_discord_at`, then put discord.py's own endpoints back."""
    saved_base, saved_gateway = current_endpoints()
    point_discord_at(api_base, gateway_url)
    try:
        yield
    finally:
        point_discord_at(saved_base, saved_gateway)
