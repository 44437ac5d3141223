"""Feed parsing on saved real feeds and hand-written edge cases: clean text, UTC dates, keys."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from analysis.feeds import (
    MAX_ENTRIES,
    MAX_SUMMARY,
    FeedEntry,
    FeedParseError,
    ParsedFeed,
    clean_text,
    item_keys,
    parse_feed,
)

FEEDS = Path(__file__).resolve().parents[1] / "data" / "feeds"
EDGE = FEEDS / "edge"
URL = "https://feeds.example/dir/feed.xml"
REAL = sorted(p for p in FEEDS.iterdir() if p.is_file() and p.suffix != ".md")


def parse(path: Path, url: str = URL) -> ParsedFeed:
    """A saved feed, parsed as if fetched from `url`."""
    return parse_feed(path.read_bytes(), url=url)


def utc(  # noqa: PLR0917 - datetime's own positional order
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    """A moment in UTC."""
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


@pytest.mark.parametrize(
    ("name", "kind", "count", "title", "first"),
    [
        (
            "nyt-world.rss",
            "rss20",
            57,
            "NYT > World News",
            "Trump Said He’d End the War in Ukraine in a Day. It’s Harder Than He Thought.",
        ),
        ("npr-world.rss", "rss20", 10, "NPR Topics: World", None),
        (
            "dw-all.rdf",
            "rss10",
            141,
            "Deutsche Welle",
            "France arrests nine in right-wing activist's death",
        ),
        ("kottke.atom", "atom10", 60, "kottke.org", "Reimagining the Origins of Winter Sports"),
        ("singularity-nearer.atom", "atom10", 10, "the singularity is nearer", "Cost of Housing"),
        (
            "humanwhocodes.json",
            "json1",
            10,
            "Human Who Codes",
            "Using your own Supabase signing keys",
        ),
        ("jsonfeed-sample.json", "json11", 2, "Example JSON Feed", "First JSON Feed Item"),
        ("rss-prefixed-oddity.xml", "rss20", 35, "arts and ego", "jenni tucker"),
        ("utf16-declared-but-utf8.rss", "rss20", 1, "UTF-16 Encoded Feed", "UTF-16 Entry 1"),
    ],
)
def test_real_feeds(name: str, kind: str, count: int, title: str, first: str | None) -> None:
    feed = parse(FEEDS / name)
    assert (feed.format, len(feed.entries), feed.title) == (kind, count, title)
    if first is not None:
        assert feed.entries[0].title == first


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_every_real_entry_is_clean(path: Path) -> None:
    """Absolute web links, aware UTC dates, one-line text without tags or leftover entities."""
    for entry in parse(path).entries:
        assert entry.link is None or entry.link.startswith(("http://", "https://"))
        assert entry.published is None or entry.published.utcoffset() is not None
        assert entry.published is None or entry.published.tzinfo == UTC
        for text in (entry.title, entry.summary, entry.author):
            if text is not None:
                assert text == text.strip() and text
                assert "\n" not in text and "  " not in text
                assert not any(
                    mark in text for mark in ("<p", "</", "<br", "&amp;", "&#", "&nbsp;")
                )
        assert entry.summary is None or len(entry.summary) <= MAX_SUMMARY + 1


def test_a_real_rss_entry_in_full() -> None:
    entry = parse(FEEDS / "nyt-world.rss").entries[0]
    assert (
        entry.link == "https://www.nytimes.com/2026/02/17/world/europe/trump-ukraine-war-putin.html"
    )
    assert entry.guid is None  # its guid is the link itself
    assert entry.published == utc(2026, 2, 17, 17, 49, 9)
    assert entry.author == "Kim Barker and Oleksandra Mykolyshyn"
    assert entry.summary is not None and entry.summary.startswith("Russian attacks and Ukrainian")


def test_doubly_escaped_entities_in_a_real_feed() -> None:
    entry = parse(FEEDS / "aljazeera.rss").entries[0]
    assert entry.summary is not None and "Monday's broadcast" in entry.summary


def test_rdf_dates_come_from_dc_date_and_atom_offsets_become_utc() -> None:
    assert parse(FEEDS / "dw-all.rdf").entries[0].published == utc(2026, 2, 18, 0, 15)
    assert parse(FEEDS / "singularity-nearer.atom").entries[0].published == utc(2026, 2, 15, 16)


def test_relative_links_resolve_against_the_feed_address() -> None:
    feed = parse(EDGE / "relative-links.rss")
    assert feed.site_url == "https://feeds.example/"
    assert [e.link for e in feed.entries] == [
        "https://feeds.example/news/2026/12/01/council-vote",
        "https://feeds.example/dir/story.html?id=2",
        "https://feeds.example/archive/3.html",
        "https://cdn.ledger.example/4.html",
        None,  # javascript: is not a link
    ]


def test_atom_xml_base_html_titles_and_content() -> None:
    feed = parse(EDGE / "xml-base.atom")
    assert (feed.title, feed.site_url) == ("Base & Co.", "https://base.example/blog/")
    first, second, third = feed.entries
    assert first.title == "Tom & Jerry’s great escape"
    assert first.link == "https://base.example/blog/posts/escape.html"
    assert (first.guid, first.author) == ("tag:base.example,2026:escape", "Ann Example")
    assert first.published == utc(2026, 12, 1, 13)  # published, not updated; -05:00 to UTC
    assert first.summary == "An escape in three acts."
    assert second.summary == "Only content , no summary."
    assert second.published == utc(2026, 11, 30, 22, 30)
    assert (third.link, third.summary) == (None, None)


def test_html_summaries_become_plain_text() -> None:
    entries = parse(EDGE / "html-summaries.rss").entries
    assert [e.summary for e in entries] == [
        "First paragraph with a link. Second one & more. Tail.",
        "Rates rose 0.25% — the first rise since 2024. Markets fell.",
        "Monday's vote & Tuesday’s count",
        "The full text lives here, not in a description.",
        "@everyone <@&123456> `code` ||spoiler||",
        None,
    ]
    assert entries[0].author == "Lee Writer"
    assert entries[2].title == "Double-escaped entities '"
    assert entries[5].title is None


def test_hostile_text_is_returned_as_text_not_interpreted() -> None:
    entry = parse(EDGE / "html-summaries.rss").entries[4]
    assert entry.title == "Hostile text: <@everyone> **bold** [link](https://evil.example)"


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("a\x00b\x1bc\u200bd", "abcd"),  # control and zero-width characters go
        ("\u202eevil\u202c name\ufeff", "evil name"),  # and direction overrides
        ("<script>alert(1)</script>kept", "kept"),
        ("x &lt; y &amp;&amp; y &gt; z", "x < y && y > z"),
        ("AT&amp;amp;T", "AT&T"),
        ("R&amp;copy2", "R&copy2"),  # decoded twice only as whole entities
        ("line<br>break<p>para</p>", "line break para"),
        ("   ", None),
        (None, None),
    ],
)
def test_clean_text(markup: str | None, text: str | None) -> None:
    assert clean_text(markup) == text


def test_odd_dates() -> None:
    entries = parse(EDGE / "odd-dates.rss").entries
    assert [e.published for e in entries] == [
        utc(2026, 12, 1, 13),  # EST
        utc(2026, 12, 1, 7),  # +0100, no weekday or seconds
        utc(2026, 12, 1, 6),  # ISO +02:00
        utc(2026, 12, 1, 8),  # ISO without a zone: UTC
        utc(2026, 12, 1, 8),  # SQL style
        utc(2026, 12, 1, 8),  # dc:date
        utc(2026, 12, 1, 8),  # a wrong weekday does not matter
        None,  # 31 November
        None,  # not a date
        None,  # no date
        utc(2026, 12, 1, 8),  # two-digit year
        utc(2099, 1, 1),  # kept: judging dates is the poller's business
    ]


def test_rss_091_and_092() -> None:
    old = parse(EDGE / "rss091.xml")
    assert (old.format, old.title) == ("rss091", "Gazette du Port")
    assert [e.title for e in old.entries] == [
        "Réouverture du quai nord",
        "Café du port : nouveaux horaires",
    ]
    assert [e.published for e in old.entries] == [None, None]
    notes = parse(EDGE / "rss092.xml")
    assert notes.format == "rss092"
    assert notes.entries[0].title is None
    assert notes.entries[0].summary == "The morning ferry left late because of fog."


def test_json_feed_1_0() -> None:
    feed = parse(EDGE / "jsonfeed-1.0.json")
    assert (feed.format, feed.title, feed.site_url) == (
        "json1",
        "Quayside Bulletin",
        "https://quay.example/",
    )
    budget, ferry, external, no_id = feed.entries  # the stray string item is dropped
    assert budget.title == "Budget passes & harbour fees rise"
    assert budget.published == utc(2026, 12, 1, 23, 30)
    assert (budget.author, budget.guid) == ("Rita Moreno", "2026-12-01-budget")
    assert budget.summary == "The council approved the budget on Tuesday."
    assert (ferry.guid, ferry.link, ferry.title) == (
        "42",
        "https://feeds.example/2026/12/ferry",
        None,
    )
    assert ferry.summary == "Ferry service resumes after the storm. Timetables are online."
    assert external.link == "https://elsewhere.example/report"
    assert external.published == utc(2026, 12, 3, 12)  # date_modified when nothing else
    assert (no_id.guid, no_id.link) == (None, "https://quay.example/2026/12/no-id")


def test_json_feed_1_1() -> None:
    feed = parse(EDGE / "jsonfeed-1.1.json")
    first, untitled = feed.entries
    assert (feed.format, first.author, first.summary) == (
        "json11",
        "Sam Quill",
        "Dockers accepted a 4% pay offer.",
    )
    assert untitled.title is None
    assert untitled.published == datetime(2026, 12, 5, 5, 0, 0, 123456, tzinfo=UTC)
    assert untitled.summary == "Untitled brief: fog closes the channel."


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<rss version="2.0"><channel><title>&d;</title><item><title>&d;</title></item></channel></rss>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><title>&x;</title></item></channel></rss>"""


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ((EDGE / "not-a-feed.html").read_bytes(), "the address gives a web page"),
        (b"", "the answer was empty"),
        (b" \r\n\xef\xbb\xbf", "the answer was empty"),
        (bytes(range(256)) * 4, "neither XML nor JSON"),
        (b'{"title": "not json feed", "items": []}', "JSON that is not a JSON Feed"),
        (b"[1, 2, 3]", "JSON that is not a JSON Feed"),
        (b'{"version": "https://jsonfeed.org/version/1", "items": [', "broken JSON"),
        (b"<opml version='2.0'><body/></opml>", "OPML list of feeds"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", r"another kind \(<svg>\)"),
        (BILLION_LAUGHS, "declares XML entities"),
        (EXTERNAL_ENTITY, "declares XML entities"),
    ],
)
def test_what_is_not_a_feed_says_so_in_one_sentence(data: bytes, message: str) -> None:
    with pytest.raises(FeedParseError, match=r"^not a feed: ") as caught:
        parse_feed(data, url=URL)
    assert caught.match(message)
    assert "\n" not in str(caught.value) and len(str(caught.value)) < 100


def test_html_content_type_with_unknown_xml_is_a_web_page() -> None:
    with pytest.raises(FeedParseError, match="web page"):
        parse_feed(b"<page/>", url=URL, content_type="text/html")


def test_a_huge_feed_keeps_its_first_thousand_items() -> None:
    items = "".join(
        f"<item><title>Item {n}</title><link>https://huge.example/{n}</link>"
        f"<description>&lt;p&gt;Story {n} &amp;amp; more&lt;/p&gt;</description>"
        f"<pubDate>Tue, 01 Dec 2026 08:00:00 GMT</pubDate></item>"
        for n in range(20_000)
    )
    data = f'<rss version="2.0"><channel><title>Huge</title>{items}</channel></rss>'.encode()
    assert len(data) > 2_000_000
    feed = parse_feed(data, url=URL)
    assert len(feed.entries) == MAX_ENTRIES
    assert feed.entries[-1].link == f"https://huge.example/{MAX_ENTRIES - 1}"
    assert feed.entries[0].summary == "Story 0 & more"


def test_a_long_summary_is_cut_at_a_word() -> None:
    long = " ".join(["word"] * 1000)
    item = f"<item><description>{long}</description></item>"
    data = f'<rss version="2.0"><channel>{item}</channel></rss>'.encode()
    summary = parse_feed(data, url=URL).entries[0].summary
    assert summary is not None and summary.endswith("word…")
    assert len(summary) <= MAX_SUMMARY + 1


def entry(**fields: object) -> FeedEntry:
    values: dict[str, object] = {
        "guid": None,
        "link": None,
        "title": None,
        "published": None,
        "summary": None,
        "author": None,
    }
    return FeedEntry(**(values | fields))  # type: ignore[arg-type]


def test_item_keys_from_a_saved_feed() -> None:
    keys = [item_keys(e) for e in parse(EDGE / "missing-guids.rss").entries]
    assert [k.item_key.split(":", 1)[0] for k in keys] == [
        "link",
        "link",
        "title",
        "title",
        "title",
        "link",
    ]
    assert keys[0].link == "https://noguid.example/story/1?page=2"  # tracking parameters gone
    assert keys[1] == ("link:https://noguid.example/story/2", None, keys[1].link, keys[1].title_key)
    expected = hashlib.sha256(b"title and date only\n2026-12-01T11:00:00+00:00").hexdigest()
    assert keys[2].item_key == f"title:{expected}"


def test_tracking_parameters_and_case_do_not_make_a_new_item() -> None:
    a = item_keys(entry(link="https://News.example/a?utm_source=rss&id=3#top"))
    b = item_keys(entry(link="https://news.example/a?id=3&fbclid=xyz"))
    assert a.item_key == b.item_key == "link:https://news.example/a?id=3"


def test_a_guid_comes_first_and_a_long_one_is_hashed() -> None:
    keys = item_keys(entry(guid="urn:x:1", link="https://a.example/1", title="T"))
    assert (keys.item_key, keys.guid, keys.link) == (
        "guid:urn:x:1",
        "urn:x:1",
        "https://a.example/1",
    )
    long = item_keys(entry(guid="g" * 5000))
    assert long.item_key == "guid:sha256:" + hashlib.sha256(b"g" * 5000).hexdigest()
    assert len(long.item_key) < 2100


def test_title_keys_ignore_case_and_spacing_but_not_the_date() -> None:
    when = utc(2026, 12, 1, 8)
    one = item_keys(entry(title="Port  strike ENDS", published=when))
    two = item_keys(entry(title=" port strike ends ", published=when))
    later = item_keys(entry(title="Port strike ends", published=utc(2026, 12, 2, 8)))
    assert one.item_key == two.item_key != later.item_key
    assert len(one.title_key) == 64
