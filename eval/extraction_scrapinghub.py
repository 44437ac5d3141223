"""Article body extraction on the ScrapingHub benchmark, scored the benchmark's own way.

Run: `.venv/bin/python -m eval.extraction_scrapinghub [--limit N] [--bootstrap 1000]`.

Data: `../shared/eval/article-extraction-benchmark/` (181 saved pages `html/<id>.html.gz`, gold
`articleBody` in `ground-truth.json`). Scoring follows the benchmark's `evaluate.py`: texts are
split into `\\w+` tokens, compared as multisets of 4-token shingles; each page's true/false
positive and false negative counts are normalised to sum to 1 (long pages weigh no more);
precision is the mean over pages that predicted something, recall the mean over pages with gold
text, F1 the harmonic mean of those two means; ± is 1.96 standard deviations over bootstrap
resamples of the pages. Rows:

- `extract_html`: Analyst's extraction (`analysis.html_extract`, trafilatura favor_precision);
- `extract_html + cleaning`: the text Analyst stores (title line + body through the cleaner);
- `trafilatura.extract`: the installed trafilatura as the benchmark runs it
  (`extract(html, include_comments=False)`), measured now;
- the published trafilatura 2.0.0 row of the benchmark README, for reference.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Sequence
from importlib.metadata import version
from pathlib import Path

import trafilatura

from analysis.cleaning import clean_article_text
from analysis.html_extract import extract_html
from eval.common import DEFAULT_DATA, emit, table

PUBLISHED = ("trafilatura 2.0.0 (published, benchmark README)", 0.958, 0.938, 0.978)
_TOKEN = re.compile(r"\w+", re.UNICODE)
Triple = tuple[float, float, float]
Extractor = Callable[[str, str | None], str]


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The text's n-token shingles with their counts (a short text is one shingle)."""
    tokens = _TOKEN.findall(text or "")
    grams = (tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(gram for gram in grams if gram)


def match(gold: str, predicted: str) -> Triple:
    """Normalised (tp, fp, fn) of predicted shingles against gold shingles for one page."""
    want, got = shingles(gold), shingles(predicted)
    tp = fp = fn = 0.0
    for key in want.keys() | got.keys():
        tp += min(want[key], got[key])
        fp += max(0, got[key] - want[key])
        fn += max(0, want[key] - got[key])
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def scores(triples: Sequence[Triple]) -> tuple[float, float, float]:
    """(F1, precision, recall) over pages, as the benchmark computes them."""
    precision = statistics.mean(_precision(*t) for t in triples if t[0] + t[1] > 0)
    recall = statistics.mean(_recall(*t) for t in triples if t[0] + t[2] > 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, precision, recall


def intervals(triples: Sequence[Triple], rounds: int, seed: int) -> tuple[float, float, float]:
    """1.96 standard deviations of (F1, P, R) over bootstrap resamples of the pages."""
    if rounds < 2:
        return 0.0, 0.0, 0.0
    rng = random.Random(seed)  # noqa: S311  # resampling for a confidence interval, not secrets
    samples = [scores(rng.choices(triples, k=len(triples))) for _ in range(rounds)]
    f1, precision, recall = (1.96 * statistics.stdev(s[i] for s in samples) for i in range(3))
    return f1, precision, recall


def _analyst(html: str, url: str | None) -> str:
    return extract_html(html, url).text


def _analyst_cleaned(html: str, url: str | None) -> str:
    page = extract_html(html, url)
    head = f"{page.title}\n\n" if page.title else ""
    return clean_article_text(head + page.text).body if page.text else ""


def _trafilatura(html: str, url: str | None) -> str:
    return trafilatura.extract(html, include_comments=False) or ""


SYSTEMS: dict[str, Extractor] = {
    "extract_html (Analyst)": _analyst,
    "extract_html + cleaning (stored text)": _analyst_cleaned,
    f"trafilatura.extract {version('trafilatura')} (measured)": _trafilatura,
}


def load(data: Path, limit: int | None) -> list[tuple[str, str, str | None]]:
    """(html, gold body, url) per page, in a stable order."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth)[:limit]:
        with gzip.open(data / "html" / f"{key}.html.gz", "rt", encoding="utf-8") as handle:
            pages.append((handle.read(), truth[key].get("articleBody", ""), truth[key].get("url")))
    return pages


def main(argv: Sequence[str] | None = None) -> int:
    """Score body extraction on the ScrapingHub article-extraction benchmark."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA / "article-extraction-benchmark")
    parser.add_argument("--limit", type=int, default=None, help="Only the first N pages.")
    parser.add_argument("--bootstrap", type=int, default=1000, help="Bootstrap rounds for ±.")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    pages = load(args.data, args.limit)
    rows: list[list[str]] = []
    for name, extractor in SYSTEMS.items():
        started = time.perf_counter()
        triples = [match(gold, extractor(html, url)) for html, gold, url in pages]
        elapsed = time.perf_counter() - started
        figures = scores(triples)
        spread = intervals(triples, args.bootstrap, args.seed)
        cells = [f"{v:.3f} ± {e:.3f}" for v, e in zip(figures, spread, strict=True)]
        rows.append([name, *cells, f"{elapsed:.1f} s"])
    label, f1, precision, recall = PUBLISHED
    rows.append([label, f"{f1:.3f}", f"{precision:.3f}", f"{recall:.3f}", "-"])
    emit(
        f"ScrapingHub article-extraction benchmark: {len(pages)} pages, 4-token shingles",
        "",
        table(["system", "F1", "precision", "recall", "time"], rows),
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
