"""OPML subscription lists: the feeds out of one (any OPML version), and one written (OPML 2.0).

Every feed reader exports its subscriptions as OPML: outlines, nested in folders at any depth,
whose `xmlUrl` attribute (written xmlurl or XMLURL by some exporters) is a feed's address.
Outlines without one (folders, links, notes) are skipped, and so are addresses that are not
http(s) (`feed://` is read as http). A file is parsed by lxml with entities left unresolved,
no DTD and no network, after refusing any document that declares entities: no subscription
list needs them, and that is where billion-laughs and external-entity attacks live.
lxml rather than a new dependency (listparser, defusedxml): it is already here for extraction,
and those three parser options are the whole defence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from analysis.urls import is_web_address

MAX_FEEDS = 10_000  # a subscription list longer than this is not one person's reading
_SPACE = re.compile(r"\s+")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_PROLOG = 65_536


class OpmlError(ValueError):
    """Not an OPML file we can read; the message is one short sentence for the member."""


@dataclass(frozen=True)
class OpmlFeed:
    """One subscription: the feed's address and the title the list gives it."""

    url: str
    title: str | None = None


def read_opml(data: bytes) -> list[OpmlFeed]:
    """The feeds an OPML file lists, in order, each address once; OpmlError if not OPML."""
    body = _body(_root(data))
    feeds: dict[str, OpmlFeed] = {}
    for outline in body.iter("{*}outline"):
        attributes = {str(k).lower(): str(v) for k, v in outline.attrib.items()}
        url = _feed_address(attributes.get("xmlurl", ""))
        if url is None or url in feeds:
            continue
        title = _text(attributes.get("title")) or _text(attributes.get("text"))
        feeds[url] = OpmlFeed(url, None if title == url else title)
        if len(feeds) >= MAX_FEEDS:
            break
    return list(feeds.values())


def write_opml(feeds: Iterable[OpmlFeed], title: str) -> bytes:
    """An OPML 2.0 document listing the feeds (titles escaped by the XML writer)."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = _xml_safe(title)
    body = etree.SubElement(root, "body")
    for feed in feeds:
        name = _xml_safe(feed.title or "") or _xml_safe(feed.url)
        outline = etree.SubElement(body, "outline", type="rss", text=name)
        if feed.title:
            outline.set("title", name)
        outline.set("xmlUrl", _xml_safe(feed.url))
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _root(data: bytes) -> etree._Element:
    """The parsed document, safely: no entities, no DTD, no network."""
    if b"<!ENTITY" in data[:_PROLOG]:
        raise OpmlError("not an OPML file: it declares XML entities, which are refused")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise OpmlError("not an OPML file: the XML is broken") from exc
    if root is None:
        raise OpmlError("not an OPML file: it is empty")
    return root


def _body(root: etree._Element) -> etree._Element:
    name = etree.QName(root).localname.lower()
    if name != "opml":
        shown = re.sub(r"[^\w.-]", "", name)[:40]
        raise OpmlError(f"not an OPML file: it is an XML document of another kind (<{shown}>)")
    body = root.find("{*}body")
    if body is None:
        raise OpmlError("not an OPML file: it has no <body> with outlines")
    return body


def _feed_address(value: str) -> str | None:
    """An http(s) feed address from an xmlUrl, `feed://` read as http; None otherwise."""
    url = value.strip()
    lowered = url.lower()
    if lowered.startswith("feed:http"):
        url = url[5:]
    elif lowered.startswith("feed://"):
        url = "http://" + url[7:]
    return url if is_web_address(url) and len(url) <= 2048 else None


def _text(value: str | None) -> str | None:
    """An attribute as one line of text: whitespace collapsed, control characters dropped."""
    if value is None:
        return None
    cleaned = "".join(ch for ch in value if ch.isprintable() or ch.isspace())
    return _SPACE.sub(" ", cleaned).strip() or None


def _xml_safe(text: str) -> str:
    """Text without the characters XML 1.0 cannot carry (NUL, most control characters)."""
    return _NOT_XML.sub("", text)
