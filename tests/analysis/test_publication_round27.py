"""Publication dates, round 27 (issue 12): the page's own declared stamp in a format other than
ISO 8601 is read, and comes before a date htmldate's search finds in the page's text (a list of
other stories); a UTC stamp beside the same moment written with its own offset is at that
offset's day. Invented pages and stamps."""

from __future__ import annotations

from datetime import date

import pytest
from trafilatura.utils import load_html

from analysis.html_extract import extract_html
from analysis.publication_formats import read_moment
from analysis.publication_time import local_publication_day, read_page_stamps
from analysis.types import Precision

_BODY = (
    "<p>The harbour authority said on Tuesday that it would dredge the north channel this "
    "winter, after two cargo ships ran aground there in a month.</p>"
    + "<p>Pilots have asked for the work for years, and the authority said the cost would be "
    "shared with the city, which owns the quays along the channel's western side.</p>" * 3
)
_RELATED = (
    "<aside><h3>More from the harbour</h3><ul>"
    "<li><a href='/a'>Ferry fares to rise</a> <span class='date'>May 20, 2020</span></li>"
    "<li><a href='/b'>New crane arrives</a> <span class='date'>May 18, 2020</span></li>"
    "</ul></aside>"
)


def page(head: str, related: str = _RELATED) -> str:
    """An article page with `head` in its head and a list of other stories beside the body."""
    return (
        f"<html><head><title>Harbour to dredge channel</title>{head}</head><body>"
        f"<article><h1>Harbour to dredge channel</h1>{_BODY}</article>{related}</body></html>"
    )


def ld(published: str) -> str:
    """A JSON-LD block declaring `published` as the article's datePublished."""
    return (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        f'"headline": "Harbour to dredge channel", "datePublished": "{published}"}}</script>'
    )


@pytest.mark.parametrize(
    ("published", "day"),
    [
        ("Tue, Sep 15 2020 10:01:41 EDT", date(2020, 9, 15)),  # a site's own shape
        ("Tue, 15 Sep 2020 22:01:41 -0400", date(2020, 9, 15)),  # a mail header, its offset
        ("Tue Sep 15 21:05:00 CEST 2020", date(2020, 9, 15)),  # a Unix `date` line
    ],
)
def test_a_declared_stamp_in_another_format_beats_a_related_storys_date(
    published: str, day: date
) -> None:
    """trafilatura reads no markup date, htmldate's search would take May 20 from the list of
    other stories: the page's own datePublished is its day."""
    extracted = extract_html(page(ld(published)))
    assert (extracted.published, extracted.precision) == (day, Precision.DAY)


def test_the_page_says_which_source_gave_its_date() -> None:
    """For error listings (`eval.extraction_htmldate --errors`): the declared stamp, trafilatura's
    markup date, or none for an undated page."""
    from analysis.html_extract import DateSource  # new in this round

    assert extract_html(page(ld("Tue, Sep 15 2020 10:01:41 EDT"))).date_source == DateSource.STAMP
    assert extract_html(page(ld("2020-09-15T10:01:41-04:00"))).date_source == DateSource.MARKUP
    assert extract_html(page("", related="")).date_source is None


def test_a_utc_stamp_beside_the_same_moment_with_an_offset_is_at_the_offsets_day() -> None:
    """23:59:50Z is 01:59:50 the next day where the page was written (+02:00)."""
    head = '<meta property="article:published_time" content="2020-12-24T23:59:50+00:00">' + ld(
        "2020-12-25T01:59:50+02:00"
    )
    tree = load_html(page(head))
    assert tree is not None
    assert local_publication_day(read_page_stamps(tree), date(2020, 12, 24)) == date(2020, 12, 25)


@pytest.mark.parametrize(
    ("value", "moment", "in_utc"),
    [
        ("Thu Nov 09 2023 04:59:25 GMT+0000 (Coordinated Universal Time)", (2023, 11, 9, 4), True),
        ("Sun, 11 Oct 2020 07:34:36 GMT", (2020, 10, 11, 7), True),
        ("20201123T11:02:35Z", (2020, 11, 23, 11), True),
        ("04:25:06 PM IST Apr 08, 2020", (2020, 4, 8, 16), False),
        ("May 3, 2021 at 5:12 pm GMT+2", (2021, 5, 3, 17), False),
    ],
)
def test_full_moments_in_other_formats_are_read(
    value: str, moment: tuple[int, int, int, int], in_utc: bool
) -> None:
    read = read_moment(value)
    assert read is not None
    assert (read[0].year, read[0].month, read[0].day, read[0].hour) == moment
    assert read[1] is in_utc


@pytest.mark.parametrize(
    "value",
    ["04/05/2020 10:00", "Sep 15 2020", "March 2020", "11.11.2021", "1600633920", "2020-9-24"],
)
def test_no_moment_is_guessed(value: str) -> None:
    """Guards: a numeric day that may be day-first, a day without a time, a month, a number."""
    assert read_moment(value) is None


def test_guard_an_iso_stamp_is_read_as_before() -> None:
    """An ISO datePublished still gives its day through trafilatura's markup date."""
    assert extract_html(page(ld("2020-09-15T10:01:41-04:00"))).published == date(2020, 9, 15)


def test_guard_stamps_on_two_days_leave_the_date_to_the_text() -> None:
    """Declared stamps that disagree say nothing: the spelled-out date in the text is read."""
    head = ld("Tue, Sep 15 2020 10:01:41 EDT") + ld("Fri, Sep 18 2020 08:00:00 EDT")
    extracted = extract_html(page(head, "<p class='date'>Published September 16, 2020</p>"))
    assert extracted.published == date(2020, 9, 16)


def test_guard_an_undated_page_stays_undated() -> None:
    assert extract_html(page("", related="")).published is None


def test_guard_a_utc_stamp_alone_keeps_the_date_found() -> None:
    """Without a stamp of the same moment in another offset, a night UTC stamp keeps `found`."""
    tree = load_html(
        page('<meta property="article:published_time" content="2020-12-24T23:59:50Z">')
    )
    assert tree is not None
    found = date(2020, 12, 24)
    assert local_publication_day(read_page_stamps(tree), found) == found
