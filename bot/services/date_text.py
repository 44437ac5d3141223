"""A stored date as a member reads it: only as precise as it is known.

Services write dates into the lines they build (a link's card), and renderers into theirs; both
need the same words for an undated or a month-precise article, and services may not import a
renderer, so the wording lives here, below both.
"""

from __future__ import annotations

from datetime import date

PRECISION_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


def format_date(value: date | None, precision: str) -> str:
    """A date shown only as precisely as it is known; undated articles say so."""
    if value is None or precision not in PRECISION_FORMATS:
        return "undated"
    return value.strftime(PRECISION_FORMATS[precision])


HUMAN_FORMATS = {"day": "{d.day} {d:%b %Y}", "month": "{d:%b %Y}", "year": "{d:%Y}"}


def human_date(value: date | None, precision: str) -> str:
    """A date as prose reads it ("15 Oct 2024", "Oct 2024", "2024", "week of 7 Oct 2024"), as
    precise as it is known; for sentences and citations, where ISO dates read like code."""
    if value is not None and precision == "week":
        return f"week of {HUMAN_FORMATS['day'].format(d=value)}"
    if value is None or precision not in HUMAN_FORMATS:
        return "undated"
    return HUMAN_FORMATS[precision].format(d=value)
