"""Where the key dates' date F1 is lost on Timeline17 (issue 15, session 14): run through
`eval.timeline17_probe dates`; nothing here changes what the product ships.

For each gold timeline the service is asked for its key dates as `eval.timeline17_tls score`
asks (uncapped), and the probe catches what the date ranking saw: the ranking rows
(`rank_dates`'s input), the dates as ranked, and the days of the answer. Then:

- each **gold day** is put in one class: chosen; no day-precision event in the window at all;
  events in the window but none among the rows read (the busiest dates only); or a candidate,
  with its place among the candidate days as ranked (within K, within the shortlist, beyond);
  and, when missed, whether the day before or after it was chosen instead;
- each **chosen day that is not gold** is put by its distance to the nearest gold day (the day
  after a gold day, the day before, 2-3 days, further), and so are the shortlisted days neither
  gold nor chosen: how often a day near a gold day is passed over, the base rate to compare;
- the mean percentile (0 the busiest day of the range, 1 the quietest) of gold days, chosen
  days, missed gold days and wrongly chosen days by four counts: the window's articles
  published on the day, on the next day, the articles of the rows that name the day, and the
  hand score's rank.

`days COVERAGE ECHO AFTER` (`days_ranker`) tries two kinds of day evidence that the mentions of
one day leave out, both from the ranking rows alone (what the product could use):
- coverage: a day's news is published that day and the next (news-tls's DATEWISE reads a day's
  publication set so). Each candidate article counts for its publication day and the day
  before, in the shares its outlet's own dated reports show (`same_day_share`: an online outlet
  reports the day it happens, a morning paper the day after); a day's score is multiplied by
  1 + COVERAGE × log(1 + its reporting articles);
- echo: a day whose neighbour (the day before and after; with AFTER 1 the day before only: the
  day after an event, when its coverage peaks) scores higher is taken for that event's echo,
  its score multiplied by 1 − ECHO.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import bot.services.timeline as timeline_service
from analysis import key_dates
from eval.timeline17_spread import published
from eval.timeline17_tls import GoldTLS, predict

ONE = timedelta(days=1)
Ranker = Callable[..., list[key_dates.RankedDate]]


@dataclass
class Caught:
    """What one gold timeline's key-dates call saw and answered."""

    rows: list[Any] = field(default_factory=list)
    ranked: list[key_dates.RankedDate] = field(default_factory=list)
    answer: set[date] = field(default_factory=set)


def catch(work: Path, gold: GoldTLS) -> Caught:
    """Ask for the gold's key dates as `score` does and keep the ranking's input and output."""
    caught = Caught()
    original = timeline_service.rank_dates

    def ranking(rows: Iterable[Any], weights: Any = None) -> list[key_dates.RankedDate]:
        rows = list(rows)
        found = original(rows, weights)
        if not caught.ranked:
            caught.rows, caught.ranked = rows, list(found)
        return found

    timeline_service.rank_dates = ranking
    try:
        caught.answer = set(predict(work, gold, 1000, 10).days)
    finally:
        timeline_service.rank_dates = original
    return caught


def percentile(counts: Mapping[date, float], days: Iterable[date]) -> dict[date, float]:
    """Each day's place among `days` by its count, 0 the largest and 1 the smallest (ties
    share the mean place)."""
    days = sorted(set(days))
    if len(days) < 2:
        return dict.fromkeys(days, 0.0)
    ordered = sorted(days, key=lambda d: -counts.get(d, 0.0))
    out: dict[date, float] = {}
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and counts.get(ordered[j + 1], 0.0) == counts.get(
            ordered[i], 0.0
        ):
            j += 1
        for d in ordered[i : j + 1]:
            out[d] = (i + j) / 2 / (len(days) - 1)
        i = j + 1
    return out


def gold_class(
    day: date,
    answer: set[date],
    event_days: set[date],
    place: Mapping[date, int],
    *,
    k: int,
    shortlist: int,
) -> str:
    """The class of one gold day (see the module docstring)."""
    if day in answer:
        return "chosen"
    if day not in event_days:
        return "no day event"
    if day not in place:
        return "event not read"
    near = " (a neighbour chosen)" if {day - ONE, day + ONE} & answer else ""
    if place[day] < k:
        return "ranked within K" + near
    if place[day] < shortlist:
        return "ranked in shortlist" + near
    return "ranked past shortlist" + near


def wrong_class(day: date, gold: set[date]) -> str:
    """The class of one chosen day that is not gold, by the nearest gold day."""
    if day - ONE in gold:
        return "day after a gold day"
    if day + ONE in gold:
        return "day before a gold day"
    if any(day + timedelta(days=s * n) in gold for n in (2, 3) for s in (1, -1)):
        return "2-3 days from a gold day"
    return "further"


@dataclass
class Tally:
    """The counts of every class, and the percentiles of each group of days, summed."""

    gold: Counter[str] = field(default_factory=Counter)
    wrong: Counter[str] = field(default_factory=Counter)
    passed: Counter[str] = field(default_factory=Counter)  # shortlisted days not gold, not chosen
    places: dict[str, list[float]] = field(default_factory=dict)

    def add_places(self, group: str, measure: str, values: Iterable[float]) -> None:
        """Keep the percentiles of one group of days by one measure."""
        self.places.setdefault(f"{group}|{measure}", []).extend(values)


def day_counts(rows: Sequence[Any]) -> Counter[date]:
    """Distinct articles of the rows naming each day (day precision only)."""
    seen = {(r.date, r.article_id) for r in rows if r.precision == "day"}
    return Counter(d for d, _ in seen)


def measures(
    caught: Caught, published: Counter[date], first: date, last: date
) -> tuple[list[date], dict[str, dict[date, float]]]:
    """The range's days and each one's percentile by the four counts."""
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    day_ranked = [r for r in caught.ranked if r.precision == "day"]
    hand = {r.date: float(len(day_ranked) - i) for i, r in enumerate(day_ranked)}
    following = {d: float(published[d + ONE]) for d in days}
    counts: dict[str, Mapping[date, float]] = {
        "published": {d: float(published[d]) for d in days},
        "published next day": following,
        "rows' articles": {d: float(n) for d, n in day_counts(caught.rows).items()},
        "hand rank": hand,
    }
    return days, {name: percentile(c, days) for name, c in counts.items()}


def analyse(
    work: Path, golds: Sequence[GoldTLS], event_days: Callable[[GoldTLS], set[date]]
) -> str:
    """The classes and percentiles over these timelines, as lines of text."""
    tally = Tally()
    for gold in golds:
        caught = catch(work, gold)
        gold_days = {e.date for e in gold.entries}
        day_ranked = [r.date for r in caught.ranked if r.precision == "day"]
        place = {d: i for i, d in enumerate(day_ranked)}
        shortlist = max(timeline_service.MIN_SHORTLIST, timeline_service.SHORTLIST_FACTOR * gold.k)
        known = event_days(gold)
        for day in gold_days:
            tally.gold[
                gold_class(day, caught.answer, known, place, k=gold.k, shortlist=shortlist)
            ] += 1
        for day in caught.answer - gold_days:
            tally.wrong[wrong_class(day, gold_days)] += 1
        for day in set(day_ranked[:shortlist]) - gold_days - caught.answer:
            tally.passed[wrong_class(day, gold_days)] += 1
        per_day = Counter(published(work / f"{gold.window}.db"))
        _, places = measures(caught, per_day, gold.start, gold.end)
        groups = {
            "gold": gold_days,
            "chosen": caught.answer,
            "missed gold": gold_days - caught.answer,
            "wrong chosen": caught.answer - gold_days,
        }
        for group, days in groups.items():
            for measure, found in places.items():
                tally.add_places(group, measure, (found[d] for d in days if d in found))
    return report(tally)


def report(tally: Tally) -> str:
    """The tally as text."""
    lines = ["gold days:"]
    total = sum(tally.gold.values())
    lines += [f"  {k}: {n} ({n / total:.1%})" for k, n in sorted(tally.gold.items())]
    wrong = sum(tally.wrong.values())
    lines.append("chosen days not gold:")
    lines += [f"  {k}: {n} ({n / max(1, wrong):.1%})" for k, n in sorted(tally.wrong.items())]
    passed = sum(tally.passed.values())
    lines.append("shortlisted days neither gold nor chosen (the base rate of the classes above):")
    lines += [f"  {k}: {n} ({n / max(1, passed):.1%})" for k, n in sorted(tally.passed.items())]
    lines.append("mean percentile (0 busiest):")
    for key in sorted(tally.places):
        values = tally.places[key]
        mean = sum(values) / len(values) if values else float("nan")
        group, measure = key.split("|")
        lines.append(f"  {group:13s} {measure:20s} {mean:.3f} (n={len(values)})")
    return "\n".join(lines)


# --- day evidence beyond one day's mentions (`days` probe) ---------------------------------


def same_day_share(rows: Iterable[Any]) -> dict[str | None, float]:
    """For each outlet, the share of its articles' reports of a day (a day-precision date
    published on it or the next day) published on the day itself, one of each added."""
    pairs: dict[str | None, set[tuple[int, int]]] = {}
    for row in rows:
        if row.precision != "day" or row.published is None:
            continue
        gap = (row.published - row.date).days
        if gap in (0, 1):
            pairs.setdefault(row.outlet, set()).add((row.article_id, gap))
    return {
        outlet: (sum(1 for _, gap in found if gap == 0) + 1) / (len(found) + 2)
        for outlet, found in pairs.items()
    }


def coverage(rows: Sequence[Any]) -> dict[date, float]:
    """How much the candidate articles report each day by their publication: each counts for
    its publication day and the day before, in its outlet's shares (`same_day_share`)."""
    shares = same_day_share(rows)
    seen: dict[int, Any] = {}
    for row in rows:
        if row.published is not None:
            seen.setdefault(row.article_id, row)
    out: dict[date, float] = {}
    for row in seen.values():
        same = shares.get(row.outlet, 0.5)
        out[row.published] = out.get(row.published, 0.0) + same
        out[row.published - ONE] = out.get(row.published - ONE, 0.0) + 1.0 - same
    return out


def echo_factors(
    ranked: Sequence[key_dates.RankedDate], echo: float, offsets: Sequence[int]
) -> list[float]:
    """1 − echo for a day with a higher-scored day at one of `offsets` days from it, else 1."""
    days = {r.date: r.score for r in ranked if r.precision == "day"}
    out = []
    for item in ranked:
        near = max(days.get(item.date + n * ONE, 0.0) for n in offsets)
        out.append(1.0 - echo if item.precision == "day" and near > item.score else 1.0)
    return out


def days_ranker(original: Ranker, cover: float, echo: float, *, after_only: bool) -> Ranker:
    """`original` with the coverage factor, then the echo factor, applied to its day scores."""

    def ranked(rows: Iterable[Any], weights: Any = None) -> list[key_dates.RankedDate]:
        rows = list(rows)
        found = original(rows, weights)
        reported = coverage(rows) if cover else {}
        covered = [
            replace(r, score=r.score * (1 + cover * math.log1p(reported.get(r.date, 0.0))))
            if r.precision == "day"
            else r
            for r in found
        ]
        offsets = (-1,) if after_only else (-1, 1)
        factors = echo_factors(covered, echo, offsets) if echo else [1.0] * len(covered)
        out = [replace(r, score=r.score * f) for r, f in zip(covered, factors, strict=True)]
        return sorted(out, key=key_dates._order)

    return ranked
