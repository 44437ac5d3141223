"""Run the Discord bot until it is stopped: the body of `analyst run`."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal

from bot.app import open_analyst
from bot.client import AnalystBot, make_bot
from bot.discord_endpoints import point_discord_at
from bot.errors import SpacyModelMissingError, UserFacingError
from bot.services.nlp_runtime import model_installed
from config.settings import Settings

log = logging.getLogger(__name__)

NO_TOKEN = (  # a message about the token, not a token
    "ANALYST_DISCORD_TOKEN is not set: the bot needs a Discord bot token "  # noqa: S105
    "(every other analyst command works without one)"
)


def require_token(settings: Settings) -> str:
    """The token, or the one clear line that says it is missing."""
    token = settings.discord_token.get_secret_value() if settings.discord_token else ""
    if not token.strip():
        raise UserFacingError(NO_TOKEN)
    return token.strip()


def _stop_on_signals(bot: AnalystBot) -> None:
    """SIGTERM and SIGINT close the gateway and the database cleanly."""
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, lambda: asyncio.ensure_future(bot.close()))


async def run_bot(settings: Settings) -> None:
    """Open the application, connect to Discord (or the configured stand-in) and serve."""
    token = require_token(settings)
    if settings.ingest_workers > 0 and not model_installed(settings.spacy_model):
        raise SpacyModelMissingError(settings.spacy_model)  # not a traceback per queued job
    point_discord_at(settings.discord_api_base, settings.discord_gateway_url)
    async with open_analyst(settings) as analyst:
        bot = make_bot(analyst, dev_guild_id=settings.dev_guild_id)
        _stop_on_signals(bot)
        async with bot:
            await bot.start(token)
    log.info("bot stopped")
