"""The learned date ranker: its features, its score inside `rank_dates`, and its CV fit."""

from __future__ import annotations

import json
from datetime import date, timedelta

import numpy as np
import pytest

from analysis import key_date_model
from analysis.key_date_model import FEATURES, date_features, peaks, published_counts
from analysis.key_dates import Candidate, by_date, feature_matrix, rank_dates
from eval.key_date_cv import Timeline, _decode, _encode, _loss, fit, story, top_days
from eval.timeline17_tls import GoldEntry, GoldTLS

DAY = date(2011, 2, 11)


def row(
    event_id: int,
    day: date,
    article: int,
    published: date | None,
    *,
    sentence: int = 9,
    precision: str = "day",
) -> Candidate:
    return Candidate(event_id, day, precision, article, "cnn", published, sentence)


def _named(values: list[float]) -> dict[str, float]:
    return dict(zip(FEATURES, values, strict=True))


def test_features_count_reports_later_references_and_plans() -> None:
    rows = [
        row(1, DAY, 10, DAY, sentence=0),  # the day's report, in its lead
        row(2, DAY, 10, DAY, sentence=9),  # the same article again
        row(3, DAY, 11, DAY + timedelta(days=5)),  # a week later
        row(4, DAY, 12, DAY + timedelta(days=365)),  # a year later
        row(5, DAY, 13, DAY - timedelta(days=3)),  # a plan
    ]
    got = _named(date_features(DAY, "day", DAY, rows, hand=2.0, published=published_counts(rows)))
    assert got["articles"] == pytest.approx(np.log1p(4))
    assert got["sentences"] == pytest.approx(np.log1p(5))
    assert (got["report"], got["recent"], got["later"], got["before"]) == pytest.approx(
        [np.log1p(1)] * 4
    )
    assert got["far"] == pytest.approx(1.0)  # 365 days: log(366) / log(366)
    assert got["published"] == pytest.approx(np.log1p(1))  # article 10 on the day
    assert got["lead"] == pytest.approx(np.log1p(1))
    assert got["hand"] == pytest.approx(np.log(2.0))
    assert (got["week"], got["month"], got["year"]) == (0.0, 0.0, 0.0)


def test_a_month_reported_inside_it_is_a_report() -> None:
    rows = [row(1, date(2011, 2, 1), 10, DAY, precision="month")]
    got = _named(
        date_features(date(2011, 2, 1), "month", date(2011, 2, 28), rows, hand=1.0, published={})
    )
    assert got["report"] == pytest.approx(np.log1p(1))
    assert got["before"] == 0.0
    assert got["month"] == 1.0


def test_rank_dates_uses_the_model_only_when_it_has_weights(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    later = DAY + timedelta(days=400)
    busy = [row(i, DAY, 100 + i, DAY) for i in range(10)]  # ten reports of the day
    milestone = [row(20, date(2011, 1, 25), 200, later)]  # named once, a year on
    assert rank_dates(busy + milestone)[0].date == DAY
    weights = [0.0] * len(FEATURES)
    weights[FEATURES.index("later")] = 5.0
    monkeypatch.setattr(key_date_model, "WEIGHTS", tuple(weights))
    ranked = rank_dates(busy + milestone)
    assert [r.date for r in ranked] == [date(2011, 1, 25), DAY]
    assert ranked[0].score == pytest.approx(np.exp(5.0 * np.log1p(1)))


def test_feature_matrix_has_a_row_per_date() -> None:
    rows = [row(1, DAY, 10, DAY), row(2, DAY + timedelta(days=1), 11, DAY)]
    ranked = rank_dates(rows)
    assert feature_matrix(ranked, by_date(rows)).shape == (2, len(FEATURES))
    assert feature_matrix([], {}).shape == (0, len(FEATURES))


def test_the_loss_gradient_matches_finite_differences() -> None:
    rng = np.random.default_rng(0)
    blocks = [(rng.normal(size=(6, 3)), np.array([1.0, 0, 0, 1, 0, 0])) for _ in range(2)]
    w = rng.normal(size=3)
    value, grad = _loss(w, blocks, 0.1)
    step = 1e-6
    for i in range(3):
        e = np.zeros(3)
        e[i] = step
        numeric = (_loss(w + e, blocks, 0.1)[0] - _loss(w - e, blocks, 0.1)[0]) / (2 * step)
        assert grad[i] == pytest.approx(numeric, rel=1e-4, abs=1e-6)
    assert value > 0


def _timeline(topic: str, signal: list[float], labels: list[float]) -> Timeline:
    gold = GoldTLS(topic, 1, (GoldEntry(DAY, ("x",)),))
    noise = np.linspace(0.0, 1.0, len(signal))[::-1]
    features = np.column_stack([signal, noise])
    dates = [(DAY + timedelta(days=i), "day") for i in range(len(signal))]
    return Timeline(gold, dates, features, np.array(labels))


def test_fit_learns_the_feature_that_marks_the_gold_days() -> None:
    train = [
        _timeline("bpoil_cnn", [0, 1, 0, 1, 0, 0], [0, 1, 0, 1, 0, 0]),
        _timeline("haiti_bbc", [1, 0, 0, 0, 1, 0], [1, 0, 0, 0, 1, 0]),
        _timeline("MJ_bbc", [0, 0, 1, 0, 0, 1], [0, 0, 1, 0, 0, 1]),
    ]
    weights = fit(train, 0.01)
    assert weights[0] > 0
    assert abs(weights[0]) > abs(weights[1])


def test_top_days_maps_coarse_dates_to_their_first_day() -> None:
    dates = [(DAY, "day"), (date(2011, 2, 1), "month"), (date(2011, 2, 2), "day")]
    assert top_days(dates, np.array([3.0, 2.0, 1.0]), 2) == {DAY, date(2011, 2, 1)}


def test_story_is_the_topic_before_its_outlet() -> None:
    assert story("SyrianCrisis_reuters") == "SyrianCrisis"


def test_peak_is_how_far_a_day_stands_above_its_neighbours() -> None:
    dates = [
        (DAY, "day"),
        (DAY + timedelta(days=1), "day"),
        (DAY + timedelta(days=10), "day"),
        (date(2011, 2, 1), "month"),
    ]
    got = peaks(dates, np.array([3.0, 1.0, 0.5, 4.0]))
    assert list(got) == [2.0, -2.0, 2.0, 2.0]  # a month is compared with days near its start


def test_cached_rows_keep_what_the_ranking_reads() -> None:
    kept = row(7, DAY, 3, None, sentence=2, precision="week")
    back = _decode(json.loads(json.dumps(_encode(kept))))
    assert back == kept
