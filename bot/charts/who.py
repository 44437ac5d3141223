"""Mentions of one entity by month as a PNG: the picture `who NAME --chart` draws.

Bars sit on a true calendar axis (a gap of years looks like one), each labelled with its count;
mentions in undated articles are noted under the axis. Drawn with matplotlib's object API
(no pyplot, Agg rendering), so the bot can attach the same bytes.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from datetime import date, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes

log = logging.getLogger(__name__)

BAR_DAYS = 26  # a month's bar, leaving a gap between neighbours
MIN_SPAN_DAYS = 365  # a lone month is shown within a year, not as a wall
LABEL_AT_MOST = 40  # more bars than this and the counts would clutter the picture
PLOT_WIDTH_PX = 900  # roughly the axes' width in the 10-inch, 100-dpi figure
COLOUR = "#2b6cb0"


def _span(months: Sequence[date]) -> tuple[date, date]:
    """The x-axis range: the months plus a margin, at least a year wide."""
    first, last = min(months), max(months) + timedelta(days=31)
    margin = max(timedelta(days=75), (last - first) / 25)
    pad = max(margin, (timedelta(days=MIN_SPAN_DAYS) - (last - first)) / 2)
    return first - pad, last + pad


def _labels(counts: Sequence[tuple[date, int]], span_days: float) -> list[str] | None:
    """Bar labels that fit: count and month when bars are far apart, the count alone when
    they are a little closer, none when neighbours would overlap."""
    days = [d for d, _n in counts]
    gaps = [float((b - a).days) for a, b in pairwise(days)] or [span_days]
    room = min(gaps) / span_days * PLOT_WIDTH_PX
    if room >= 70:
        return [f"{n}\n{d:%b %Y}" for d, n in counts]
    if room >= 16 and len(counts) <= LABEL_AT_MOST:
        return [str(n) for _d, n in counts]
    return None


def _draw(ax: Axes, counts: Sequence[tuple[date, int]]) -> None:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num

    days = [d for d, _n in counts]
    start, end = _span(days)
    heights = [n for _d, n in counts]
    bars = ax.bar(date2num(days), heights, width=BAR_DAYS, align="edge", color=COLOUR)
    labels = _labels(counts, (end - start).days)
    if labels:
        ax.bar_label(bars, labels=labels, fontsize=8, padding=2)
    locator = AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.set_xlim(float(date2num(start)), float(date2num(end)))
    ax.set_ylim(0, max(n for _d, n in counts) * 1.3 + 0.5)


def _style(ax: Axes, name: str) -> None:
    from matplotlib.ticker import MaxNLocator

    ax.set_title(f"Mentions of {name} by month")
    ax.set_ylabel("mentions")
    ax.set_xlabel("month of publication")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)


def mentions_chart(name: str, counts: Sequence[tuple[date, int]], undated: int = 0) -> bytes:
    """A PNG bar chart of mentions per month (first day of each month, count); undated noted."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(10, 4.2), dpi=100, layout="constrained")
    ax = fig.subplots()
    _style(ax, name)
    if counts:
        _draw(ax, sorted(counts))
    else:
        ax.text(0.5, 0.5, "no dated mentions", ha="center", va="center", transform=ax.transAxes)
        ax.set_xticks([])
        ax.set_yticks([])
    if undated:
        note = f"+ {undated} mention{'s' if undated != 1 else ''} in undated articles, not drawn"
        fig.text(0.01, 0.01, note, fontsize=8, color="#555555")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    log.debug("who chart for %s: %d months, %d bytes", name, len(counts), buffer.tell())
    return buffer.getvalue()
