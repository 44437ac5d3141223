"""What sets two periods apart as a PNG: diverging horizontal bars of log-odds z-scores.

The first period's items extend to the left, the second's to the right; each bar is labelled with
the item and its kind beside the zero line. Drawn with matplotlib's object API (no pyplot, no
global state, Agg rendering), so the bot can attach the same bytes.
"""

from __future__ import annotations

import io
import logging

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from bot.services.compare import Comparison, Item, side_items

log = logging.getLogger(__name__)

PER_SIDE = 10
PER_KIND = 4  # so that terms, usually the most numerous, leave room for names
COLOURS = ("#2b6cb0", "#c05621")  # side A, side B
KIND_NAMES = {"person": "person", "place": "place", "org": "organisation", "term": "term"}


def _strongest(items: list[Item], sign: float) -> list[Item]:
    """A side's strongest items, at most PER_KIND of a kind and PER_SIDE in all."""
    taken: list[Item] = []
    for kind in KIND_NAMES:
        taken += [i for i in items if i.kind == kind][:PER_KIND]
    return sorted(taken, key=lambda i: (-sign * i.z, i.name))[:PER_SIDE]


def _label(item: Item) -> str:
    return (
        f"{item.name} · {KIND_NAMES.get(item.kind, item.kind)} ({item.count_a} vs {item.count_b})"
    )


def compare_chart(comparison: Comparison) -> bytes:
    """The PNG bytes of the diverging-bar chart of a (non-empty) comparison."""
    left = _strongest(side_items(comparison.a), 1.0)
    right = _strongest(side_items(comparison.b), -1.0)
    rows = [(i, -abs(i.z), COLOURS[0]) for i in left] + [(i, abs(i.z), COLOURS[1]) for i in right]
    height = 1.6 + 0.34 * max(len(rows), 3)
    figure = Figure(figsize=(9, height), dpi=110, layout="constrained")
    axes = figure.add_subplot()
    positions = list(range(len(rows)))[::-1]
    axes.barh(positions, [x for _i, x, _c in rows], color=[c for _i, _x, c in rows], height=0.7)
    reach = max([abs(x) for _i, x, _c in rows] + [1.0])
    for y, (item, x, _colour) in zip(positions, rows, strict=True):
        offset = reach * 0.02
        ha = "left" if x < 0 else "right"
        axes.text(-offset if x > 0 else offset, y, _label(item), va="center", ha=ha, fontsize=8)
    axes.set_xlim(-reach * 2.1, reach * 2.1)
    a_label, b_label = comparison.a.label, comparison.b.label
    axes.set_yticks([])
    axes.axvline(0, color="#4a5568", linewidth=0.8)
    axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: f"{abs(x):g}"))
    axes.grid(axis="x", color="#e2e8f0", linewidth=0.6)
    axes.set_axisbelow(True)
    axes.legend(
        handles=[Patch(color=COLOURS[0], label=a_label), Patch(color=COLOURS[1], label=b_label)],
        loc="lower right",
        fontsize=8,
    )
    a, b = comparison.a.label, comparison.b.label
    axes.set_xlabel(f"← more typical of {a}    log-odds z-score    more typical of {b} →")
    about = f" (about {comparison.topic})" if comparison.topic else ""
    axes.set_title(f"What sets {a} and {b} apart{about}\n(n vs m = mentions in {a} vs {b})")
    if not rows:
        axes.text(0, 0, "nothing sets either period apart", ha="center", va="center")
    return _png(figure)


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    FigureCanvasAgg(figure).print_png(buffer)
    return buffer.getvalue()
