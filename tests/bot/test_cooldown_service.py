"""The per-member limiter on a fake clock: buckets per (guild, member, kind), refills, no limit."""

from __future__ import annotations

import pytest

from bot.services.cooldown import (
    COMMANDS,
    INGEST,
    Cooldown,
    Grant,
    Limit,
    command_refusal,
    ingest_refusal,
)
from config.settings import Settings


class FakeClock:
    """Monotonic seconds that move only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def limiter(clock: FakeClock, ingest: int = 5, commands: int = 2) -> Cooldown:
    """Five links per 10 minutes and two commands per minute."""
    return Cooldown({INGEST: Limit(ingest, 600), COMMANDS: Limit(commands, 60)}, clock=clock)


def test_commands_are_counted_per_member_and_per_guild() -> None:
    clock = FakeClock()
    cooldown = limiter(clock)
    assert [cooldown.take(1, 10, COMMANDS).refused for _ in range(3)] == [0, 0, 1]
    assert cooldown.take(1, 11, COMMANDS) == Grant(1, 0)  # another member
    assert cooldown.take(2, 10, COMMANDS) == Grant(1, 0)  # the same member in another guild
    assert cooldown.take(1, 10, INGEST, 5) == Grant(5, 0)  # ingestion has its own bucket


def test_a_request_larger_than_the_allowance_gets_what_is_left() -> None:
    clock = FakeClock()
    cooldown = limiter(clock)
    assert cooldown.take(1, 10, INGEST, 3) == Grant(3, 0)
    grant = cooldown.take(1, 10, INGEST, 7)
    assert (grant.granted, grant.refused) == (2, 5)
    assert grant.retry_after == pytest.approx(120)  # one link comes back every 600/5 s


@pytest.mark.parametrize(
    ("waited", "granted"),
    [(0, 0), (59.9, 0), (60, 1), (119, 1), (120, 2), (3600, 5)],
)
def test_time_gives_the_allowance_back_evenly_up_to_the_full_bucket(
    waited: float, granted: int
) -> None:
    clock = FakeClock()
    cooldown = limiter(clock, ingest=10)  # one link per minute
    assert cooldown.take(1, 10, INGEST, 10).granted == 10
    clock.now += waited
    assert cooldown.take(1, 10, INGEST, 5).granted == granted


def test_zero_means_no_limit() -> None:
    cooldown = limiter(FakeClock(), ingest=0, commands=0)
    assert cooldown.take(1, 10, INGEST, 10_000) == Grant(10_000, 0)
    assert all(not cooldown.take(1, 10, COMMANDS).refused for _ in range(1000))


def test_the_refusals_say_how_many_and_how_long() -> None:
    clock = FakeClock()
    cooldown = limiter(clock)
    cooldown.take(1, 10, COMMANDS, 2)
    clock.now += 20
    said = command_refusal(cooldown, cooldown.take(1, 10, COMMANDS))
    assert said == (
        "slow down: you can run 1 more command in 10 s (at most 2 per minute for these commands)"
    )
    grant = cooldown.take(1, 10, INGEST, 8)
    assert ingest_refusal(cooldown, grant, 3) == (
        "slow down: 3 links were not queued; you can add 1 more in 120 s "
        "(at most 5 per 10 minutes per member)"
    )


def test_the_settings_give_the_defaults_and_zero_turns_them_off() -> None:
    cooldown = Cooldown.from_settings(Settings(_env_file=None))  # type: ignore[call-arg]
    assert cooldown.limits == {INGEST: Limit(100, 600), COMMANDS: Limit(20, 60)}
    off = Settings(_env_file=None, ingest_per_member=0)  # type: ignore[call-arg]
    assert Cooldown.from_settings(off).take(1, 10, INGEST, 500).granted == 500


def test_forgotten_members_are_pruned_once_their_bucket_is_full(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("bot.services.cooldown.PRUNE_FROM", 3)
    clock = FakeClock()
    cooldown = limiter(clock)
    for member in range(3):
        cooldown.take(1, member, COMMANDS)
    clock.now += 60
    cooldown.take(1, 99, COMMANDS)
    assert len(cooldown._buckets) == 1  # the three refilled ones were dropped
