"""feedparser 6.0.14 against fastfeedparser 0.6.5 on the saved feeds: speed, and what is right.

Run: `.venv/bin/python -m benchmarks.feed_parsers [--repeat 7]` (feedparser is not a project
dependency: `.venv/bin/pip install feedparser==6.0.14` first).

1. Speed: each saved real feed in tests/data/feeds parsed `--repeat` times by each library, the
   median per feed printed, and our `analysis.feeds.parse_feed` (fastfeedparser plus the
   cleaning into plain text, UTC dates and absolute links) beside them.
2. Coverage on the real feeds: the share of entries each library gives a title, an absolute
   http(s) link, a GUID/id, a parsed date and a summary.
3. Checks with a known answer, mostly on the hand-written feeds in tests/data/feeds/edge:
   relative links and xml:base, dates in odd formats, RSS 1.0 dc:date, JSON Feed, a broken
   feed, an HTML page refused, entity attacks not expanded, text/html titles told apart.
Both libraries are asked the same way: bytes in, no network, the feed's address given where the
library takes one (feedparser's `response_headers`), as the poller would.
"""

from __future__ import annotations

import argparse
import calendar
import functools
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from analysis.feeds import FeedParseError, parse_feed

ROOT = Path(__file__).resolve().parents[1]
FEEDS = ROOT / "tests" / "data" / "feeds"
EDGE = FEEDS / "edge"
BASE = "https://feeds.example/dir/feed.xml"
LIBRARIES = ("feedparser", "fastfeedparser")


@dataclass
class Entry:
    """What a library says about one entry, read the same way for both."""

    title: str | None
    link: str | None
    guid: str | None
    published: datetime | None
    summary: str | None


def run(library: str, data: bytes, url: str = BASE) -> list[Entry]:
    """Parse with one library; an exception or a feedparser 'no entries' is an empty list."""
    if library == "feedparser":
        import feedparser

        parsed = feedparser.parse(data, response_headers={"content-location": url})
        return [_from_feedparser(e) for e in parsed.entries]
    import fastfeedparser

    try:
        parsed = fastfeedparser.parse(data)
    except Exception:  # noqa: BLE001 - a refusal is an answer here: no entries
        return []
    return [_from_fast(e) for e in parsed.entries]


def _from_feedparser(entry: Any) -> Entry:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    when = datetime.fromtimestamp(calendar.timegm(stamp), tz=UTC) if stamp else None
    summary = entry.get("summary") or None
    return Entry(entry.get("title"), entry.get("link"), entry.get("id"), when, summary)


def _from_fast(entry: Any) -> Entry:
    when = None
    raw = entry.get("published") or entry.get("updated")
    if raw:
        try:
            when = datetime.fromisoformat(raw).astimezone(UTC)
        except ValueError:
            when = None
    summary = entry.get("description") or None
    return Entry(entry.get("title"), entry.get("link"), entry.get("id"), when, summary)


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    """The median wall time of fn in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def speed(repeat: int) -> None:
    """Per feed: entries found and median parse time, each library and ours."""
    print(f"{'feed':30} {'KB':>6} {'entries fp/ffp':>14} {'feedparser':>11} {'fastfp':>8} "
          f"{'x':>5} {'ours':>7}")  # fmt: skip
    totals = dict.fromkeys((*LIBRARIES, "ours"), 0.0)
    for path in real_feeds():
        data = path.read_bytes()
        counts = [len(run(lib, data)) for lib in LIBRARIES]
        ms = {lib: median_ms(functools.partial(run, lib, data), repeat) for lib in LIBRARIES}
        ms["ours"] = median_ms(functools.partial(_ours, data), repeat)
        for key, value in ms.items():
            totals[key] += value
        ratio = ms["feedparser"] / ms["fastfeedparser"]
        print(f"{path.name:30} {len(data) / 1024:6.0f} {counts[0]:>6}/{counts[1]:<7} "
              f"{ms['feedparser']:9.1f}ms {ms['fastfeedparser']:6.1f}ms {ratio:4.0f}x "
              f"{ms['ours']:5.1f}ms")  # fmt: skip
    ratio = totals["feedparser"] / totals["fastfeedparser"]
    print(f"{'all ' + str(len(real_feeds())) + ' feeds':30} {'':6} {'':14} "
          f"{totals['feedparser']:9.1f}ms {totals['fastfeedparser']:6.1f}ms {ratio:4.0f}x "
          f"{totals['ours']:5.1f}ms")  # fmt: skip


def _ours(data: bytes) -> object:
    try:
        return parse_feed(data, url=BASE)
    except FeedParseError:
        return None


def coverage() -> None:
    """Share of entries with each field, over every saved real feed."""
    print(f"\n{'field (share of entries)':28} {'feedparser':>11} {'fastfeedparser':>15}")
    found = {lib: [e for p in real_feeds() for e in run(lib, p.read_bytes())] for lib in LIBRARIES}
    fields: dict[str, Callable[[Entry], bool]] = {
        "entries": lambda e: True,
        "title": lambda e: bool(e.title),
        "absolute http(s) link": lambda e: bool(e.link) and e.link.startswith("http"),  # type: ignore[union-attr]
        "guid / id": lambda e: bool(e.guid),
        "date (UTC)": lambda e: e.published is not None,
        "summary": lambda e: bool(e.summary),
    }
    for name, test in fields.items():
        cells = []
        for lib in LIBRARIES:
            entries = found[lib]
            hits = sum(1 for e in entries if test(e))
            cells.append(str(hits) if name == "entries" else f"{hits / max(len(entries), 1):.0%}")
        print(f"{name:28} {cells[0]:>11} {cells[1]:>15}")
    same, both = _agreement()
    print(f"same title, link and date from both: {same} of the {both} entries both found")


def _agreement() -> tuple[int, int]:
    """Entries (of feeds both read) on which the two libraries agree on title, link and date."""
    same = both = 0
    for path in real_feeds():
        data = path.read_bytes()
        pairs = list(zip(run("feedparser", data), run("fastfeedparser", data), strict=False))
        both += len(pairs)
        same += sum(1 for a, b in pairs if _key(a) == _key(b))
    return same, both


def _key(entry: Entry) -> tuple[str, str | None, datetime | None]:
    return " ".join((entry.title or "").split()), entry.link, entry.published


def _edge(name: str) -> bytes:
    return (EDGE / name).read_bytes()


def _titles(lib: str, data: bytes) -> list[str | None]:
    return [e.title for e in run(lib, data)]


EXPECTED_DATES = [
    datetime(2026, 12, 1, 13, tzinfo=UTC),
    datetime(2026, 12, 1, 7, tzinfo=UTC),
    datetime(2026, 12, 1, 6, tzinfo=UTC),
    datetime(2026, 12, 1, 8, tzinfo=UTC),
    datetime(2026, 12, 1, 8, tzinfo=UTC),
    datetime(2026, 12, 1, 8, tzinfo=UTC),
    datetime(2026, 12, 1, 8, tzinfo=UTC),
    None,
    None,
    None,
    datetime(2026, 12, 1, 8, tzinfo=UTC),
    datetime(2099, 1, 1, tzinfo=UTC),
]
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
    b'<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><rss version="2.0"><channel>'
    b"<item><title>&d;</title><link>https://x.example/1</link></item></channel></rss>"
)


def _relative(lib: str) -> bool:
    links = [e.link for e in run(lib, _edge("relative-links.rss"))][:4]
    return links == [
        "https://feeds.example/news/2026/12/01/council-vote",
        "https://feeds.example/dir/story.html?id=2",
        "https://feeds.example/archive/3.html",
        "https://cdn.ledger.example/4.html",
    ]


def _odd_dates(lib: str) -> str:
    dates = [e.published for e in run(lib, _edge("odd-dates.rss"))]
    right = sum(1 for got, want in zip(dates, EXPECTED_DATES, strict=False) if got == want)
    return f"{right}/{len(EXPECTED_DATES)}"


def _title_types(lib: str) -> bool:
    """Atom `type="html"` and `type="text"` titles told apart (so `<title>` text survives)."""
    data = _edge("xml-base.atom")
    if lib == "feedparser":
        import feedparser

        entries = feedparser.parse(data).entries
    else:
        import fastfeedparser

        entries = fastfeedparser.parse(data).entries
    types = [(e.get("title_detail") or {}).get("type") for e in entries[:2]]
    return types == ["text/html", "text/plain"]


def _json(lib: str, name: str, count: int) -> bool:
    data = (FEEDS / name).read_bytes() if (FEEDS / name).exists() else _edge(name)
    return len(run(lib, data)) == count


CHECKS: list[tuple[str, Callable[[str], object]]] = [
    ("relative links resolved against the feed URL", _relative),
    (
        "entry xml:base honoured",
        lambda lib: run(lib, _edge("xml-base.atom"))[1].link == "https://other.example/second",
    ),
    ("dates right out of 12 odd formats", _odd_dates),
    (
        "RSS 1.0 dc:date read as the date",
        lambda lib: run(lib, (FEEDS / "dw-all.rdf").read_bytes())[0].published is not None,
    ),
    ("JSON Feed 1.0 (real, 10 items)", lambda lib: _json(lib, "humanwhocodes.json", 10)),
    ("JSON Feed 1.1 (2 items)", lambda lib: _json(lib, "jsonfeed-1.1.json", 2)),
    (
        "broken rss:-prefixed feed (35 items)",
        lambda lib: len(run(lib, (FEEDS / "rss-prefixed-oddity.xml").read_bytes())) == 35,
    ),
    (
        "RSS 0.91 with latin-1 titles",
        lambda lib: _titles(lib, _edge("rss091.xml"))[1] == "Café du port : nouveaux horaires",
    ),
    ("HTML page gives no entries", lambda lib: run(lib, _edge("not-a-feed.html")) == []),
    (
        "entities not expanded (10 KB laughs)",
        lambda lib: all(len(t or "") < 1000 for t in _titles(lib, LAUGHS)),
    ),
    ("says whether a title is text or HTML", _title_types),
    (
        "guid left empty when the feed has none",
        lambda lib: run(lib, _edge("missing-guids.rss"))[0].guid is None,
    ),
]


def checks() -> None:
    """Each known-answer check, per library."""
    print(f"\n{'check':44} {'feedparser':>11} {'fastfeedparser':>15}")
    for name, check in CHECKS:
        cells = [_mark(check(lib)) for lib in LIBRARIES]
        print(f"{name:44} {cells[0]:>11} {cells[1]:>15}")


def _mark(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def real_feeds() -> list[Path]:
    """The saved real feeds (not the hand-written edge cases)."""
    return sorted(p for p in FEEDS.iterdir() if p.is_file() and p.suffix != ".md")


def main() -> int:
    """Print the three tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per feed (median)")
    args = parser.parse_args()
    try:
        import fastfeedparser
        import feedparser
    except ImportError:
        print("needs both libraries: .venv/bin/pip install feedparser==6.0.14", file=sys.stderr)
        return 1
    print(f"feedparser {feedparser.__version__}, fastfeedparser {_version(fastfeedparser)}\n")
    speed(args.repeat)
    coverage()
    checks()
    return 0


def _version(module: object) -> str:
    from importlib.metadata import version

    return getattr(module, "__version__", None) or version("fastfeedparser")


if __name__ == "__main__":
    sys.exit(main())
