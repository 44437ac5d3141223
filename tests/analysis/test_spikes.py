"""The spike rule on built time series: flat then a jump, a new name, a steady one, cool-down."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from analysis.spikes import (
    BASELINE_DAYS,
    COOLDOWN_DAYS,
    MIN_ARTICLES,
    MIN_COUNT,
    MIN_HISTORY_DAYS,
    RATIO,
    SMOOTHING,
    Series,
    Spike,
    after_cooldown,
    cooling,
    find_spikes,
    is_spike,
    spike_of,
)

DAY = date(2026, 12, 5)
FULL = BASELINE_DAYS  # every baseline day had articles


def series(before: list[int], today: int, articles: int = 3, name: str = "Kaja Kallas") -> Series:
    """A person's 14 days before, then the day."""
    assert len(before) == BASELINE_DAYS
    return Series(f"entity:{len(name)}", name, "person", (*before, today), articles)


def test_a_flat_baseline_then_a_jump_is_a_spike_with_its_figures() -> None:
    flat = [1, 2, 1, 1, 2, 1, 2, 1, 1, 2, 1, 2, 1, 2]  # 20 mentions: 1.43 a day
    spike = spike_of(series(flat, 12), DAY)
    assert spike is not None
    assert (spike.today, spike.articles, spike.day) == (12, 3, DAY)
    assert spike.baseline == pytest.approx(20 / 14)
    assert spike.ratio == pytest.approx(12 / (20 / 14 + SMOOTHING))
    # the same baseline with an ordinary day is none
    assert spike_of(series(flat, 2), DAY) is None


def test_a_brand_new_name_needs_the_minimum() -> None:
    quiet = [0] * BASELINE_DAYS
    assert spike_of(series(quiet, MIN_COUNT - 1), DAY) is None
    assert spike_of(series(quiet, MIN_COUNT), DAY) is not None
    # the smoothing never asks a new name for more than the minimum
    assert RATIO * SMOOTHING <= MIN_COUNT


def test_one_article_alone_makes_no_spike() -> None:
    quiet = [0] * BASELINE_DAYS
    assert spike_of(series(quiet, 20, articles=MIN_ARTICLES - 1), DAY) is None


def test_a_steady_high_name_is_not_rising() -> None:
    steady = [10, 12, 9, 11, 10, 10, 13, 8, 10, 11, 9, 10, 12, 10]
    assert spike_of(series(steady, 12), DAY) is None
    assert spike_of(series(steady, 25), DAY) is None  # 2.2 times its smoothed 11.4: below RATIO
    assert spike_of(series(steady, 40), DAY) is not None


@pytest.mark.parametrize(
    ("today", "articles", "baseline", "expected"),
    [
        (12, 3, 1.4, True),  # 12 >= 3 × 2.4
        (12, 3, 4.0, False),  # 12 < 3 × 5
        (5, 2, 0.0, True),  # a new name at the minimum
        (4, 4, 0.0, False),
        (6, 1, 0.0, False),
        (15, 2, 4.0, True),  # exactly RATIO times
    ],
)
def test_the_rule_on_figures(today: int, articles: int, baseline: float, expected: bool) -> None:
    assert is_spike(today, articles, baseline) is expected


def test_strongest_first_and_no_spikes_without_history() -> None:
    quiet = [0] * BASELINE_DAYS
    weak = series([1] * BASELINE_DAYS, 7, name="Ursula von der Leyen")  # 3.5 times
    strong = series(quiet, 9, name="Kaja Kallas")  # 9 times
    none = series([5] * BASELINE_DAYS, 6, name="Emmanuel Macron")
    found = find_spikes([weak, none, strong], DAY, history_days=FULL)
    assert [s.name for s in found] == ["Kaja Kallas", "Ursula von der Leyen"]
    assert find_spikes([weak, strong], DAY, history_days=MIN_HISTORY_DAYS) != []
    assert find_spikes([weak, strong], DAY, history_days=MIN_HISTORY_DAYS - 1) == []


def test_a_series_is_fifteen_days() -> None:
    with pytest.raises(ValueError, match="15 days"):
        Series("term:x", "x", "term", (1, 2, 3), 1)


def test_the_cool_down_reports_again_only_after_three_days() -> None:
    """A name that keeps spiking every day is reported on day 0, then again on day 4."""
    reported: dict[str, list[date]] = {}
    told = []
    for offset in range(9):
        day = DAY + timedelta(days=offset)
        jump = Spike("entity:7", "Kaja Kallas", "person", day, 12, 3, 1.4, 5.0)
        for spike in after_cooldown([jump], reported):
            told.append(offset)
            reported.setdefault(spike.subject, []).append(spike.day)
    assert told == [0, 4, 8]
    assert COOLDOWN_DAYS == 3


def test_cooling_is_around_the_reported_day_and_not_on_it() -> None:
    assert not cooling(DAY, [])
    assert not cooling(DAY, [DAY])  # the same day may be shown again (a preview)
    assert cooling(DAY, [DAY - timedelta(days=1)])
    assert cooling(DAY, [DAY - timedelta(days=3)])
    assert not cooling(DAY, [DAY - timedelta(days=4)])
    assert cooling(DAY, [DAY + timedelta(days=1)])  # told for today: yesterday stays quiet
