"""The timeline chart: bins that fit the span, and a real PNG from the command."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.charts.timeline import bin_events, timeline_chart
from storage.timeline import DateCount
from tests.bot.conftest import Invoke

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

SAMPLE_LIKE = [
    DateCount(date(2007, 1, 1), "year", 1),
    DateCount(date(2015, 7, 1), "month", 1),
    DateCount(date(2015, 11, 23), "day", 2),
    DateCount(date(2017, 4, 14), "day", 1),
    DateCount(date(2024, 10, 7), "week", 1),
]


def test_a_long_span_is_binned_by_year() -> None:
    bins = bin_events(SAMPLE_LIKE)
    assert bins.yearly
    assert {year: bins.total(year) for year in bins.counts} == {2007: 1, 2015: 3, 2017: 1, 2024: 1}
    assert bins.busiest[2015] == DateCount(date(2015, 11, 23), "day", 2)
    assert bins.label(2015) == "2015"


def test_a_short_span_is_binned_by_month_and_year_only_events_are_left_out() -> None:
    bins = bin_events(
        [
            DateCount(date(2015, 1, 1), "year", 2),
            DateCount(date(2015, 11, 13), "day", 1),
            DateCount(date(2015, 11, 23), "day", 3),
            DateCount(date(2016, 2, 1), "month", 1),
        ]
    )
    assert not bins.yearly
    assert {bins.label(b): bins.total(b) for b in bins.counts} == {"2015-11": 4, "2016-02": 1}
    assert bins.left_out == 2


@pytest.mark.parametrize("entries", [SAMPLE_LIKE, SAMPLE_LIKE[2:3], []])
def test_chart_is_a_png_of_sensible_size(entries: list[DateCount]) -> None:
    png = timeline_chart(entries, "Events over time")
    assert png.startswith(PNG_MAGIC)
    assert 5_000 < len(png) < 500_000


def test_chart_option_writes_the_file_and_says_so(sample_cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "timeline.png"
    result = sample_cli("timeline", "--topic", "putin", "--chart", str(target))
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == f"Chart written to {target}"
    data = target.read_bytes()
    assert data.startswith(PNG_MAGIC)
    assert 10_000 < len(data) < 500_000


def test_unwritable_chart_path_is_a_one_line_error(sample_cli: Invoke, tmp_path: Path) -> None:
    result = sample_cli("timeline", "--chart", str(tmp_path / "missing" / "t.png"))
    assert result.exit_code == 1
    assert result.output.startswith(f"error: cannot write the chart to {tmp_path}")
