"""The spike watch: a loop that turns names rising above their baseline into spike alerts.

No commands: `/alert add spikes` sets the watch (cogs/alerts.py). Every 15 minutes this loop has
the spike service write a `spike_alert` outbox row for each spike each such alert has not told
(docs/rising.md), and cogs/alerts.py delivers them. With no spikes alert anywhere a round is one
small query. Several bot processes may run it: each alert tells a name once per day and
cool-down, whichever process looked first.
"""

from __future__ import annotations

import logging

from discord.ext import commands, tasks

from bot.client import AnalystBot
from bot.services.spikes import WatchOptions

log = logging.getLogger(__name__)


class RisingCog(commands.Cog, name="Rising"):
    """Runs the spike watch; its cards are delivered by the alerts cog."""

    def __init__(self, bot: AnalystBot, options: WatchOptions | None = None) -> None:
        self.bot = bot
        self.options = options or WatchOptions()
        self.service = bot.analyst.spikes
        self.watch = tasks.loop(seconds=self.options.tick_seconds)(self.fire_due)
        self.watch.before_loop(self.bot.wait_until_ready)

    async def cog_load(self) -> None:
        """Start the watch (its first round looks at once)."""
        self.watch.start()

    async def cog_unload(self) -> None:
        """Stop the watch."""
        self.watch.cancel()

    async def fire_due(self) -> None:
        """One round: queue the spike alerts due now; a failure is logged, the next retries."""
        try:
            await self.service.fire_alerts(self.options.now())
        except Exception:  # a failed round (database busy, …) must not stop the loop
            log.exception("the spike alert round failed; the next one retries")


async def setup(bot: AnalystBot) -> None:
    """Register the cog with the bot's watch options (tests: a clock; None: every 15 minutes)."""
    await bot.add_cog(RisingCog(bot, bot.rising_options))
