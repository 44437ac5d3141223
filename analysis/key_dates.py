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
A reference from later counts above NEWS only when more than one article names the date: one
article's look back ("On March 4, 1933 Roosevelt gave his first inaugural address", a
profile's "Born: August 29, 1958") is a chronology or a fact box, and without this its eight
dates would crowd a corpus's key dates ahead of the days the corpus reports.
An article with no outlet counts as an outlet of its own. So ten same-outlet reports of a busy
day weigh 1 + 0.25 × 9 = 3.25, and four outlets naming a date a year later weigh 4 × 2 = 8.
`centrality` (0..1) is the mean over the date's sentences of the mean of the two largest
weights of the entities each names, an entity's weight being the share of the candidate
articles whose sentences name it (nationality groups are left out by the caller); without
entity keys every date gets 0.5. Ties: more articles, then finer precision, then older.

Later mentions (`with_later_mentions`): a day's score is multiplied by
1 + LATER_MENTION × ln(1 + n), n the candidate articles published more than LATER_DAYS after
the day that name it outright (`analysis.named_days`) and hold none of its events: references
from later that the events leave out ("since the March 15 uprising"). On Timeline17 this took
date F1 from 0.582 to 0.605 (EVALUATION.md §2, session 20), flat for the factor from 1.5 to 3.

Summaries: `analysis.key_date_summaries`.

K when not given (`choose_k`): round(1.5 × √dates + events / 50), kept within MIN_K..MAX_K
and never more than the dates there are: 7 dates → 5, 40 dates and 100 events → 11, 400
dates and 2,000 events → 25 (MAX_K).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Protocol

import numpy as np

from analysis import key_date_model

PRECISION = {"day": 1.0, "week": 0.5, "month": 0.25, "year": 0.15}
NEWS = 1.0
NEWS_DAYS = 14
MAX_REFERENCE = 3.0
ANTICIPATION = 0.5
UNKNOWN_PUBLISHED = 0.75
SAME_ARTICLE = 0.25
MAX_SAME_ARTICLE = 0.5
REPEAT = 0.25
LATER_MENTION = 1.5
LATER_DAYS = 2
MIN_K, MAX_K = 5, 25
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
        score = factor * min(NEWS, _weight(day, end, first.published))
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
    if len(per_article) == 1:  # one article looking back: a chronology, not a milestone
        only = next(iter(per_article))
        per_article[only] = min(NEWS, per_article[only])
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


PRECISION_RANK = {p: i for i, p in enumerate(PRECISION)}


def _order(ranked: RankedDate) -> tuple[float, int, int, date]:
    rank = PRECISION_RANK.get(ranked.precision, 9)
    return (-ranked.score, -ranked.articles, rank, ranked.date)


def rank_dates(rows: Iterable[Row], weights: Mapping[str, float] | None = None) -> list[RankedDate]:
    """Every date of the candidates, best first, scored as the module docstring says (or by
    `analysis.key_date_model` when it has weights)."""
    groups = by_date(rows)
    ranked = [_rank_one(g, weights) for g in groups.values()]
    model = key_date_model.WEIGHTS
    if model is not None and ranked:
        ranked = learned(ranked, groups, model)
    return sorted(ranked, key=_order)


def feature_matrix(
    ranked: Sequence[RankedDate], groups: Mapping[tuple[date, str], Sequence[Row]]
) -> np.ndarray:
    """`analysis.key_date_model.FEATURES` of each ranked date, one row per date."""
    published = key_date_model.published_counts(r for g in groups.values() for r in g)
    features = np.array(
        [
            key_date_model.date_features(
                item.date,
                item.precision,
                period_end(item.date, item.precision),
                groups[(item.date, item.precision)],
                hand=item.score,
                published=published,
            )
            for item in ranked
        ],
        dtype=float,
    ).reshape(len(ranked), len(key_date_model.FEATURES))
    hand = features[:, key_date_model.FEATURES.index("hand")]
    dates = [(r.date, r.precision) for r in ranked]
    features[:, key_date_model.FEATURES.index("peak")] = key_date_model.peaks(dates, hand)
    return features


def learned(
    ranked: Sequence[RankedDate],
    groups: Mapping[tuple[date, str], Sequence[Row]],
    model: Sequence[float],
) -> list[RankedDate]:
    """The dates re-scored by the learned model (`analysis.key_date_model`)."""
    scores = key_date_model.learned_scores(feature_matrix(ranked, groups), model)
    return [replace(item, score=float(s)) for item, s in zip(ranked, scores, strict=True)]


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


def with_later_mentions(
    ranked: Sequence[RankedDate],
    naming: Mapping[date, Iterable[int]],
    published: Mapping[int, date | None],
) -> list[RankedDate]:
    """The dates re-scored by the later articles that name a day outright, best first.

    `naming` maps a day to the candidate articles that name it (`analysis.named_days`),
    `published` an article to its publication date; see the module docstring.
    """
    out = []
    for item in ranked:
        found = naming.get(item.date) if item.precision == "day" else None
        if not found:
            out.append(item)
            continue
        own = set(item.article_ids)
        later = {
            a
            for a in found
            if a not in own
            and (p := published.get(a)) is not None
            and (p - item.date).days > LATER_DAYS
        }
        factor = 1 + LATER_MENTION * math.log1p(len(later))
        out.append(replace(item, score=item.score * factor) if later else item)
    return sorted(out, key=_order)
