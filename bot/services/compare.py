"""`/compare`: what distinguishes one period of the corpus from another, and what both share.

Counts come from storage, aggregated in SQL; the statistic is `analysis.compare.log_odds` with
the whole corpus as the prior, run separately for people, places, organisations and terms. Each
side also gets a representative sentence (the one whose distinct entities carry the most
distinguishing weight: the sum of their z-scores; else the lead of its newest article) and a
quote (by its most distinguishing person who has one, else any quote of the period).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from analysis.compare import Scored, distinctive, log_odds, shared
from analysis.periods import Period, PeriodError, parse_period
from bot.errors import UserFacingError
from storage.compare_repo import (
    CompareRepository,
    DateRange,
    ItemCounts,
    PeriodCounts,
    QuoteHit,
    SentenceHit,
)
from storage.records_cite import ArticleRef

log = logging.getLogger(__name__)

KINDS = ("person", "place", "org", "term")
LIMITS = {"person": 5, "place": 5, "org": 5, "term": 8}
SHARED_LIMIT = 8


@dataclass(frozen=True)
class Item:
    """An entity or term with its counts on each side; z > 0 leans to side A, z < 0 to B."""

    key: str
    name: str
    kind: str
    count_a: int
    count_b: int
    z: float


@dataclass(frozen=True)
class Side:
    """One period of a comparison and what distinguishes it from the other."""

    label: str
    start: date
    end: date
    articles: int
    refs: tuple[ArticleRef, ...] = ()  # its newest articles, to cite the side by
    items: tuple[Item, ...] = ()  # distinguishing items, strongest first within each kind
    sentence: SentenceHit | None = None
    quote: QuoteHit | None = None

    def of_kind(self, kind: str) -> tuple[Item, ...]:
        """The distinguishing items of one kind (person, place, org, term)."""
        return tuple(i for i in self.items if i.kind == kind)


@dataclass(frozen=True)
class Comparison:
    """Two periods side by side; `empty` when either holds no article (then only counts)."""

    topic: str | None
    a: Side
    b: Side
    shared: tuple[Item, ...]
    undated: int
    years: tuple[int, ...]  # years that have articles (about the topic)

    @property
    def empty(self) -> bool:
        """Whether either period holds no article, so nothing can be compared."""
        return self.a.articles == 0 or self.b.articles == 0


def _period(text: str) -> Period:
    try:
        return parse_period(text)
    except PeriodError as exc:
        raise UserFacingError(str(exc)) from exc


def check_periods(first: str, second: str) -> tuple[Period, Period]:
    """Both periods parsed; a bad one, or the same span twice, is a UserFacingError.

    Cheap and without the database: a command can call it before deferring, so the member's
    mistake is answered ephemerally.
    """
    pa, pb = _period(first), _period(second)
    if (pa.start, pa.end) == (pb.start, pb.end):
        same = pa.label if pa.label == pb.label else f"{pa.label} and {pb.label}"
        raise UserFacingError(
            f"the two periods are the same ({same}): choose two different periods to compare"
        )
    return pa, pb


@dataclass(frozen=True)
class KindScores:
    """Every item of one kind scored, by key, and the items those keys stand for."""

    scored: list[Scored[str]]
    items: dict[str, ItemCounts]

    def item(self, scored: Scored[str]) -> Item:
        """The scored key as a displayable item."""
        c = self.items[scored.item]
        return Item(c.key, c.name, c.kind, scored.count_a, scored.count_b, round(scored.z, 2))


def score_kind(counts: PeriodCounts, kind: str) -> KindScores:
    """The log-odds z-score of every item of one kind, the corpus counts as the prior.

    Scored by key rather than by `ItemCounts`: the statistic hashes its items and breaks ties
    by their repr, and for 8,000 items hashing and repr-ing dataclasses took longer than the
    queries. The order is the same: the key leads an `ItemCounts` repr and is unique within a
    kind (and a repr of a string is never a prefix of another's), so reprs of keys sort as
    reprs of their items do.
    """
    items = {i.key: i for i in counts.items if i.kind == kind}
    a = {k: i.count_a for k, i in items.items() if i.count_a}
    b = {k: i.count_b for k, i in items.items() if i.count_b}
    background = {k: float(max(i.corpus, i.count_a + i.count_b)) for k, i in items.items()}
    return KindScores(log_odds(a, b, background), items)


class CompareService:
    """Compares two periods of the stored corpus."""

    def __init__(self, repo: CompareRepository) -> None:
        self._repo = repo

    async def compare(self, first: str, second: str, topic: str | None = None) -> Comparison:
        """Parse both periods, count, score and pick each side's sentence and quote."""
        pa, pb = check_periods(first, second)
        ra, rb = DateRange(pa.start, pa.end), DateRange(pb.start, pb.end)
        topic = topic.strip() if topic and topic.strip() else None
        counts = await self._repo.counts(ra, rb, topic)
        undated = await self._repo.undated(topic)
        years = tuple(await self._repo.years_with_articles(topic))
        if counts.articles_a == 0 or counts.articles_b == 0:
            a, b = _bare(pa, counts.articles_a), _bare(pb, counts.articles_b)
            return Comparison(topic, a, b, (), undated, years)
        scored = {kind: score_kind(counts, kind) for kind in KINDS}
        both = [
            scored[kind].item(s)
            for kind in KINDS
            for s in shared(scored[kind].scored, limit=SHARED_LIMIT)
        ]
        both.sort(key=lambda i: (-min(i.count_a, i.count_b), -(i.count_a + i.count_b), i.name))
        a = await self._side(pa, counts.articles_a, scored, "a", topic)
        b = await self._side(pb, counts.articles_b, scored, "b", topic)
        return Comparison(topic, a, b, tuple(both[:SHARED_LIMIT]), undated, years)

    async def _side(
        self,
        period: Period,
        articles: int,
        scored: dict[str, KindScores],
        side: str,
        topic: str | None,
    ) -> Side:
        """One side's distinguishing items, representative sentence and quote."""
        dates = DateRange(period.start, period.end)
        items = tuple(
            scored[kind].item(s)
            for kind in KINDS
            for s in distinctive(scored[kind].scored, side, limit=LIMITS[kind])
        )
        sign = 1.0 if side == "a" else -1.0
        weights = {i.key: sign * i.z for i in items if i.kind != "term"}
        people = [i.key for i in items if i.kind == "person"]
        sentence = await self._repo.best_sentence(dates, topic, weights)
        quote = await self._repo.quote(dates, topic, people)
        refs = tuple(await self._repo.articles(dates, topic))
        return Side(period.label, period.start, period.end, articles, refs, items, sentence, quote)


def _bare(period: Period, articles: int) -> Side:
    return Side(period.label, period.start, period.end, articles)


def side_items(side: Side, kinds: Sequence[str] = KINDS) -> list[Item]:
    """A side's distinguishing items of the given kinds, in kind order."""
    return [i for kind in kinds for i in side.of_kind(kind)]
