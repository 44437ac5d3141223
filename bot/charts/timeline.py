"""Events over time as a PNG: one bar per month (or per year when the events span years).

Bars are stacked by how precisely the events are dated, so a year-only event is not mistaken for
a busy day. Every bar shows its count; the busiest periods also name their busiest date. Drawn
with matplotlib's object API (no pyplot, no global state, Agg rendering), so the bot can attach
the same bytes.
"""

from __future__ import annotations

import io
import logging
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storage.timeline import DateCount

if TYPE_CHECKING:
    from matplotlib.axes import Axes

log = logging.getLogger(__name__)

YEARLY_FROM = 3  # a span of this many years or more is drawn per year
LABELLED = 3  # how many of the busiest periods name their busiest date
EDGE = {"left": -0.4, "right": 0.4}  # an inward-leaning label starts at the bar's outer edge
MIN_BINS_SHOWN = 8  # a lone bar stays a bar, not a wall
LAYERS = (
    ("exact day or week", ("day", "week"), "#2b6cb0"),
    ("month only", ("month",), "#90cdf4"),
    ("year only", ("year",), "#a0aec0"),
)


@dataclass(frozen=True)
class Bins:
    """Events counted per period: a bin is a year, or a month numbered year * 12 + month - 1."""

    yearly: bool
    counts: dict[int, Counter[str]]  # bin -> events per precision
    busiest: dict[int, DateCount]  # bin -> its busiest day- or week-precision date
    left_out: int  # year-only events that a monthly chart cannot place

    def label(self, position: float) -> str:
        """`2015` or `2015-11` for a bin number."""
        number = round(position)
        if self.yearly:
            return str(number)
        return f"{number // 12}-{number % 12 + 1:02d}"

    def total(self, position: int) -> int:
        """All events in one bin."""
        return sum(self.counts[position].values())


def bin_events(entries: Sequence[DateCount]) -> Bins:
    """Count events per month, or per year when they span YEARLY_FROM years or more."""
    years = {e.date.year for e in entries}
    yearly = bool(years) and max(years) - min(years) >= YEARLY_FROM
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    busiest: dict[int, DateCount] = {}
    left_out = 0
    for entry in entries:
        if entry.precision == "year" and not yearly:
            left_out += entry.events
            continue
        position = entry.date.year if yearly else entry.date.year * 12 + entry.date.month - 1
        counts[position][entry.precision] += entry.events
        best = busiest.get(position)
        if entry.precision in ("day", "week") and (best is None or entry.events > best.events):
            busiest[position] = entry
    return Bins(yearly=yearly, counts=dict(counts), busiest=busiest, left_out=left_out)


def _point_label(point: DateCount) -> str:
    prefix = "week of " if point.precision == "week" else ""
    return f"busiest: {prefix}{point.date.isoformat()}"


def _labelled(bins: Bins, gap: float) -> list[int]:
    """The busiest bins with a busiest date, skipping any too close to one already chosen."""
    chosen: list[int] = []
    for position in sorted(bins.busiest, key=lambda p: (-bins.total(p), p)):
        if all(abs(position - other) >= gap for other in chosen):
            chosen.append(position)
        if len(chosen) == LABELLED:
            break
    return chosen


def _align(position: int, first: int, span: int) -> str:
    """Labels near either end of the axis lean inwards so they stay inside the picture."""
    if span > 6 and position - first >= span - span / 10:
        return "right"
    if span > 6 and position - first < span / 10:
        return "left"
    return "center"


def _draw_bars(ax: Axes, bins: Bins) -> None:
    positions = sorted(bins.counts)
    bottoms = [0] * len(positions)
    for name, precisions, colour in LAYERS:
        heights = [sum(bins.counts[p][q] for q in precisions) for p in positions]
        if any(heights):
            ax.bar(positions, heights, width=0.8, bottom=bottoms, label=name, color=colour)
            bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    span = (positions[-1] - positions[0] + 1) if positions else 1
    named = set(_labelled(bins, gap=max(span / 8, 1)))
    for position in positions:
        total = bins.total(position)
        text = str(total)
        if position in named:
            text += f"\n{_point_label(bins.busiest[position])}"
        align = _align(position, positions[0], span)
        ax.annotate(
            text,
            (position + EDGE.get(align, 0.0), total),
            ha=align,
            va="bottom",
            fontsize=8,
            xytext=(0, 2),
            textcoords="offset points",
        )


def _axes_style(ax: Axes, bins: Bins, title: str) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    ax.set_title(title)
    ax.set_ylabel("events")
    ax.set_xlabel("year" if bins.yearly else "month")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_locator(MaxNLocator(nbins=10, integer=True, min_n_ticks=1))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: bins.label(x)))
    ax.spines[["top", "right"]].set_visible(False)
    if not bins.counts:
        ax.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=ax.transAxes)
        ax.set_xticks([])
        return
    first, last = min(bins.counts), max(bins.counts)
    pad = max(1.0, (MIN_BINS_SHOWN - (last - first)) / 2)
    ax.set_xlim(first - pad, last + pad)
    ax.set_ylim(0, max(bins.total(p) for p in bins.counts) * 1.35 + 0.5)
    ax.legend(loc="upper left", frameon=False, fontsize=8)


def timeline_chart(entries: Sequence[DateCount], title: str) -> bytes:
    """A PNG bar chart of events over time, the busiest periods labelled with their busiest date."""
    from matplotlib.figure import Figure

    bins = bin_events(entries)
    fig = Figure(figsize=(10, 4.5), dpi=100, layout="constrained")
    ax = fig.subplots()
    _draw_bars(ax, bins)
    _axes_style(ax, bins, title)
    if bins.left_out:
        note = f"{bins.left_out} year-only event(s) not drawn on this monthly chart"
        fig.text(0.01, 0.01, note, fontsize=8, color="#555555")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    log.debug("timeline chart: %d bins, %d bytes", len(bins.counts), buffer.tell())
    return buffer.getvalue()
