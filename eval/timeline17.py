"""Event dates on Timeline17: the days our events point at, against journalists' timelines.

Run: `.venv/bin/python -m eval.timeline17 [--limit-topics N] [--per-day N]`.

For each gold timeline (news-tls setup, Gholipour Ghalandari & Ifrim 2020): the input is the
topic's articles published between the timeline's first and last date; the predicted timeline is
the k days (k = the gold timeline's number of dates) in that range that most of our day-precision
events point at (ties: earlier day first); date P/R/F1 compare the two sets of days. Averages as
news-tls: precision and recall averaged over timelines, F1 of the averages (the mean of per-timeline
F1 is printed too). Coverage: the share of gold days among all day-precision event dates of the
input articles. A second row ranks days by the number of articles published on them (a
publication-date baseline). This is a date-selection baseline, not a summariser.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import tarfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from analysis.events import extract_events
from analysis.nlp import analyse_texts, fit_length, load_nlp
from analysis.types import Precision
from eval.common import DEFAULT_DATA, MODEL, emit, f1_of, pct, table

log = logging.getLogger(__name__)

MEMBER = re.compile(r"^Timeline17/([^/]+)/InputDocs/(\d{4}-\d{2}-\d{2})/([^/]+)\.htm\.txt$")
_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_DETOK = [
    (re.compile(r"``\s*"), "“"),
    (re.compile(r"\s*''"), "”"),
    (re.compile(r"([(\[{“$])\s+"), r"\1"),
    (re.compile(r"\s+([)\]}”,.;:!?%])"), r"\1"),
    (re.compile(r"\s+('s|'re|'ve|'ll|'d|'m|n't|')\b", re.IGNORECASE), r"\1"),
    (re.compile(r"\s+(')(?=\s|$)"), r"\1"),
    (re.compile(r"[ \t]{2,}"), " "),
]
BATCH = 32


def detokenize(text: str) -> str:
    """Undo PTB tokenisation: bracket escapes, `` '' quotes, spaces before punctuation."""
    for escape, bracket in _BRACKETS.items():
        text = text.replace(escape, bracket)
    lines = []
    for raw in text.splitlines():
        line = raw
        for pattern, repl in _DETOK:
            line = pattern.sub(repl, line)
        lines.append(line.strip())
    return "\n".join(line for line in lines if line)


@dataclass(frozen=True)
class GoldTimeline:
    """One journalist timeline: its topic, name and days."""

    topic: str
    name: str
    dates: frozenset[date]

    @property
    def start(self) -> date:
        """The first day of the timeline."""
        return min(self.dates)

    @property
    def end(self) -> date:
        """The last day of the timeline."""
        return max(self.dates)


@dataclass(frozen=True)
class ArticleDates:
    """One input article reduced to what the scoring needs: its day and its events' days."""

    published: date
    events: tuple[date, ...]
    parsed: bool = True


def load_gold(gold_dir: Path) -> list[GoldTimeline]:
    """Every gold timeline (timelines.jsonl of each topic folder), in topic order."""
    timelines = []
    for topic_dir in sorted(p for p in gold_dir.iterdir() if p.is_dir()):
        lines = (topic_dir / "timelines.jsonl").read_text(encoding="utf-8").splitlines()
        for n, line in enumerate(x for x in lines if x.strip()):
            days = frozenset(date.fromisoformat(d[:10]) for d, _ in json.loads(line))
            timelines.append(GoldTimeline(topic_dir.name, f"{topic_dir.name}#{n + 1}", days))
    return timelines


Item = tuple[str, date, str | None]


def stream_articles(
    tar_path: Path, wanted: dict[str, list[tuple[date, date]]], per_day: int | None
) -> Iterator[Item]:
    """(topic, publication day, detokenised text) of the input docs inside the wanted spans.

    Past `per_day` articles of one topic and day the text is None: the article still counts
    for the publication-day baseline but is not parsed.
    """
    seen: Counter[tuple[str, date]] = Counter()
    with tarfile.open(tar_path, mode="r|xz") as archive:
        for member in archive:
            match = MEMBER.match(member.name)
            if not member.isfile() or match is None or match.group(1) not in wanted:
                continue
            topic, day = match.group(1), date.fromisoformat(match.group(2))
            if not any(a <= day <= b for a, b in wanted[topic]):
                continue
            seen[topic, day] += 1
            if per_day is not None and seen[topic, day] > per_day:
                yield topic, day, None
                continue
            handle = archive.extractfile(member)
            if handle is not None:
                yield topic, day, detokenize(handle.read().decode("utf-8", errors="replace"))


def event_days(batch: Sequence[tuple[str, date, str]], max_chars: int) -> list[ArticleDates]:
    """Our day-precision event dates for a batch of articles, via the ingestion extractors."""
    nlp = load_nlp(MODEL)
    out = []
    texts = (fit_length(text, max_chars) for _, _, text in batch)
    parsed = analyse_texts(nlp, texts, batch_size=BATCH)
    for (_, day, _), (doc, analysis) in zip(batch, parsed, strict=True):
        events = extract_events(doc, analysis, day, Precision.DAY)
        days = tuple(e.date for e in events if e.date and e.precision is Precision.DAY)
        out.append(ArticleDates(day, days))
    return out


def extract_all(articles: Iterable[Item], max_chars: int) -> dict[str, list[ArticleDates]]:
    """Per topic, every input article's event days; parsed in batches to bound memory."""
    found: dict[str, list[ArticleDates]] = {}
    batch: list[tuple[str, date, str]] = []
    for topic, day, text in articles:
        if text is None:
            found.setdefault(topic, []).append(ArticleDates(day, (), parsed=False))
            continue
        batch.append((topic, day, text))
        if len(batch) == BATCH * 4:
            _flush(batch, found, max_chars)
    _flush(batch, found, max_chars)
    return found


def _flush(
    batch: list[tuple[str, date, str]], found: dict[str, list[ArticleDates]], max_chars: int
) -> None:
    """Extract one batch into `found` and empty it."""
    for (topic, _, _), dates in zip(batch, event_days(batch, max_chars), strict=True):
        found.setdefault(topic, []).append(dates)
    if batch:
        log.info("parsed %d articles, last topic %s", sum(map(len, found.values())), batch[-1][0])
    batch.clear()


def top_days(counts: Counter[date], k: int, start: date, end: date) -> set[date]:
    """The k days in [start, end] with the highest counts, earlier day first on ties."""
    ranked = sorted((d for d in counts if start <= d <= end), key=lambda d: (-counts[d], d))
    return set(ranked[:k])


def date_prf(predicted: set[date], gold: frozenset[date]) -> tuple[float, float, float]:
    """Date-selection precision, recall and F1 (exact day match)."""
    shared = len(predicted & gold)
    p = shared / len(predicted) if predicted else 0.0
    r = shared / len(gold) if gold else 0.0
    return p, r, f1_of(p, r)


@dataclass(frozen=True)
class TimelineScore:
    """The figures for one gold timeline."""

    name: str
    n_articles: int
    n_parsed: int
    k: int
    events: tuple[float, float, float]
    published: tuple[float, float, float]
    coverage: float


def score_timeline(gold: GoldTimeline, articles: Sequence[ArticleDates]) -> TimelineScore:
    """Event-count and publication-count timelines against one gold timeline, and coverage."""
    inputs = [a for a in articles if gold.start <= a.published <= gold.end]
    by_events = Counter(d for a in inputs for d in a.events)
    by_published = Counter(a.published for a in inputs)
    k = len(gold.dates)
    coverage = len(gold.dates & set(by_events)) / k
    return TimelineScore(
        gold.name,
        len(inputs),
        sum(a.parsed for a in inputs),
        k,
        date_prf(top_days(by_events, k, gold.start, gold.end), gold.dates),
        date_prf(top_days(by_published, k, gold.start, gold.end), gold.dates),
        coverage,
    )


def averages(scores: Sequence[TimelineScore]) -> dict[str, float]:
    """news-tls averaging: mean P and R, F1 of the means; plus mean F1 and mean coverage."""
    n = len(scores) or 1
    out: dict[str, float] = {}
    for label, pick in (("events", 0), ("published", 1)):
        rows = [s.events if pick == 0 else s.published for s in scores]
        p, r = sum(x[0] for x in rows) / n, sum(x[1] for x in rows) / n
        out[f"{label} P"], out[f"{label} R"], out[f"{label} F1"] = p, r, f1_of(p, r)
        out[f"{label} mean F1"] = sum(x[2] for x in rows) / n
    out["coverage"] = sum(s.coverage for s in scores) / n
    return out


def _row(s: TimelineScore) -> list[object]:
    """One timeline's table row."""
    p, r, f = s.events
    return [
        s.name,
        s.n_articles,
        s.n_parsed,
        s.k,
        f"{p:.3f}",
        f"{r:.3f}",
        f"{f:.3f}",
        f"{s.published[2]:.3f}",
        pct(s.coverage),
    ]


def report(scores: Sequence[TimelineScore]) -> str:
    """Per-timeline rows and the average, as a Markdown table."""
    heads = [
        "timeline",
        "articles",
        "parsed",
        "k",
        "events P",
        "events R",
        "events F1",
        "pub F1",
        "coverage",
    ]
    avg = averages(scores)
    mean = [
        "**mean (news-tls)**",
        sum(s.n_articles for s in scores),
        sum(s.n_parsed for s in scores),
        "",
        f"{avg['events P']:.3f}",
        f"{avg['events R']:.3f}",
        f"{avg['events F1']:.3f}",
        f"{avg['published F1']:.3f}",
        pct(avg["coverage"]),
    ]
    note = (
        f"mean of per-timeline F1: events {avg['events mean F1']:.3f}, "
        f"publication days {avg['published mean F1']:.3f}"
    )
    return table(heads, [*(_row(s) for s in scores), mean]) + "\n\n" + note


def wanted_spans(timelines: Sequence[GoldTimeline]) -> dict[str, list[tuple[date, date]]]:
    """Per topic, the date spans of its gold timelines (the input windows)."""
    spans: dict[str, list[tuple[date, date]]] = {}
    for tl in timelines:
        spans.setdefault(tl.topic, []).append((tl.start, tl.end))
    return spans


def main(argv: Sequence[str] | None = None) -> int:
    """Score our event dates as a date-selection timeline on Timeline17 and print the table."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit-topics", type=int, default=None, help="first N topics only")
    parser.add_argument("--per-day", type=int, default=None, help="parse at most N per day")
    parser.add_argument(
        "--max-chars", type=int, default=1_000_000, help="cut each article to N characters"
    )
    args = parser.parse_args(argv)
    began = time.perf_counter()
    root = args.data / "timeline17"
    timelines = load_gold(root / "gold_timelines")
    topics = sorted({t.topic for t in timelines})[: args.limit_topics]
    timelines = [t for t in timelines if t.topic in topics]
    stream = stream_articles(root / "Timeline17.tar.xz", wanted_spans(timelines), args.per_day)
    found = extract_all(stream, args.max_chars)
    scores = [score_timeline(t, found.get(t.topic, [])) for t in timelines]
    emit(
        f"Timeline17: {len(topics)} topics, {len(timelines)} timelines, "
        f"{sum(a.parsed for v in found.values() for a in v)} of "
        f"{sum(map(len, found.values()))} input articles parsed "
        f"(per-day cap {args.per_day}, cut at {args.max_chars} characters)",
        report(scores),
        f"elapsed {time.perf_counter() - began:.0f} s",
    )
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    sys.exit(main())
