"""The ingestion pipeline taken apart: each stage of `bot.services.pipeline` timed on its own.

Used by `benchmarks.ingest_speed --breakdown`. The stages are the pipeline's own functions,
called in the order `IngestService` calls them, in the main thread, so a stage's share of the
time is what a profiler would attribute to it (spaCy's own work is the `nlp.pipe` line).
"""

from __future__ import annotations

import asyncio
import csv
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


class Clock:
    """Seconds spent per named stage."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Add the time spent in the block to the stage."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - start

    def call(self, name: str, fn: Callable[..., T], *args: Any) -> T:
        """Call fn(*args) and add its time to the stage."""
        with self.stage(name):
            return fn(*args)


def _payloads(folder: Path) -> list[dict[str, object]]:
    with (folder / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        {
            "path": str((folder / r["path"]).resolve()),  # as a queued job holds it
            "kind": "text",
            "title": r["title"] or None,
            "outlet": r["outlet"] or None,
            "author": r["author"] or None,
            "published": r["published"] or None,
        }
        for r in rows
    ]


def _analyse(clock: Clock, nlp: Any, prepared: list[Any], batch_size: int) -> list[Any]:
    """What `analyse_batch` does, stage by stage."""
    from analysis.events import extract_events
    from analysis.nlp import analyse_doc
    from analysis.quotes import extract_quotes
    from analysis.terms import extract_terms
    from analysis.types import Precision
    from bot.services import pipeline

    docs = nlp.pipe((p.record.text for p in prepared), batch_size=batch_size)
    records = []
    for item in prepared:
        doc = clock.call("nlp.pipe (spaCy)", next, docs)
        analysis = clock.call("analyse_doc (sentences, entities)", analyse_doc, doc)
        record = item.record
        precision = Precision(record.date_precision)
        found = clock.call(
            "extract_events", extract_events, doc, analysis, record.published, precision
        )
        with clock.stage("captions (nlp + events)"):
            if item.captions:
                cap = nlp(item.captions)
                extract_events(cap, analyse_doc(cap), record.published, precision)
        quotes = clock.call("extract_quotes", extract_quotes, doc, analysis)
        terms = clock.call("extract_terms", extract_terms, doc, analysis)
        with clock.stage("records (dataclasses)"):
            record = replace(
                record,
                sentences=tuple((s.index, s.start, s.end, s.text) for s in analysis.sentences),
                mentions=pipeline._mentions(analysis),
                events=pipeline._events(found, analysis),
                quotes=pipeline._quotes(quotes, analysis),
                terms=tuple(sorted(terms.items())),
            )
        records.append(record)
    return records


async def _store(clock: Clock, folder: Path, records: list[Any]) -> None:
    from storage.articles import find_exact_duplicate, insert_article, near_duplicate_candidates
    from storage.engine import create_engine, session_factory
    from storage.migrate import upgrade_database

    engine = create_engine(f"sqlite+aiosqlite:///{folder / 'stages.db'}")
    await upgrade_database(engine)
    sessions = session_factory(engine)
    for record in records:
        with clock.stage("duplicate look-ups (SQL)"):
            async with sessions() as session:
                await find_exact_duplicate(session, record.canonical_url, record.content_hash)
                await near_duplicate_candidates(session, record.band_keys)
        with clock.stage("insert_article (SQL)"):
            async with sessions.begin() as session:
                await insert_article(session, record)
    await engine.dispose()


def time_stages(folder: Path, nlp: Any, batch_size: int) -> dict[str, Any]:
    """Seconds per stage over every text of the folder's manifest."""
    from analysis.sources import SourceError
    from bot.services.pipeline import prepare

    for old in folder.glob("stages.db*"):
        old.unlink()
    clock = Clock()
    payloads = _payloads(folder)
    prepared = []
    for number, payload in enumerate(payloads):
        try:
            prepared.append(
                clock.call("prepare (read, clean, minhash)", prepare, number, payload, 5_000_000)
            )
        except SourceError as exc:  # the full run fails it too; say so, never silently
            print(f"breakdown: {payload['path']}: {exc}", file=sys.stderr)
    if not prepared:
        raise SystemExit("breakdown: no article could be read, so no stage was timed")
    records = _analyse(clock, nlp, prepared, batch_size)
    asyncio.run(_store(clock, folder, records))
    return {"articles": len(records), "seconds": dict(clock.seconds)}
