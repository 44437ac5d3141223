"""Outlet, author and publication date read from plain text; undated stays undated."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.cleaning import clean_article_text
from analysis.text_metadata import TextMetadata, metadata_from_text, parse_full_date
from analysis.types import Precision

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "russia-iran"
BODY = "Russia and Iran signed a new agreement on energy cooperation in Moscow."


def meta(raw: str) -> TextMetadata:
    """Clean `raw` and read its metadata, as ingestion does."""
    return metadata_from_text(raw, clean_article_text(raw))


def seed_meta(prefix: str) -> TextMetadata:
    """Metadata of the sample article whose file name starts with `prefix`."""
    (path,) = SAMPLES.glob(f"{prefix}_*.txt")
    return meta(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("seed", "outlet", "author"),
    [
        ("000", "The Daily Caller News Foundation", "Will Racke"),
        ("001", None, "HP McLovincraft"),
        ("002", "The Week", "Chas Newkey-Burden"),
        ("003", "ABC News", None),
        ("004", "The Duran", None),
    ],
)
def test_sample_outlet_and_author(seed: str, outlet: str | None, author: str | None) -> None:
    found = seed_meta(seed)
    assert (found.outlet, found.author) == (outlet, author)


@pytest.mark.parametrize(
    ("seed", "published", "precision", "source"),
    [
        ("000", None, Precision.UNKNOWN, ""),
        ("001", None, Precision.UNKNOWN, ""),
        ("002", datetime.date(2024, 10, 15), Precision.DAY, "header"),
        ("003", datetime.date(2015, 11, 23), Precision.DAY, "caption"),
        ("004", None, Precision.UNKNOWN, ""),
    ],
)
def test_sample_publication_date(
    seed: str, published: datetime.date | None, precision: Precision, source: str
) -> None:
    found = seed_meta(seed)
    assert (found.published, found.precision, found.date_source) == (published, precision, source)


def test_sample_title_is_the_cleaned_title() -> None:
    assert seed_meta("004").title == "Lavrov invites Iranian and Syrian Foreign Ministers to Moscow"


@pytest.mark.parametrize(
    ("raw", "published", "source"),
    [
        (
            f"Title\n\nPublished: Nov. 23, 2015\n\n{BODY}",
            datetime.date(2015, 11, 23),
            "published line",
        ),
        (
            f"Title\nPosted on 14th April 2017\n\n{BODY}",
            datetime.date(2017, 4, 14),
            "published line",
        ),
        (
            f"Title\nUpdated 2019-03-12\nPublished March 10, 2019\n\n{BODY}",
            datetime.date(2019, 3, 10),
            "published line",
        ),
        (
            f"Title\n\nMOSCOW, Nov. 23, 2015 (Reuters) - {BODY}",
            datetime.date(2015, 11, 23),
            "dateline",
        ),
        (
            f"Title\n\nPHOTO: Putin in Tehran, Nov. 23, 2015.\n\nPutin met Khamenei today. {BODY}",
            datetime.date(2015, 11, 23),
            "caption",
        ),
        (
            "date 2024-10-15\nTitle\n\nPublished: Nov. 23, 2015",
            datetime.date(2024, 10, 15),
            "header",
        ),
        (
            f"Title\nBy Jane Smith\nJanuary 17, 2025 2:14 PM GMT\n\n{BODY}",
            datetime.date(2025, 1, 17),
            "published line",
        ),
        (
            f"Title\nPublished March 3, 2023 | Updated March 4, 2023\n\n{BODY}",
            datetime.date(2023, 3, 3),
            "published line",
        ),
    ],
)
def test_explicit_publication_date(raw: str, published: datetime.date, source: str) -> None:
    found = meta(raw)
    assert (found.published, found.precision, found.date_source) == (
        published,
        Precision.DAY,
        source,
    )


@pytest.mark.parametrize(
    "raw",
    [
        f"Title\n\nOn January 17, the two presidents met. {BODY}",
        f"Title\n\nThe ministers meet on Friday 14th April 2017 in Moscow. {BODY}",
        f"Title\n\nOn Nov. 23, 2015 - the day Putin landed - talks began. {BODY}",
        f"Title\n\nPublished today\n\n{BODY}",
        f"Title\n\nPublished January 17\n\n{BODY}",
        f"Title\n\nPHOTO: Putin in Tehran, Nov. 23, 2015.\n\n{BODY}",
        f"Title\n\nPHOTO: Putin in Tehran, Nov. 23, 2015.\n\nToday's talks echo 2017. {BODY}",
        f"Title\n\nThis week the two leaders met. {BODY}",
        f"Title\n\n{BODY}\n\nMarch 3, 2019 – Iran and Russia sign a gas deal\n\n{BODY[:20]}.",
        "",
    ],
)
def test_undated_text_is_never_given_a_date(raw: str) -> None:
    found = meta(raw)
    assert (found.published, found.precision, found.date_source) == (None, Precision.UNKNOWN, "")


@pytest.mark.parametrize(
    ("lines", "outlet", "author"),
    [
        ("By Jane Smith, Reuters", "Reuters", "Jane Smith"),
        ("By Jane Smith and Omar Aziz", None, "Jane Smith and Omar Aziz"),
        ("Written by: Jane Smith", None, "Jane Smith"),
        ("Jane Smith Senior Middle East Correspondent", None, "Jane Smith"),
        ("© 2023 Example Media. All rights reserved.", "Example Media", None),
        ("Example Times logo\nSubscribe to The Example Times", "The Example Times", None),
        ("Help us grow. Support Example Daily on Patreon!", "Example Daily", None),
        ("Sign up", None, None),
        (
            "Subscribe to The Week\nJane Smith, The Week UK\n\nJane Smith has been a reporter.",
            "The Week",
            "Jane Smith",
        ),
        ("Jane Smith, The Week UK", None, None),
        ("Subscribe to The Week UK\nAlready a subscriber to The Week?", "The Week", None),
    ],
)
def test_outlet_and_author_from_furniture(
    lines: str, outlet: str | None, author: str | None
) -> None:
    found = meta(f"Title\n\n{lines}\n\n{BODY}")
    assert (found.outlet, found.author) == (outlet, author)


@pytest.mark.parametrize(
    "dateline", ["MOSCOW (Reuters) -", "MOSCOW, Jan 17 (Reuters) -", "TEHRAN, Iran (Reuters) —"]
)
def test_wire_dateline_names_the_outlet(dateline: str) -> None:
    assert meta(f"Title\n\n{dateline} {BODY}").outlet == "Reuters"


def test_wire_dateline_without_a_year_gives_no_date() -> None:
    found = meta(f"Title\n\nMOSCOW, Jan 17 (Reuters) - {BODY}")
    assert (found.published, found.precision) == (None, Precision.UNKNOWN)


def test_body_mentions_are_not_metadata() -> None:
    found = meta(f"Title\n\nThe Guardian reported that Jane Smith wrote the memo. {BODY}")
    assert (found.outlet, found.author) == (None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nov. 23, 2015", datetime.date(2015, 11, 23)),
        ("14th April 2017", datetime.date(2017, 4, 14)),
        ("2024-10-15", datetime.date(2024, 10, 15)),
        ("January 17", None),
        ("April 2017", None),
        ("31 February 2015", None),
        ("today", None),
    ],
)
def test_parse_full_date_needs_every_part(text: str, expected: datetime.date | None) -> None:
    assert parse_full_date(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_metadata_from_text_never_raises(raw: str) -> None:
    found = meta(raw)
    assert (found.published is None) == (found.precision is Precision.UNKNOWN)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "date 2024-02-30",
                "Published: Nov. 31, 2015",
                "PHOTO: x, Feb. 29, 2023.",
                "By",
                "Author:",
                "© ",
                "Subscribe to ",
                "today",
                "Sam Doe, The",
                "MOSCOW, Jan. 99, 2020 (X) -",
                "",
            ]
        )
    )
)
def test_metadata_from_text_never_raises_on_date_soup(lines: list[str]) -> None:
    meta("\n".join(lines))
