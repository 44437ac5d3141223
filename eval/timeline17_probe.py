"""Diagnostics for the Timeline17 key dates (issue 15): where the gap to the goal lies.

Each probe scores the 19 gold timelines of an ingestion made by `eval.timeline17_tls ingest`
and prints the news-tls means of the tune stories, the other stories and all 19 (AR1 / AR2 /
date F1), as `eval.timeline17_tls score` does. None of them changes what the product ships:

- `oracle`: the gold days are ranked first (when they are candidates at all), so the figures
  measure the summaries and the candidates alone, not the date ranking;
- `coverage`: the share of gold days that have a day-precision event in the window's database,
  and the share that have an article published on them (the ceiling of any date ranking);
- `flatten H BETA`: each date's score divided by (articles published within H days)^BETA, a
  test of whether the ranking favours busy periods too much;
- `set MODULE.NAME=VALUE ...`: module constants changed in process (for example
  `analysis.key_date_summaries.REDUNDANT=0.7`), to try a setting without editing the code.

Results are in EVALUATION.md §2, "Timeline summarisation, session 12".
"""

from __future__ import annotations

import argparse
import ast
import bisect
import importlib
import sqlite3
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import bot.services.timeline as timeline_service
from analysis import key_dates
from eval.common import DEFAULT_DATA, emit
from eval.timeline17_tls import (
    DEFAULT_WORK,
    GoldTLS,
    Scores,
    average_results,
    load_gold_tls,
    predict,
    score,
    tune_story,
)
from eval.tls_metrics import Evaluator

Ranker = Callable[..., list[key_dates.RankedDate]]


Scored = list[tuple[GoldTLS, Scores]]


def means(rows: Scored) -> str:
    """The news-tls means of the tune stories, the other stories and all the rows."""
    groups = [
        ("tune", [s for g, s in rows if tune_story(g.topic)]),
        ("other", [s for g, s in rows if not tune_story(g.topic)]),
        ("all", [s for _, s in rows]),
    ]
    parts = []
    for name, group in groups:
        if group:
            found = average_results(group)
            parts.append(f"{name} " + " / ".join(f"{s.f_score:.3f}" for s in found))
    return " | ".join(parts)


def _use_ranker(ranker: Ranker) -> None:
    """Make the timeline service rank dates with `ranker` (this process only)."""
    timeline_service.rank_dates = ranker


def oracle(data: Path, work: Path) -> str:
    """Score with every gold day that is a candidate ranked first."""
    original = key_dates.rank_dates
    gold_days: set[date] = set()

    def gold_first(rows: Iterable[key_dates.Row], weights: Any = None) -> list[Any]:
        ranked = original(list(rows), weights)
        lifted = [
            replace(x, score=x.score + 1e6) if x.precision == "day" and x.date in gold_days else x
            for x in ranked
        ]
        return sorted(lifted, key=key_dates._order)

    _use_ranker(gold_first)
    return means(_score(data, work, lambda gold: _gold_days(gold_days, gold)))


def _gold_days(days: set[date], gold: GoldTLS) -> None:
    days.clear()
    days.update(e.date for e in gold.entries)


def _score(data: Path, work: Path, before: Callable[[GoldTLS], None] | None = None) -> Scored:
    """Every gold timeline's key dates scored as `eval.timeline17_tls score` scores them
    (uncapped, as news-tls asks), without its baseline and leaving its predictions file alone;
    `before` is called with each gold first."""
    evaluator = Evaluator()
    scored: Scored = []
    for gold in load_gold_tls(data / "timeline17" / "gold_timelines"):
        if before is not None:
            before(gold)
        scored.append((gold, score(predict(work, gold, 1000, 10), gold, evaluator)))
    return scored


def coverage(data: Path, work: Path) -> str:
    """The mean share of gold days with a day-precision event, and with an article published."""
    golds = load_gold_tls(data / "timeline17" / "gold_timelines")
    events = published = 0.0
    for gold in golds:
        days = {e.date for e in gold.entries}
        with sqlite3.connect(work / f"{gold.window}.db") as db:
            dated = {
                date.fromisoformat(d)
                for (d,) in db.execute(
                    "SELECT DISTINCT date FROM events WHERE precision = 'day' AND date IS NOT NULL"
                )
            }
            out = {
                date.fromisoformat(d)
                for (d,) in db.execute(
                    "SELECT DISTINCT published FROM articles WHERE published IS NOT NULL"
                )
            }
        events += len(days & dated) / len(days)
        published += len(days & out) / len(days)
    n = len(golds)
    return (
        f"gold days with a day event {events / n:.3f}; "
        f"with an article published {published / n:.3f}"
    )


def flatten(data: Path, work: Path, half_window: int, power: float) -> str:
    """Score with each date's score divided by (articles published within H days)^power."""
    original = key_dates.rank_dates

    def flattened(rows: Iterable[key_dates.Row], weights: Any = None) -> list[Any]:
        rows = list(rows)
        ranked = original(rows, weights)
        days = sorted({r.article_id: r.published for r in rows if r.published}.values())
        span = timedelta(days=half_window)

        def busy(day: date) -> int:
            return max(
                1, bisect.bisect_right(days, day + span) - bisect.bisect_left(days, day - span)
            )

        scaled = [replace(x, score=x.score / busy(x.date) ** power) for x in ranked]
        return sorted(scaled, key=key_dates._order)

    _use_ranker(flattened)
    return means(_score(data, work))


def set_constants(data: Path, work: Path, assignments: Sequence[str]) -> str:
    """Score with module constants set in process (`module.NAME=literal`)."""
    for assignment in assignments:
        target, _, literal = assignment.partition("=")
        module, _, name = target.rpartition(".")
        found = importlib.import_module(module)
        if not hasattr(found, name):
            raise SystemExit(f"{module} has no {name}")
        setattr(found, name, ast.literal_eval(literal))
    return means(_score(data, work))


def main(argv: Sequence[str] | None = None) -> int:
    """Run one diagnostic of the Timeline17 key dates and print its figures."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("probe", choices=["oracle", "coverage", "flatten", "set"])
    parser.add_argument("values", nargs="*", help="flatten: H POWER; set: module.NAME=VALUE ...")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    args = parser.parse_args(argv)
    if args.probe == "oracle":
        emit("gold days first: " + oracle(args.data, args.work))
    elif args.probe == "coverage":
        emit(coverage(args.data, args.work))
    elif args.probe == "flatten":
        if len(args.values) != 2:
            parser.error("flatten needs H (days) and POWER")
        half, power = int(args.values[0]), float(args.values[1])
        emit(f"flatten {half} {power}: " + flatten(args.data, args.work, half, power))
    else:
        if not args.values:
            parser.error("set needs module.NAME=VALUE")
        emit(" ".join(args.values) + ": " + set_constants(args.data, args.work, args.values))
    return 0


if __name__ == "__main__":
    sys.exit(main())
