"""What a candidate sentence's own form says of how well it tells its date, beyond its
centrality: a prior added to its score when a date's summary is picked.

Each candidate of a date gets a few features the stored rows already hold (FEATURES): whether it
is an article's lead, its position in the article, its length, how many other articles of the
date carry a near-copy of it, a wire dateline in front of it, a quotation mark in it. The prior
is WEIGHTS · features. The articles' distance to the date stays out: the gold favours later
retellings, but a report of the event is what a reader should get (STATED in
`analysis.key_date_summaries`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from analysis.datelines import without_credit
from analysis.key_dates import NEWS, Row, article_weight

FEATURES = ("lead", "position", "length", "copies", "dateline", "quote")
# Fitted by `.venv/bin/python -m eval.timeline17_sentences dump` then `fit` on the Timeline17
# ingestion at befb373 (/work/scratch/t17c): a logistic regression over the candidates of the 10
# TUNE stories' gold days only ("among the best of its date by ROUGE-1 against the gold entry"),
# in units of the pick's own score (centroid cosine + STATED); its scale (1 of 1, 1.5, 2) chosen
# on the tune stories' AR1 alone; the other 9 stories held out. Negative: a lead, a late sentence,
# one far from TYPICAL_WORDS, one other articles copy, a quotation; positive: a wire dateline.
WEIGHTS: tuple[float, ...] = (-0.185, -0.126, -0.232, -0.277, 0.048, -0.026)
COPY = 0.5  # cosine at which another article's sentence is a near-copy
TYPICAL_WORDS = 25  # a sentence this long is neither too short nor too long
_QUOTES = frozenset('"“”‘’')


def features(rows: Sequence[Row], vectors: np.ndarray) -> np.ndarray:
    """One row of FEATURES per candidate of one date (`vectors`: their unit TF-IDF rows)."""
    used = vectors[:, np.flatnonzero(vectors.any(axis=0))]  # the date's words, not the corpus's
    similar = used @ used.T >= COPY
    articles = np.array([row.article_id for row in rows])
    other = articles[:, None] != articles[None, :]
    copies = (similar & other).sum(axis=1)
    return np.array(
        [_own(row, int(n)) for row, n in zip(rows, copies, strict=True)], dtype=float
    ).reshape(len(rows), len(FEATURES))


def _own(row: Row, copies: int) -> list[float]:
    words = max(1, len(row.text.split()))
    return [
        float(row.event_id < 0),
        math.log1p(max(0, row.sentence)),
        abs(math.log(words / TYPICAL_WORDS)),
        math.log1p(copies),
        float(without_credit(row.text) != row.text),
        float(not _QUOTES.isdisjoint(row.text)),
    ]


def stated(row: Row) -> bool:
    """Whether the sentence's article reports the date (not a passing reference from later)."""
    return article_weight(row.date, row.precision, row.published) == NEWS


def prior(rows: Sequence[Row], vectors: np.ndarray) -> np.ndarray:
    """WEIGHTS · features of each candidate (zeros when no weight is set)."""
    if not any(WEIGHTS):
        return np.zeros(len(rows))
    return features(rows, vectors) @ np.array(WEIGHTS)
