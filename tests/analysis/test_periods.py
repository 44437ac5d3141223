"""Periods as users type them, and the one-line errors for what cannot be read."""

from __future__ import annotations

from datetime import date

import pytest

from analysis.periods import PeriodError, parse_bound, parse_period


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2015", date(2015, 1, 1), date(2015, 12, 31)),
        ("2015-2017", date(2015, 1, 1), date(2017, 12, 31)),
        ("2015 – 2017", date(2015, 1, 1), date(2017, 12, 31)),
        ("2024-10", date(2024, 10, 1), date(2024, 10, 31)),
        ("2024-2", date(2024, 2, 1), date(2024, 2, 29)),
        ("2024-10-15", date(2024, 10, 15), date(2024, 10, 15)),
        ("2015-11-01..2015-12-31", date(2015, 11, 1), date(2015, 12, 31)),
        ("2015..2016-03", date(2015, 1, 1), date(2016, 3, 31)),
    ],
)
def test_periods(text: str, start: date, end: date) -> None:
    period = parse_period(text)
    assert (period.start, period.end, period.label) == (start, end, text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("last year", "cannot read 'last year' as a period: use 2015, 2015-2017"),
        ("2024-13", "not a real date: '2024-13'"),
        ("2024-02-30", "not a real date: '2024-02-30'"),
        ("2017-2015", "'2017-2015' ends before it starts"),
        ("", "empty period"),
    ],
)
def test_bad_periods_say_what_is_accepted(text: str, message: str) -> None:
    with pytest.raises(PeriodError) as caught:
        parse_period(text)
    assert str(caught.value).startswith(message)


def test_bounds() -> None:
    assert parse_bound("2015", end=False) == date(2015, 1, 1)
    assert parse_bound("2015", end=True) == date(2015, 12, 31)
    assert parse_bound(None, end=True) is None
