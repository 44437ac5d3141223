"""The cost of polling followed feeds: 500 feeds, mostly answering 304, on one process.

Run: `.venv/bin/python -m benchmarks.feed_poll [--feeds 500] [--hosts 50] [--changed 0.1]
[--rounds 3] [--gap 0] [--backend sqlite|postgres] [--json results.json]`.

A local server in a child process (so the figures are the poller's alone) serves `--feeds` RSS
feeds of five items each, with ETags, spread over `--hosts` loopback addresses (127.0.0.1,
127.0.0.2, ...: every one reaches the same server, but each is a web host of its own to the
poller's per-host politeness). The feeds are followed through the repository (no probe fetch),
then polled with `FeedService.poll_once` as `analyst feed poll --once` does, without working
the queued jobs (that is ingestion's cost, measured elsewhere):

- round 1: every feed answers 200 and all its items are new (each is queued as a link job);
- rounds 2..N: before each, a `--changed` share of the feeds gets one new item; the rest
  answer 304 to the validators the last round saved. These are the steady state.

For each round it prints the wall time, requests per second, the database time per feed (the
time spent in SQL statements, from SQLAlchemy's cursor events, divided by the feeds polled)
and the CPU time of the poller's process (user + system). With `--gap` above 0 the per-host
gap is honoured, and the round cannot be faster than (feeds per host - 1) x gap.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import resource
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event

from bot.app import Analyst, open_analyst
from config.settings import Settings
from storage.feeds import CARDS

ITEMS = 5


@dataclass(frozen=True)
class Round:
    """One round of polls, measured."""

    name: str
    feeds: int
    requests: int
    not_modified: int
    new_items: int
    wall_s: float
    requests_per_s: float
    db_ms_per_feed: float
    statements_per_feed: float
    cpu_s: float
    cpu_ms_per_feed: float


# -------------------------------------------------------------------- the server (child process)


def _feed_document(n: int, version: int) -> bytes:
    items = []
    for serial in range(version + ITEMS, version, -1):
        slug = f"f{n}-i{serial}"
        items.append(
            f"<item><title>Story {serial} of feed {n}</title>"
            f"<link>http://news.invalid/{slug}</link><guid>urn:{slug}</guid>"
            f"<pubDate>Sat, 05 Dec 2026 {serial % 24:02d}:00:00 GMT</pubDate>"
            f"<description>What happened in story {serial}.</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Feed {n}</title><link>http://news.invalid/</link>{''.join(items)}"
        "</channel></rss>"
    ).encode()


def _serve(port_out: Any, stop: Any) -> None:
    """The child: serve /feeds/N (ETag, 304) and /bump?every=K (a new item for each N % K == 0
    shifted by the bump count), report the port, stop when told."""
    from aiohttp import web

    versions: dict[int, int] = {}
    bumps = [0]

    async def feed(request: web.Request) -> web.Response:
        n = int(request.match_info["n"])
        version = versions.get(n, 0)
        etag = f'"{n}-{version}"'
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        body = _feed_document(n, version)
        return web.Response(body=body, content_type="application/rss+xml", headers={"ETag": etag})

    async def bump(request: web.Request) -> web.Response:
        every, count = int(request.query["every"]), int(request.query["feeds"])
        bumps[0] += 1
        changed = [n for n in range(count) if (n + bumps[0]) % every == 0]
        for n in changed:
            versions[n] = versions.get(n, 0) + 1
        return web.json_response(len(changed))

    async def main() -> None:
        app = web.Application()
        app.router.add_get("/feeds/{n}", feed)
        app.router.add_get("/bump", bump)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "0.0.0.0", 0)  # noqa: S104  # every loopback address
        await site.start()
        port_out.put(runner.addresses[0][1])
        await asyncio.to_thread(stop.wait)
        await runner.cleanup()

    asyncio.run(main())


# -------------------------------------------------------------------- the poller (this process)


class DbClock:
    """Time spent in SQL statements, from the engine's cursor events."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.statements = 0
        self._started: dict[int, float] = {}

    def attach(self, analyst: Analyst) -> None:
        sync = analyst.engine.sync_engine
        event.listen(sync, "before_cursor_execute", self._before)
        event.listen(sync, "after_cursor_execute", self._after)

    def _before(self, _conn: Any, cursor: Any, *_args: Any) -> None:
        self._started[id(cursor)] = time.perf_counter()

    def _after(self, _conn: Any, cursor: Any, *_args: Any) -> None:
        started = self._started.pop(id(cursor), None)
        if started is not None:
            self.seconds += time.perf_counter() - started
            self.statements += 1


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def _round(analyst: Analyst, clock: DbClock, name: str, now: datetime) -> Round:
    db_before, cpu_before, started = clock.seconds, _cpu(), time.perf_counter()
    statements = clock.statements
    report = await analyst.feeds.poll_once(now)
    wall = time.perf_counter() - started
    cpu = _cpu() - cpu_before
    polls = len(report.polls)
    return Round(
        name=name,
        feeds=polls,
        requests=polls,
        not_modified=sum(p.status == "not modified" for p in report.polls),
        new_items=report.new_items,
        wall_s=round(wall, 2),
        requests_per_s=round(polls / wall, 1),
        db_ms_per_feed=round(1000 * (clock.seconds - db_before) / max(polls, 1), 2),
        statements_per_feed=round((clock.statements - statements) / max(polls, 1), 1),
        cpu_s=round(cpu, 2),
        cpu_ms_per_feed=round(1000 * cpu / max(polls, 1), 2),
    )


async def _bump(port: int, every: int, feeds: int) -> int:
    import aiohttp

    async with aiohttp.ClientSession() as session:
        url = f"http://127.0.0.1:{port}/bump?every={every}&feeds={feeds}"
        async with session.get(url) as response:
            return int(await response.json())


async def run(args: argparse.Namespace, port: int, database_url: str) -> list[Round]:
    hosts = [f"127.0.0.{h + 1}" for h in range(args.hosts)]
    settings = Settings(  # type: ignore[call-arg]
        database_url=database_url,
        fetch_allow=[f"{host}:{port}" for host in hosts],
        fetch_retries=0,
        feed_host_gap=args.gap,
        log_level="WARNING",
    )
    rounds = []
    async with open_analyst(settings) as analyst:
        start = datetime.now(UTC)
        repo = analyst.feeds.repository
        for n in range(args.feeds):
            host = hosts[n % len(hosts)]
            url = f"http://{host}:{port}/feeds/{n}"
            await repo.add(url, host, now=start, guild_id=0, mode=CARDS)
        clock = DbClock()
        clock.attach(analyst)
        rounds.append(await _round(analyst, clock, "first (all 200, all new)", start))
        every = max(1, round(1 / args.changed)) if args.changed > 0 else args.feeds + 1
        for r in range(2, args.rounds + 1):
            await _bump(port, every, args.feeds)
            moment = start + timedelta(seconds=settings.feed_interval * (r - 1))
            rounds.append(await _round(analyst, clock, f"steady {r} (mostly 304)", moment))
    return rounds


def _print(rounds: list[Round], args: argparse.Namespace, backend: str) -> None:
    print(
        f"feed polling: {args.feeds} feeds on {args.hosts} hosts, {args.changed:.0%} changed per"
        f" round, host gap {args.gap:g} s, {backend}, one process"
    )
    header = (
        f"{'round':<28}{'feeds':>6}{'304':>6}{'new':>6}{'wall s':>8}{'req/s':>8}"
        f"{'DB ms/feed':>12}{'SQL/feed':>10}{'CPU s':>7}{'CPU ms/feed':>13}"
    )
    print(header)
    for r in rounds:
        print(
            f"{r.name:<28}{r.feeds:>6}{r.not_modified:>6}{r.new_items:>6}{r.wall_s:>8.2f}"
            f"{r.requests_per_s:>8.1f}{r.db_ms_per_feed:>12.2f}{r.statements_per_feed:>10.1f}"
            f"{r.cpu_s:>7.2f}"
            f"{r.cpu_ms_per_feed:>13.2f}"
        )
    if args.gap > 0:
        per_host = -(-args.feeds // args.hosts)
        print(f"politeness floor per round: ({per_host} - 1) x {args.gap:g} s per host")


async def _database(backend: str, folder: Path) -> tuple[str, str | None]:
    if backend == "sqlite":
        return f"sqlite+aiosqlite:///{folder / 'feeds.db'}", None
    from benchmarks import bench_db

    name = f"analyst_bench_feeds_{uuid.uuid4().hex[:8]}"
    await bench_db.admin(f'CREATE DATABASE "{name}"')
    from sqlalchemy.engine import make_url

    url = make_url(bench_db.POSTGRES_SERVER).set(database=name)
    return url.render_as_string(hide_password=False), name


def main(argv: list[str] | None = None) -> None:
    """Start the server, follow the feeds, poll them round by round, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--hosts", type=int, default=50, help="loopback addresses, 1 to 250")
    parser.add_argument("--changed", type=float, default=0.1, help="share changed per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--gap", type=float, default=0.0, help="seconds between two requests")
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    context = multiprocessing.get_context("spawn")
    port_queue, stop = context.Queue(), context.Event()
    server = context.Process(target=_serve, args=(port_queue, stop), daemon=True)
    server.start()
    try:
        port = int(port_queue.get(timeout=30))
        with tempfile.TemporaryDirectory() as folder:
            url, pg_name = asyncio.run(_database(args.backend, Path(folder)))
            try:
                rounds = asyncio.run(run(args, port, url))
            finally:
                if pg_name is not None:
                    from benchmarks import bench_db

                    drop = f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)'
                    asyncio.run(bench_db.admin(drop))
    finally:
        stop.set()
        server.join(10)
    _print(rounds, args, args.backend)
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rounds], indent=2))


if __name__ == "__main__":
    main()
