"""One address per page: tracking parameters, case, ports and fragments do not make a new page."""

from __future__ import annotations

import pytest

from analysis.urls import (
    canonical_url,
    has_credentials,
    is_web_address,
    looks_like_link,
    normalise_url,
    without_credentials,
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "HTTPS://News.Example.COM:443/world/story?utm_source=tw&utm_medium=social#comments",
            "https://news.example.com/world/story",
        ),
        ("http://example.com/a?fbclid=IwAR0abc&id=7", "http://example.com/a?id=7"),
        ("http://example.com/a?gclid=1&b=2&a=1", "http://example.com/a?a=1&b=2"),
        ("http://example.com/a?mc_cid=1&igshid=x&_ga=2", "http://example.com/a"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("http://example.com:8080/a", "http://example.com:8080/a"),
        ("http://Example.com", "http://example.com/"),
        ("http://user:pw@Example.com/a", "http://user:pw@example.com/a"),
        ("http://x.com/a?game=5&gallery=2&global=1", "http://x.com/a?gallery=2&game=5&global=1"),
        (
            "http://x.com/a?cid=3&uid=4&source=rss&ref=7",
            "http://x.com/a?cid=3&ref=7&source=rss&uid=4",
        ),
        ("http://x.com/a?print", "http://x.com/a?print="),
        ("http://x.com/a?b=2&a=1&b=1", "http://x.com/a?a=1&b=2&b=1"),
        ("http://x.com/a?q=a%20b&r=%26", "http://x.com/a?q=a+b&r=%26"),
        ("http://[::1]:80/x", "http://[::1]/x"),
        ("https://example.com/path/#top", "https://example.com/path/"),
        ("ftp://example.com/a", None),
        ("example.com/a", None),
        ("http://example.com:99999/", None),
        ("not a link", None),
    ],
)
def test_normalise_url(url: str, expected: str | None) -> None:
    assert normalise_url(url) == expected


def test_links_differing_only_in_tracking_are_one_page() -> None:
    first = normalise_url("https://news.example.com/story?utm_campaign=x")
    second = normalise_url("https://NEWS.example.com/story?fbclid=abc#top")
    assert first == second == "https://news.example.com/story"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("http://user@example.com/ok", "http://example.com/ok"),
        ("http://alice@example.com/ok", "http://bob@example.com/ok"),
        ("http://example.com/ok?page=2", "http://example.com/ok?page=3"),
        ("http://example.com/ok?game=5", "http://example.com/ok"),
        ("http://example.com/ok?print", "http://example.com/ok"),
        (
            "http://example.com/ok?q=" + "a" * 3000 + "1",
            "http://example.com/ok?q=" + "a" * 3000 + "2",
        ),
        (
            "http://example.com/ok?gallery=" + "a" * 900 + "1",
            "http://example.com/ok?gallery=" + "a" * 900,
        ),
    ],
)
def test_different_pages_stay_different(first: str, second: str) -> None:
    assert normalise_url(first) != normalise_url(second)


@pytest.mark.parametrize(
    ("url", "credentials", "shown"),
    [
        ("http://user@example.com/ok", True, "http://example.com/ok"),
        ("https://u:secret@example.com:8443/a?b=1", True, "https://example.com:8443/a?b=1"),
        ("https://:@example.com/a", True, "https://example.com/a"),
        (
            "https://example.com/a?next=http://u@x.org/",
            False,
            "https://example.com/a?next=http://u@x.org/",
        ),
        ("https://example.com/@user/post", False, "https://example.com/@user/post"),
    ],
)
def test_credentials_are_seen_and_hidden(url: str, credentials: bool, shown: str) -> None:
    assert (has_credentials(url), without_credentials(url)) == (credentials, shown)


@pytest.mark.parametrize(
    ("fetched", "declared", "expected"),
    [
        (
            "https://m.news.example.com/story?utm_source=x",
            "https://www.news.example.com/world/story",
            "https://www.news.example.com/world/story",
        ),
        ("https://news.example.com/story?utm_source=x", None, "https://news.example.com/story"),
        ("https://news.example.com/story", "javascript:void(0)", "https://news.example.com/story"),
        (
            "https://news.example.com/story",
            "https://news.example.com/",
            "https://news.example.com/story",
        ),
        ("https://news.example.com/", "https://news.example.com/", "https://news.example.com/"),
    ],
)
def test_canonical_url_prefers_what_the_page_declares(
    fetched: str, declared: str | None, expected: str
) -> None:
    assert canonical_url(fetched, declared) == expected


@pytest.mark.parametrize(
    ("text", "link", "web"),
    [
        ("http://example.com/a", True, True),
        ("HTTPS://example.com", True, True),
        ("https://", True, False),
        ("samples/russia-iran", False, False),
        ("ftp://example.com", True, False),
        ("./http:/odd-file-name.txt", False, False),
    ],
)
def test_what_counts_as_a_link(text: str, link: bool, web: bool) -> None:
    assert (looks_like_link(text), is_web_address(text)) == (link, web)
