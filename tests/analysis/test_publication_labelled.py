"""Publication dates (issue 12): a page whose shown text labels its own day ("Written:
2023-11-07 15:03:30", "Published: 7 April 2020") while the date found is days away (a sidebar
item's date, an issue's date) is dated by its label; a label a day away, labels naming two days,
"published on" in prose and text a reader never sees change nothing. Invented pages."""

from __future__ import annotations

from datetime import date

import pytest
from trafilatura.utils import load_html

from analysis.html_extract import extract_html
from analysis.publication_time import labelled_day, read_page_stamps
from analysis.types import Precision

_BODY = (
    "<p>The ferry company said on Monday that the winter timetable would start a week early, "
    "after storms closed the northern crossing twice.</p>"
    + "<p>Islanders had asked for the change, and the company said two extra sailings would "
    "run on Fridays until the spring, when the summer boats return.</p>" * 3
)


def page(meta_day: str, shown: str, aside: str = "") -> str:
    """A page whose head declares `meta_day` as its date and whose article shows `shown`."""
    return (
        "<html><head><title>Ferry timetable moves</title>"
        f'<meta name="date" content="{meta_day}"></head><body>'
        f"<article><h1>Ferry timetable moves</h1><p class='byline'>{shown}</p>{_BODY}</article>"
        f"{aside}</body></html>"
    )


@pytest.mark.parametrize(
    "shown",
    [
        "Written: 2023-11-07 15:03:30 / Updated: 2023-11-07 15:30:46",
        "Published: 7 November 2023",
        "Posted on November 7, 2023",
        "PUBLISHED: Nov. 7, 2023",
    ],
)
def test_the_day_the_page_labels_beats_a_date_days_away(shown: str) -> None:
    """The head's date is four days before the day the article shows as its own."""
    extracted = extract_html(page("2023-11-03", shown))
    assert (extracted.published, extracted.precision) == (date(2023, 11, 7), Precision.DAY)


def test_a_label_one_day_away_leaves_the_found_day() -> None:
    """A day's difference is a time zone's: the stamps settle it, not the label."""
    assert extract_html(page("2023-11-06", "Published: 7 November 2023")).published == date(
        2023, 11, 6
    )


def test_labels_naming_two_days_leave_the_found_day() -> None:
    """The article's label and another story's label beside it: no one day is the page's."""
    aside = "<aside><p>Harbour crane arrives</p><p>Published: 1 November 2023</p></aside>"
    extracted = extract_html(page("2023-11-03", "Published: 7 November 2023", aside))
    assert extracted.published == date(2023, 11, 3)


@pytest.mark.parametrize(
    "shown",
    [
        "The report, published on 7 November 2023, found the crossing unsafe.",  # prose
        "<script>var meta = 'Published: 7 November 2023';</script>",  # never shown
        "<!-- Published: 7 November 2023 -->",  # a comment
    ],
)
def test_prose_and_unshown_text_are_no_label(shown: str) -> None:
    assert extract_html(page("2023-11-03", shown)).published == date(2023, 11, 3)


def test_labelled_day_needs_one_day_more_than_a_day_away() -> None:
    """The rule itself, on the page's stamps."""
    tree = load_html(page("2023-11-03", "Written: 2023-11-07"))
    assert tree is not None
    stamps = read_page_stamps(tree)
    assert stamps.labelled == frozenset({date(2023, 11, 7)})
    assert labelled_day(stamps, date(2023, 11, 3)) == date(2023, 11, 7)
    assert labelled_day(stamps, date(2023, 11, 8)) == date(2023, 11, 8)
