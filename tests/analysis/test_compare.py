"""Log-odds with an informative Dirichlet prior, checked against the paper's formula by hand."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from analysis.compare import distinctive, log_odds, shared


def test_z_score_matches_the_formula_worked_by_hand() -> None:
    # Monroe et al. 2008, 3.5.4, with α0 = 8 and a background giving x and y half the prior each:
    # α_x = 8 · 4/8 = 4; n_a = n_b = 4.
    # δ_x = log((3+4)/(4+8-3-4)) - log((1+4)/(4+8-1-4)) = log(7/5) - log(5/7)
    # σ² = 1/(3+4) + 1/(1+4);  z = δ/σ
    delta = math.log(7 / 5) - math.log(5 / 7)
    expected = delta / math.sqrt(1 / 7 + 1 / 5)
    assert expected == pytest.approx(1.1492, abs=1e-4)
    scored = log_odds(Counter(x=3, y=1), Counter(x=1, y=3), Counter(x=4, y=4), prior_strength=8.0)
    by_item = {s.item: s for s in scored}
    assert by_item["x"].delta == pytest.approx(delta)
    assert by_item["x"].z == pytest.approx(expected)
    assert by_item["y"].z == pytest.approx(-expected)
    assert (by_item["x"].count_a, by_item["x"].count_b) == (3, 1)


def test_background_total_scales_the_prior_of_the_given_items() -> None:
    # background_total = 16 halves every α_w: α_x = 8 · 4/16 = 2.
    scored = log_odds(
        Counter(x=3, y=1),
        Counter(x=1, y=3),
        Counter(x=4, y=4),
        prior_strength=8.0,
        background_total=16.0,
    )
    x = next(s for s in scored if s.item == "x")
    delta = math.log(5 / (4 + 8 - 3 - 2)) - math.log(3 / (4 + 8 - 1 - 2))
    assert x.z == pytest.approx(delta / math.sqrt(1 / 5 + 1 / 3))


def test_swapping_the_sides_negates_every_score() -> None:
    a, b = Counter(syria=6, iran=13, paris=3), Counter(iran=1, turkmenistan=1)
    background = Counter(syria=12, iran=22, paris=3, turkmenistan=1)
    forward = {s.item: s.z for s in log_odds(a, b, background)}
    backward = {s.item: s.z for s in log_odds(b, a, background)}
    assert forward == pytest.approx({k: -v for k, v in backward.items()})


def test_results_run_from_side_a_to_side_b() -> None:
    scored = log_odds(Counter(a=5, c=1), Counter(b=5, c=1), Counter(a=5, b=5, c=2))
    assert [s.item for s in scored] == ["a", "c", "b"]
    assert scored[0].z > 0 > scored[-1].z


def test_the_prior_shrinks_an_item_seen_once_below_one_seen_often() -> None:
    a = Counter(syria=6, damascus=1, iran=10)
    b = Counter(iran=10, moscow=6)
    background = Counter(syria=20, damascus=1, iran=40, moscow=20)
    top = distinctive(log_odds(a, b, background), "a", limit=2)
    assert [s.item for s in top] == ["syria", "damascus"]


def test_an_item_on_both_sides_is_either_distinctive_or_shared_never_both() -> None:
    a = Counter(putin=8, assad=5, iran=13)
    b = Counter(putin=2, pezeshkian=1, iran=1)
    background = Counter(putin=18, assad=8, iran=22, pezeshkian=3)
    scored = log_odds(a, b, background)
    picked_a = {s.item for s in distinctive(scored, "a", limit=5)}
    picked_b = {s.item for s in distinctive(scored, "b", limit=5)}
    both = {s.item for s in shared(scored, limit=5)}
    assert "assad" in picked_a
    assert "pezeshkian" in picked_b
    assert "putin" in both
    assert not (picked_a | picked_b) & both


@pytest.mark.parametrize(
    ("a", "b"),
    [(Counter(), Counter()), (Counter(x=0), Counter())],
)
def test_nothing_to_score_gives_nothing(a: Counter[str], b: Counter[str]) -> None:
    assert log_odds(a, b, Counter(x=3)) == []


def test_an_item_missing_from_the_background_still_gets_a_finite_score() -> None:
    scored = log_odds(Counter(new=2), Counter(old=2), Counter(old=5))
    assert all(math.isfinite(s.z) for s in scored)
    assert scored[0].item == "new"


def test_one_item_on_both_sides_sets_neither_apart_and_does_not_crash() -> None:
    # the only person of both periods: the rest of each side is empty, its odds infinite
    (only,) = log_odds(
        Counter({"keller": 400}), Counter({"keller": 600}), Counter({"keller": 1000})
    )
    assert (only.delta, only.z) == (0.0, 0.0)
    assert distinctive([only], "a", limit=5) == [] and distinctive([only], "b", limit=5) == []
