"""The "before" corpora: copies of built benchmark corpora taken back to an older schema revision.

Run (after `benchmarks.build_corpus`): `.venv/bin/python -m benchmarks.baseline --revision 0004
[--sizes 100000] [--backends sqlite postgres]`.

The copies hold the very same rows as the corpora they copy; only the schema differs (the
downgrade drops what later migrations added: rollups, indexes). Measure them with the code of
that time, so that "before" and "after" differ by the change and nothing else:

    git worktree add /tmp/before <commit> && cp -r benchmarks /tmp/before/
    cd /tmp/before && ANALYST_BENCH_DATA=<data>/before ANALYST_BENCH_PG_PREFIX=analyst_before_ \\
        <venv>/bin/python -m benchmarks.query_latency --sizes 100000

(BENCHMARKS.md records the commit and the figures.)
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sqlite3
import sys
import time

from benchmarks import bench_db
from storage.engine import create_engine
from storage.migrate import downgrade_database

BEFORE_DIR = bench_db.DATA / "before"
BEFORE_PREFIX = "analyst_before_"


def _copy_sqlite(size: int) -> str:
    source = bench_db.sqlite_path(size)
    with sqlite3.connect(source) as db:  # everything in the main file, nothing left in the WAL
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    BEFORE_DIR.mkdir(parents=True, exist_ok=True)
    target = BEFORE_DIR / source.name
    for old in BEFORE_DIR.glob(source.name + "*"):
        old.unlink()
    shutil.copyfile(source, target)
    return f"sqlite+aiosqlite:///{target}"


async def _copy_postgres(size: int) -> str:
    name = f"{BEFORE_PREFIX}{size}"
    await bench_db.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await bench_db.admin(f'CREATE DATABASE "{name}" TEMPLATE "{bench_db.pg_name(size)}"')
    return bench_db.database_url("postgres", size).replace(bench_db.pg_name(size), name)


async def make_copy(backend: str, size: int, revision: str) -> float:
    """Copy one corpus and downgrade the copy; seconds taken."""
    start = time.perf_counter()
    url = _copy_sqlite(size) if backend == "sqlite" else await _copy_postgres(size)
    engine = create_engine(url)
    try:
        await downgrade_database(engine, revision)
    finally:
        await engine.dispose()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Make the requested copies."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--revision", required=True, help="the schema revision to go back to")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument(
        "--backends", nargs="+", choices=bench_db.BACKENDS, default=list(bench_db.BACKENDS)
    )
    args = parser.parse_args(argv)
    for size in args.sizes:
        for backend in args.backends:
            seconds = asyncio.run(make_copy(backend, size, args.revision))
            print(f"{backend:8} {size:>7,}: copied at revision {args.revision} in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
