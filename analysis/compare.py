"""What distinguishes two bodies of text: log-odds ratios with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words", section 3.5.4. For an item w counted y_w^a
times on side a (n^a counts in all) and y_w^b times on side b, with prior pseudo-counts α_w
(summing to α0):

    δ_w = log((y_w^a + α_w) / (n^a + α0 − y_w^a − α_w))
        − log((y_w^b + α_w) / (n^b + α0 − y_w^b − α_w))
    σ²(δ_w) ≈ 1 / (y_w^a + α_w) + 1 / (y_w^b + α_w)
    z_w = δ_w / √σ²(δ_w)

The prior is informative: α_w = α0 · background_w / background_total, where the background is the
whole corpus. An item rare in the corpus that happens to appear twice on one side is shrunk
towards zero, so the statistic stays sound on a handful of articles. Positive z favours side a.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)

SHARED_MAX_Z = 1.0  # "near zero": within one standard error of no difference


@dataclass(frozen=True)
class Scored(Generic[K]):
    """One item's counts on each side and how strongly it leans to a side (z > 0: side a)."""

    item: K
    count_a: int
    count_b: int
    delta: float
    z: float


def _prior(
    vocabulary: Iterable[K],
    background: Mapping[K, float],
    strength: float,
    total: float,
) -> dict[K, float]:
    """α_w = α0 · background share; an item the background lacks gets half a count's share."""
    return {w: strength * max(background.get(w, 0.0), 0.5) / total for w in vocabulary}


def log_odds(
    a: Mapping[K, int],
    b: Mapping[K, int],
    background: Mapping[K, float],
    *,
    prior_strength: float | None = None,
    background_total: float | None = None,
) -> list[Scored[K]]:
    """Every item of either side scored, most typical of side a first, most typical of b last.

    `prior_strength` is α0. By default it is the smaller side's total, at least 1: the prior
    then shrinks items seen once or twice, yet never outweighs the evidence of either side.
    `background_total` is the background's total count (default: its sum over the items given,
    i.e. the corpus distribution restricted to the items the two sides use).
    """
    vocabulary = sorted(set(a) | set(b), key=repr)
    n_a, n_b = sum(a.values()), sum(b.values())
    if not vocabulary or n_a + n_b == 0:
        return []
    strength = prior_strength if prior_strength is not None else float(max(1, min(n_a, n_b)))
    total = background_total or sum(max(background.get(w, 0.0), 0.5) for w in vocabulary)
    alpha = _prior(vocabulary, background, strength, total)
    scored = [
        _score(w, a.get(w, 0), b.get(w, 0), n_a=n_a, n_b=n_b, alpha_w=alpha[w], alpha_0=strength)
        for w in vocabulary
    ]
    return sorted(scored, key=lambda s: (-s.z, -(s.count_a + s.count_b), repr(s.item)))


def _score(
    item: K, y_a: int, y_b: int, *, n_a: int, n_b: int, alpha_w: float, alpha_0: float
) -> Scored[K]:
    """The paper's δ and z for one item; an item that is a side's whole vocabulary (the rest
    of that side is empty, so its odds are infinite) sets neither side apart."""
    rest_a = n_a + alpha_0 - y_a - alpha_w
    rest_b = n_b + alpha_0 - y_b - alpha_w
    if rest_a <= 0 or rest_b <= 0:
        return Scored(item=item, count_a=y_a, count_b=y_b, delta=0.0, z=0.0)
    odds_a = (y_a + alpha_w) / rest_a
    odds_b = (y_b + alpha_w) / rest_b
    delta = math.log(odds_a) - math.log(odds_b)
    variance = 1.0 / (y_a + alpha_w) + 1.0 / (y_b + alpha_w)
    return Scored(item=item, count_a=y_a, count_b=y_b, delta=delta, z=delta / math.sqrt(variance))


def distinctive(
    scored: Iterable[Scored[K]], side: str, *, limit: int, min_z: float = 0.0
) -> list[Scored[K]]:
    """The items that most distinguish `side` ("a" or "b"), strongest first.

    An item must occur on that side and lean to it; one the other side also uses must lean
    clearly (z beyond SHARED_MAX_Z), otherwise it counts as shared, never as both.
    """
    sign = 1.0 if side == "a" else -1.0
    picked = [s for s in scored if _leans(s, sign, min_z)]
    picked.sort(key=lambda s: (-sign * s.z, repr(s.item)))
    return picked[:limit]


def _leans(s: Scored[K], sign: float, min_z: float) -> bool:
    own, other = (s.count_a, s.count_b) if sign > 0 else (s.count_b, s.count_a)
    lean = sign * s.z
    return own > 0 and lean > min_z and (other == 0 or lean > SHARED_MAX_Z)


def shared(
    scored: Iterable[Scored[K]], *, limit: int, max_z: float = SHARED_MAX_Z
) -> list[Scored[K]]:
    """Items both sides use with no clear lean (|z| ≤ max_z), the most used on both first."""
    both = [s for s in scored if s.count_a > 0 and s.count_b > 0 and abs(s.z) <= max_z]
    both.sort(key=lambda s: (-min(s.count_a, s.count_b), -(s.count_a + s.count_b), repr(s.item)))
    return both[:limit]
