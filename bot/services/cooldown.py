"""Per-member allowances: a token bucket per (guild, member, kind) on an injectable clock.

Ingestion is measured in links (and files) queued, the heavy commands in calls. A bucket holds
at most `per_window` units and refills evenly over `window` seconds, so a member who waits gets
their allowance back bit by bit; 0 units per window means no limit. Who is exempt is the
caller's business (admins are); this module knows no Discord.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from config.settings import Settings

INGEST, COMMANDS = "ingest", "commands"
INGEST_WINDOW = 600.0  # ANALYST_INGEST_PER_MEMBER counts links per 10 minutes
COMMANDS_WINDOW = 60.0  # ANALYST_COMMANDS_PER_MEMBER counts heavy commands per minute
PRUNE_FROM = 10_000  # buckets kept before full (forgotten) ones are dropped

Clock = Callable[[], float]


@dataclass(frozen=True)
class Limit:
    """At most `per_window` units per `window` seconds; 0 units: no limit."""

    per_window: int
    window: float

    @property
    def rate(self) -> float:
        """Units given back per second."""
        return self.per_window / self.window


@dataclass(frozen=True)
class Grant:
    """What a request got: units granted and refused, and seconds until one more is free."""

    granted: int
    refused: int
    retry_after: float = 0.0


@dataclass
class _Bucket:
    tokens: float
    stamp: float


class Cooldown:
    """Token buckets per (guild, member, kind); `clock` is monotonic seconds (tests move it)."""

    def __init__(self, limits: Mapping[str, Limit], *, clock: Clock = time.monotonic) -> None:
        self.limits = dict(limits)
        self.clock = clock
        self._buckets: dict[tuple[int, int, str], _Bucket] = {}

    @classmethod
    def from_settings(cls, settings: Settings, *, clock: Clock = time.monotonic) -> Cooldown:
        """The limits ANALYST_INGEST_PER_MEMBER and ANALYST_COMMANDS_PER_MEMBER set."""
        return cls(
            {
                INGEST: Limit(settings.ingest_per_member, INGEST_WINDOW),
                COMMANDS: Limit(settings.commands_per_member, COMMANDS_WINDOW),
            },
            clock=clock,
        )

    def take(self, guild_id: int | None, member_id: int, kind: str, wanted: int = 1) -> Grant:
        """Grant as many of `wanted` units as the member's allowance holds, and spend them."""
        limit = self.limits.get(kind)
        if limit is None or limit.per_window <= 0 or wanted <= 0:
            return Grant(granted=max(wanted, 0), refused=0)
        now = self.clock()
        bucket = self._bucket((guild_id or 0, member_id, kind), limit, now)
        granted = min(wanted, math.floor(bucket.tokens + 1e-9))
        bucket.tokens -= granted
        if granted == wanted:
            return Grant(granted=granted, refused=0)
        return Grant(granted, wanted - granted, max(1 - bucket.tokens, 0) / limit.rate)

    def _bucket(self, key: tuple[int, int, str], limit: Limit, now: float) -> _Bucket:
        """The key's bucket refilled up to now (a new member starts full)."""
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= PRUNE_FROM:
                self._prune(now)
            bucket = self._buckets[key] = _Bucket(float(limit.per_window), now)
        elapsed = max(now - bucket.stamp, 0.0)
        bucket.tokens = min(float(limit.per_window), bucket.tokens + elapsed * limit.rate)
        bucket.stamp = now
        return bucket

    def _prune(self, now: float) -> None:
        """Forget the buckets that have refilled: a fresh one would be the same."""
        for key, bucket in list(self._buckets.items()):
            limit = self.limits[key[2]]
            if bucket.tokens + (now - bucket.stamp) * limit.rate >= limit.per_window:
                del self._buckets[key]

    def describe(self, kind: str) -> str:
        """The limit in words, e.g. 'at most 20 per minute'."""
        limit = self.limits[kind]
        minutes = limit.window / 60
        span = "minute" if minutes == 1 else f"{minutes:g} minutes"
        return f"at most {limit.per_window} per {span}"


def wait_words(seconds: float) -> str:
    """Seconds to wait, rounded up: '7 s'."""
    return f"{max(math.ceil(seconds - 1e-9), 1)} s"


def command_refusal(cooldown: Cooldown, grant: Grant) -> str:
    """The one line a member over the command limit gets."""
    return (
        f"slow down: you can run 1 more command in {wait_words(grant.retry_after)} "
        f"({cooldown.describe(COMMANDS)} for these commands)"
    )


def ingest_refusal(cooldown: Cooldown, grant: Grant, not_queued: int, what: str = "link") -> str:
    """The one line a member over the ingest limit gets, naming how many were not queued."""
    were = f"{what} was" if not_queued == 1 else f"{what}s were"
    return (
        f"slow down: {not_queued} {were} not queued; you can add 1 more in "
        f"{wait_words(grant.retry_after)} ({cooldown.describe(INGEST)} per member)"
    )
