"""Timeline summarisation scored as news-tls does: tilse's alignment-based ROUGE and date F1.

A port of tilse 0.2.1 (Martschat & Markert; smartschat/tilse, MIT): `TimelineRougeEvaluator` with
the `RougeReimplementation` (ROUGE-1/2 counts, Porter stems, ROUGE-1.5.5's SMART stopword list,
punctuation dropped) and the five ways of comparing a timeline with reference timelines (concat,
agreement, align, align+, align+ m:1). news-tls (Gholipour Ghalandari & Ifrim 2020) reports
"align+ m:1" (`align_date_content_costs_many_to_one`) for ROUGE-1 and ROUGE-2, and date F1
(`evaluate_dates`), each averaged over timelines by `average_results`.

Sentences are strings of space-separated tokens, as tilse reads them: tokenise first
(`tokenize`). tilse's default is the ROUGE-1.5.5 Perl script; news-tls used it, and this port
uses the reimplementation, which tilse says is close but not identical. Needs `nltk` (its Porter
stemmer, the one tilse uses).
"""

from __future__ import annotations

import string
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import pairwise
from typing import Any

Timeline = Mapping[date, Sequence[str]]  # day -> its summary sentences (tokens joined by spaces)
MEASURES = ("rouge_1", "rouge_2")
PUNCTUATION = frozenset([".", ",", ";", ":", "``", "''", "-", '"'])
# ROUGE-1.5.5's data/smart_common_words.txt, in its order (tilse's `ignore_stopwords=True`).
_SMART_COMMON_WORDS = """
reuters ap jan feb mar apr may jun jul aug sep oct nov dec tech news index mon tue wed thu fri
sat 's a a's able about above according accordingly across actually after afterwards again
against ain't all allow allows almost alone along already also although always am amid among
amongst an and another any anybody anyhow anyone anything anyway anyways anywhere apart appear
appreciate appropriate are aren't around as aside ask asking associated at available away
awfully b be became because become becomes becoming been before beforehand behind being
believe below beside besides best better between beyond both brief but by c c'mon c's came can
can't cannot cant cause causes certain certainly changes clearly co com come comes concerning
consequently consider considering contain containing contains corresponding could couldn't
course currently d definitely described despite did didn't different do does doesn't doing
don't done down downwards during e each edu eg e.g. eight either else elsewhere enough
entirely especially et etc etc. even ever every everybody everyone everything everywhere ex
exactly example except f far few fifth five followed following follows for former formerly
forth four from further furthermore g get gets getting given gives go goes going gone got
gotten greetings h had hadn't happens hardly has hasn't have haven't having he he's hello help
hence her here here's hereafter hereby herein hereupon hers herself hi him himself his hither
hopefully how howbeit however i i'd i'll i'm i've ie i.e. if ignored immediate in inasmuch inc
indeed indicate indicated indicates inner insofar instead into inward is isn't it it'd it'll
it's its itself j just k keep keeps kept know knows known l lately later latter latterly least
less lest let let's like liked likely little look looking looks ltd m mainly many may maybe me
mean meanwhile merely might more moreover most mostly mr. ms. much must my myself n namely nd
near nearly necessary need needs neither never nevertheless new next nine no nobody non none
noone nor normally not nothing novel now nowhere o obviously of off often oh ok okay old on
once one ones only onto or other others otherwise ought our ours ourselves out outside over
overall own p particular particularly per perhaps placed please plus possible presumably
probably provides q que quite qv r rather rd re really reasonably regarding regardless regards
relatively respectively right s said same saw say saying says second secondly see seeing seem
seemed seeming seems seen self selves sensible sent serious seriously seven several shall she
should shouldn't since six so some somebody somehow someone something sometime sometimes
somewhat somewhere soon sorry specified specify specifying still sub such sup sure t t's take
taken tell tends th than thank thanks thanx that that's thats the their theirs them themselves
then thence there there's thereafter thereby therefore therein theres thereupon these they
they'd they'll they're they've think third this thorough thoroughly those though three through
throughout thru thus to together too took toward towards tried tries truly try trying twice
two u un under unfortunately unless unlikely until unto up upon us use used useful uses using
usually uucp v value various very via viz vs w want wants was wasn't way we we'd we'll we're
we've welcome well went were weren't what what's whatever when whence whenever where where's
whereafter whereas whereby wherein whereupon wherever whether which while whither who who's
whoever whole whom whose why will willing wish with within without won't wonder would would
wouldn't x y yes yet you you'd you'll you're you've your yours yourself yourselves z zero
"""
STOPWORDS = frozenset(_SMART_COMMON_WORDS.split())


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 of one measure."""

    precision: float
    recall: float
    f_score: float


def f_score(precision: float, recall: float, beta: float = 1.0) -> float:
    """tilse `get_f_score`: F_beta of a precision and a recall (0 when both are 0)."""
    if precision + recall == 0:
        return 0.0
    return (1 + beta**2) * precision * recall / (beta**2 * precision + recall)


@lru_cache(maxsize=1)
def _stemmer() -> Callable[[str], str]:
    """nltk's Porter stemmer (tilse's), robust to the inputs it cannot stem."""
    from nltk.stem import PorterStemmer

    stem = PorterStemmer().stem

    def robust(word: str) -> str:
        try:
            return stem(word)
        except IndexError:
            return word

    return robust


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer()(word)


Counts = dict[str, float]


def rouge_counts(
    summary: Sequence[Sequence[str]], references: Mapping[str, Sequence[Sequence[str]]]
) -> Counts:
    """tilse `RougeReimplementation.score_summary`: ROUGE-1/2 hit, peer and model counts.

    `summary` and each reference are lists of token lists. Tokens are lowercased, stopwords and
    punctuation dropped, the rest Porter-stemmed; bigrams run across sentence boundaries.
    """
    ignore = STOPWORDS | PUNCTUATION
    pred = [_stem(t.lower()) for sent in summary for t in sent if t.lower() not in ignore]
    refs = {
        name: [_stem(t.lower()) for sent in ref for t in sent if t.lower() not in ignore]
        for name, ref in references.items()
    }
    out: Counts = {}
    for n, measure in ((1, "rouge_1"), (2, "rouge_2")):
        pred_counts = Counter(_grams(pred, n))
        ref_counts = [Counter(_grams(tokens, n)) for tokens in refs.values()]
        match = sum(min(c, rc[g]) for g, c in pred_counts.items() for rc in ref_counts)
        out[f"{measure}_h_count"] = match
        out[f"{measure}_p_count"] = len(ref_counts) * sum(pred_counts.values())
        out[f"{measure}_m_count"] = sum(sum(rc.values()) for rc in ref_counts)
    return out


def _grams(tokens: Sequence[str], n: int) -> Iterable[Any]:
    """Unigrams as strings, bigrams as pairs (as tilse counts them)."""
    return tokens if n == 1 else pairwise(tokens)


def rouge_approximation(summary: Sequence[str], references: Iterable[Sequence[str]]) -> float:
    """tilse `compute_rouge_approximation`: a ROUGE-1 F of raw tokens (punctuation dropped),
    used only to weigh the alignment of dates."""
    pred = Counter(t for sent in summary for t in sent.split() if t not in string.punctuation)
    refs = [
        Counter(t for sent in ref for t in sent.split() if t not in string.punctuation)
        for ref in references
    ]
    match = sum(min(c, rc[t]) for t, c in pred.items() for rc in refs)
    prec_denom = len(refs) * sum(pred.values())
    recall_denom = sum(sum(rc.values()) for rc in refs)
    precision = match / prec_denom if prec_denom else 0.0
    recall = match / recall_denom if recall_denom else 0.0
    return f_score(precision, recall)


class Evaluator:
    """tilse `TimelineRougeEvaluator(measures=..., rouge_computation="reimpl")`."""

    def __init__(self, measures: Sequence[str] = MEASURES, beta: float = 1.0) -> None:
        self.measures = tuple(measures)
        self.beta = beta

    def _result(self, sums: dict[str, list[float]]) -> dict[str, Score]:
        out = {}
        for m in self.measures:
            pn, pd, rn, rd = (sums[f"{m} {part}"] for part in ("pn", "pd", "rn", "rd"))
            prec = sum(pn) / sum(pd) if sum(pd) else 0.0
            rec = sum(rn) / sum(rd) if sum(rd) else 0.0
            out[m] = Score(prec, rec, f_score(prec, rec, self.beta))
        return out

    def _add(
        self, sums: dict[str, list[float]], counts: Counts, *, prec: float | None, rec: float | None
    ) -> None:
        """Add one comparison's counts, its hits weighted (None: that side is not counted)."""
        for m in self.measures:
            hits = counts[f"{m}_h_count"]
            if prec is not None:
                sums.setdefault(f"{m} pn", []).append(prec * hits)
                sums.setdefault(f"{m} pd", []).append(counts[f"{m}_p_count"])
            if rec is not None:
                sums.setdefault(f"{m} rn", []).append(rec * hits)
                sums.setdefault(f"{m} rd", []).append(counts[f"{m}_m_count"])

    def _empty(self) -> dict[str, list[float]]:
        return {f"{m} {p}": [] for m in self.measures for p in ("pn", "pd", "rn", "rd")}

    def concat(self, predicted: Timeline, references: Sequence[Timeline]) -> dict[str, Score]:
        """All daily summaries concatenated, then ROUGE (tilse `evaluate_concat`)."""
        pred = [s.split() for d in sorted(predicted) for s in predicted[d]]
        refs = {
            str(i): [s.split() for d in sorted(r) for s in r[d]] for i, r in enumerate(references)
        }
        sums = self._empty()
        self._add(sums, rouge_counts(pred, refs), prec=1.0, rec=1.0)
        return self._result(sums)

    def agreement(self, predicted: Timeline, references: Sequence[Timeline]) -> dict[str, Score]:
        """Summaries of the same day compared (tilse `evaluate_agreement`)."""
        ref_dates = _dates(references)
        sums = self._empty()
        for day in set(predicted) | ref_dates:
            counts = rouge_counts(_split(predicted.get(day, ())), _refs_on(references, day))
            self._add(
                sums,
                counts,
                prec=1.0 if day in predicted else None,
                rec=1.0 if day in ref_dates else None,
            )
        return self._result(sums)

    def align_date_costs(
        self, predicted: Timeline, references: Sequence[Timeline]
    ) -> dict[str, Score]:
        """One-to-one alignment by date distance (tilse `evaluate_align_date_costs`, 'align')."""
        return self._mapped(predicted, references, _date_costs, _one_to_one)

    def align_date_content_costs(
        self, predicted: Timeline, references: Sequence[Timeline]
    ) -> dict[str, Score]:
        """One-to-one alignment by date distance and content ('align+')."""
        return self._mapped(predicted, references, _date_content_costs, _one_to_one)

    def align_date_content_costs_many_to_one(
        self, predicted: Timeline, references: Sequence[Timeline]
    ) -> dict[str, Score]:
        """Many-to-one alignment by date distance and content ('align+ m:1', news-tls's AR)."""
        return self._mapped(predicted, references, _date_content_costs, _many_to_one)

    def _mapped(
        self,
        predicted: Timeline,
        references: Sequence[Timeline],
        costs: CostFunction,
        assign: Assignment,
    ) -> dict[str, Score]:
        """tilse `_evaluate_per_day_mapping_micro`: align days, compare their summaries, and
        weigh the hits by 1 / (1 + days apart); unaligned days count with no hits."""
        pred_dates = sorted(predicted)
        ref_dates = sorted(_dates(references))
        sums = self._empty()
        if not pred_dates or not ref_dates:  # tilse fails here; nothing can match
            for day in ref_dates:
                self._add(sums, rouge_counts([[""]], _refs_on(references, day)), prec=None, rec=1.0)
            empty: dict[str, Sequence[Sequence[str]]] = {
                str(i): [[""]] for i in range(len(references))
            }
            for day in pred_dates:
                self._add(sums, rouge_counts(_split(predicted[day]), empty), prec=1.0, rec=None)
            return self._result(sums)
        prec_pairs = assign(costs(pred_dates, ref_dates, predicted, references, 0))
        rec_pairs = assign(costs(pred_dates, ref_dates, predicted, references, 1))
        for row, col in prec_pairs:
            pred_day, ref_day = pred_dates[row], ref_dates[col]
            counts = rouge_counts(_split(predicted[pred_day]), _refs_on(references, ref_day))
            self._add(sums, counts, prec=_closeness(pred_day, ref_day), rec=None)
        matched = {row for row, _ in prec_pairs}
        no_refs: dict[str, Sequence[Sequence[str]]] = {
            str(i): [[""]] for i in range(len(references))
        }
        for i, day in enumerate(pred_dates):
            if i not in matched:
                self._add(sums, rouge_counts(_split(predicted[day]), no_refs), prec=1.0, rec=None)
        for row, col in rec_pairs:
            pred_day, ref_day = pred_dates[col], ref_dates[row]
            counts = rouge_counts(_split(predicted[pred_day]), _refs_on(references, ref_day))
            self._add(sums, counts, prec=None, rec=_closeness(pred_day, ref_day))
        matched = {row for row, _ in rec_pairs}
        for i, day in enumerate(ref_dates):
            if i not in matched:
                self._add(sums, rouge_counts([[""]], _refs_on(references, day)), prec=None, rec=1.0)
        return self._result(sums)


CostFunction = Callable[
    [list[date], list[date], Timeline, Sequence[Timeline], int], list[list[float]]
]
Assignment = Callable[[list[list[float]]], list[tuple[int, int]]]


def _split(sentences: Sequence[str]) -> list[list[str]]:
    return [s.split() for s in sentences]


def _dates(references: Sequence[Timeline]) -> set[date]:
    return {d for r in references for d in r}


def _refs_on(references: Sequence[Timeline], day: date) -> dict[str, list[list[str]]]:
    """Every reference timeline's summary of the day (empty where it has none), tokenised."""
    return {str(i): _split(r.get(day, ())) for i, r in enumerate(references)}


def _closeness(a: date, b: date) -> float:
    return 1 / (abs(a.toordinal() - b.toordinal()) + 1)


def _date_costs(
    pred_dates: list[date],
    ref_dates: list[date],
    _tl: Timeline,
    _refs: Sequence[Timeline],
    axis: int,
) -> list[list[float]]:
    rows, cols = (pred_dates, ref_dates) if axis == 0 else (ref_dates, pred_dates)
    return [[1 - _closeness(a, b) for b in cols] for a in rows]


def _date_content_costs(
    pred_dates: list[date], ref_dates: list[date], tl: Timeline, refs: Sequence[Timeline], axis: int
) -> list[list[float]]:
    rows, cols = (pred_dates, ref_dates) if axis == 0 else (ref_dates, pred_dates)
    out = []
    for a in rows:
        row = []
        for b in cols:
            pred_day, ref_day = (a, b) if axis == 0 else (b, a)
            content = rouge_approximation(tl[pred_day], [r.get(ref_day, ()) for r in refs])
            row.append((1 - _closeness(a, b)) * (1 - content))
        out.append(row)
    return out


def _many_to_one(costs: list[list[float]]) -> list[tuple[int, int]]:
    """Each row to its cheapest column, the first on ties (tilse `_assign_to_min_cost`)."""
    return [(i, min(range(len(row)), key=row.__getitem__)) for i, row in enumerate(costs)]


def _one_to_one(costs: list[list[float]]) -> list[tuple[int, int]]:
    """The cheapest injective assignment (scipy `linear_sum_assignment`, as tilse)."""
    from scipy.optimize import linear_sum_assignment

    rows, cols = linear_sum_assignment(costs)
    return [(int(r), int(c)) for r, c in zip(rows, cols, strict=True)]


def date_scores(predicted: Iterable[date], references: Iterable[date]) -> Score:
    """news-tls `evaluate_dates`: exact-day precision, recall and F1."""
    pred, ref = set(predicted), set(references)
    shared = len(pred & ref)
    prec = shared / len(pred) if pred else 0.0
    rec = shared / len(ref) if ref else 0.0
    return Score(prec, rec, f_score(prec, rec))


def average_results(results: Sequence[tuple[Score, Score, Score]]) -> tuple[Score, Score, Score]:
    """news-tls `get_average_results`: per (AR1, AR2, date) mean precision and mean recall over
    the timelines, and the F1 of those means."""
    n = len(results) or 1
    out = []
    for k in range(3):
        p = sum(r[k].precision for r in results) / n
        rec = sum(r[k].recall for r in results) / n
        out.append(Score(p, rec, f_score(p, rec)))
    return out[0], out[1], out[2]


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import spacy

    return spacy.blank("en").tokenizer


def tokenize(text: str) -> str:
    """A sentence as news-tls feeds it to tilse: spaCy's English tokens joined by spaces."""
    return " ".join(t.text for t in _tokenizer()(text) if not t.text.isspace())
