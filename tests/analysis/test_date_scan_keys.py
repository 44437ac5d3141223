"""The date scans skip a pattern when its key is absent (speed, session 27).

Each keyed pattern's key is a part of it that every match contains: a text without the key
cannot match, so skipping the scan changes nothing. These invented sentences exercise every
keyed pattern and check that each match has its key inside it (or, for a key in a lookahead,
right after it), and that the dates found are those of a scan without keys.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from analysis import date_names, date_scenes, dates
from analysis.types import Precision

SENTENCES = (
    "The festival ran from July 15-24 in 2022 in the old town.",
    "The plant closed on March 3 last year, the union said.",
    "Talks resume in June next year.",
    "The survey covered 2015-2017 and found little.",
    "She arrived on Tuesday last week.",
    "Last week, on Tuesday, the vote failed.",
    "The shop burned down on Christmas Eve.",
    "They met on St. Patrick's Day 2015 in a pub.",
    "The family gathered at Easter, he said.",
    "The notice went out on Tuesday, 12/15/15, by post.",
    "The bridge opened well over 15 days ago.",
    "Seventy-four years ago the town flooded.",
    "The mayor spoke today (Thursday) at noon.",
    "He denied any role in the Sept. 11 attacks.",
    "The 11 September hijackers trained abroad.",
    "Open the “Today” folder first.",
    "She joined the Legends of Tomorrow cast.",
    "Rents rose in the late 1980’s in the city.",
    "It appears in the September 5, 2016 issue of the magazine.",
    "He told Fox News Sunday that the bill would pass.",
    "The Monday Night Football broadcast drew a record audience.",
    "A plain sentence about rates and a budget, with no date at all.",
    "Prices rose in early March 2014 and again in Sept. 2015.",
    "The 2014 crisis ended the year after, in the spring.",
)

KEYED = [
    *((pattern, key) for pattern, _, key in dates._PATTERNS if key is not None),
    *((pattern, key) for pattern, key in date_names._PATTERNS if key is not None),
    (date_scenes._DAY_NAME, date_scenes._DAY_NAME_KEY),
]


def _key_at_match(pattern: re.Pattern[str], key: re.Pattern[str], text: str) -> bool:
    """Whether every match of `pattern` in `text` has a match of `key` within (or just after) it."""
    return all(
        any(match.start() <= found.start() <= match.end() for found in key.finditer(text))
        for match in pattern.finditer(text)
    )


@pytest.mark.parametrize("text", SENTENCES)
def test_every_match_holds_its_key(text: str) -> None:
    for pattern, key in KEYED:
        assert _key_at_match(pattern, key, text), (pattern.pattern[:60], key.pattern)


@pytest.mark.parametrize("k", range(len(KEYED)))
def test_every_keyed_pattern_is_exercised(k: int) -> None:
    pattern, _ = KEYED[k]
    assert any(pattern.search(text) for text in SENTENCES), pattern.pattern[:80]


@pytest.mark.parametrize("text", SENTENCES)
def test_the_keyed_scan_finds_what_a_full_scan_finds(text: str) -> None:
    full = sorted(
        (m.start(), -m.end(), id(resolver))
        for pattern, resolver, _ in dates._PATTERNS
        for m in pattern.finditer(text)
    )
    keyed = sorted(
        (m.start(), -m.end(), id(resolver))
        for pattern, resolver, key in dates._PATTERNS
        if key is None or key.search(text)
        for m in pattern.finditer(text)
    )
    assert keyed == full


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("The shop burned down on Christmas Eve 2015.", date(2015, 12, 24), Precision.DAY),
        ("The survey covered 2014-2016 and found little.", date(2014, 1, 1), Precision.YEAR),
        ("The plant closed on March 3 last year.", date(2015, 3, 3), Precision.DAY),
        ("The notice went out on Tuesday, 12/15/15, by post.", date(2015, 12, 15), Precision.DAY),
        ("The bridge opened three years ago.", date(2013, 1, 1), Precision.YEAR),
    ],
)
def test_keyed_shapes_still_resolve(text: str, value: date, precision: Precision) -> None:
    found = dates.find_dates(text, date(2016, 6, 1))
    assert [(d.value, d.precision) for d in found] == [(value, precision)]


@pytest.mark.parametrize(
    "text",
    [
        "The bridge opened on Tuesday.",  # guard: no key needed, still a date
        "Prices rose in March.",
    ],
)
def test_unkeyed_shapes_still_resolve(text: str) -> None:
    assert len(dates.find_dates(text, date(2016, 6, 1))) == 1


def test_the_month_key_begins_every_month_name() -> None:
    key = re.compile(dates._MONTH_KEY)
    short = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
    names = [*dates._MONTH_FULL.split("|"), *short]
    assert all(key.match(name) for name in names)
    assert all(key.match(m.group(0)) for m in re.finditer(dates._MONTH, " ".join(names)))
