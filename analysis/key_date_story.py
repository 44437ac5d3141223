"""A key date told in its story's words: how close each candidate sentence is to the whole story.

A date's summary is picked by closeness to the date's centroid (news-tls CentroidOpt,
`analysis.key_date_summaries`). Among a date's central sentences, the one a journalist's timeline
would give tells the day's news in the story's standing words ("BP", "well", "oil", "spill"); a
sentence that wanders off the story (a columnist's aside, a passenger's flight home) may still
use the day's words. So the pick's centroid leans toward the story's: the date's centroid plus
STORY_PULL times its own length times the unit centroid of every candidate of every date (the
story). The date still decides which sentences are in play (the knee of `central`); the story
weighs among them.

On the 10 tune stories of Timeline17, a candidate's cosine with the story's centroid follows its
ROUGE-1 against the gold entry of its date more closely than its cosine with the date's own
centroid, and the words particular to the date follow it negatively (EVALUATION.md §2, session
14). The story's centroid is built from the same TF-IDF as the pick's vectors
(`analysis.summary.Tfidf`: log tf, smoothed idf over the candidates, unit rows), from the word
bags alone, so no matrix of all the candidates is made.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np

STORY_PULL = 4.0  # the story's unit centroid, times the date centroid's length, added to it

Words = Callable[[str], list[str]]


class Story:
    """The unit centroid of all the candidates' TF-IDF rows, and each text's cosine with it."""

    def __init__(self, texts: Sequence[str], words: Words) -> None:
        times = Counter(texts)  # a text told several times counts each time, as in Tfidf
        bags: dict[str, dict[str, int]] = {}
        frequency: dict[str, int] = {}
        for text, n in times.items():
            bag: dict[str, int] = {}
            for word in words(text):
                bag[word] = bag.get(word, 0) + 1
            bags[text] = bag
            for word in bag:
                frequency[word] = frequency.get(word, 0) + n
        total = len(texts)
        idf = {w: math.log((1 + total) / (1 + n)) + 1.0 for w, n in frequency.items()}
        self._units = {text: _unit(bag, idf) for text, bag in bags.items()}
        centre: dict[str, float] = {}
        for text, unit in self._units.items():
            for word, value in unit.items():
                centre[word] = centre.get(word, 0.0) + times[text] * value
        norm = math.sqrt(sum(v * v for v in centre.values()))
        self._centre = {w: v / norm for w, v in centre.items()} if norm else {}

    def closeness(self, texts: Sequence[str]) -> np.ndarray:
        """Each text's cosine with the story's centroid (its unit row · the unit centroid);
        the texts are among those the story was built from."""
        centre = self._centre
        units = (self._units.get(text, {}) for text in texts)
        return np.array(
            [sum(v * centre.get(w, 0.0) for w, v in unit.items()) for unit in units], dtype=float
        )


def _unit(bag: dict[str, int], idf: dict[str, float]) -> dict[str, float]:
    """A text's TF-IDF row as `analysis.summary.Tfidf` makes it: log tf times idf, unit length."""
    weights = {w: (1.0 + math.log(n)) * idf[w] for w, n in bag.items()}
    norm = math.sqrt(sum(v * v for v in weights.values()))
    return {w: v / norm for w, v in weights.items()} if norm else {}
