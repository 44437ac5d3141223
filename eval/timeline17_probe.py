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
  `analysis.key_date_summaries.REDUNDANT=0.7`), to try a setting without editing the code;
- `errors` (`eval.timeline17_dates`): where date F1 is lost, the gold days missed and the days
  chosen wrongly, by class; `days COVERAGE ECHO AFTER`: the days' publication coverage and
  their neighbours as evidence (the same module);
- `summaries [gold]`, `spread TAU BETA`, `allocate ALPHA BINS SOURCE` (SOURCE 0 the ranking
  rows' articles, 1 the window's articles, 2 its events), `echo DAYS WEIGHT`,
  `milestones STRENGTH`: evidence beyond the counts (`eval.timeline17_spread`): a summary
  oracle on the dates chosen (with `gold`, on the gold days put first), dates spread over the
  range, K shared among its periods, dates retold later in words, dates told in the words of
  journalists' timelines;
- `mentions ALPHA SCOPE AFTER`: days named outright by more articles than their events come
  from, or (AFTER ≥ 0) by later articles that hold none of their events
  (`eval.timeline17_mentions`), reference points that are not events among them.

`--topics A B` scores those topics only. Results are in EVALUATION.md §2, "Timeline
summarisation, session 12" and the sessions after it.
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
from eval import timeline17_dates as date_errors
from eval import timeline17_mentions as named_days
from eval import timeline17_spread as spread
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


def summaries(data: Path, work: Path, *, gold_first: bool = False) -> str:
    """Score with each chosen gold day told by the sentences that best match its gold entry
    (`eval.timeline17_spread.oracle_summaries`); with `gold_first`, on the oracle's dates."""
    entries: dict[date, tuple[str, ...]] = {}
    gold_days: set[date] = set()
    if gold_first:
        original = key_dates.rank_dates

        def lifted(rows: Iterable[key_dates.Row], weights: Any = None) -> list[Any]:
            ranked = original(list(rows), weights)
            up = [
                replace(x, score=x.score + 1e6)
                if x.precision == "day" and x.date in gold_days
                else x
                for x in ranked
            ]
            return sorted(up, key=key_dates._order)

        _use_ranker(lifted)
    spread.oracle_summaries(entries)

    def before(gold: GoldTLS) -> None:
        entries.clear()
        entries.update({e.date: e.sentences for e in gold.entries})
        _gold_days(gold_days, gold)

    return means(_score(data, work, before))


def spread_dates(data: Path, work: Path, tau: float, beta: float) -> str:
    """Score with the dates chosen one at a time, away from the dates already chosen."""
    k = [1]
    spread.reorder_service(lambda r: spread.spread_order(r, k[0], tau, beta), shortlist=True)
    return means(_score(data, work, lambda gold: k.__setitem__(0, gold.k)))


ALLOCATE_SOURCES = ("rows", "window", "events")


def allocate(data: Path, work: Path, alpha: float, bins_per_k: float, source: str) -> str:
    """Score with K shared among the range's periods by their mass^alpha: `rows`, the distinct
    articles of the ranking rows by publication day; `window`, every article of the window;
    `events`, the range's day-precision events by date (the `event_days` rollup)."""
    gold_now: list[GoldTLS] = []
    articles: list[date] = []

    def order(ranked: list[key_dates.RankedDate]) -> list[key_dates.RankedDate]:
        gold = gold_now[0]
        within = (gold.start, gold.end)
        return spread.allocate_order(ranked, gold.k, articles, alpha, bins_per_k, within)

    def seen(rows: list[Any]) -> None:
        gold = gold_now[0]
        db = work / f"{gold.window}.db"
        if source == "rows":
            articles[:] = spread.published_of(rows)
        elif source == "window":
            articles[:] = spread.published(db)
        else:
            articles[:] = spread.event_days(db, gold.start, gold.end)

    spread.reorder_service(order, shortlist=True, seen=seen)
    return means(_score(data, work, lambda gold: gold_now.__setitem__(slice(None), [gold])))


def milestones(data: Path, work: Path, strength: float) -> str:
    """Score with each shortlisted date weighed by its sentences' milestone words, learnt from
    the tune stories' gold entries (in sample for them; the other stories are held out)."""
    golds = load_gold_tls(data / "timeline17" / "gold_timelines")
    weights = spread.lexicon([g for g in golds if tune_story(g.topic)], work)
    top = sorted(weights, key=lambda w: -weights[w])[:15]
    spread.milestone_rescore(weights, strength)
    return f"({', '.join(top)}) " + means(_score(data, work))


def echo(data: Path, work: Path, days: int, weight: float) -> str:
    """Score with each shortlisted date weighed up by how often later articles retell it."""
    before, window = spread.window_reader(work)
    spread.echo_rescore(window, days, weight)
    return means(_score(data, work, before))


def _gold_days(days: set[date], gold: GoldTLS) -> None:
    days.clear()
    days.update(e.date for e in gold.entries)


TOPICS: list[str] = []  # `--topics`: score these topics only (all when empty)


def _score(data: Path, work: Path, before: Callable[[GoldTLS], None] | None = None) -> Scored:
    """Every gold timeline's key dates scored as `eval.timeline17_tls score` scores them
    (uncapped, as news-tls asks), without its baseline and leaving its predictions file alone;
    `before` is called with each gold first."""
    evaluator = Evaluator()
    scored: Scored = []
    for gold in load_gold_tls(data / "timeline17" / "gold_timelines"):
        if TOPICS and gold.topic not in TOPICS:
            continue
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


def day_events(work: Path, gold: GoldTLS) -> set[date]:
    """The days a day-precision event of the gold's window names."""
    with sqlite3.connect(work / f"{gold.window}.db") as db:
        found = db.execute(
            "SELECT DISTINCT date FROM events WHERE precision = 'day' AND date IS NOT NULL"
        )
        return {date.fromisoformat(str(d)[:10]) for (d,) in found}


def errors(data: Path, work: Path) -> str:
    """Where date F1 is lost (`eval.timeline17_dates`): the gold days missed and the days
    chosen wrongly, by class, over the timelines asked for."""
    golds = [
        g
        for g in load_gold_tls(data / "timeline17" / "gold_timelines")
        if not TOPICS or g.topic in TOPICS
    ]
    return date_errors.analyse(work, golds, lambda gold: day_events(work, gold))


def day_evidence(data: Path, work: Path, cover: float, echo: float, after: float) -> str:
    """Score with the days' coverage and echo (`eval.timeline17_dates.days_ranker`)."""
    ranker = date_errors.days_ranker(key_dates.rank_dates, cover, echo, after_only=bool(after))
    _use_ranker(ranker)
    return means(_score(data, work))


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


def mentions(data: Path, work: Path, alpha: float, scope: float, after: float) -> str:
    """Score with each day raised by the articles that name it outright beyond its events'
    (`eval.timeline17_mentions`; SCOPE 0 the ranking rows' articles, 1 the window's; AFTER
    ≥ 0 counts only articles published more than AFTER days later)."""
    found: dict[str, named_days.Mentions] = {}
    key_dates.LATER_MENTION = 0.0  # the product's own factor (the probe's shipped form) off

    def before(gold: GoldTLS) -> None:
        found["now"] = named_days.window_mentions(work / f"{gold.window}.db")

    ranker = named_days.boosted(
        key_dates.rank_dates, lambda: found["now"], alpha, bool(scope), int(after)
    )
    _use_ranker(ranker)
    return means(_score(data, work, before))


def set_constant(assignment: str) -> None:
    """`module.NAME=literal`: set a module constant in this process."""
    target, _, literal = assignment.partition("=")
    module, _, name = target.rpartition(".")
    found = importlib.import_module(module)
    if not hasattr(found, name):
        raise SystemExit(f"{module} has no {name}")
    setattr(found, name, ast.literal_eval(literal))


def set_constants(data: Path, work: Path, assignments: Sequence[str]) -> str:
    """Score with module constants set in process (`module.NAME=literal`)."""
    for assignment in assignments:
        set_constant(assignment)
    return means(_score(data, work))


PROBES = {
    "oracle": "",
    "coverage": "",
    "errors": "",
    "flatten": "H POWER",
    "set": "module.NAME=VALUE ...",
    "summaries": "[gold]",
    "spread": "TAU BETA",
    "allocate": "ALPHA BINS SOURCE",
    "echo": "DAYS WEIGHT",
    "milestones": "STRENGTH",
    "days": "COVERAGE ECHO AFTER",
    "mentions": "ALPHA SCOPE AFTER",
}
NUMERIC: dict[str, Callable[..., str]] = {
    "spread": spread_dates,
    "allocate": lambda data, work, alpha, bins, source: allocate(
        data, work, float(alpha), float(bins), ALLOCATE_SOURCES[int(source)]
    ),
    "echo": lambda data, work, days, weight: echo(data, work, int(days), weight),
    "milestones": milestones,
    "days": day_evidence,
    "mentions": mentions,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one diagnostic of the Timeline17 key dates and print its figures."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("probe", choices=[*PROBES])
    parser.add_argument("values", nargs="*", help="; ".join(f"{p}: {v}" for p, v in PROBES.items()))
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    parser.add_argument("--topics", nargs="*", default=[], help="these topics only")
    args = parser.parse_args(argv)
    TOPICS[:] = args.topics
    if args.probe in NUMERIC:
        need = PROBES[args.probe]
        if len(args.values) != len(need.split()):
            parser.error(f"{args.probe} needs {need}")
        values = [float(v) for v in args.values]
        run = NUMERIC[args.probe]
        emit(f"{args.probe} {' '.join(args.values)}: " + run(args.data, args.work, *values))
    elif args.probe == "summaries":
        gold = args.values == ["gold"]
        if args.values and not gold:
            parser.error("summaries takes nothing or 'gold'")
        label = "summary oracle" + (", gold days first" if gold else "")
        emit(f"{label}: " + summaries(args.data, args.work, gold_first=gold))
    elif args.probe == "oracle":
        emit("gold days first: " + oracle(args.data, args.work))
    elif args.probe == "coverage":
        emit(coverage(args.data, args.work))
    elif args.probe == "errors":
        emit(errors(args.data, args.work))
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
