"""A learned date ranker for key dates, studied and not switched on (`eval.key_date_cv`).

After news-tls's DATEWISE, whose `SupervisedDateRanker` regresses over counts of the sentences
and articles that name a date, before, on and after it, trained leave-one-topic-out on the
dataset. Every feature here comes from the rows the hand ranking already reads (a date, its
precision, the article, its publication day, the sentence's place; `analysis.key_dates.Row`):
nothing is parsed and nothing more is read. A date's learned score is exp(w · x), so that the
centrality factor `analysis.key_dates.rescore` multiplies in stays a factor.

`WEIGHTS` is None: `analysis.key_dates.rank_dates` keeps the hand-set score. Leave-one-story-out
on Timeline17 (`.venv/bin/python -m eval.key_date_cv score --work <dir>`) the model ranked dates
about as well as the hand-set score, within noise (EVALUATION.md §2, fourth round), so it is not
switched on; `eval.key_date_cv` sets WEIGHTS in process to score it, and its `fit` step prints
the weights fitted on all 9 stories.

The features of one (date, precision), `end` the last day of its period, gap = published − end:
    hand       log of the hand-set score (`analysis.key_dates`, without centrality)
    articles   log(1 + distinct articles naming it)
    sentences  log(1 + sentences naming it)
    report     log(1 + articles published within a day after it, or inside its period)
    recent     log(1 + articles published 2..NEWS_DAYS days after it)
    later      log(1 + articles naming it from more than NEWS_DAYS days later)
    before     log(1 + articles published before it: plans)
    far        log(1 + the longest gap in days) / log(366)
    published  log(1 + candidate articles published on its first day or the next)
    lead       log(1 + sentences naming it among their article's first LEAD sentences)
    week, month, year   its precision (a day has none)
    peak       how far its `hand` exceeds the best other day's within PEAK_DAYS days (clipped to
               ±5; 2 when no other day is that close): one event's busiest day, not the days
               around it
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Protocol

import numpy as np

FEATURES = (
    "hand",
    "articles",
    "sentences",
    "report",
    "recent",
    "later",
    "before",
    "far",
    "published",
    "lead",
    "week",
    "month",
    "year",
    "peak",
)
PEAK_DAYS = 3
# None: the hand-set ranking. A tuple: one weight per FEATURES name (see the module docstring).
WEIGHTS: tuple[float, ...] | None = None
NEWS_DAYS = 14
LEAD = 6


class Evidence(Protocol):
    """What a feature reads of one candidate row."""

    @property
    def article_id(self) -> int: ...
    @property
    def published(self) -> date | None: ...
    @property
    def sentence(self) -> int: ...


def published_counts(rows: Iterable[Evidence]) -> Counter[date]:
    """Distinct candidate articles per publication day."""
    seen: dict[int, date] = {}
    for row in rows:
        if row.published is not None:
            seen.setdefault(row.article_id, row.published)
    return Counter(seen.values())


def date_features(
    day: date,
    precision: str,
    end: date,
    rows: Sequence[Evidence],
    *,
    hand: float,
    published: Mapping[date, int],
) -> list[float]:
    """The FEATURES of one date from its candidate rows (see the module docstring)."""
    gaps: dict[int, int | None] = {}
    for row in rows:
        if row.article_id not in gaps:
            gaps[row.article_id] = None if row.published is None else (row.published - end).days
    known = [g for g in gaps.values() if g is not None]
    starts = (end - day).days
    report = sum(-starts <= g <= 1 for g in known)
    recent = sum(1 < g <= NEWS_DAYS for g in known)
    later = sum(g > NEWS_DAYS for g in known)
    before = sum(g < -starts for g in known)
    far = max([0, *known])
    near = published.get(day, 0) + published.get(day + timedelta(days=1), 0)
    lead = sum(0 <= row.sentence < LEAD for row in rows)
    return [
        math.log(max(hand, 1e-6)),
        math.log1p(len(gaps)),
        math.log1p(len(rows)),
        math.log1p(report),
        math.log1p(recent),
        math.log1p(later),
        math.log1p(before),
        math.log1p(far) / math.log(366),
        math.log1p(near),
        math.log1p(lead),
        float(precision == "week"),
        float(precision == "month"),
        float(precision == "year"),
        0.0,  # peak: set by `peaks` once every date's `hand` is known
    ]


def peaks(dates: Sequence[tuple[date, str]], hand: np.ndarray) -> np.ndarray:
    """The `peak` feature of each (date, precision), `hand` the log hand scores (see above)."""
    days = {d: float(h) for (d, p), h in zip(dates, hand, strict=True) if p == "day"}
    out = np.full(len(dates), 2.0)
    for i, (day, _) in enumerate(dates):
        near = [days.get(day + timedelta(days=k)) for k in range(-PEAK_DAYS, PEAK_DAYS + 1) if k]
        found = [x for x in near if x is not None]
        if found:
            out[i] = min(5.0, max(-5.0, float(hand[i]) - max(found)))
    return out


def learned_scores(features: np.ndarray, weights: Sequence[float]) -> np.ndarray:
    """exp(w · x) for each row of features (the exponent clipped to stay finite)."""
    return np.exp(np.clip(features @ np.asarray(weights, dtype=float), -50.0, 50.0))
