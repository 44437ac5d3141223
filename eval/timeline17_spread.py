"""Probes of the Timeline17 key dates beyond the counts (issue 15, session 13): what would
change the choice of dates or of sentences. Run through `eval.timeline17_probe`; none of them
changes what the product ships.

- `summaries`: a summary oracle. For each date the answer chose that is a gold day, its
  sentences are re-picked from the same candidates (the date's event sentences and its
  reports' leads, as `summarise` gets them) greedily by ROUGE-1 F against the gold entry of that
  day: how much of AR1 a better choice of sentences could add on the dates we already get right.
- `spread TAU BETA`: the dates chosen one at a time, each date's score divided by
  1 + BETA × Σ exp(−|d − c| / τ) over the dates c already chosen, τ = TAU × (range in days / K):
  a journalist's timeline covers its range; the busiest weeks should not take every slot.
- `allocate ALPHA BINS SOURCE`: the range cut into BINS × K equal periods (at least one); K
  shared among them by their mass^ALPHA (largest remainders), the best dates of each period
  filling its share; ALPHA 1 follows the coverage, 0 spreads evenly. The mass is the ranking
  rows' distinct articles by publication day, the window's every article, or its day events
  (`event_days`).
- `echo DAYS WEIGHT`: each shortlisted date's score multiplied by 1 + WEIGHT × the share of
  the window's articles published more than DAYS days after it that use two or more of the
  date's own words (the content words two of its sentences use and few of the window's articles
  do; a date with no article that late gets the mean share): a milestone is retold later in
  words, a day's routine toll is not. Read from the window's database in the probe; the
  product would need the later articles' words from a stored index (`article_terms` holds
  only common nouns).
- `milestones STRENGTH`: each shortlisted date's score multiplied by exp(STRENGTH × z), z the
  standardised mean log-odds of its sentences' words in the tune stories' gold entries against
  their windows' dated sentences (words of two stories' gold or more): what journalists'
  timelines say (a ban announced, a well capped) against what the articles say.

Each reorders the dates `summarise` tries after `rescore` (the shortlist's order), and `spread`
and `allocate` also the order the shortlist is cut from (`rank_dates`), with pseudo-scores that
keep the new order.
"""

from __future__ import annotations

import math
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np

import bot.services.timeline as timeline_service
from analysis import key_dates
from analysis.datelines import without_dateline
from analysis.key_date_summaries import content_words
from eval.timeline17_tls import GoldTLS
from eval.tls_metrics import f_score, rouge_counts, tokenize

Ranked = list[key_dates.RankedDate]
Reorder = Callable[[Ranked], Ranked]


def with_order(items: Sequence[key_dates.RankedDate]) -> Ranked:
    """The dates in the given order, with decreasing pseudo-scores that keep it when sorted."""
    n = len(items)
    return [replace(item, score=float(n - i)) for i, item in enumerate(items)]


def spread_order(ranked: Sequence[key_dates.RankedDate], k: int, tau: float, beta: float) -> Ranked:
    """The dates picked one at a time by score / (1 + beta × Σ exp(−|d − c| / τ·span/k)) over
    the picked dates c: every date, best first, spread over the range."""
    if len(ranked) < 2 or k < 1:
        return list(ranked)
    days = np.array([item.date.toordinal() for item in ranked], dtype=float)
    scores = np.array([item.score for item in ranked], dtype=float)
    scale = max(1.0, tau * (days.max() - days.min() + 1) / k)
    crowd = np.zeros(len(ranked))
    open_ = np.ones(len(ranked), dtype=bool)
    order: list[int] = []
    for _ in range(len(ranked)):
        gains = np.where(open_, scores / (1 + beta * crowd), -np.inf)
        best = int(np.argmax(gains))
        order.append(best)
        open_[best] = False
        crowd += np.exp(-np.abs(days - days[best]) / scale)
    return with_order([ranked[i] for i in order])


def allocate_order(  # noqa: PLR0917 (a probe's knobs, named at every call)
    ranked: Sequence[key_dates.RankedDate],
    k: int,
    articles: Sequence[date],
    alpha: float,
    bins_per_k: float,
    within: tuple[date, date] | None = None,
) -> Ranked:
    """The best dates of each period of `within` (else the dates' span) first, as many as its
    share of K (articles^alpha, largest remainders), then every other date as ranked."""
    if not ranked or k < 1:
        return list(ranked)
    first, last = within or (min(r.date for r in ranked), max(r.date for r in ranked))
    span = (last - first).days + 1
    bins = max(1, min(span, round(bins_per_k * k)))

    def bin_of(day: date) -> int:
        return min(bins - 1, max(0, (day - first).days * bins // span))

    mass = np.zeros(bins)
    for day in articles:
        mass[bin_of(day)] += 1
    weights = mass**alpha if alpha > 0 else (mass > 0).astype(float)
    if weights.sum() == 0:
        return list(ranked)
    share = k * weights / weights.sum()
    quota = np.floor(share).astype(int)
    for i in np.argsort(-(share - quota), kind="stable")[: k - int(quota.sum())]:
        quota[i] += 1
    taken: list[key_dates.RankedDate] = []
    rest: list[key_dates.RankedDate] = []
    for item in ranked:  # best first
        b = bin_of(item.date)
        if quota[b] > 0:
            quota[b] -= 1
            taken.append(item)
        else:
            rest.append(item)
    return with_order(taken + rest)


def published_of(rows: Iterable[Any]) -> list[date]:
    """The publication day of each distinct article of the candidate rows that has one."""
    return [d for d in {r.article_id: r.published for r in rows}.values() if d is not None]


def published(db: Path) -> list[date]:
    """The publication day of every article of a window's database that has one."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT published FROM articles WHERE published IS NOT NULL")
        return [date.fromisoformat(str(d)[:10]) for (d,) in rows]


def event_days(db: Path, first: date, last: date) -> list[date]:
    """Each day-precision event of the range, as its date (from the `event_days` rollup)."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT date, events FROM event_days WHERE precision = 'day' AND date BETWEEN ? AND ?",
            (first.isoformat(), last.isoformat()),
        )
        return [date.fromisoformat(str(d)[:10]) for d, n in rows for _ in range(int(n))]


def reorder_service(
    reorder: Reorder, *, shortlist: bool, seen: Callable[[list[Any]], None] | None = None
) -> None:
    """Make the timeline service try dates in `reorder`'s order (this process only): after
    `rescore`, and with `shortlist` also where the shortlist is cut (`rank_dates`); `seen` gets
    the ranking rows first."""
    rescore, rank = key_dates.rescore, key_dates.rank_dates

    def rescored(ranked: Sequence[key_dates.RankedDate], rows: Iterable[Any]) -> Ranked:
        return reorder(rescore(ranked, rows))

    def ranked_rows(rows: Iterable[Any], weights: Any = None) -> Ranked:
        rows = list(rows)
        if seen is not None:
            seen(rows)
        found = rank(rows, weights)
        return reorder(found) if shortlist else found

    timeline_service.rescore = rescored
    timeline_service.rank_dates = ranked_rows


# --- the summary oracle -------------------------------------------------------------------


def rouge1_f(sentences: Sequence[str], gold: Sequence[str]) -> float:
    """ROUGE-1 F of sentences (tokenised as news-tls feeds them) against one gold entry."""
    counts = rouge_counts(
        [tokenize(s).split() for s in sentences], {"0": [g.split() for g in gold]}
    )
    hits, peer, model = (counts[f"rouge_1_{x}_count"] for x in ("h", "p", "m"))
    return f_score(hits / peer if peer else 0.0, hits / model if model else 0.0)


def best_sentences(texts: Sequence[str], gold: Sequence[str], n: int) -> list[int]:
    """Up to n indices of texts, picked one at a time, that most raise ROUGE-1 F against gold."""
    picked: list[int] = []
    best = 0.0
    while len(picked) < n:
        trials = [
            (rouge1_f([texts[j] for j in (*picked, i)], gold), -i)
            for i in range(len(texts))
            if i not in picked
        ]
        if not trials:
            break
        value, neg = max(trials)
        if picked and value <= best:
            break
        picked.append(-neg)
        best = value
    return picked


def oracle_summaries(gold_days: dict[date, tuple[str, ...]]) -> None:
    """Make the service re-pick each chosen gold day's sentences by ROUGE against the gold."""
    summarise = timeline_service.summarise

    def repicked(ranked: Any, rows: Sequence[Any], k: int, sentences: int = 1, **kw: Any) -> Any:
        chosen = summarise(ranked, rows, k, sentences, **kw)
        by_day: dict[date, list[Any]] = defaultdict(list)
        for row in rows:
            if row.precision == "day" and row.date in gold_days and row.text.strip():
                by_day[row.date].append(row)
        out = []
        for item in chosen:
            found = by_day.get(item.ranked.date, []) if item.ranked.precision == "day" else []
            if not found:
                out.append(item)
                continue
            texts = [without_dateline(r.text) for r in found]
            picks = best_sentences(texts, gold_days[item.ranked.date], max(1, sentences))
            out.append(replace(item, sentence_ids=tuple(found[i].event_id for i in picks)))
        return out

    timeline_service.summarise = repicked


# --- echo: a date retold later in words ----------------------------------------------------

ECHO_WORDS = 8  # a date's own words: its sentences' rarest content words used twice or more
ECHO_MATCH = 2  # a later article echoes the date when it uses this many of them


class Window:
    """One window's articles as word sets with their publication days (read once)."""

    def __init__(self, db: Path) -> None:
        with sqlite3.connect(db) as conn:
            published = dict(conn.execute("SELECT id, published FROM articles"))
            words: dict[int, set[str]] = defaultdict(set)
            for article, text in conn.execute("SELECT article_id, text FROM sentences"):
                words[article].update(content_words(text))
        self.articles = [
            (date.fromisoformat(str(published[a])[:10]), frozenset(w))
            for a, w in words.items()
            if published.get(a)
        ]
        self.df = Counter(w for _, found in self.articles for w in found)

    def own_words(self, texts: Sequence[str]) -> list[str]:
        """The date's words: content words used by two of its sentences or more, rarest first
        in the window (a name, a place, the thing done), at most ECHO_WORDS."""
        used = Counter(w for t in texts for w in set(content_words(t)))
        common = len(self.articles) / 4  # a word of a quarter of the articles is the story's
        found = [w for w, n in used.items() if n >= 2 and 0 < self.df[w] <= common]
        return sorted(found, key=lambda w: (self.df[w], w))[:ECHO_WORDS]

    def echo(self, day: date, texts: Sequence[str], after_days: int) -> float | None:
        """The share of the articles published more than after_days after `day` that use
        ECHO_MATCH of its own words (0 when it has too few words of its own; None when no
        article is published that late: nothing can tell)."""
        own = set(self.own_words(texts))
        later = [w for d, w in self.articles if d > day + timedelta(days=after_days)]
        if not later:
            return None
        if len(own) < ECHO_MATCH:
            return 0.0
        return sum(len(own & w) >= ECHO_MATCH for w in later) / len(later)


def _texts_by_date(rows: Sequence[Any]) -> dict[tuple[date, str], list[str]]:
    """The sentences of each (date, precision) among the ranking's rows."""
    texts: dict[tuple[date, str], list[str]] = defaultdict(list)
    for row in rows:
        texts[(row.date, row.precision)].append(row.text)
    return texts


def echo_rescore(window: Callable[[], Window], after_days: int, weight: float) -> None:
    """Make the service multiply each shortlisted date's score by 1 + weight × its echo."""
    rescore = key_dates.rescore

    def rescored(ranked: Sequence[key_dates.RankedDate], rows: Iterable[Any]) -> Ranked:
        rows = list(rows)
        texts = _texts_by_date(rows)
        found = window()
        again = rescore(ranked, rows)
        echoes = [
            found.echo(item.date, texts[(item.date, item.precision)], after_days) for item in again
        ]
        known = [e for e in echoes if e is not None]
        usual = sum(known) / len(known) if known else 0.0  # a date too late to tell: the mean
        out = [
            replace(item, score=item.score * (1 + weight * (usual if e is None else e)))
            for item, e in zip(again, echoes, strict=True)
        ]
        return sorted(out, key=key_dates._order)

    timeline_service.rescore = rescored


def window_reader(work: Path) -> tuple[Callable[[GoldTLS], None], Callable[[], Window]]:
    """A `before` hook that points at a gold's window, and the window's words (read once)."""
    cache: dict[str, Window] = {}
    current: list[str] = []

    def before(gold: GoldTLS) -> None:
        current[:] = [gold.window]

    def read() -> Window:
        name = current[0]
        if name not in cache:
            cache.clear()
            cache[name] = Window(work / f"{name}.db")
        return cache[name]

    return before, read


# --- milestone words: what journalists' timelines say, against what the articles say -------

LEXICON_STORIES = 2  # a word counts only when the gold of this many stories uses it


def _sentence_words(texts: Iterable[str]) -> Counter[str]:
    return Counter(w for t in texts for w in set(content_words(t)))


def lexicon(golds: Sequence[GoldTLS], work: Path) -> dict[str, float]:
    """The log-odds of each content word in these golds' entries against their windows'
    day-dated event sentences (per sentence; add-one), for the words the gold of
    LEXICON_STORIES stories or more uses (a verb of milestones, not one story's nouns)."""
    gold: Counter[str] = Counter()
    corpus: Counter[str] = Counter()
    stories: dict[str, set[str]] = defaultdict(set)
    n_gold = n_corpus = 0
    for g in golds:
        sentences = [s for e in g.entries for s in e.sentences]
        n_gold += len(sentences)
        found = _sentence_words(sentences)
        gold.update(found)
        for w in found:
            stories[w].add(g.topic.split("_", 1)[0])
    for name in sorted({g.window for g in golds}):
        with sqlite3.connect(work / f"{name}.db") as conn:
            texts = [
                t
                for (t,) in conn.execute(
                    "SELECT s.text FROM events e JOIN sentences s ON s.article_id = e.article_id"
                    " AND s.position = e.sentence WHERE e.precision = 'day'"
                )
            ]
        n_corpus += len(texts)
        corpus.update(_sentence_words(texts))
    vocab = [w for w, found in stories.items() if len(found) >= LEXICON_STORIES]
    size = len(vocab) or 1
    return {
        w: math.log((gold[w] + 1) / (n_gold + size)) - math.log((corpus[w] + 1) / (n_corpus + size))
        for w in vocab
    }


def milestone(texts: Sequence[str], weights: dict[str, float]) -> float:
    """The mean over a date's sentences of their words' mean log-odds (0 for a word not known)."""
    means = []
    for text in texts:
        found = content_words(text)
        means.append(sum(weights.get(w, 0.0) for w in found) / len(found) if found else 0.0)
    return sum(means) / len(means) if means else 0.0


def milestone_rescore(weights: dict[str, float], strength: float) -> None:
    """Make the service multiply each shortlisted date's score by exp(strength × z), z its
    milestone value standardised over the shortlist."""
    rescore = key_dates.rescore

    def rescored(ranked: Sequence[key_dates.RankedDate], rows: Iterable[Any]) -> Ranked:
        rows = list(rows)
        texts = _texts_by_date(rows)
        again = rescore(ranked, rows)
        values = np.array([milestone(texts[(r.date, r.precision)], weights) for r in again])
        spread_ = float(values.std()) or 1.0
        z = (values - values.mean()) / spread_ if len(values) else values
        out = [
            replace(item, score=item.score * math.exp(strength * float(v)))
            for item, v in zip(again, z, strict=True)
        ]
        return sorted(out, key=key_dates._order)

    timeline_service.rescore = rescored
