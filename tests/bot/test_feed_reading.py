"""Feed documents are read in a child process: the same result as in-process, and a document
that overruns its time costs one failed read, never the reader."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from analysis.feeds import FeedParseError, parse_feed
from bot.services.feed_reading import FeedReader

FEEDS = Path(__file__).resolve().parents[1] / "data" / "feeds"
URL = "https://www.npr.org/rss/world"


@pytest.fixture
async def reader() -> AsyncIterator[FeedReader]:
    child = FeedReader(processes=1)
    yield child
    await child.close()


def huge_feed(items: int) -> bytes:
    """A well-formed RSS feed with many items: slow enough to overrun a tiny time limit."""
    body = "".join(
        f"<item><title>Story {n}</title><link>https://example.org/{n}</link>"
        f"<description>&lt;p&gt;Paragraph {n} of the story&lt;/p&gt;</description></item>"
        for n in range(items)
    )
    head = '<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>'
    return f"{head}{body}</channel></rss>".encode()


async def test_a_child_reads_what_this_process_reads(reader: FeedReader) -> None:
    data = (FEEDS / "npr-world.rss").read_bytes()
    here = parse_feed(data, url=URL, content_type="application/rss+xml")
    there = await reader.read(data, url=URL, content_type="application/rss+xml")
    assert there == here and len(there.entries) > 5
    assert not reader.in_process


async def test_what_is_not_a_feed_is_refused_from_the_child(reader: FeedReader) -> None:
    with pytest.raises(FeedParseError, match="not a feed"):
        await reader.read(b"<html><body>Hello</body></html>", url=URL, content_type="text/html")


async def test_an_overrunning_document_fails_alone_and_the_next_is_read() -> None:
    slow = FeedReader(processes=1, timeout=0.001)
    try:
        with pytest.raises(FeedParseError, match="took over"):
            await slow.read(huge_feed(20_000), url=URL, content_type="application/rss+xml")
        slow.timeout = 60
        small = (FEEDS / "kottke.atom").read_bytes()
        parsed = await slow.read(small, url="https://kottke.org/", content_type=None)
        assert parsed.entries
    finally:
        await slow.close()


async def test_without_processes_documents_are_read_in_this_process() -> None:
    inline = FeedReader(processes=0)
    data = (FEEDS / "kottke.atom").read_bytes()
    assert (await inline.read(data, url="https://kottke.org/", content_type=None)).entries
    await inline.close()
