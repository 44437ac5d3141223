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
14). The story's centroid is the pick's own TF-IDF (`analysis.summary.Tfidf.unit_centroid`, over the
same candidates), so no text is weighed twice and no matrix of all the candidates is made.
"""

from __future__ import annotations

import numpy as np

from analysis.summary import Tfidf

STORY_PULL = 4.0  # the story's unit centroid, times the date centroid's length, added to it


class Story:
    """The direction of one story: the unit centroid of all its candidates' TF-IDF rows."""

    def __init__(self, vectors: Tfidf) -> None:
        self._centre = vectors.unit_centroid()

    def closeness(self, rows: np.ndarray) -> np.ndarray:
        """Each unit row's cosine with the story's direction (rows of the same `Tfidf`)."""
        return np.asarray(rows @ self._centre, dtype=float)
