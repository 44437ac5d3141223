"""The one or two sentences that tell each key date, and `key_dates` in one call.

Summaries, as news-tls's DATEWISE makes them (`PM_Mean_SentenceCollector`, `CentroidOpt`).
Sentences are TF-IDF vectors (unit length) over the candidate sentences' words, English
function words left out. A date's candidates are its mention sentences (the events on it) and
the lead sentences of the articles that report it (negative event ids, given by the caller).
The date's centroid is the mean of the mention sentences plus the mean of the lead sentences,
on the words both use; the sentences whose cosine with it is above the knee of the sorted
cosines are kept (all when none is, or when the date has only one kind). From them,
the sentences are picked one at a time so that the sum of those picked is as close as it can
be to the centroid of the kept ones (a second sentence adds what the first did not say), plus
STATED for a sentence whose article reports the date (not a passing reference from later), plus
the prior of its form (`analysis.key_date_sentences`: lead, position, length, near-copies...).
When the candidates are one story's, that centroid leans toward the story's (the centroid of all
the candidates, `analysis.key_date_story`): the date is told in the story's words. A
sentence that is only a wire dateline or time stamp ("MEXICO CITY | Tue Apr 28, 2009 12:49 am BST
MEXICO CITY (Reuters) -", `analysis.datelines.only_dateline`) tells nothing and is never taken. A
sentence whose cosine with one already chosen (on any date) reaches REDUNDANT is never taken:
news-tls only leaves out copies, but two sentences that tell one thing are one too many for a
reader. When the candidates are one story's (a topic's events, or a corpus collected for one
story), nor is a sentence that uses none of the story's words: the TOPIC_WORDS content words
that the most candidate articles use, outlet names and calendar words left out, when there are
TOPIC_ARTICLES of them. news-tls keeps only sentences with one of the dataset's keywords; a
corpus has no such list, so its articles give it. In a corpus of many stories the commonest
words are one story's, and the rule would drop the others' dates. Dates pick best date first;
a date left without a sentence (all repeat one chosen, or none is on the story) is dropped and
the next-ranked day takes its place; a week, month or year past the best k comes in only when
no day is left (news-tls's DATEWISE ranks only days), and so does one of the best k that holds
one of their days (the day tells that period's news).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import cache

import numpy as np

from analysis import key_date_story
from analysis.datelines import only_dateline
from analysis.key_date_sentences import prior, stated
from analysis.key_date_story import Story
from analysis.key_dates import (
    PRECISION_RANK,
    KeyDateSummary,
    RankedDate,
    Row,
    choose_k,
    entity_weights,
    period_end,
    rank_dates,
)
from analysis.summary import Tfidf

REDUNDANT = 0.7  # cosine with a sentence already chosen, on any date (a near-copy, not a kin)
TOPIC_WORDS = 5  # a summary sentence uses one of the topic's commonest words ...
TOPIC_ARTICLES = 10  # ... when the candidates come from this many articles or more
STATED = 0.15  # added to the score of a sentence whose article reports the date
_WORD = re.compile(r"[^\W\d_]{2,}")
_ENGLISH = (  # function words and the commonest verbs and adverbs of news text
    "a about above across after afterwards again against all almost alone along already also "
    "although always am among amongst an and another any anyhow anyone anything anyway anywhere "
    "are around as at back be became because become becomes becoming been before beforehand "
    "behind being below beside besides between beyond both but by can cannot could did do does "
    "doing done down due during each either else elsewhere enough etc even ever every everyone "
    "everything everywhere except few for former formerly from further had has have having he "
    "hence her here hereafter hereby herein hers herself him himself his how however if in "
    "indeed into is it its itself just last latter latterly least less made make many may me "
    "meanwhile might mine more moreover most mostly much must my myself namely neither never "
    "nevertheless next no nobody none noone nor not nothing now nowhere of off often on once "
    "one only onto or other others otherwise our ours ourselves out over own per perhaps please "
    "put rather re said same say says see seem seemed seeming seems several she should since so "
    "some somehow someone something sometime sometimes somewhere still such than that the their "
    "theirs them themselves then thence there thereafter thereby therefore therein thereupon "
    "these they this those though through throughout thru thus to together too toward towards "
    "under until up upon us very via was we well were what whatever when whence whenever where "
    "whereafter whereas whereby wherein whereupon wherever whether which while whither who "
    "whoever whole whom whose why will with within without would yet you your yours yourself "
    "yourselves told according added new two three first"
)
ENGLISH_STOP = frozenset(_ENGLISH.split())
_CALENDAR = (  # the words that date a sentence: never a story's topic
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday today yesterday tomorrow week month year day night morning"
)
CALENDAR = frozenset(_CALENDAR.split())


def all_words(text: str) -> list[str]:
    """Every lower-cased word of two letters or more."""
    return _WORD.findall(text.casefold())


def content_words(text: str) -> list[str]:
    """The words of `all_words` that are not English function words (ENGLISH_STOP)."""
    return [w for w in all_words(text) if w not in ENGLISH_STOP]


Words = Callable[[str], list[str]]


def topic_words(rows: Iterable[Row], n: int, words: Words = content_words) -> frozenset[str]:
    """The n content words the most of the candidates' articles use, outlet names and calendar
    words left out: what the topic is about (news-tls's keywords, here read from the
    candidates); none from fewer than TOPIC_ARTICLES articles."""
    used: dict[int, set[str]] = defaultdict(set)
    outlets: set[str] = set()
    for row in rows:
        used[row.article_id].update(words(row.text))
        outlets.update(all_words(row.outlet or ""))
    if len(used) < TOPIC_ARTICLES:
        return frozenset()
    counts = Counter(
        w for found in used.values() for w in found if w not in outlets and w not in CALENDAR
    )
    return frozenset(w for w, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:n])


def _on_topic(row: Row, topic: frozenset[str], words: Words) -> bool:
    return not topic or not topic.isdisjoint(words(row.text))


def knee(values: np.ndarray) -> int:
    """The index of the knee of a descending curve: the point farthest from the line through
    its first and last points (news-tls `detect_knee_point`)."""
    points = np.column_stack([np.arange(len(values), dtype=float), values])
    line = points[-1] - points[0]
    norm = float(np.linalg.norm(line))
    if norm == 0:
        return 0
    offsets = points - points[0]
    along = np.outer(offsets @ (line / norm), line / norm)
    return int(np.argmax(np.linalg.norm(offsets - along, axis=1)))


def _date_centroid(vectors: np.ndarray, lead: np.ndarray) -> np.ndarray:
    """The mean of the mention sentences plus the mean of the lead sentences, on the words
    both use."""
    mention, report = vectors[~lead].mean(axis=0), vectors[lead].mean(axis=0)
    return np.where((mention > 0) & (report > 0), mention + report, 0.0)


def central(vectors: np.ndarray, lead: np.ndarray) -> np.ndarray:
    """The indices of a date's sentences above the knee of their cosines with its centroid;
    all of them when the date has only mention or only lead sentences."""
    every = np.arange(len(vectors))
    if lead.all() or not lead.any():
        return every
    centroid = _date_centroid(vectors, lead)
    norm = np.linalg.norm(centroid)
    if len(vectors) < 3 or norm == 0:
        return every
    cosines = vectors @ (centroid / norm)
    ordered = np.sort(cosines)[::-1]
    kept = np.flatnonzero((cosines > 0) & (cosines > ordered[knee(ordered)]))
    return kept if len(kept) else every


def _repeating(vectors: np.ndarray, chosen: Sequence[np.ndarray]) -> np.ndarray:
    """Which of the vectors repeat one already chosen (cosine at least REDUNDANT), all at once:
    a date of a busy topic tries hundreds of sentences against every chosen one."""
    if not len(chosen):
        return np.zeros(len(vectors), dtype=bool)
    used = np.flatnonzero(vectors.any(axis=0))  # the date's words, not the corpus's
    return np.asarray((vectors[:, used] @ np.array(chosen)[:, used].T >= REDUNDANT).any(axis=1))


def centroid_pick(
    vectors: np.ndarray,
    bonus: np.ndarray,
    chosen: list[np.ndarray],
    n: int,
    toward: np.ndarray | None = None,
) -> list[int]:
    """Up to n indices, one at a time, whose sum is closest to the centroid of all the vectors
    (news-tls `CentroidOpt`) plus each one's bonus (-inf: never picked), none repeating one in
    `chosen` (which gets the picked ones). With `toward` (each vector's cosine with a unit
    direction: the story's centroid), the centroid is the vectors' sum plus STORY_PULL times its
    length along that direction (`analysis.key_date_story`)."""
    own = vectors[:, np.flatnonzero(vectors.any(axis=0))]  # the date's words: zero elsewhere
    centroid = own.sum(axis=0)
    norm = np.linalg.norm(centroid)
    lean = np.zeros(len(vectors)) if toward is None else key_date_story.STORY_PULL * norm * toward
    picked: list[int] = []
    total = np.zeros(own.shape[1])
    leant = 0.0
    open_ = (bonus > -np.inf) & ~_repeating(vectors, chosen)
    while norm > 0 and len(picked) < n:
        sums = own + total
        lengths = np.linalg.norm(sums, axis=1)
        along = sums @ centroid + leant + lean
        scores = np.divide(along, lengths, out=np.zeros(len(sums)), where=lengths > 0)
        scores += bonus
        order = np.argsort(-scores, kind="stable")
        ready = order[open_[order]]
        if not len(ready):
            break
        best = int(ready[0])
        picked.append(best)
        chosen.append(vectors[best])
        total = total + own[best]
        leant += lean[best]
        open_ &= ~_repeating(own, [own[best]])
        open_[best] = False
    return picked


def _pick(
    rows: Sequence[Row],
    vectors: np.ndarray,
    chosen: list[np.ndarray],
    n: int,
    topic: frozenset[str],
    *,
    words: Words,
    story: Story | None = None,
) -> list[int]:
    """A date's summary: up to n of its sentences (indices into `rows`) that use a topic word and
    are more than a wire dateline, leaning toward the story's words when there is one."""
    kept = central(vectors, np.array([row.event_id < 0 for row in rows]))
    toward = None if story is None else story.closeness(vectors[kept])
    form = prior(rows, vectors)  # the sentence's own form (analysis.key_date_sentences)
    bonus = np.array(
        [
            STATED * stated(rows[i]) + form[i]
            if _on_topic(rows[i], topic, words) and not only_dateline(rows[i].text)
            else -np.inf
            for i in kept
        ]
    )
    return [int(kept[i]) for i in centroid_pick(vectors[kept], bonus, chosen, n, toward)]


def trial_order(ranked: Sequence[RankedDate], k: int) -> list[RankedDate]:
    """The order dates are tried in: the best k as ranked, then the other days, then the other
    weeks, months and years (a day takes a dropped date's place before a coarser date does).
    A week, month or year of the best k that holds one of their days comes after the other
    days: "June 2009" beside "25 June 2009" tells less than another day would."""
    best, rest = ranked[:k], ranked[k:]
    key_days = [item.date for item in best if item.precision == "day"]
    told = [item for item in best if _holds_one(item, key_days)]
    return [
        *(item for item in best if item not in told),
        *(item for item in rest if item.precision == "day"),
        *told,
        *(item for item in rest if item.precision != "day"),
    ]


def _holds_one(item: RankedDate, days: Sequence[date]) -> bool:
    """Whether a week, month or year holds one of the days."""
    if item.precision == "day":
        return False
    end = period_end(item.date, item.precision)
    return any(item.date <= day <= end for day in days)


def summarise(
    ranked: Sequence[RankedDate],
    rows: Sequence[Row],
    k: int,
    sentences: int = 1,
    *,
    one_story: bool = False,
) -> list[KeyDateSummary]:
    """The first k dates that get a sentence, in `trial_order`, each with up to `sentences` of
    them, oldest first (see the module docstring for the rule); with `one_story` (the rows are one
    story's) only sentences that use a word of its topic."""
    texts = [r for r in rows if r.text.strip()]
    if not texts or k <= 0:
        return []
    words = cache(content_words)  # each text read once for the vectors, the topic and its test
    vectors = Tfidf([r.text for r in texts], words)  # rows built for tried dates only
    topic = topic_words(texts, TOPIC_WORDS, words) if one_story else frozenset()
    story = Story(vectors) if one_story and key_date_story.STORY_PULL else None
    groups: dict[tuple[date, str], list[int]] = defaultdict(list)
    for i, row in enumerate(texts):
        groups[(row.date, row.precision)].append(i)
    chosen: list[np.ndarray] = []
    kept: list[KeyDateSummary] = []
    for item in trial_order(ranked, k):
        members = groups.get((item.date, item.precision), [])
        if not members:
            continue
        found = [texts[i] for i in members]
        v = vectors.rows(members)
        picked = _pick(found, v, chosen, max(1, sentences), topic, words=words, story=story)
        if picked:
            ids = tuple(texts[members[i]].event_id for i in picked)
            kept.append(KeyDateSummary(ranked=item, sentence_ids=ids))
        if len(kept) >= k:
            break
    return sorted(kept, key=lambda s: (s.ranked.date, PRECISION_RANK.get(s.ranked.precision, 9)))


def key_dates(
    rows: Sequence[Row], k: int | None = None, sentences: int = 1, *, one_story: bool = False
) -> list[KeyDateSummary]:
    """Rank the candidates' dates and summarise the best k, oldest first, in one call."""
    weights = entity_weights(rows)
    ranked = rank_dates(rows, weights)
    events = len(rows)
    wanted = choose_k(len(ranked), events) if k is None else k
    return summarise(ranked, rows, wanted, sentences, one_story=one_story)
