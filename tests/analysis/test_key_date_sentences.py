"""The sentence prior of the key dates: a candidate's own form beside its centrality."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pytest

from analysis import key_date_sentences as ks
from analysis.key_date_summaries import key_dates
from analysis.key_dates import Candidate

DAY = date(2016, 1, 5)
SIGNED = "Iran and the powers signed the nuclear deal in Vienna, lifting sanctions on oil exports"
COPIED = (
    '"We have shown that diplomacy works," the minister said of the nuclear deal in Vienna, '
    "which he said would lift the sanctions on oil exports and open the country to investors "
    "after years of talks that many had given up on and that few thought would ever end well"
)


def row(event_id: int, article: int, text: str, sentence: int = 5) -> Candidate:
    return Candidate(
        event_id=event_id,
        date=DAY,
        precision="day",
        article_id=article,
        outlet=f"Outlet {article}",
        published=DAY,
        sentence=sentence,
        text=text,
    )


def test_features_read_the_rows() -> None:
    rows = [row(-1, 1, "Vienna: " + SIGNED, sentence=0), row(2, 2, COPIED), row(3, 3, COPIED)]
    vectors = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0]])
    found = dict(zip(ks.FEATURES, ks.features(rows, vectors)[1], strict=True))
    assert found["lead"] == 0.0
    assert found["position"] == pytest.approx(math.log1p(5))
    assert found["copies"] == pytest.approx(math.log1p(1))  # the third article's copy
    assert found["quote"] == 1.0
    assert ks.features(rows, vectors)[0][ks.FEATURES.index("lead")] == 1.0


def test_the_prior_prefers_a_plain_account_to_a_long_late_quote(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # two sentences are equally central (each one's cosine with their sum is the same)
    rows = [row(1, 1, COPIED, sentence=12), row(2, 2, SIGNED, sentence=1)]
    (chosen,) = key_dates(rows, k=1)
    assert chosen.sentence_ids == (2,)
    monkeypatch.setattr(ks, "WEIGHTS", (0.0,) * len(ks.FEATURES))
    (central,) = key_dates(rows, k=1)
    assert central.sentence_ids == (1,)  # without the prior, the tie goes to the first


def test_the_prior_weighs_each_candidate() -> None:
    rows = [row(1, 1, COPIED, sentence=12), row(2, 2, SIGNED, sentence=1)]
    found = ks.prior(rows, np.eye(2))
    assert found[1] > found[0]
