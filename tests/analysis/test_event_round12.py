"""Event-date rules of issue 12's twelfth round: relative dates counted from the moment the story
was written. Pages' stamps of the shapes seen on Postlight's parser fixtures and the real DEV
pages, invented text; each test asserts the dates `analyst timeline` would show."""

from __future__ import annotations

from datetime import date

import pytest
from lxml.html import HtmlElement
from spacy.language import Language
from trafilatura.utils import load_html

from analysis.html_extract import extract_html
from analysis.publication_time import local_publication_day, read_page_stamps
from tests.analysis.dated import event_dates

_BODY = (
    "<p>{sentence}</p>"
    + "<p>The council met for three hours and heard from dozens of residents who spoke about "
    "the plan, the budget and the roads that the city has promised to repair for years.</p>" * 3
)


def page(head: str, shown: str, sentence: str) -> str:
    """A small article page: metadata in its head, a shown stamp and a body."""
    return (
        f"<html><head><title>Council news</title>{head}</head><body><article>"
        f"<h1>Council news</h1>{shown}{_BODY.format(sentence=sentence)}</article></body></html>"
    )


def member_dates(nlp: Language, html: str, sentence: str) -> tuple[date | None, list[str]]:
    """The page's publication day and the dates of the sentence's events counted from it."""
    published = extract_html(html).published
    assert published is not None
    return published, event_dates(nlp, sentence, published)


def ld_json_page(stamp: str) -> HtmlElement:
    """A page whose only stamp is a JSON-LD datePublished, parsed."""
    html = page(
        f'<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "{stamp}"}}'
        "</script>",
        "",
        "",
    )
    tree = load_html(html)
    assert tree is not None
    return tree


AL = (
    "The two were arrested in Baldwin County on Wednesday. The attorney general announced it today."
)


@pytest.mark.parametrize(
    ("head", "shown", "day", "events"),
    [
        # a UTC stamp after midnight beside the page's own "6:47 p.m." of the evening before
        (
            '<meta property="article:published_time" content="2016-12-23T00:47:31Z">',
            "<time>Published: Dec. 22, 2016, 6:47 p.m.</time>",
            "2016-12-22",
            ["2016-12-21", "2016-12-22"],
        ),
        # no shown time of that moment: the UTC day stands
        (
            '<meta property="article:published_time" content="2016-12-23T00:47:31Z">',
            "<time>Published: Dec. 22, 2016, 6:12 p.m.</time>",
            "2016-12-23",
            ["2016-12-21", "2016-12-23"],
        ),
        # an offset stamp is read as written (its date is the local day)
        (
            '<meta property="article:published_time" content="2016-12-22T18:47:31-06:00">',
            "",
            "2016-12-22",
            ["2016-12-21", "2016-12-22"],
        ),
    ],
)
def test_utc_stamp_local_day(
    nlp: Language, head: str, shown: str, day: str, events: list[str]
) -> None:
    published, dates = member_dates(nlp, page(head, shown, AL), AL)
    assert (str(published), dates) == (day, events)


def test_declared_stamp_over_a_listed_story_date(nlp: Language) -> None:
    """A list of other stories shown as '8/9/2022' does not date a 2016 article stamped so."""
    others = "".join(
        f'<li><time class="timestamp" datetime="2022-08-09T2{i}:25:30Z">8/9/2022</time></li>'
        for i in range(3)
    )
    head = '<meta property="article:published_time" content="2016-09-02T07:30:01.000-04:00">'
    sentence = "They filed their lawsuit on July 6. Last week, the firm announced an inquiry."
    published, dates = member_dates(nlp, page(head, f"<ul>{others}</ul>", sentence), sentence)
    assert (str(published), dates) == ("2016-09-02", ["2016-07-06", "2016-08-22"])


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("2023-11-09T03:02:34-05:00", "2023-11-08"),  # the small hours: the evening's day stands
        ("2023-11-09T09:02:34-05:00", "2023-11-09"),  # the morning after: the stamp's day
    ],
)
def test_small_hours_stamp_keeps_the_evening(nlp: Language, stamp: str, day: str) -> None:
    """A debate story stamped at 3:02 a.m. is the evening before's: its 'tonight' is that day."""
    tree = ld_json_page(stamp)
    published = local_publication_day(read_page_stamps(tree), date(2023, 11, 8))
    sentence = "Nothing tonight changed that, the strategist said."
    assert (str(published), event_dates(nlp, sentence, published)) == (day, [day])


def test_time_attribute_over_a_day_first_reading(nlp: Language) -> None:
    """'10/04/2016 05:07 AM EDT' is October 4 when its own <time datetime> says so."""
    shown = '<p>By S. Shepard <time datetime="2016-10-04 05:07:09">10/04/2016 05:07 AM</time></p>'
    sentence = "Kaine faces Pence on Tuesday night. Insiders were surveyed last week."
    published, dates = member_dates(nlp, page("", shown, sentence), sentence)
    assert (str(published), dates) == ("2016-10-04", ["2016-10-04", "2016-09-26"])


SEOUL = "SEOUL — North Korea fired a missile today, officials said. It fired two on Thursday."


@pytest.mark.parametrize(
    ("dateline", "stamp", "day", "events"),
    [
        # a Seoul story of Saturday morning, stamped Friday 21:00 UTC
        ("SEOUL —", "2023-11-10T21:00:00Z", "2023-11-11", ["2023-11-11", "2023-11-09"]),
        # a Houston story of Wednesday evening, stamped Thursday 04:31 UTC
        (
            "HOUSTON, Texas (KTRK) --",
            "2023-11-09T04:31:00Z",
            "2023-11-08",
            ["2023-11-08", "2023-11-02"],
        ),
        # no dateline: the UTC day stands
        ("", "2023-11-10T21:00:00Z", "2023-11-10", ["2023-11-10", "2023-11-09"]),
    ],
)
def test_dateline_place_local_day(
    nlp: Language, dateline: str, stamp: str, day: str, events: list[str]
) -> None:
    """A UTC stamp without a shown local time is read at the dateline's place."""
    sentence = SEOUL.replace("SEOUL —", dateline).strip()
    head = f'<meta property="article:published_time" content="{stamp}">'
    # the page's scripts may show the stamp again in UTC: no word on the local day
    shown = f"<script>var t = 'Nov 1{stamp[9]} 2023 {stamp[11:16]}';</script>"
    published, dates = member_dates(nlp, page(head, shown, sentence), sentence)
    assert (str(published), dates) == (day, events)


WRITTEN = "Dec. 28, 2018 — The agency approved the merger on Monday. Talks went on for a year."


@pytest.mark.parametrize(
    ("stamp", "day", "events"),
    [
        # written on Dec. 28 (a Friday), published in January: "Monday" is Dec. 24
        ("2019-01-10T09:00:00-05:00", "2018-12-28", ["2018-12-24"]),
        # published the same day: nothing to change
        ("2018-12-28T09:00:00-05:00", "2018-12-28", ["2018-12-24"]),
        # a dateline months older than the stamp is no writing date of this page
        ("2019-06-10T09:00:00-04:00", "2019-06-10", ["2019-06-10"]),
    ],
)
def test_dated_dateline_anchors(nlp: Language, stamp: str, day: str, events: list[str]) -> None:
    """A story that states its own writing date counts its relative dates from it."""
    head = f'<meta property="article:published_time" content="{stamp}">'
    body = WRITTEN.split(" — ", 1)[1]  # the sentence as its date is read, after the dateline
    published, dates = member_dates(nlp, page(head, "", WRITTEN), body)
    assert (str(published), dates) == (day, events)


@pytest.mark.parametrize(
    ("stamp", "found", "day"),
    [
        # 23:01 UTC is past midnight in Rome: the UTC day does not overrule the day found
        ("2023-11-01T23:01:00Z", date(2023, 11, 2), "2023-11-02"),
        # 10:04 UTC is July 9 from California to Japan: it corrects a July 8 found elsewhere
        ("2020-07-09T10:04:04Z", date(2020, 7, 8), "2020-07-09"),
        # far from the day found (a sidebar's date), a night stamp still wins
        ("2016-09-02T23:30:01Z", date(2022, 8, 9), "2016-09-02"),
    ],
)
def test_utc_night_stamp_is_a_day_within_one(stamp: str, found: date, day: str) -> None:
    """A UTC stamp with no word on the place tells its day only where every zone agrees."""
    tree = ld_json_page(stamp)
    assert str(local_publication_day(read_page_stamps(tree), found)) == day
