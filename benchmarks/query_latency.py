"""Query latency: p50 and p95 of every command's service call, beside the bare query it rests on.

Run (after `benchmarks.build_corpus`): `.venv/bin/python -m benchmarks.query_latency
[--sizes 1000 10000 100000] [--backends sqlite postgres] [--runs 30] [--only search ...]
[--json results.json] [--unsettled]`.

Each command is called through the same `Analyst` container the CLI and the bot use (the
service call: repositories, SQL and the Python that shapes the answer; not the rendering).
Its floor is the one SQL or full-text query the answer cannot do without, run on the same
connection pool. Every call gets `--warm-up` unmeasured runs, then `--runs` measured ones
(fewer, at least 5, once a call has taken 30 s: the `runs` column says how many). `cpu p50` is
the median process CPU time of a call (Python, and SQLite's work in its threads; not the
PostgreSQL server's): on a machine others load, it moves less than the wall time does.
Names and words are picked from the corpus itself (the most quoted speaker, the most mentioned
person, a term used by about 3% of the articles), so every call has something to find.
The process is settled first as the bot settles once ready (`bot.heap.settle_heap`: start-up's
objects frozen out of the collector's full scans); `--unsettled` measures without that.

Targets: p95 < 150 ms for every command at 100,000 articles, compare < 500 ms, autocomplete
< 50 ms (all three kinds: names, topics, article titles).
"""

# ruff: noqa: S608  (SQL is built from this module's constants and the corpus's own ids)

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import math
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.ext.asyncio import AsyncSession

from benchmarks import bench_db
from bot.app import Analyst, open_analyst
from bot.errors import UserFacingError
from bot.heap import settle_heap
from config.settings import Settings

log = logging.getLogger(__name__)

TARGET_MS = {"compare": 500.0}
AUTOCOMPLETE_MS = 50.0
DEFAULT_TARGET_MS = 150.0
RANGE = ("2020-01-01", "2020-06-30")
YEARS = ("2016", "2024")
PHRASE = '"white house"'
TITLE_WORDS = "clinton"  # what a member types to find an article by its title
COMMON = "said"
BUDGET_S = 30.0
MIN_RUNS = 5


@dataclass(frozen=True)
class Picks:
    """What the calls ask about, chosen from the corpus so that each finds something."""

    speaker: str
    speaker_id: int
    person: str
    person_id: int
    term: str
    article_id: int


@dataclass(frozen=True)
class Row:
    """One command's figures on one corpus."""

    backend: str
    size: int
    command: str
    p50: float
    p95: float
    floor_p50: float
    floor_p95: float
    target: float
    runs: int
    error: str = ""
    cpu_p50: float = float("nan")

    @property
    def meets(self) -> bool:
        """Whether the p95 is under the target."""
        return not self.error and self.p95 < self.target


async def _one(session: AsyncSession, sql: str, **params: Any) -> Any:
    return (await session.execute(text(sql), params)).first()


async def _all(session: AsyncSession, sql: str, **params: Any) -> list[Any]:
    return list((await session.execute(text(sql), params)).all())


async def _resolving(analyst: Analyst, rows: list[Any]) -> tuple[int, str]:
    """The first (id, name) whose name the commands resolve to that very entity."""
    for entity_id, name in rows:
        try:
            found = await analyst.people.find_entity(name)
        except UserFacingError:
            continue
        if found.id == entity_id:
            return entity_id, name
    raise SystemExit("no unambiguous name among the candidates")


async def pick(analyst: Analyst) -> Picks:
    """The most quoted speaker and the most mentioned person that a name resolves to
    unambiguously, a mid-frequency term, an article in the middle."""
    async with analyst.sessions() as s:
        speakers = await _all(
            s,
            "SELECT e.id, e.name FROM quotes q JOIN entities e ON e.id = q.entity_id"
            " GROUP BY e.id, e.name ORDER BY count(*) DESC LIMIT 20",
        )
        people = await _all(
            s,
            "SELECT id, name FROM entities WHERE kind = 'person'"
            " ORDER BY mention_count DESC LIMIT 20",
        )
        articles = int((await _one(s, "SELECT count(*) FROM articles"))[0])
        term = await _one(
            s,
            "SELECT term FROM article_terms WHERE article_id <= 400 GROUP BY term"
            " HAVING count(*) >= 8 ORDER BY abs(count(*) - 12), term LIMIT 1",
        )
        middle = await _one(
            s, "SELECT id FROM articles ORDER BY id LIMIT 1 OFFSET :n", n=articles // 2
        )
    speaker_id, speaker = await _resolving(analyst, speakers)
    person_id, person = await _resolving(analyst, people)
    return Picks(speaker, speaker_id, person, person_id, term[0], middle[0])


Call = Callable[[], Awaitable[Any]]


def _floor(analyst: Analyst, sql: str, **params: Any) -> Call:
    statement = text(sql)
    dates = [k for k, v in params.items() if isinstance(v, date)]
    if dates:
        statement = statement.bindparams(*(bindparam(k, type_=_date_type()) for k in dates))

    async def run() -> Any:
        async with analyst.sessions() as session:
            return (await session.execute(statement, params)).all()

    return run


def _date_type() -> Any:
    from sqlalchemy import Date

    return Date()


def _fts(backend: str, limit: int = 10) -> str:
    if backend == "sqlite":
        return f"SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q LIMIT {limit}"
    return (
        "SELECT id FROM articles WHERE search_vector @@ websearch_to_tsquery('english', :q)"
        f" LIMIT {limit}"
    )


def calls(analyst: Analyst, backend: str, p: Picks) -> dict[str, tuple[Call, Call]]:
    """Every command's service call and the bare query it rests on."""
    a, b = date.fromisoformat(RANGE[0]), date.fromisoformat(RANGE[1])
    events = "SELECT id FROM events WHERE date IS NOT NULL{} ORDER BY date LIMIT 100"
    by_entity = (
        "SELECT e.id FROM events e JOIN event_entities ee ON ee.event_id = e.id"
        " WHERE ee.entity_id = :eid AND e.date IS NOT NULL ORDER BY e.date LIMIT 100"
    )
    year_counts = (
        "SELECT m.entity_id, count(*) FROM mentions m JOIN articles a ON a.id = m.article_id"
        " WHERE a.published BETWEEN :a AND :b GROUP BY m.entity_id"
    )
    key_rows = (  # what the key-date ranking reads: every dated event's date and article
        "SELECT e.id, e.date, e.precision, a.outlet, a.published FROM events e"
        " JOIN event_entities ee ON ee.event_id = e.id JOIN articles a ON a.id = e.article_id"
        " WHERE ee.entity_id = :eid AND e.date IS NOT NULL"
    )
    busiest_rows = (  # ... and without a topic: the events of the 150 busiest dates
        "SELECT e.id, e.date, e.precision, e.article_id FROM events e WHERE e.date IN"
        " (SELECT date FROM event_days ORDER BY events DESC, date LIMIT 150)"
    )
    y1, y2 = date(int(YEARS[0]), 1, 1), date(int(YEARS[0]), 12, 31)
    aliases = (
        "SELECT entity_id FROM entity_aliases WHERE alias_key >= :a AND alias_key < :b LIMIT 25"
    )
    return {
        "timeline": (
            analyst.timeline.timeline,
            _floor(analyst, events.format("")),
        ),
        "timeline topic": (
            lambda: analyst.timeline.timeline(topic=p.person),
            _floor(analyst, by_entity, eid=p.person_id),
        ),
        "timeline key": (
            lambda: analyst.timeline.key_dates(p.person),
            _floor(analyst, key_rows, eid=p.person_id),
        ),
        "timeline key all": (  # what /timeline asks first without a topic, chart included
            lambda: analyst.timeline.key_dates(sentences=1, chart=True),
            _floor(analyst, busiest_rows),
        ),
        "timeline range": (
            lambda: analyst.timeline.timeline(from_text=RANGE[0], to_text=RANGE[1]),
            _floor(analyst, events.format(" AND date BETWEEN :a AND :b"), a=a, b=b),
        ),
        "quotes": (
            lambda: analyst.people.quotes(p.speaker),
            _floor(
                analyst,
                "SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id"
                " WHERE q.entity_id = :eid ORDER BY a.published DESC LIMIT 20",
                eid=p.speaker_id,
            ),
        ),
        "compare": (
            lambda: analyst.compare.compare(*YEARS),
            _floor(analyst, year_counts, a=y1, b=y2),
        ),
        "search word": (
            lambda: analyst.search.search(p.term),
            _floor(analyst, _fts(backend), q=p.term),
        ),
        "search phrase": (
            lambda: analyst.search.search(PHRASE),
            _floor(analyst, _fts(backend), q=PHRASE),
        ),
        "search common": (
            lambda: analyst.search.search(COMMON),
            _floor(analyst, _fts(backend), q=COMMON),
        ),
        "summary article": (
            lambda: analyst.summary.article(p.article_id),
            _floor(
                analyst,
                "SELECT position, text FROM sentences WHERE article_id = :id ORDER BY position",
                id=p.article_id,
            ),
        ),
        "summary topic": (
            lambda: analyst.summary.topic(p.person),
            _floor(
                analyst,
                "SELECT article_id, count(*) FROM mentions WHERE entity_id = :eid"
                " GROUP BY article_id ORDER BY count(*) DESC LIMIT 12",
                eid=p.person_id,
            ),
        ),
        "who": (
            lambda: analyst.people.who(p.person),
            _floor(
                analyst, "SELECT count(*) FROM mentions WHERE entity_id = :eid", eid=p.person_id
            ),
        ),
        "autocomplete": (
            lambda: analyst.people.suggest("pu"),
            _floor(analyst, aliases, a="pu", b="pv"),
        ),
        "autocomplete topic": (
            lambda: _topic_choices(analyst, p.term[:3]),
            _floor(analyst, aliases, a=p.term[:3], b=_next_prefix(p.term[:3])),
        ),
        "autocomplete article": (
            lambda: analyst.articles.titles(TITLE_WORDS),
            _floor(
                analyst,
                "SELECT id FROM articles WHERE lower(title) LIKE :q LIMIT 25",
                q=f"%{TITLE_WORDS}%",
            ),
        ),
        "stats": (
            analyst.stats.corpus,
            _floor(analyst, "SELECT count(*) FROM articles"),
        ),
    }


def _next_prefix(prefix: str) -> str:
    """The smallest string after every string that starts with the prefix."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


async def _topic_choices(analyst: Analyst, typed: str) -> Any:
    """What the topic autocomplete asks for: names, then frequent terms, starting so."""
    return await analyst.people.suggest_topics(typed, 25)


def percentile(samples: list[float], share: float) -> float:
    """The nearest-rank percentile of the samples."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


async def measure(call: Call, runs: int, warm_up: int) -> tuple[float, float, int]:
    """p50 and p95 in milliseconds over `runs` calls after `warm_up` unmeasured ones.

    A call slower than BUDGET_S / runs stops early after MIN_RUNS (a 10-second query need not
    be timed thirty times to show that it misses a 150 ms target); the runs made are returned.
    """
    p50, p95, n, _ = await measure_cpu(call, runs, warm_up)
    return p50, p95, n


async def measure_cpu(call: Call, runs: int, warm_up: int) -> tuple[float, float, int, float]:
    """`measure`'s figures, and the median process CPU time of a call in milliseconds."""
    for _ in range(warm_up):
        await call()
    samples: list[float] = []
    cpu: list[float] = []
    began = time.perf_counter()
    while len(samples) < runs:
        start, used = time.perf_counter(), time.process_time()
        await call()
        samples.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - used) * 1000)
        if len(samples) >= MIN_RUNS and time.perf_counter() - began > BUDGET_S:
            break
    return percentile(samples, 0.5), percentile(samples, 0.95), len(samples), percentile(cpu, 0.5)


async def corpus_rows(
    backend: str,
    size: int,
    runs: int,
    warm_up: int,
    only: list[str] | None,
    *,
    settle: bool = True,
) -> list[Row]:
    """Measure every command (or those named in `only`) on one corpus, in a process settled
    as the bot is once ready to serve (`bot.heap.settle_heap`), unless `settle` is off."""
    settings = Settings.model_validate({"database_url": bench_db.database_url(backend, size)})
    rows = []
    async with open_analyst(settings, migrate=False) as analyst:  # build_corpus migrated it
        picks = await pick(analyst)
        if settle:
            settle_heap()
        print(f"# {backend} {size:,}: {picks}", flush=True)
        for command, (service, floor) in calls(analyst, backend, picks).items():
            if only and not any(o in command for o in only):
                continue
            target = TARGET_MS.get(command, DEFAULT_TARGET_MS)
            if command.startswith("autocomplete"):
                target = AUTOCOMPLETE_MS
            try:
                p50, p95, n, cpu = await measure_cpu(service, runs, warm_up)
                error = ""
            except UserFacingError as exc:
                p50 = p95 = cpu = float("nan")
                n, error = 0, exc.message
            f50, f95, _ = await measure(floor, runs, warm_up)
            row = Row(backend, size, command, p50, p95, f50, f95, target, n, error, cpu)
            print(line(row), flush=True)
            rows.append(row)
    return rows


HEADER = (
    f"{'backend':8} {'articles':>8} {'command':16} {'p50 ms':>8} {'p95 ms':>8}"
    f" {'floor p50':>9} {'floor p95':>9} {'target':>7} {'runs':>4} {'cpu p50':>7}  verdict"
)


def line(row: Row) -> str:
    """One table line."""
    verdict = ("ok" if row.meets else "MISSED") + (f" ({row.error})" if row.error else "")
    return (
        f"{row.backend:8} {row.size:>8,} {row.command:16} {row.p50:8.1f} {row.p95:8.1f}"
        f" {row.floor_p50:9.1f} {row.floor_p95:9.1f} {row.target:7.0f} {row.runs:4}"
        f" {row.cpu_p50:7.1f}  {verdict}"
    )


def main(argv: list[str] | None = None) -> int:
    """Measure the requested corpora and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(bench_db.SIZES))
    parser.add_argument(
        "--backends", nargs="+", choices=bench_db.BACKENDS, default=list(bench_db.BACKENDS)
    )
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warm-up", type=int, default=3)
    parser.add_argument("--only", nargs="+", help="commands whose name contains one of these")
    parser.add_argument("--json", type=Path, help="also write the rows to this file")
    parser.add_argument(
        "--unsettled",
        action="store_true",
        help="measure without freezing start-up's objects out of the collector's scans",
    )
    args = parser.parse_args(argv)
    rows: list[Row] = []
    print(HEADER)
    for size in args.sizes:
        for backend in args.backends:
            rows += asyncio.run(
                corpus_rows(
                    backend, size, args.runs, args.warm_up, args.only, settle=not args.unsettled
                )
            )
    print("\n" + HEADER)
    print("\n".join(line(r) for r in rows))
    missed = [r for r in rows if not r.meets]
    print(f"\n{len(rows) - len(missed)} of {len(rows)} within target")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rows], indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
