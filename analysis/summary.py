"""Extractive summaries: pick the few sentences that best stand for the rest.

Sentences are ranked by TextRank centrality (Mihalcea & Tarau 2004) over TF-IDF cosine similarity,
blended with a position prior that favours each article's lead, since news puts the gist first.
Very short sentences and sentences that are nothing but a quotation are never picked: they read
badly out of context. Near-duplicates (the same wire sentence in two outlets) are picked once.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

MIN_WORDS = 6
QUOTE_SHARE = 0.75  # a sentence this much inside quotation marks is "quote-only"
LEAD_WEIGHT = 0.35  # share of the score given to position; the rest is centrality
DAMPING = 0.85
REDUNDANT = 0.6  # cosine similarity above which a sentence repeats one already picked

_WORD = re.compile(r"[^\W\d_]{3,}")
_QUOTED = re.compile(r"[“\"«„][^”\"»“]*[”\"»]")
_STOP_WORDS = (
    "the and for that with this from have has had was were are been will would their they "
    "them his her its who which what when where there than then also but not into about "
    "after over said says say more some such only other"
)
_STOP = frozenset(_STOP_WORDS.split())
_ATTRIBUTION = frozenset(["she", "added", "told", "stated", "asked", "according"])

Matrix = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Candidate:
    """A sentence offered to the summariser: its text and its place in its article (0 = lead)."""

    text: str
    position: int


@dataclass(frozen=True)
class Ranked:
    """A candidate's index in the list given, and its score (higher is more central)."""

    index: int
    score: float


def words(text: str) -> list[str]:
    """Lower-cased content words of three letters or more, without the commonest function words."""
    return [w for w in _WORD.findall(text.casefold()) if w not in _STOP]


def is_quote_only(text: str) -> bool:
    """Whether a sentence is all quotation, bar "he said": it needs its neighbours to make sense.

    `“…,” Putin said.` names its speaker and may stand alone; `“…,” he added.` may not.
    """
    stripped = text.strip()
    quoted = _QUOTED.findall(stripped)
    if not stripped or not quoted:
        return False
    inside = sum(len(m) for m in quoted)
    outside = [w for w in words(_QUOTED.sub(" ", stripped)) if w not in _ATTRIBUTION]
    return inside / len(stripped) >= QUOTE_SHARE and not outside


def eligible(text: str) -> bool:
    """Whether a sentence may appear in a summary: long enough and not a bare quotation."""
    return len(text.split()) >= MIN_WORDS and not is_quote_only(text)


class Tfidf:
    """TF-IDF over a set of texts (log tf, smoothed idf, L2-normalised rows), each row built
    only when asked for: key dates weigh thousands of sentences but read the rows of a few
    dozen dates, and the whole dense matrix (texts x vocabulary) cost more than the rest.

    A text that occurs several times (one wire story in many outlets, one sentence told on
    several dates) is tokenised and built once; it still counts once per occurrence in the
    document frequencies, so every row is what it would be without the sharing.
    """

    def __init__(self, texts: Sequence[str], tokens: Callable[[str], list[str]] = words) -> None:
        first: dict[str, int] = {}
        self._distinct = [first.setdefault(text, len(first)) for text in texts]
        self._bags = [Counter(tokens(text)) for text in first]
        occurrences = Counter(self._distinct)
        frequency: Counter[str] = Counter()
        for index, bag in enumerate(self._bags):
            for word in bag:
                frequency[word] += occurrences[index]
        vocabulary = sorted(frequency)
        self._column = {w: i for i, w in enumerate(vocabulary)}
        documents = np.array([frequency[w] for w in vocabulary] or [0], dtype=float)
        self._idf = np.log((1 + len(texts)) / (1 + documents)) + 1.0

    def __len__(self) -> int:
        return len(self._distinct)

    def unit_centroid(self) -> Matrix:
        """The direction of the whole set: the unit sum of every text's row, each occurrence
        counted, built from the word bags (no texts x vocabulary matrix)."""
        centre = np.zeros(len(self._idf))
        occurrences = Counter(self._distinct)
        for index in range(len(self._bags)):
            columns, weights = self._unit(index)
            centre[columns] += occurrences[index] * weights
        norm = float(np.linalg.norm(centre))
        return centre / norm if norm else centre

    def _unit(self, text: int) -> tuple[np.ndarray, np.ndarray]:
        """One distinct text's unit row as its columns and their weights (log tf times idf)."""
        bag = self._bags[text]
        columns = np.fromiter((self._column[w] for w in bag), dtype=int, count=len(bag))
        counts = np.fromiter(bag.values(), dtype=float, count=len(bag))
        weights = (1.0 + np.log(counts)) * self._idf[columns]
        norm = float(np.linalg.norm(weights))
        return columns, weights / norm if norm > 0 else weights

    def rows(self, indices: Sequence[int]) -> Matrix:
        """The rows of these texts, in that order."""
        wanted = [self._distinct[index] for index in indices]
        built = {text: row for row, text in enumerate(dict.fromkeys(wanted))}
        unit = np.zeros((len(built), len(self._idf)))
        for text, row in built.items():  # each row from its own words: no pass over the vocabulary
            columns, weights = self._unit(text)
            unit[row, columns] = weights
        return unit[[built[text] for text in wanted]] if len(built) < len(wanted) else unit


def tfidf(texts: Sequence[str], tokens: Callable[[str], list[str]] = words) -> Matrix:
    """L2-normalised TF-IDF rows (log tf, smoothed idf), one per text, over the texts' own
    vocabulary of `tokens` (content words by default)."""
    return Tfidf(texts, tokens).rows(range(len(texts)))


def centrality(similarity: Matrix, damping: float = DAMPING) -> Matrix:
    """TextRank: PageRank over the similarity graph (no self-loops), summing to 1."""
    n = similarity.shape[0]
    weights = similarity.copy()
    np.fill_diagonal(weights, 0.0)
    out = weights.sum(axis=1, keepdims=True)
    transition = np.divide(weights, out, out=np.full_like(weights, 1.0 / n), where=out > 0)
    rank = np.full(n, 1.0 / n)
    for _ in range(100):
        updated = (1 - damping) / n + damping * (transition.T @ rank)
        if np.abs(updated - rank).sum() < 1e-9:
            return updated
        rank = updated
    return rank


def rank(candidates: Sequence[Candidate], lead_weight: float = LEAD_WEIGHT) -> list[Ranked]:
    """Eligible candidates, best first: centrality (scaled to 0..1) blended with 1/(1+position)."""
    return _rank(candidates, lead_weight)[0]


def _rank(
    candidates: Sequence[Candidate], lead_weight: float = LEAD_WEIGHT
) -> tuple[list[Ranked], dict[int, Matrix]]:
    """`rank`, and each eligible candidate's TF-IDF row (by candidate index) for reuse."""
    keep = [i for i, c in enumerate(candidates) if eligible(c.text)]
    if not keep:
        return [], {}
    vectors = tfidf([candidates[i].text for i in keep])
    central = centrality(vectors @ vectors.T)
    central = central / central.max()
    scores = [
        (1 - lead_weight) * float(central[k]) + lead_weight / (1 + max(candidates[i].position, 0))
        for k, i in enumerate(keep)
    ]
    ranked = [Ranked(i, s) for i, s in zip(keep, scores, strict=True)]
    rows = {i: vectors[k] for k, i in enumerate(keep)}
    return sorted(ranked, key=lambda r: (-r.score, r.index)), rows


def summary_size(eligible_count: int) -> int:
    """3 to 5 sentences: about one in five, never more than there are."""
    return min(eligible_count, max(3, min(5, round(eligible_count / 5))))


def summarise(candidates: Sequence[Candidate], limit: int | None = None) -> list[int]:
    """The indices of the sentences to show, in the order given, skipping near-repeats."""
    ranked, rows = _rank(candidates)
    size = limit if limit is not None else summary_size(len(ranked))
    if not ranked or size <= 0:
        return []
    vectors = [rows[r.index] for r in ranked]  # the same rows the ranking used, in rank order
    chosen: list[int] = []
    for k in range(len(ranked)):
        if all(float(vectors[k] @ vectors[j]) <= REDUNDANT for j in chosen):
            chosen.append(k)
        if len(chosen) == size:
            break
    return sorted(ranked[k].index for k in chosen)
