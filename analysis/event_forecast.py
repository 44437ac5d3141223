"""A figure forecast for a year or a month ahead: a prediction of a measure, no happening.

"Microsoft expects to release 16 million metric tons of CO2 in 2020", "inflation is projected to
see a lower increase in 2023 of 4.5 percent", "Output is forecast to grow by 3 percent next
year": the clause is the open complement of a verb of forecasting (expect, project, forecast,
predict, estimate) and tells a measure (a percentage, a quantity, a sum of money), so the year
or month is the period a figure is foreseen for, not the time of anything that takes place
(issue 12's "other" class: forecasts; round 21). A plan keeps its date: "The
company expects to release its new phone in 2024" (no measure), "The bridge is expected to
open on Monday" (a day: the plan's day), and so does a figure of a period already over ("sales
were estimated to have reached 4 percent in 2019": a past period, an estimate of what was).
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from analysis.event_attach import Place

_FORESEEING = frozenset({"expect", "project", "forecast", "predict", "estimate", "anticipate"})
_MEASURES = frozenset({"PERCENT", "QUANTITY", "MONEY"})
_MEASURE_WORDS = frozenset({"percent", "per", "%", "tons", "tonnes", "barrels"})
_MONTH_DAYS = 27  # a month or longer: the shortest month's length less one


def _foreseen(verb: Token) -> bool:
    """Whether a verb is the open complement of a verb of forecasting ('expects to release',
    'are projected to see', 'is forecast to grow')."""
    return verb.dep_ == "xcomp" and verb.head.lemma_ in _FORESEEING


def _measure(verb: Token) -> bool:
    """Whether the clause of a verb tells a measure: a percentage, a quantity or a sum."""
    return any(
        word.ent_type_ in _MEASURES or word.lower_ in _MEASURE_WORDS for word in verb.subtree
    )


def forecast_figure(place: Place, first: int, last: int, published: date | None) -> bool:
    """Whether a year or a month not over at the writing is the period of a figure a forecast
    gives: 'expects to release 16 million metric tons of CO2 in 2020' (written in January 2020),
    'are projected to see a lower increase in 2023 of 4.5 percent'."""
    verb = place.verb
    if verb is None or published is None or not first or last - first < _MONTH_DAYS:
        return False
    if last < published.toordinal() or place.names:
        return False
    return _foreseen(verb) and _measure(verb)
