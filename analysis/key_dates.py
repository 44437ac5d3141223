"""Key dates of a topic: which dates matter, and the one or two sentences that tell each.

After news-tls's DATEWISE (Gholipour Ghalandari & Ifrim, ACL 2020): rank the dates by the
evidence that they matter, then summarise each date by centroid-based sentence ranking. The
input is one `Candidate` per stored event sentence (a date it names, the article, its outlet and
publication date, the entity keys it names, its text), or any record of that shape (`Row`);
nothing is parsed here.

Date score (a date is a (date, precision) pair, `end` the last day of its period):
    score = PRECISION[precision] × (0.5 + centrality) × Σ over outlets of
            (w₁ + REPEAT × (w₂ + w₃ + …))      (that outlet's article weights, largest first)
where an article's weight w for the date is
    - NEWS = 1.0 when it reports the date: published within NEWS_DAYS after `end`, or inside
      the period (the article's own news, "today", "last week");
    - 1 + log2(1 + gap / 365), at most MAX_REFERENCE, when it refers to the date from
      `gap` > NEWS_DAYS days later (a date still named years later is a milestone);
    - ANTICIPATION when it was published before the date (a plan, not a fact);
    - UNKNOWN_PUBLISHED when its publication date is unknown;
    plus SAME_ARTICLE for each further sentence of the article on that date (at most
    MAX_SAME_ARTICLE): an article that tells several things of the day is about that day.
An article with no outlet counts as an outlet of its own. So ten same-outlet reports of a busy
day weigh 1 + 0.25 × 9 = 3.25, and four outlets naming a date a year later weigh 4 × 2 = 8.
`centrality` (0..1) is the mean over the date's sentences of the mean of the two largest
weights of the entities each names, an entity's weight being the share of the candidate
articles whose sentences name it (nationality groups are left out by the caller); without
entity keys every date gets 0.5. Ties: more articles, then finer precision, then older.

Summaries, as news-tls's DATEWISE makes them (`PM_Mean_SentenceCollector`, `CentroidOpt`).
Sentences are TF-IDF vectors (unit length) over the candidate sentences' words, English
function words left out. A date's candidates are its mention sentences (the events on it) and
the lead sentences of the articles that report it (negative event ids, given by the caller).
The date's centroid is the mean of the mention sentences plus the mean of the lead sentences,
on the words both use; the sentences whose cosine with it is above the knee of the sorted
cosines are kept (all when none is, or when the date has only one kind). From them,
the sentences are picked one at a time so that the sum of those picked is as close as it can
be to the centroid of the kept ones (a second sentence adds what the first did not say), plus
STATED for a sentence whose article reports the date (not a passing reference from later). A
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
no day is left (news-tls's DATEWISE ranks only days).

K when not given (`choose_k`): round(1.5 × √dates + events / 50), kept within MIN_K..MAX_K
and never more than the dates there are: 7 dates → 5, 40 dates and 100 events → 11, 400
dates and 2,000 events → 25 (MAX_K).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Protocol

import numpy as np

from analysis.summary import tfidf

PRECISION = {"day": 1.0, "week": 0.5, "month": 0.25, "year": 0.15}
NEWS = 1.0
NEWS_DAYS = 14
MAX_REFERENCE = 3.0
ANTICIPATION = 0.5
UNKNOWN_PUBLISHED = 0.75
SAME_ARTICLE = 0.25
MAX_SAME_ARTICLE = 0.5
REPEAT = 0.25
REDUNDANT = 0.5  # cosine with a sentence already chosen, on any date
TOPIC_WORDS = 5  # a summary sentence uses one of the topic's commonest words ...
TOPIC_ARTICLES = 10  # ... when the candidates come from this many articles or more
STATED = 0.15  # added to the score of a sentence whose article reports the date
MIN_K, MAX_K = 5, 25
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


Day = date  # `date` is also a field name below


@dataclass(frozen=True)
class Candidate:
    """One stored event sentence: a date it names, where it was read, what it names."""

    event_id: int
    date: date
    precision: str
    article_id: int
    outlet: str | None
    published: Day | None
    sentence: int = 0  # place in the article; -1 a photo caption
    text: str = ""  # empty when only the ranking is wanted
    entities: tuple[str, ...] = ()  # keys of the entities it names


class Row(Protocol):
    """What the ranking reads of a candidate: `Candidate`, or a storage record of that shape."""

    @property
    def event_id(self) -> int: ...
    @property
    def date(self) -> Day: ...
    @property
    def precision(self) -> str: ...
    @property
    def article_id(self) -> int: ...
    @property
    def outlet(self) -> str | None: ...
    @property
    def published(self) -> Day | None: ...
    @property
    def sentence(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def entities(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class RankedDate:
    """A date with its evidence: score, distinct articles and outlets, articles best first."""

    date: date
    precision: str
    score: float
    articles: int
    outlets: int
    article_ids: tuple[int, ...]  # best evidence first
    event_ids: tuple[int, ...]  # the candidates on this date, best article first


@dataclass(frozen=True)
class KeyDateSummary:
    """A chosen date and the event ids of the sentences that summarise it."""

    ranked: RankedDate
    sentence_ids: tuple[int, ...]


def period_end(day: date, precision: str) -> date:
    """The last day of the period a (date, precision) names."""
    if precision == "week":
        return day + timedelta(days=6)
    if precision == "month":
        following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return following - timedelta(days=1)
    if precision == "year":
        return date(day.year, 12, 31)
    return day


def article_weight(day: date, precision: str, published: date | None) -> float:
    """How much one article's mention of a date counts (see the module docstring)."""
    return _weight(day, period_end(day, precision), published)


def choose_k(dates: int, events: int) -> int:
    """How many key dates a range of that many distinct dates and dated events gets."""
    wanted = round(1.5 * math.sqrt(dates) + events / 50)
    return max(0, min(dates, MAX_K, max(MIN_K, wanted)))


def _outlet_sum(weights: Mapping[int, float], outlets: Mapping[int, object]) -> float:
    by_outlet: dict[object, list[float]] = defaultdict(list)
    for article, weight in weights.items():
        by_outlet[outlets[article]].append(weight)
    total = 0.0
    for found in by_outlet.values():
        if len(found) > 1:
            found.sort(reverse=True)
            total += found[0] + REPEAT * sum(found[1:])
        else:
            total += found[0]
    return total


def entity_weights(rows: Iterable[Row]) -> dict[str, float]:
    """Each entity key's share of the candidate articles whose sentences name it."""
    named: dict[str, set[int]] = defaultdict(set)
    articles: set[int] = set()
    for row in rows:
        articles.add(row.article_id)
        for key in row.entities:
            named[key].add(row.article_id)
    return {key: len(ids) / len(articles) for key, ids in named.items()} if articles else {}


def _sentence_centrality(row: Row, weights: Mapping[str, float]) -> float:
    top = sorted((weights.get(k, 0.0) for k in row.entities), reverse=True)[:2]
    return sum(top) / len(top) if top else 0.0


def centrality(rows: Sequence[Row], weights: Mapping[str, float]) -> float:
    """How central a date's sentences are to the topic: 0..1, 0.5 without entity keys."""
    if not weights or not any(row.entities for row in rows):
        return 0.5
    return sum(_sentence_centrality(row, weights) for row in rows) / len(rows)


def _weight(day: date, end: date, published: date | None) -> float:
    if published is None:
        return UNKNOWN_PUBLISHED
    if published < day:
        return ANTICIPATION
    gap = (published - end).days
    return NEWS if gap <= NEWS_DAYS else min(MAX_REFERENCE, 1 + math.log2(1 + gap / 365))


def _rank_one(rows: Sequence[Row], weights: Mapping[str, float] | None) -> RankedDate:
    first = rows[0]
    day, precision = first.date, first.precision
    end = period_end(day, precision)
    factor = PRECISION.get(precision, 0.3) * (0.5 + centrality(rows, weights or {}))
    if len(rows) == 1:  # most dates: one sentence of one article
        score = factor * _weight(day, end, first.published)
        ids = (first.article_id,)
        return RankedDate(day, precision, score, 1, 1, ids, (first.event_id,))
    per_article: dict[int, float] = {}
    sentences: Counter[int] = Counter()
    outlets: dict[int, object] = {}  # an outlet's name, or the article's id when it has none
    for row in rows:
        sentences[row.article_id] += 1
        if row.article_id not in per_article:
            per_article[row.article_id] = _weight(day, end, row.published)
            outlets[row.article_id] = row.outlet or row.article_id
    for article, n in sentences.items():
        per_article[article] += min(MAX_SAME_ARTICLE, SAME_ARTICLE * (n - 1))
    best = sorted(per_article, key=lambda a: (-per_article[a], a))
    order = {a: i for i, a in enumerate(best)}
    events = sorted(rows, key=lambda r: (order[r.article_id], r.sentence < 0, r.sentence))
    return RankedDate(
        date=day,
        precision=precision,
        score=factor * _outlet_sum(per_article, outlets),
        articles=len(per_article),
        outlets=len(set(outlets.values())),
        article_ids=tuple(best),
        event_ids=tuple(r.event_id for r in events),
    )


def by_date(rows: Iterable[Row]) -> dict[tuple[date, str], list[Row]]:
    """The candidates grouped by (date, precision)."""
    groups: dict[tuple[date, str], list[Row]] = defaultdict(list)
    for row in rows:
        groups[(row.date, row.precision)].append(row)
    return groups


_PRECISION_RANK = {p: i for i, p in enumerate(PRECISION)}


def _order(ranked: RankedDate) -> tuple[float, int, int, date]:
    rank = _PRECISION_RANK.get(ranked.precision, 9)
    return (-ranked.score, -ranked.articles, rank, ranked.date)


def rank_dates(rows: Iterable[Row], weights: Mapping[str, float] | None = None) -> list[RankedDate]:
    """Every date of the candidates, best first, scored as the module docstring says."""
    groups = by_date(rows)
    return sorted((_rank_one(g, weights) for g in groups.values()), key=_order)


def rescore(ranked: Sequence[RankedDate], rows: Iterable[Row]) -> list[RankedDate]:
    """Dates ranked on rows without entity keys, re-weighed by the centrality read from `rows`
    (the same dates' sentences with their entity keys), best first."""
    groups = by_date(rows)
    weights = entity_weights(r for g in groups.values() for r in g)
    rescored = []
    for item in ranked:
        found = groups.get((item.date, item.precision), [])
        factor = 0.5 + centrality(found, weights) if found else 1.0  # the first pass: 0.5
        rescored.append(replace(item, score=item.score * factor))
    return sorted(rescored, key=_order)


# -- summaries -----------------------------------------------------------------------------------


def all_words(text: str) -> list[str]:
    """Every lower-cased word of two letters or more."""
    return _WORD.findall(text.casefold())


def content_words(text: str) -> list[str]:
    """The words of `all_words` that are not English function words (ENGLISH_STOP)."""
    return [w for w in all_words(text) if w not in ENGLISH_STOP]


def topic_words(rows: Iterable[Row], n: int) -> frozenset[str]:
    """The n content words the most of the candidates' articles use, outlet names and calendar
    words left out: what the topic is about (news-tls's keywords, here read from the
    candidates); none from fewer than TOPIC_ARTICLES articles."""
    used: dict[int, set[str]] = defaultdict(set)
    outlets: set[str] = set()
    for row in rows:
        used[row.article_id].update(content_words(row.text))
        outlets.update(all_words(row.outlet or ""))
    if len(used) < TOPIC_ARTICLES:
        return frozenset()
    counts = Counter(
        w for found in used.values() for w in found if w not in outlets and w not in CALENDAR
    )
    return frozenset(w for w, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:n])


def _on_topic(row: Row, topic: frozenset[str]) -> bool:
    return not topic or not topic.isdisjoint(content_words(row.text))


def _stated(row: Row) -> bool:
    return article_weight(row.date, row.precision, row.published) == NEWS


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


def _repeats(vector: np.ndarray, chosen: list[np.ndarray]) -> bool:
    return any(float(vector @ c) >= REDUNDANT for c in chosen)


def centroid_pick(
    vectors: np.ndarray, bonus: np.ndarray, chosen: list[np.ndarray], n: int
) -> list[int]:
    """Up to n indices, one at a time, whose sum is closest to the centroid of all the vectors
    (news-tls `CentroidOpt`) plus each one's bonus (-inf: never picked), none repeating one in
    `chosen` (which gets the picked ones)."""
    centroid = vectors.sum(axis=0)
    norm = np.linalg.norm(centroid)
    picked: list[int] = []
    total = np.zeros(vectors.shape[1])
    while norm > 0 and len(picked) < n:
        sums = vectors + total
        lengths = np.linalg.norm(sums, axis=1)
        scores = np.divide(sums @ centroid, lengths, out=np.zeros(len(sums)), where=lengths > 0)
        scores += bonus
        order = np.argsort(-scores, kind="stable")
        fresh = [int(i) for i in order if i not in picked and bonus[i] > -np.inf]
        best = next((i for i in fresh if not _repeats(vectors[i], chosen)), None)
        if best is None:
            break
        picked.append(best)
        chosen.append(vectors[best])
        total = total + vectors[best]
    return picked


def _pick(
    rows: Sequence[Row],
    vectors: np.ndarray,
    chosen: list[np.ndarray],
    n: int,
    topic: frozenset[str],
) -> list[int]:
    """A date's summary: up to n of its sentences (indices into `rows`) that use a topic word."""
    kept = central(vectors, np.array([row.event_id < 0 for row in rows]))
    bonus = np.array(
        [STATED * _stated(rows[i]) if _on_topic(rows[i], topic) else -np.inf for i in kept]
    )
    return [int(kept[i]) for i in centroid_pick(vectors[kept], bonus, chosen, n)]


def trial_order(ranked: Sequence[RankedDate], k: int) -> list[RankedDate]:
    """The order dates are tried in: the best k as ranked, then the other days, then the other
    weeks, months and years (a day takes a dropped date's place before a coarser date does)."""
    rest = ranked[k:]
    days = [item for item in rest if item.precision == "day"]
    return [*ranked[:k], *days, *(item for item in rest if item.precision != "day")]


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
    vectors = tfidf([r.text for r in texts], content_words)
    topic = topic_words(texts, TOPIC_WORDS) if one_story else frozenset()
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
        picked = _pick(found, vectors[members], chosen, max(1, sentences), topic)
        if picked:
            ids = tuple(texts[members[i]].event_id for i in picked)
            kept.append(KeyDateSummary(ranked=item, sentence_ids=ids))
        if len(kept) >= k:
            break
    return sorted(kept, key=lambda s: (s.ranked.date, _order(s.ranked)[2]))


def key_dates(
    rows: Sequence[Row], k: int | None = None, sentences: int = 1, *, one_story: bool = False
) -> list[KeyDateSummary]:
    """Rank the candidates' dates and summarise the best k, oldest first, in one call."""
    weights = entity_weights(rows)
    ranked = rank_dates(rows, weights)
    events = len(rows)
    wanted = choose_k(len(ranked), events) if k is None else k
    return summarise(ranked, rows, wanted, sentences, one_story=one_story)
