"""Rising names: the spike rule (`analysis.spikes`) on the corpus, its cool-down, spike alerts.

The digest shows the spikes of the last whole day under "Rising" and records them (per guild)
once it is posted; `/alert add spikes` turns each spike into an alert card as it happens. The
alert loop (cogs/rising.py) looks at today and yesterday in UTC, yesterday because articles
dated yesterday keep arriving after midnight, and an alert tells each name once per
cool-down (3 days) and at most ALERTS_PER_DAY names a day: the strongest at the time, never a
flood. The spike itself does not depend on the guild, so a round counts each day once, for
every alert.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from analysis.spikes import (
    BASELINE_DAYS,
    MIN_ARTICLES,
    MIN_COUNT,
    Series,
    Spike,
    after_cooldown,
    cooling,
    find_spikes,
)
from storage.records_cite import ArticleRef
from storage.spikes import SpikeNotice, SpikeRepository

log = logging.getLogger(__name__)

ALERT_DAYS = 2  # today and the day before, in UTC
ALERTS_PER_DAY = 5  # spike cards an alert posts for one day, at most
WATCH_SECONDS = 15 * 60.0  # how often the spike watch (cogs/rising.py) looks


def utc_now() -> datetime:
    """The current moment in UTC (the spike watch's default clock)."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class WatchOptions:
    """How the bot runs the spike watch: its clock and how often it looks (tests: faster)."""

    now: Callable[[], datetime] = utc_now
    tick_seconds: float = WATCH_SECONDS


class HasSessions(Protocol):
    """What the factory needs of the application (bot.app's Analyst)."""

    @property
    def sessions(self) -> async_sessionmaker[AsyncSession]: ...


def utc_day(moment: datetime) -> date:
    """The UTC calendar day of a moment (a naive one is taken as UTC, as stored)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).date()


def notice(spike: Spike) -> SpikeNotice:
    """What an alert card says of a spike."""
    return SpikeNotice(
        spike.subject, spike.name, spike.kind, spike.day, spike.today, spike.baseline
    )


class SpikeService:
    """Spikes of a day, with or without a guild's cool-down, and the spike alerts they fire."""

    def __init__(self, repo: SpikeRepository) -> None:
        self._repo = repo

    async def spikes(self, day: date) -> list[Spike]:
        """Every spike on `day`, strongest first, with no cool-down applied."""
        counts = await self._repo.daily_counts(
            day, before=BASELINE_DAYS, min_count=MIN_COUNT, min_articles=MIN_ARTICLES
        )
        series = [Series(s.subject, s.name, s.kind, s.counts, s.articles) for s in counts.subjects]
        return find_spikes(series, day, history_days=counts.history_days)

    async def rising(self, day: date, *, guild_id: int) -> list[Spike]:
        """The spikes on `day` the guild (0: the command line) has not been shown lately."""
        found = await self.spikes(day)
        last = await self._repo.reported(guild_id, [s.subject for s in found])
        return after_cooldown(found, {subject: (shown,) for subject, shown in last.items()})

    async def report(self, day: date, guild_id: int) -> list[Spike]:
        """`rising`, recorded as shown: they cool down for the guild from `day`."""
        shown = await self.rising(day, guild_id=guild_id)
        await self.record(guild_id, day, [s.subject for s in shown])
        return shown

    async def record(self, guild_id: int, day: date, subjects: Iterable[str]) -> None:
        """Note these subjects as shown to the guild on `day` (a posted digest's names)."""
        await self._repo.record(guild_id, day, subjects)

    async def articles(
        self, spikes: Iterable[Spike], limit: int
    ) -> dict[str, tuple[ArticleRef, ...]]:
        """Up to `limit` articles of its day naming each spike's subject, most-naming first."""
        by_day: defaultdict[date, list[str]] = defaultdict(list)
        for spike in spikes:
            by_day[spike.day].append(spike.subject)
        found: dict[str, tuple[ArticleRef, ...]] = {}
        for day, subjects in by_day.items():
            refs = await self._repo.day_articles(day, subjects, limit)
            found.update((subject, tuple(r)) for subject, r in refs.items())
        return found

    async def fire_alerts(self, now: datetime) -> int:
        """Write a `spike_alert` outbox row for each spike each `spikes` alert has not told;
        returns how many. Without such an alert this is one small query."""
        alerts = await self._repo.spike_alerts()
        if not alerts:
            return 0
        today = utc_day(now)
        days = [today - timedelta(days=back) for back in reversed(range(ALERT_DAYS))]
        notices = [notice(spike) for day in days for spike in await self.spikes(day)]
        if not notices:
            return 0
        written = 0
        for alert in alerts:
            written += await self._repo.fire(
                alert, notices, cooling=cooling, per_day=ALERTS_PER_DAY, now=now
            )
        if written:
            log.info("spike alerts: %s new card(s) for %s alert(s)", written, len(alerts))
        return written


def make_spike_service(analyst: HasSessions) -> SpikeService:
    """The spike service on the application's database (bot.app's `Analyst.spikes`)."""
    return SpikeService(SpikeRepository(analyst.sessions))
