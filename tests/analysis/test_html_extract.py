"""HTML pages in, article text and honest metadata out."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.html_extract import extract_html
from analysis.types import Precision

BODY = """
<p>Russian President Vladimir Putin and Iranian President Masoud Pezeshkian signed a
comprehensive strategic partnership treaty in Moscow on Friday, deepening ties between two
countries under heavy Western sanctions.</p>
<p>The 20-year agreement covers trade, military cooperation, science, education and culture,
but it does not include a mutual defence clause like the one Russia signed with North Korea.</p>
<p>Putin said the treaty would give "an additional impetus" to cooperation in almost every
field, and told reporters that the two sides had agreed to build a gas pipeline.</p>
<p>Pezeshkian, on his first official visit to Moscow since taking office in July, said the
treaty opened a new chapter in relations with "our friend and neighbour".</p>
"""

CHROME_TOP = """
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
  <button>Accept all cookies</button></div>
<header><nav class="main-nav"><ul>
  <li><a href="/">Home</a></li><li><a href="/world">World</a></li>
  <li><a href="/subscribe">Subscribe for one dollar a week</a></li>
</ul></nav></header>
"""

CHROME_BOTTOM = """
<aside class="related"><h2>Most read</h2><ul>
  <li><a href="/a">Oil prices fall again as markets wobble</a></li>
  <li><a href="/b">Ten recipes for a quick winter dinner</a></li></ul></aside>
<footer><p>© 2025 Northern Ledger Media Ltd. All rights reserved.</p>
  <a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a></footer>
"""

ARTICLE_PAGE = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Putin and Pezeshkian sign partnership treaty | Northern Ledger</title>
  <meta name="author" content="Anna Petrova">
  <meta property="og:site_name" content="Northern Ledger">
  <meta property="og:title" content="Putin and Pezeshkian sign partnership treaty">
  <meta property="og:url" content="https://www.northernledger.example/world/2025/01/17/treaty">
  <meta property="article:published_time" content="2025-01-17T09:30:00+00:00">
  <link rel="canonical" href="/world/russia-iran-treaty">
</head>
<body>{CHROME_TOP}
<main><article>
  <h1>Putin and Pezeshkian sign partnership treaty</h1>
  <p class="byline">By <span class="author">Anna Petrova</span></p>
  {BODY}
  <div class="share-tools">Share on Facebook Share on Twitter Email this article</div>
</article>{CHROME_BOTTOM}</main>
</body></html>
"""

UNDATED_PAGE = f"""<!DOCTYPE html>
<html><head><title>Russia and Iran sign a treaty</title></head>
<body>{CHROME_TOP}<main><article><h1>Russia and Iran sign a treaty</h1>{BODY}</article></main>
<footer><a href="/privacy">Privacy policy</a></footer></body></html>
"""

COPYRIGHT_ONLY_PAGE = UNDATED_PAGE.replace(
    '<footer><a href="/privacy">', "<footer><p>Copyright © 2023 Example Media</p><a href='/p'>"
)

TEXT_DATED_PAGE = UNDATED_PAGE.replace(
    "<h1>Russia and Iran sign a treaty</h1>",
    "<h1>Russia and Iran sign a treaty</h1><p class='dateline'>Posted October 15, 2019</p>",
)

URL = "https://www.northernledger.example/world/russia-iran-treaty?utm_source=feed"


def test_article_page_keeps_body_and_drops_chrome() -> None:
    page = extract_html(ARTICLE_PAGE, url=URL)
    paragraphs = page.text.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("Russian President Vladimir Putin and Iranian President")
    assert paragraphs[-1].endswith('with "our friend and neighbour".')
    for chrome in ("cookies", "Subscribe", "Most read", "All rights reserved", "Share on", "Home"):
        assert chrome not in page.text


def test_article_page_metadata() -> None:
    page = extract_html(ARTICLE_PAGE, url=URL)
    assert page.title == "Putin and Pezeshkian sign partnership treaty"
    assert page.author == "Anna Petrova"
    assert page.outlet == "Northern Ledger"
    assert page.published == datetime.date(2025, 1, 17)
    assert page.precision is Precision.DAY
    assert page.canonical_url == "https://www.northernledger.example/world/russia-iran-treaty"
    assert page.language == "en"


def test_headline_is_not_repeated_in_the_body() -> None:
    page = extract_html(ARTICLE_PAGE, url=URL)
    assert "sign partnership treaty" not in page.text


def test_og_url_is_the_canonical_when_no_link_tag() -> None:
    html = ARTICLE_PAGE.replace('<link rel="canonical" href="/world/russia-iran-treaty">', "")
    page = extract_html(html)
    assert page.canonical_url == "https://www.northernledger.example/world/2025/01/17/treaty"


@pytest.mark.parametrize("html", [UNDATED_PAGE, COPYRIGHT_ONLY_PAGE])
def test_page_without_a_date_is_undated_never_today(html: str) -> None:
    page = extract_html(html, url="https://example.org/news/russia-iran-treaty")
    assert page.published is None
    assert page.precision is Precision.UNKNOWN
    assert page.text.startswith("Russian President Vladimir Putin")
    assert page.canonical_url is None


def test_date_written_in_the_page_text_is_found() -> None:
    page = extract_html(TEXT_DATED_PAGE)
    assert page.published == datetime.date(2019, 10, 15)
    assert page.precision is Precision.DAY


@pytest.mark.parametrize(
    "html",
    ["", "   \n", "\x00\x01\x02<<<>>>&&&\ufffd", "<html><body></body></html>", "<p>x</p>", "<<"],
)
def test_garbage_gives_an_empty_page(html: str) -> None:
    page = extract_html(html)
    assert page.text == ""
    assert page.published is None
    assert page.precision is Precision.UNKNOWN


@settings(max_examples=60, deadline=None)
@given(st.text(), st.sampled_from(["", "<html><body><p>", "<html lang='x'><head><title>"]))
def test_never_raises_on_arbitrary_text(text: str, prefix: str) -> None:
    page = extract_html(prefix + text, url="https://example.org/a")
    assert isinstance(page.text, str)
    assert page.published is None or page.published <= datetime.date.today()


SWALLOWED_PARAGRAPH = (
    "<p>The council voted on Tuesday to rebuild the old harbour wall after the storms of last"
    " winter damaged it badly, the {n}th paragraph of the report says.</p>"
)
# A real news page's <main> sat inside a header menu <button> it never closed: the parser puts
# the whole story inside the header, and precision mode drops the header with everything in it.
SWALLOWED_BY_THE_HEADER = (
    "<html><head><title>Harbour wall to be rebuilt</title></head><body>"
    "<header class='header'><div class='header__menu-top'><button class='header__menu-button'>"
    "<main class='main'><article><h1>Harbour wall to be rebuilt</h1>"
    + "".join(SWALLOWED_PARAGRAPH.format(n=n) for n in range(4, 12))
    + "</article></main></button></div></header></body></html>"
)


def test_a_story_precision_mode_drops_whole_is_extracted_in_the_default_mode() -> None:
    page = extract_html(SWALLOWED_BY_THE_HEADER, "https://news.example.com/harbour")
    assert page.text.count("rebuild the old harbour wall") == 8
    assert page.title == "Harbour wall to be rebuilt"


def test_a_page_of_chrome_alone_is_still_no_story() -> None:
    page = extract_html(f"<html><body>{CHROME_TOP}{CHROME_BOTTOM}</body></html>", URL)
    assert len(page.text.split()) < 20  # what the pipeline refuses as "not an article"
