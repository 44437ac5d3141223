"""Postlight fixtures are scored as their publishers wrote them (`restore_meta_tags`).

Postlight's parser saved most fixtures after rewriting each meta tag's `content` as `value` and
`property` as `name`; a member ingests the real page, so the scorer puts them back.
"""

from __future__ import annotations

from datetime import date

from analysis.html_extract import extract_html
from eval.real_pages import restore_meta_tags

_BODY = (
    "<body><article><h1>Harbour ferry returns after repairs</h1>"
    + "".join(
        f"<p>The harbour ferry returned to service after three months of repairs, paragraph {n}, "
        "and the operator said the timetable would stay as it was before the closure.</p>"
        for n in range(8)
    )
    + '<p>last updated <time datetime="2019-05-09T10:00:00Z">9 May 19</time></p>'
    + "</article></body>"
)


def _page(metas: str) -> str:
    return f"<html><head><title>Harbour ferry returns</title>{metas}</head>{_BODY}</html>"


def test_value_becomes_content_and_open_graph_names_become_properties() -> None:
    rewritten = (
        b'<meta value="2019-02-01T09:00:00Z" name="article:published_time">'
        b'<meta name="pub_date" value="2019-02-01">'
        b'<meta name="twitter:title" value="Ferry">'
    )
    assert restore_meta_tags(rewritten) == (
        b'<meta content="2019-02-01T09:00:00Z" property="article:published_time">'
        b'<meta name="pub_date" content="2019-02-01">'
        b'<meta name="twitter:title" content="Ferry">'
    )


def test_tags_written_normally_and_other_elements_are_left_alone() -> None:
    html = (
        b'<meta property="og:title" content="Ferry" value="x"><meta charset="utf-8">'
        b'<input value="2019" name="og:year"><p>value="kept"</p>'
    )
    assert restore_meta_tags(html) == html


def test_a_restored_publication_stamp_dates_the_page_not_its_update_line() -> None:
    rewritten = _page(
        '<meta value="2019-02-01T09:00:00Z" name="article:published_time">'
        '<meta value="2019-05-09T10:00:00Z" name="article:modified_time">'
    )
    restored = restore_meta_tags(rewritten.encode()).decode()
    assert extract_html(restored).published == date(2019, 2, 1)
