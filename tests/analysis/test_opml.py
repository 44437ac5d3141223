"""OPML: feeds read out of readers' exports, hostile XML refused, a written list read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from analysis.opml import OpmlError, OpmlFeed, read_opml, write_opml

OPML = Path(__file__).resolve().parents[1] / "data" / "feeds" / "opml"


def test_a_reader_export_gives_its_feeds_in_order_once_each() -> None:
    feeds = read_opml((OPML / "reader-export.opml").read_bytes())
    assert feeds == [
        OpmlFeed("https://rss.nytimes.com/services/xml/rss/nyt/World.xml", "NYT > World News"),
        OpmlFeed("https://feeds.npr.org/1004/rss.xml", "NPR Topics: World"),
        OpmlFeed("https://www.aljazeera.com/xml/rss/all.xml", "Al Jazeera – Breaking News"),
        OpmlFeed("https://rss.dw.com/rdf/rss-en-all", "DW"),  # xmlurl, two folders deep
        OpmlFeed(  # XMLURL, feed:// read as http, the text collapsed
            "http://feeds.elpais.com/mrss-s/pages/ep/site/english.elpais.com/portada",
            "EL PAÍS in English",
        ),
        OpmlFeed("https://en.mercopress.com/rss/", "MercoPress"),
    ]


def test_opml_2_with_a_namespace_and_latin_1() -> None:
    feeds = read_opml((OPML / "opml2-namespaced.opml").read_bytes())
    assert feeds == [
        OpmlFeed("https://cafe.example/feed.atom", "Café Politique"),
        OpmlFeed("https://json.example/feed.json", "JSON only"),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "not an OPML file: the XML is broken"),
        (b"<opml><body><outline", "not an OPML file: the XML is broken"),
        (b'{"version": "https://jsonfeed.org/version/1"}', "not an OPML file: the XML is broken"),
        (b"<rss version='2.0'><channel/></rss>", "an XML document of another kind (<rss>)"),
        (b"<opml version='2.0'><head/></opml>", "not an OPML file: it has no <body> with outlines"),
        (b"<!DOCTYPE html><html><body>hi</body></html>", "not an OPML file"),
    ],
)
def test_what_is_not_opml_says_so(data: bytes, message: str) -> None:
    with pytest.raises(OpmlError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_opml(data)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE opml [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
]>
<opml version="2.0"><body><outline text="&e;" xmlUrl="https://x.example/feed"/></body></opml>
"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<opml version="2.0"><body><outline text="&secret;" xmlUrl="https://x.example/feed"/></body></opml>
"""
EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE opml SYSTEM "http://127.0.0.1:9/evil.dtd">
<opml version="2.0"><body><outline text="&unknown;" xmlUrl="https://x.example/feed"/></body></opml>
"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_entity_declarations_are_refused(data: bytes) -> None:
    with pytest.raises(OpmlError, match="declares XML entities, which are refused"):
        read_opml(data)


def test_an_external_dtd_is_not_loaded() -> None:
    """No network, no DTD: the undefined entity stays unresolved, the outline is still read."""
    feeds = read_opml(EXTERNAL_DTD)
    assert [feed.url for feed in feeds] == ["https://x.example/feed"]


def test_write_then_read_is_the_same_list() -> None:
    feeds = [
        OpmlFeed("https://a.example/rss", 'Tom & Jerry\'s <b>"news"</b>'),
        OpmlFeed("https://b.example/feed.xml?x=1&y=2", None),
        OpmlFeed("https://c.example/atom", "Zürich — Nachrichten\nzwei Zeilen"),
    ]
    data = write_opml(feeds, "Analyst feeds for <guild> & friends")
    root = etree.fromstring(data)
    assert root.get("version") == "2.0"
    assert root.findtext("head/title") == "Analyst feeds for <guild> & friends"
    outlines = root.findall("body/outline")
    assert [o.get("type") for o in outlines] == ["rss", "rss", "rss"]
    assert outlines[1].get("text") == "https://b.example/feed.xml?x=1&y=2"  # text is required
    again = read_opml(data)
    assert again[:2] == feeds[:2]
    assert again[2] == OpmlFeed("https://c.example/atom", "Zürich — Nachrichten zwei Zeilen")


def test_characters_xml_cannot_carry_are_dropped_when_writing() -> None:
    data = write_opml([OpmlFeed("https://a.example/rss", "bell\x07 and nul\x00")], "t\x1b")
    assert read_opml(data) == [OpmlFeed("https://a.example/rss", "bell and nul")]


def test_an_empty_list_writes_a_valid_document() -> None:
    data = write_opml([], "Nothing yet")
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert read_opml(data) == []
