"""The sentence prior of the key dates (`analysis.key_date_sentences`), fitted on Timeline17.

Steps (after `eval.timeline17_tls ingest`):

1. `.venv/bin/python -m eval.timeline17_sentences dump --work /work/scratch/t17c` runs the
   key dates of every gold timeline (as `eval.timeline17_tls score` asks for them) and writes,
   for each shortlisted date that is a gold day, its candidates' FEATURES, their cosine with the
   date's centroid, whether the pick may take them, whether the product picked them, and their
   ROUGE-1 F against the gold entry, to `<work>/sentences.json`. About 35 s.
2. `.venv/bin/python -m eval.timeline17_sentences fit --work /work/scratch/t17c` fits a logistic
   regression on the TUNE stories' days only ("is this candidate among the best of its date by
   ROUGE-1", features standardised, L2), expresses it in units of the pick's own score (the
   centroid cosine plus STATED for a report's sentence), times SCALE (chosen on the tune
   stories' AR1 alone), and prints the WEIGHTS for `analysis.key_date_sentences` with the mean
   ROUGE-1 of each told gold day's first pick (the product's, without the prior, with it) on
   the tune and the other stories' days. 2 s.
3. `.venv/bin/python -m eval.timeline17_sentences capture --work /work/scratch/t17` runs the key
   dates of every gold timeline once (as `score` asks for them, 3-6 min) and writes every call
   of the summary step (`analysis.key_date_summaries.summarise`: the ranked dates, the
   candidates, K, L) to `<work>/summaries.json`; `replay [module.NAME=VALUE ...]` then re-runs
   only the summary step on them, with those constants set in process, and scores it (tune,
   other, all 19: AR1 / AR2 / date F1) in seconds. The replay follows the service's rounds (a
   second shortlist only when the first left fewer than K dates and the capture has it), so
   with no constant set it gives `score`'s figures; a change to the date ranking needs a new
   capture.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, fields
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

import bot.services.timeline as timeline_service
from analysis import key_date_sentences as ks
from analysis import key_date_summaries
from analysis.datelines import without_dateline
from analysis.key_date_summaries import (
    STATED,
    TOPIC_WORDS,
    _on_topic,
    central,
    content_words,
    topic_words,
)
from analysis.key_dates import Candidate, KeyDateSummary, RankedDate
from analysis.summary import Tfidf
from eval.common import DEFAULT_DATA, emit
from eval.timeline17_probe import TOPICS, _score, means, set_constant
from eval.timeline17_spread import rouge1_f
from eval.timeline17_tls import (
    DEFAULT_WORK,
    GoldTLS,
    Predicted,
    load_gold_tls,
    score,
    tune_story,
)
from eval.tls_metrics import Evaluator

BEST = 0.9  # a candidate within this share of its date's best ROUGE-1 is "among the best"
L2 = 1.0
SCALE = 1.0  # the fitted weights times this: the best tune-story AR1 of 1, 1.5 and 2


def dump(data: Path, work: Path) -> int:
    """Write each gold day's candidates with their features and ROUGE-1 (see the docstring)."""
    out: list[dict[str, Any]] = []
    current: list[GoldTLS] = []
    summarise = timeline_service.summarise

    def caught(ranked: Any, rows: Sequence[Any], k: int, sentences: int = 1, **kw: Any) -> Any:
        chosen = summarise(ranked, rows, k, sentences, **kw)
        out.extend(_days(current[0], ranked, rows, chosen, kw.get("one_story", False)))
        return chosen

    timeline_service.summarise = caught
    _score(data, work, lambda gold: current.__setitem__(slice(None), [gold]))
    (work / "sentences.json").write_text(json.dumps(out))
    return len(out)


def _days(
    gold: GoldTLS, ranked: Any, rows: Sequence[Any], chosen: Any, one_story: bool
) -> list[dict[str, Any]]:
    entries = {e.date: e.sentences for e in gold.entries}
    texts = [r for r in rows if r.text.strip()]
    words = cache(content_words)
    vectors = Tfidf([r.text for r in texts], words)
    topic = topic_words(texts, TOPIC_WORDS, words) if one_story else frozenset()
    picked = {i for item in chosen for i in item.sentence_ids}
    told = {item.ranked.date for item in chosen if item.ranked.precision == "day"}
    groups: dict[Any, list[int]] = defaultdict(list)
    for i, row in enumerate(texts):
        if row.precision == "day" and row.date in entries:
            groups[row.date].append(i)
    found = []
    for day, members in groups.items():
        group = [texts[i] for i in members]
        v = vectors.rows(members)
        kept = central(v, np.array([r.event_id < 0 for r in group]))
        centre = v[kept].sum(axis=0)
        norm = float(np.linalg.norm(centre)) or 1.0
        feats = ks.features(group, v)
        found.append(
            {
                "topic": gold.topic,
                "tune": tune_story(gold.topic),
                "date": day.isoformat(),
                "told": day in told,
                "cands": [
                    {
                        "f": feats[j].tolist(),
                        "cos": float(v[j] @ centre / norm),
                        "stated": ks.stated(r),
                        "kept": bool(j in set(kept.tolist())),
                        "topic": _on_topic(r, topic, words),
                        "picked": r.event_id in picked,
                        "rouge": rouge1_f([without_dateline(r.text)], entries[day]),
                    }
                    for j, r in enumerate(group)
                ],
            }
        )
    return found


def _base(candidate: dict[str, Any]) -> float:
    """The score the product gives a first pick without the prior."""
    return float(candidate["cos"] + STATED * candidate["stated"])


def _matrix(days: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for day in days:
        best = max(c["rouge"] for c in day["cands"])
        for c in day["cands"]:
            xs.append([_base(c), *c["f"]])
            ys.append(float(best > 0 and c["rouge"] >= BEST * best))
    return np.array(xs), np.array(ys)


def logistic(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 3000) -> np.ndarray:
    """Weights (intercept last) of an L2 logistic regression by gradient descent."""
    xb = np.column_stack([x, np.ones(len(x))])
    w = np.zeros(xb.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) / len(y) + l2 * np.append(w[:-1], 0) / len(y)
        w -= 0.5 * grad
    return w


def fit_weights(days: list[dict[str, Any]]) -> tuple[float, ...]:
    """The prior's WEIGHTS, in units of the centroid cosine, fitted on these days."""
    x, y = _matrix(days)
    mean, std = x.mean(axis=0), x.std(axis=0) + 1e-9
    w = logistic((x - mean) / std, y)[:-1] / std
    return tuple(round(SCALE * float(v / w[0]), 3) for v in w[1:])


def first_pick(days: list[dict[str, Any]], weights: Sequence[float] | None) -> float:
    """The mean ROUGE-1 of each told day's first pick: the product's (None) or the one the
    cosine plus the prior picks among the same open candidates."""
    values = []
    for day in days:
        if not day["told"]:
            continue
        cands = [c for c in day["cands"] if c["kept"] and c["topic"]]
        if not cands:
            continue
        if weights is None:
            got = [c["rouge"] for c in day["cands"] if c["picked"]]
            values.append(got[0] if got else 0.0)
            continue
        best = max(cands, key=lambda c: _base(c) + float(np.dot(weights, c["f"])))
        values.append(best["rouge"])
    return float(np.mean(values)) if values else 0.0


def fit(work: Path) -> str:
    """Fit on the tune stories' days and compare first picks on both halves."""
    days = json.loads((work / "sentences.json").read_text())
    tune = [d for d in days if d["tune"]]
    other = [d for d in days if not d["tune"]]
    weights = fit_weights(tune)
    lines = [f"WEIGHTS = {weights}  # {', '.join(ks.FEATURES)}"]
    for name, half in (("tune", tune), ("other", other)):
        lines.append(
            f"{name}: {len(half)} days, first pick ROUGE-1 product "
            f"{first_pick(half, None):.3f}, no prior {first_pick(half, (0.0,) * len(weights)):.3f},"
            f" prior {first_pick(half, weights):.3f}"
        )
    return "\n".join(lines)


CAPTURED = "summaries.json"
_FINEST = {"day": 0, "week": 1, "month": 2, "year": 3}


def _date_fields(cls: Any, found: dict[str, Any]) -> Any:
    dated = {f.name for f in fields(cls) if f.name in {"date", "published"}}
    return cls(
        **{
            k: (
                date.fromisoformat(v)
                if k in dated and v
                else tuple(v)
                if isinstance(v, list)
                else v
            )
            for k, v in found.items()
        }
    )


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def record(found: Any) -> dict[str, Any]:
    """A ranked date or a candidate as JSON: a dataclass, or the service's named tuple
    (`storage.timeline_key.KeyRow`)."""
    fields_of = found._asdict() if hasattr(found, "_asdict") else asdict(found)
    return {k: _plain(v) for k, v in fields_of.items()}


def capture(data: Path, work: Path) -> str:
    """Write each gold timeline's calls of the summary step (see the docstring); the figures."""
    calls: dict[str, list[dict[str, Any]]] = {}
    current: list[GoldTLS] = []
    summarise = timeline_service.summarise

    def caught(ranked: Any, rows: Sequence[Any], k: int, sentences: int = 1, **kw: Any) -> Any:
        calls.setdefault(current[0].name, []).append(
            {
                "ranked": [record(r) for r in ranked],
                "rows": [record(r) for r in rows],
                "k": k,
                "sentences": sentences,
                "one_story": bool(kw.get("one_story", False)),
            }
        )
        return summarise(ranked, rows, k, sentences, **kw)

    timeline_service.summarise = caught
    try:
        found = _score(data, work, lambda gold: current.__setitem__(slice(None), [gold]))
    finally:
        timeline_service.summarise = summarise
    (work / CAPTURED).write_text(json.dumps(calls))
    return means(found)


def replayed(calls: list[dict[str, Any]]) -> Predicted:
    """The answer the service would give on these captured calls with today's summary step."""
    chosen: list[KeyDateSummary] = []
    rows: list[Candidate] = []
    for call in calls:  # the service's rounds: the next shortlist only while too few dates
        rows = [_date_fields(Candidate, r) for r in call["rows"]]
        ranked = [_date_fields(RankedDate, r) for r in call["ranked"]]
        chosen = key_date_summaries.summarise(
            ranked, rows, call["k"], call["sentences"], one_story=call["one_story"]
        )
        if len(chosen) >= call["k"]:
            break
    text = {r.event_id: without_dateline(r.text) for r in rows}
    days: dict[date, list[str]] = {}
    for item in sorted(chosen, key=lambda s: _FINEST.get(s.ranked.precision, 9)):
        days.setdefault(item.ranked.date, [text[i] for i in item.sentence_ids])
    return Predicted(dict(sorted(days.items())))


def replay(data: Path, work: Path, assignments: Sequence[str] = ()) -> str:
    """Score the captured calls again with these constants set (see the docstring)."""
    for assignment in assignments:
        set_constant(assignment)
    calls = json.loads((work / CAPTURED).read_text())
    evaluator = Evaluator()
    scored = [
        (gold, score(replayed(calls[gold.name]), gold, evaluator))
        for gold in load_gold_tls(data / "timeline17" / "gold_timelines")
        if gold.name in calls and (not TOPICS or gold.topic in TOPICS)
    ]
    return means(scored)


def main(argv: Sequence[str] | None = None) -> int:
    """Dump the Timeline17 candidates, fit the sentence prior, or capture and replay summaries."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("step", choices=["dump", "fit", "capture", "replay"])
    parser.add_argument("values", nargs="*", help="replay: module.NAME=VALUE ...")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    parser.add_argument("--topics", nargs="*", default=[], help="these topics only")
    args = parser.parse_args(argv)
    TOPICS[:] = args.topics
    if args.values and args.step != "replay":
        parser.error(f"{args.step} takes no values")
    if args.step == "dump":
        emit(f"{dump(args.data, args.work)} gold days written")
    elif args.step == "fit":
        emit(fit(args.work))
    elif args.step == "capture":
        emit("captured: " + capture(args.data, args.work))
    else:
        emit(" ".join(args.values) + ": " + replay(args.data, args.work, args.values))
    return 0


if __name__ == "__main__":
    sys.exit(main())
