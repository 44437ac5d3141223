"""The learned date ranker (`analysis.key_date_model`), fitted and scored leave-one-story-out.

DATEWISE (news-tls) learns its date ranker leave-one-topic-out over Timeline17's stories. This
does the same over the 9 stories (19 timelines): for each story, a model fitted on the other 8
stories' timelines ranks that story's dates; no figure comes from a model that saw the story it
is scored on.

Steps (after `eval.timeline17_tls ingest`; the cache lives outside the repository):

1. `.venv/bin/python -m eval.key_date_cv rows --work /work/scratch/t17` reads, for every gold
   timeline, the ranking rows the service hands to `rank_dates` when `score` asks for its key
   dates (caught in process; no text) into `<work>/key_rows.json`. 7 s.
2. `.venv/bin/python -m eval.key_date_cv dates --work /work/scratch/t17` scores the ranking
   alone, fast: the best K dates as ranked (a week, month or year as the day it starts on),
   date F1 against the gold, for the hand ranking and for the cross-validated model. 20 s.
3. `.venv/bin/python -m eval.key_date_cv score --work /work/scratch/t17` scores the whole
   answer (`eval.timeline17_tls.score_all`: key dates with their summaries, AR1, AR2, date F1)
   with each story's dates ranked by the model fitted without it (`--hand`: the hand ranking,
   through the same code). 1.5-5 min.
4. `.venv/bin/python -m eval.key_date_cv fit --work /work/scratch/t17` fits on all 9 stories and
   prints the weights (`analysis.key_date_model.WEIGHTS`, which stays None: see its docstring).

The model is a conditional logit: within each timeline the candidate dates compete for the gold
days, P(date) = softmax over the timeline's dates of w · x; the loss is the mean over a
timeline's gold days of −log P, each timeline weighing the same, plus L2 × |w|² on standardised
features, L2 chosen from L2_GRID by leave-one-story-out inside the training stories (nested).
Gold days are the day-precision candidates the gold lists; weeks, months and years are never gold
(news-tls scores days). Figures: EVALUATION.md §2, "Timeline summarisation, fourth round".
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np

import analysis.key_dates as key_dates_module
from analysis import key_date_model
from analysis.key_dates import Candidate, Row, by_date, feature_matrix, rank_dates
from eval.common import DEFAULT_DATA, emit, table
from eval.timeline17_tls import (
    DEFAULT_WORK,
    GoldTLS,
    _settings,
    load_gold_tls,
    published_days,
    score_all,
    tls_report,
    tune_story,
)
from eval.timeline17_tls import Row as ScoreRow
from eval.tls_metrics import Score, average_results, date_scores

log = logging.getLogger(__name__)
L2_GRID = (0.001, 0.01, 0.1, 1.0)
CACHE = os.environ.get("KEY_ROWS_CACHE", "key_rows.json")  # under --work


def story(topic: str) -> str:
    """A Timeline17 topic's story: "bpoil_bbc" -> "bpoil"."""
    return topic.split("_", 1)[0]


def read_rows(work: Path, gold: GoldTLS) -> list[Row]:
    """The rows the service ranks for one gold timeline's key dates, as `score` asks for them:
    those `analysis.key_dates.rank_dates` groups first (caught in process)."""
    from bot.cli.app import run

    caught: list[list[Row]] = []
    grouping = key_dates_module.by_date

    def catch(rows: Any) -> Any:
        found = list(rows)
        if not caught:
            caught.append(found)
        return grouping(found)

    async def ask(analyst: Any) -> None:
        await analyst.timeline.key_dates(
            first=gold.start, last=gold.end, k=gold.k, sentences=1, one_story=True
        )

    key_dates_module.by_date = catch
    try:
        run(_settings(work, gold.window), ask)
    finally:
        key_dates_module.by_date = grouping
    return caught[0] if caught else []


def _encode(row: Row) -> list[object]:
    published = row.published.isoformat() if row.published else None
    return [row.event_id, row.date.isoformat(), row.precision, row.sentence, row.article_id,
            row.outlet, published]  # fmt: skip


def _decode(raw: list[Any]) -> Candidate:
    published = date.fromisoformat(raw[6]) if raw[6] else None
    return Candidate(
        event_id=raw[0],
        date=date.fromisoformat(raw[1]),
        precision=raw[2],
        sentence=raw[3],
        article_id=raw[4],
        outlet=raw[5],
        published=published,
    )


def save_rows(data: Path, work: Path) -> Path:
    """Read the ranking rows of every gold timeline whose window is ingested (`times.json`
    says done) and not yet cached into `<work>/key_rows.json`."""
    path = work / CACHE
    out = json.loads(path.read_text()) if path.is_file() else {}
    times = json.loads((work / "times.json").read_text())
    for gold in load_gold_tls(data / "timeline17" / "gold_timelines"):
        if gold.name not in out and times.get(gold.window, {}).get("done"):
            out[gold.name] = [_encode(r) for r in read_rows(work, gold)]
            path.write_text(json.dumps(out))
    return path


@dataclass(frozen=True)
class Timeline:
    """One gold timeline's candidate dates: features, gold labels, and the hand ranking."""

    gold: GoldTLS
    dates: list[tuple[date, str]]  # in the hand ranking's order
    features: np.ndarray
    labels: np.ndarray  # 1.0 for a gold day


def load_timelines(data: Path, work: Path, *, all_published: bool = False) -> list[Timeline]:
    """The cached rows of every gold timeline, as features ranked by hand. With
    `all_published` the `published` feature counts every article of the window published on
    the date or the next day (its manifest), not only the candidates' articles."""
    cached = json.loads((work / CACHE).read_text())
    golds = load_gold_tls(data / "timeline17" / "gold_timelines")
    column = key_date_model.FEATURES.index("published")
    out = []
    for gold in golds:
        if gold.name not in cached:
            continue
        rows = [_decode(raw) for raw in cached[gold.name]]
        ranked = rank_dates(rows)
        days = {e.date for e in gold.entries}
        labels = [float(r.precision == "day" and r.date in days) for r in ranked]
        features = feature_matrix(ranked, by_date(rows))
        if all_published:
            per_day = published_days(work, gold.window)
            near = [per_day[r.date] + per_day[r.date + timedelta(days=1)] for r in ranked]
            features[:, column] = np.log1p(near)
        dates = [(r.date, r.precision) for r in ranked]
        out.append(Timeline(gold, dates, features, np.array(labels)))
    return out


def _loss(w: np.ndarray, blocks: Sequence[tuple[np.ndarray, np.ndarray]], l2: float) -> Any:
    total, grad = l2 * float(w @ w), 2 * l2 * w
    for x, y in blocks:
        s = x @ w
        s = s - s.max()
        p = np.exp(s)
        p /= p.sum()
        target = y / y.sum()
        total -= float(target @ np.log(np.maximum(p, 1e-300)))
        grad -= x.T @ (target - p)
    return total / len(blocks), grad / len(blocks)


def _pointwise(w: np.ndarray, blocks: Sequence[tuple[np.ndarray, np.ndarray]], l2: float) -> Any:
    """Logistic regression with an intercept (w[-1]), each timeline weighing the same."""
    total, grad = l2 * float(w[:-1] @ w[:-1]), np.append(2 * l2 * w[:-1], 0.0)
    for x, y in blocks:
        z = x @ w[:-1] + w[-1]
        p = 1 / (1 + np.exp(-z))
        total -= float(np.mean(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12)))
        diff = (p - y) / len(y)
        grad += np.append(x.T @ diff, diff.sum())
    return total / len(blocks), grad / len(blocks)


def fit(timelines: Sequence[Timeline], l2: float, *, pointwise: bool = False) -> np.ndarray:
    """Weights for the raw features: a conditional logit on standardised ones (see above), or
    with `pointwise` a logistic regression (its intercept dropped: it ranks nothing)."""
    from scipy.optimize import minimize

    used = [t for t in timelines if t.labels.any()]
    stacked = np.vstack([t.features for t in used])
    mean, std = stacked.mean(axis=0), stacked.std(axis=0)
    std[std == 0] = 1.0
    blocks = [((t.features - mean) / std, t.labels) for t in used]
    size = stacked.shape[1] + pointwise
    loss = _pointwise if pointwise else _loss
    found = minimize(loss, np.zeros(size), args=(blocks, l2), jac=True, method="L-BFGS-B")
    return np.asarray(found.x[: stacked.shape[1]] / std)


def top_days(dates: Sequence[tuple[date, str]], scores: np.ndarray, k: int) -> set[date]:
    """The best k dates by score (ties: the given order), each as the day it starts on."""
    order = np.argsort(-scores, kind="stable")[:k]
    return {dates[i][0] for i in order}


@dataclass(frozen=True)
class Options:
    """How the model is fitted: L2, pointwise or per-timeline loss, features left out."""

    l2: float | None = None  # None: chosen from L2_GRID by leave-one-story-out
    pointwise: bool = False
    drop: tuple[str, ...] = ()


def without(timelines: Sequence[Timeline], drop: Sequence[str]) -> list[Timeline]:
    """The timelines with these features set to 0 (a zero feature gets no weight)."""
    columns = [key_date_model.FEATURES.index(name) for name in drop]
    out = []
    for t in timelines:
        features = t.features.copy()
        features[:, columns] = 0.0
        out.append(replace(t, features=features))
    return out


def _quick_f1(timelines: Sequence[Timeline], weights: Mapping[str, np.ndarray]) -> float:
    """news-tls's mean date F1 of the best K dates as each story's weights rank them."""
    found = []
    for t in timelines:
        scores = t.features @ weights[story(t.gold.topic)]
        found.append(date_scores(top_days(t.dates, scores, t.gold.k), _gold_days(t)))
    return average_results([_dates_only(f) for f in found])[2].f_score


def _gold_days(t: Timeline) -> list[date]:
    return [e.date for e in t.gold.entries]


def _loso(timelines: Sequence[Timeline], l2: float, pointwise: bool) -> dict[str, np.ndarray]:
    stories = sorted({story(t.gold.topic) for t in timelines})
    return {
        s: fit([t for t in timelines if story(t.gold.topic) != s], l2, pointwise=pointwise)
        for s in stories
    }


def choose_l2(timelines: Sequence[Timeline], options: Options) -> float:
    """The given L2, or the one of L2_GRID whose leave-one-story-out date F1 over these
    timelines is best (the smaller on ties)."""
    if options.l2 is not None:
        return options.l2
    found = {c: _quick_f1(timelines, _loso(timelines, c, options.pointwise)) for c in L2_GRID}
    return max(L2_GRID, key=lambda c: (found[c], -c))


def folds(timelines: Sequence[Timeline], options: Options) -> dict[str, np.ndarray]:
    """For each story, the weights fitted on the other stories' timelines, their L2 chosen by
    leave-one-story-out within those (nested: the held-out story is never seen)."""
    used = without(timelines, options.drop)
    out = {}
    for s in sorted({story(t.gold.topic) for t in used}):
        train = [t for t in used if story(t.gold.topic) != s]
        l2 = choose_l2(train, options)
        log.info("%s: L2 %s", s, l2)
        out[s] = fit(train, l2, pointwise=options.pointwise)
    return out


def _dates_only(f1: Score) -> tuple[Score, Score, Score]:
    return f1, f1, f1


def date_report(timelines: Sequence[Timeline], options: Options) -> str:
    """Date F1 of the best K dates as ranked: by hand, and by the cross-validated model."""
    weights = folds(timelines, options)
    body: list[list[object]] = []
    hand_all, cv_all = [], []
    for t in timelines:
        gold = [e.date for e in t.gold.entries]
        hand = date_scores(top_days(t.dates, -np.arange(len(t.dates), dtype=float), t.gold.k), gold)
        learned = t.features @ weights[story(t.gold.topic)]
        cv = date_scores(top_days(t.dates, learned, t.gold.k), gold)
        hand_all.append(hand)
        cv_all.append(cv)
        scores = [f"{hand.f_score:.3f}", f"{cv.f_score:.3f}"]
        body.append([t.gold.name, t.gold.k, len(t.dates), *scores])
    for label, keep in (
        ("mean, tune stories", lambda t: tune_story(t.gold.topic)),
        ("mean, other stories", lambda t: not tune_story(t.gold.topic)),
        ("mean, all 19", lambda t: True),
    ):
        idx = [i for i, t in enumerate(timelines) if keep(t)]
        hand_mean = average_results([_dates_only(hand_all[i]) for i in idx])[2]
        cv_mean = average_results([_dates_only(cv_all[i]) for i in idx])[2]
        body.append([label, "", "", f"{hand_mean.f_score:.3f}", f"{cv_mean.f_score:.3f}"])
    heads = ["timeline", "K", "candidates", "hand date F1", "CV date F1"]
    return table(heads, body)


def cv_score(
    data: Path, work: Path, options: Options, *, hand: bool, max_dates: int, max_sentences: int
) -> str:
    """The whole answer scored per story, its dates ranked by the model fitted without it."""
    timelines = load_timelines(data, work)
    weights = {} if hand else folds(timelines, options)
    topics: dict[str, list[str]] = {}
    for t in timelines:
        topics.setdefault(story(t.gold.topic), []).append(t.gold.topic)
    rows: list[ScoreRow] = []
    saved = key_date_model.WEIGHTS
    try:  # the fold's model ranks the held-out story's dates (in process only)
        for name in sorted(topics):
            key_date_model.WEIGHTS = None if hand else tuple(float(w) for w in weights[name])
            rows += score_all(data, work, sorted(set(topics[name])), max_dates, max_sentences)
    finally:
        key_date_model.WEIGHTS = saved
    rows.sort(key=lambda r: r.gold.name)
    return tls_report(rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Cache the ranking rows, score the ranking alone or the whole answer by CV, or fit."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("step", choices=["rows", "dates", "score", "fit"])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    parser.add_argument("--hand", action="store_true", help="score: the hand ranking instead")
    parser.add_argument(
        "--all-published", action="store_true", help="dates: every article published counts"
    )
    parser.add_argument("--max-dates", type=int, default=1000)
    parser.add_argument("--max-sentences", type=int, default=10)
    parser.add_argument(
        "--l2", type=float, default=None, help="L2 on standardised weights (default: chosen)"
    )
    parser.add_argument("--pointwise", action="store_true", help="logistic regression instead")
    parser.add_argument("--drop", nargs="*", default=[], help="features left out")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    options = Options(args.l2, args.pointwise, tuple(args.drop))
    if args.step == "rows":
        emit(str(save_rows(args.data, args.work)))
    elif args.step == "dates":
        timelines = load_timelines(args.data, args.work, all_published=args.all_published)
        emit(date_report(timelines, options))
    elif args.step == "score":
        emit(cv_score(args.data, args.work, options, hand=args.hand, max_dates=args.max_dates,
                      max_sentences=args.max_sentences))  # fmt: skip
    else:
        used = without(load_timelines(args.data, args.work), options.drop)
        l2 = choose_l2(used, options)
        weights = fit(used, l2, pointwise=options.pointwise)
        emit(f"L2 {l2}")
        emit("WEIGHTS = (" + ", ".join(f"{w:.4f}" for w in weights) + ")")
        names = key_date_model.FEATURES
        emit(", ".join(f"{n} {w:.4f}" for n, w in zip(names, weights, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
