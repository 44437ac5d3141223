"""Which dates a key-date answer tries first (analysis.key_date_summaries.trial_order)."""

from __future__ import annotations

from datetime import date

from analysis.key_date_summaries import summarise, trial_order
from analysis.key_dates import Candidate, RankedDate

TEXTS = {
    ("2009-06-25", "day"): "The singer died at his home in Los Angeles after a cardiac arrest.",
    ("2009-06-01", "month"): "The singer died in June after rehearsing for his London concerts.",
    ("2009-08-28", "day"): "The coroner ruled the death a homicide caused by a strong sedative.",
    ("2009-10-05", "week"): "Fans gathered that week for a tribute concert in the stadium.",
}


def _ranked(day: str, precision: str, score: float, event_id: int) -> RankedDate:
    return RankedDate(date.fromisoformat(day), precision, score, 1, 1, (event_id,), (event_id,))


def _rows() -> list[Candidate]:
    return [
        Candidate(i, date.fromisoformat(day), precision, i, f"Outlet {i}", None, 3, text)
        for i, ((day, precision), text) in enumerate(TEXTS.items(), start=1)
    ]


RANKED = [
    _ranked("2009-06-25", "day", 3.0, 1),
    _ranked("2009-06-01", "month", 2.5, 2),
    _ranked("2009-10-05", "week", 2.2, 4),
    _ranked("2009-08-28", "day", 2.0, 3),
]


def test_a_month_holding_a_key_day_gives_its_place_to_another_day() -> None:
    chosen = summarise(RANKED, _rows(), k=3)
    assert [(s.ranked.date.isoformat(), s.ranked.precision) for s in chosen] == [
        ("2009-06-25", "day"),
        ("2009-08-28", "day"),
        ("2009-10-05", "week"),  # holds no key day: it stays, as the sample's "last week" does
    ]


def test_a_period_holding_a_key_day_is_still_tried_before_other_periods() -> None:
    order = trial_order(RANKED, 3)
    assert [item.precision for item in order] == ["day", "week", "day", "month"]
    assert trial_order(RANKED, 1) == [RANKED[0], RANKED[3], RANKED[1], RANKED[2]]
