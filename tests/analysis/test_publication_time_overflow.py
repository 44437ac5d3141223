"""A declared publication stamp at the calendar's very ends (a CMS's empty-date placeholder,
"0001-01-01T00:00:00Z") cannot be moved into any time zone: it is ignored, the page keeps its
text and the date found elsewhere. Invented pages."""

from __future__ import annotations

from datetime import date

import pytest
from trafilatura.utils import load_html

from analysis.html_extract import extract_html
from analysis.publication_time import local_publication_day, read_page_stamps

_BODY = (
    "<p>{dateline}The county board voted on Tuesday to close two of its old depots and to sell "
    "the land, after a year of hearings in which residents asked for a park instead.</p>"
    + "<p>Board members said the sale would pay for new buses, and that the depots had cost more "
    "to heat and repair each winter than the county could spend on the whole fleet.</p>" * 3
)
_URL = "https://news.example.com/story/local/2021/03/04/county-sells-depots/123/"


def page(stamp: str, dateline: str = "") -> str:
    """A small article page whose only declared stamp is a JSON-LD datePublished."""
    return (
        "<html><head><title>County sells depots</title>"
        f'<script type="application/ld+json">{{"@type": "NewsArticle", '
        f'"datePublished": "{stamp}", "dateModified": "{stamp}"}}</script>'
        "</head><body><article><h1>County sells depots</h1>"
        f"{_BODY.format(dateline=dateline)}</article></body></html>"
    )


def stamped_day(stamp: str, found: date, article: str) -> date:
    """The day `local_publication_day` keeps for a page declaring only `stamp`."""
    tree = load_html(page(stamp))
    assert tree is not None
    return local_publication_day(read_page_stamps(tree), found, article)


@pytest.mark.parametrize(
    "stamp",
    [
        "0001-01-01T00:00:00Z",  # read at a dateline's place: before the year 1
        "9999-12-31T23:30:00Z",  # after the year 9999 east of UTC
        "0001-01-01T00:00:00+05:00",  # its own offset: in UTC, before the year 1
    ],
)
def test_a_stamp_at_the_calendars_ends_is_ignored(stamp: str) -> None:
    """With a dateline or without, the date found elsewhere stands."""
    found = date(2021, 3, 4)
    assert stamped_day(stamp, found, "DENVER — The county board voted.") == found
    assert stamped_day(stamp, found, "The county board voted.") == found


def test_the_page_keeps_its_text() -> None:
    """The whole page is extracted: text and a publication day, not an empty page."""
    extracted = extract_html(page("0001-01-01T00:00:00Z", "DENVER — "), _URL)
    assert "county board voted on Tuesday" in extracted.text
    assert extracted.published is not None
    assert extracted.published.year == 2021


@pytest.mark.parametrize(
    ("stamp", "dateline", "day"),
    [
        # guards: an ordinary UTC stamp is still read at the dateline's place (Denver, UTC-7)
        ("2021-03-05T03:00:00Z", "DENVER — ", "2021-03-04"),
        # and an evening stamp with its own offset stands as written
        ("2021-03-04T21:00:00-07:00", "", "2021-03-04"),
        # a stamp near, but not at, the calendar's start is still a stamp (a day far from
        # the one found, at noon UTC: the same day everywhere)
        ("0002-06-01T12:00:00Z", "", "0002-06-01"),
    ],
)
def test_ordinary_stamps_still_count(stamp: str, dateline: str, day: str) -> None:
    """Stamps within the calendar keep their meaning."""
    assert str(stamped_day(stamp, date(2021, 3, 1), f"{dateline}The county board voted.")) == day
