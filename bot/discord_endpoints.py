"""Point discord.py at a Discord-compatible server instead of discord.com.

The bot reads `ANALYST_DISCORD_API_BASE` and `ANALYST_DISCORD_GATEWAY_URL` and calls
`point_discord_at`; the test suite calls the same function to aim the real client at its local
fake. discord.py 2.x builds every REST URL (bot and webhook/interaction routes alike) from
`discord.http.Route.BASE`, and opens its first gateway connection at
`discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY` without asking `GET /gateway/bot`; after READY
it reconnects to the `resume_gateway_url` the gateway handed out, so two class attributes suffice.
"""

from __future__ import annotations

from discord.gateway import DiscordWebSocket
from discord.http import Route

DISCORD_API_BASE = "https://discord.com/api/v10"
DISCORD_GATEWAY_URL = "wss://gateway.discord.gg/"


def point_discord_at(api_base: str | None, gateway_url: str | None) -> None:
    """Aim discord.py's REST client and gateway at the given URLs; `None` leaves one as it is."""
    if api_base:
        Route.BASE = api_base.rstrip("/")
    if gateway_url:
        # DEFAULT_GATEWAY is a yarl.URL (discord.py calls .with_query on it); build one of the same
        # type so this module needs no import beyond discord.
        url_type = type(DiscordWebSocket.DEFAULT_GATEWAY)
        DiscordWebSocket.DEFAULT_GATEWAY = url_type(gateway_url)


def current_endpoints() -> tuple[str, str]:
    """The REST base and gateway URL discord.py will use now, to restore them later."""
    return Route.BASE, str(DiscordWebSocket.DEFAULT_GATEWAY)
