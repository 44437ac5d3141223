"""Spikes: a name mentioned far more on one day than on the days before ("Rising").

The rule. For a subject (a person, an organisation or a content term) and a day D, let

    c = its mentions (a term: its uses) in the articles published on D,
    a = how many of those articles name it,
    b = (c[D-14] + … + c[D-1]) / 14, its mean mentions a day over the 14 days before D.

It spikes on D when

    c >= MIN_COUNT  and  a >= MIN_ARTICLES  and  c >= RATIO × (b + SMOOTHING)

and its strength is the ratio r = c / (b + SMOOTHING). SMOOTHING (one mention a day) keeps the
ratio finite for a name never seen before: then b = 0 and it needs max(MIN_COUNT, RATIO ×
SMOOTHING) = MIN_COUNT mentions, the minimum alone. A steady name needs RATIO times its usual
day plus RATIO: one at 10 a day needs 33. MIN_ARTICLES keeps one long profile, which names its
subject twenty times, from making a spike by itself. With the constants below, "12 mentions
against 1.4 a day" is a spike (12 >= 3 × 2.4 = 7.2); "12 against 4" is not (12 < 15).

No baseline, no spikes. Days are publication days, so the 14 days before only mean something
when the corpus has articles on at least MIN_HISTORY_DAYS of them; a corpus started this week
would otherwise make every name in it new, and "rising".

Cool-down. A subject reported on day L is not reported for a day within COOLDOWN_DAYS of L
(0 < |D - L| <= 3): reported on the 1st, it is quiet on the 2nd, 3rd and 4th and may come
back on the 5th. The same day may be shown again (a preview after the posted digest).

Pure: the counts come from storage (`storage.spikes`), the reports from `spike_reports` (the
digest, per guild) or `alert_fires` (each spike alert); strongest first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

BASELINE_DAYS = 14  # the days before the day, its baseline
MIN_COUNT = 5  # mentions on the day, at least
MIN_ARTICLES = 2  # articles of the day naming it, at least
RATIO = 3.0  # times the baseline (smoothed), at least
SMOOTHING = 1.0  # mentions a day added to the baseline: a new name needs MIN_COUNT
COOLDOWN_DAYS = 3  # days around a report on which the same subject is not reported
MIN_HISTORY_DAYS = 7  # baseline days with articles in the corpus, at least
KINDS = ("person", "organisation", "term")


@dataclass(frozen=True)
class Series:
    """A subject's mentions per publication day: the BASELINE_DAYS before the day, then the day.

    `subject` is "entity:ID" or "term:WORD"; `articles` counts the day's articles naming it.
    """

    subject: str
    name: str
    kind: str  # person | organisation | term
    counts: tuple[int, ...]  # oldest first; the last is the day's
    articles: int

    def __post_init__(self) -> None:
        if len(self.counts) != BASELINE_DAYS + 1:
            raise ValueError(f"a series has {BASELINE_DAYS + 1} days, not {len(self.counts)}")


@dataclass(frozen=True)
class Spike:
    """A subject that spiked on a day, with the figures that say so."""

    subject: str
    name: str
    kind: str  # person | organisation | term
    day: date
    today: int  # mentions on the day
    articles: int  # articles of the day naming it
    baseline: float  # mean mentions a day over the BASELINE_DAYS before
    ratio: float  # today / (baseline + SMOOTHING)


def baseline_mean(counts: Iterable[int]) -> float:
    """Mean mentions a day over the baseline days (every day counts, quiet ones as 0)."""
    return sum(counts) / BASELINE_DAYS


def strength(today: int, baseline: float) -> float:
    """How many times its smoothed baseline a day's count is."""
    return today / (baseline + SMOOTHING)


def is_spike(today: int, articles: int, baseline: float) -> bool:
    """The rule of the module docstring on one day's figures."""
    return (
        today >= MIN_COUNT and articles >= MIN_ARTICLES and today >= RATIO * (baseline + SMOOTHING)
    )


def spike_of(series: Series, day: date) -> Spike | None:
    """The series' spike on `day` (its last day), or None."""
    *before, today = series.counts
    baseline = baseline_mean(before)
    if not is_spike(today, series.articles, baseline):
        return None
    return Spike(
        series.subject,
        series.name,
        series.kind,
        day,
        today,
        series.articles,
        baseline,
        strength(today, baseline),
    )


def has_history(history_days: int) -> bool:
    """Whether enough of the baseline days have articles in the corpus to compare against."""
    return history_days >= MIN_HISTORY_DAYS


def find_spikes(series: Iterable[Series], day: date, *, history_days: int) -> list[Spike]:
    """Every spike on `day`, strongest first (ratio, then mentions, then name).

    `history_days` is how many of the BASELINE_DAYS before had any article in the corpus.
    """
    if not has_history(history_days):
        return []
    found = [s for s in (spike_of(one, day) for one in series) if s is not None]
    return sorted(found, key=lambda s: (-s.ratio, -s.today, s.name.casefold(), s.subject))


def cooling(day: date, reported: Iterable[date]) -> bool:
    """Whether a subject reported on those days is in its cool-down on `day`."""
    return any(0 < abs((day - last).days) <= COOLDOWN_DAYS for last in reported)


def after_cooldown(spikes: Iterable[Spike], reported: Mapping[str, Iterable[date]]) -> list[Spike]:
    """The spikes whose subject is not cooling down, given the days each subject was reported."""
    return [s for s in spikes if not cooling(s.day, reported.get(s.subject, ()))]
