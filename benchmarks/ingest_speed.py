"""Ingestion speed: the full pipeline against bare `nlp.pipe` on the same real texts, in one run.

Run: `.venv/bin/python -m benchmarks.ingest_speed [--n 300] [--batch-size 16] [--rows full pool1
pool2] [--breakdown]`.

The texts (half Timeline17, half PolNeAR; see `benchmarks.real_texts`) are written once as files
and a manifest. Each measurement then runs in a fresh child process, so neither inherits the
other's memory or warm caches beyond the same small warm-up:

- bare: `nlp.pipe` over the raw texts (each cut to the 25,000-token article budget, as
  ingestion cuts it), nothing else;
- full: `IngestService` on a fresh SQLite file: enqueue the manifest, clean, fingerprint,
  de-duplicate, parse, extract (sentences, mentions, events, quotes, terms) and store, with the
  analysis in this process (`ANALYST_ANALYSIS_PROCESSES=0`);
- pool1, pool2: the same with the analysis in one or two child processes (the default on this
  2-core machine is two); the children are started and warmed before the clock starts;
- breakdown (optional): the pipeline's stages called one by one in the main thread, timed each.

Peak memory is `ru_maxrss` (model included): the parent's, and for the pool rows the largest
analysis child's. Targets: one analysis process ≥ 0.85 × bare, two processes ≥ 1.6 × bare
(bare is one process).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.real_texts import real_texts, write_corpus

TARGET_RATIO = 0.85
TARGET_POOL2 = 1.6  # two processes on two cores against bare single-process nlp.pipe
WARM_UP = 8


def _rss_mib() -> float:
    """Peak resident set size of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds(who: int) -> float:
    """User plus system CPU seconds of this process or of its reaped children."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def _model() -> Any:
    from analysis.nlp import load_nlp
    from config.settings import Settings

    return load_nlp(Settings.model_validate({}).spacy_model)


def _warm(nlp: Any, texts: list[str]) -> None:
    for _doc in nlp.pipe(texts[:WARM_UP]):
        pass


def phase_bare(folder: Path, batch_size: int) -> dict[str, Any]:
    """Bare nlp.pipe over the raw texts, each cut to the article budget as ingestion cuts it.

    Without the cut, bare would parse the ~100,000 tokens of the longest transcript that the
    pipeline (since the per-article budget) analyses only 25,000 of, and flatter the ratio.
    """
    from analysis.budget import cap_words

    texts = [cap_words(text) for text in _texts(folder)]
    nlp = _model()
    _warm(nlp, texts)
    ready = _rss_mib()
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    seconds = time.perf_counter() - start
    words = sum(len(t.split()) for t in texts)
    return {
        "articles": len(texts),
        "words": words,
        "seconds": seconds,
        "ready_mib": ready,
        "peak_mib": _rss_mib(),
    }


async def _warm_analyzer(analyzer: Any, texts: list[str]) -> None:
    """Start the children (or load the model) and run a few texts through, untimed and unstored."""
    from bot.services.analysis_work import AnalysisTask, Rejected

    tasks = [
        AnalysisTask(-n, {"content": t, "kind": "text"}) for n, t in enumerate(texts[:WARM_UP])
    ]
    prepared = await asyncio.gather(*(analyzer.prepare(task) for task in tasks))
    ready = [p for p in prepared if not isinstance(p, Rejected)]
    await asyncio.gather(*(analyzer.analyse(p) for p in ready))


async def _full(folder: Path, batch_size: int, processes: int) -> dict[str, Any]:
    from bot.app import open_analyst
    from config.settings import Settings

    url = f"sqlite+aiosqlite:///{folder / 'bench.db'}"
    settings = Settings.model_validate(
        {"database_url": url, "nlp_batch_size": batch_size, "analysis_processes": processes}
    )
    async with open_analyst(settings) as analyst:
        await _warm_analyzer(analyst.ingest.analyzer, _texts(folder))
        ready = _rss_mib()
        start, cpu = time.perf_counter(), _cpu_seconds(resource.RUSAGE_SELF)
        enqueued = await analyst.ingest.enqueue_paths([folder / "manifest.csv"])
        outcomes = await analyst.ingest.run(enqueued.job_ids)
        seconds = time.perf_counter() - start
        parent_cpu = _cpu_seconds(resource.RUSAGE_SELF) - cpu
        stored = await analyst.articles.count()
    children_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    children_cpu = _cpu_seconds(resource.RUSAGE_CHILDREN)  # warm-up included: a few seconds
    statuses = [o.status for o in outcomes]
    return {
        "articles": len(outcomes),
        "new": statuses.count("new"),
        "stored": stored,
        "failed": [o.message for o in outcomes if o.status == "failed"][:5],
        "seconds": seconds,
        "ready_mib": ready,
        "peak_mib": _rss_mib(),
        "children_peak_mib": children_peak if processes else 0.0,
        "parent_cpu": parent_cpu,
        "children_cpu": children_cpu,
        "db_mib": (folder / "bench.db").stat().st_size / 2**20,
    }


def _ingest(folder: Path, batch_size: int, processes: int) -> dict[str, Any]:
    """The whole ingestion, from manifest to stored rows, on a fresh SQLite file."""
    for old in folder.glob("bench.db*"):
        old.unlink()
    result = asyncio.run(_full(folder, batch_size, processes))
    result["words"] = sum(len(t.split()) for t in _texts(folder))
    return result


def phase_full(folder: Path, batch_size: int) -> dict[str, Any]:
    """The whole ingestion with analysis in this process (ANALYST_ANALYSIS_PROCESSES=0)."""
    return _ingest(folder, batch_size, 0)


def phase_pool1(folder: Path, batch_size: int) -> dict[str, Any]:
    """The whole ingestion with one analysis child process."""
    return _ingest(folder, batch_size, 1)


def phase_pool2(folder: Path, batch_size: int) -> dict[str, Any]:
    """The whole ingestion with two analysis child processes (one per core here)."""
    return _ingest(folder, batch_size, 2)


def phase_breakdown(folder: Path, batch_size: int) -> dict[str, Any]:
    """Each stage of the pipeline timed on its own (main thread, same texts)."""
    from benchmarks.stages import time_stages

    return time_stages(folder, _model(), batch_size)


PHASES = {
    "bare": phase_bare,
    "full": phase_full,
    "pool1": phase_pool1,
    "pool2": phase_pool2,
    "breakdown": phase_breakdown,
}
ROWS = (
    ("in-process", "full", TARGET_RATIO),
    ("pool, 1 process", "pool1", TARGET_RATIO),
    ("pool, 2 processes", "pool2", TARGET_POOL2),
)


def _child(phase: str, folder: Path, batch_size: int) -> dict[str, Any]:
    """Run one phase in a fresh interpreter and read the JSON it prints last."""
    command = [
        sys.executable,
        "-m",
        "benchmarks.ingest_speed",
        "--phase",
        phase,
        "--dir",
        str(folder),
        "--batch-size",
        str(batch_size),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise SystemExit(f"{phase} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _rate(result: dict[str, Any]) -> tuple[float, float]:
    return result["articles"] / result["seconds"], result["words"] / result["seconds"]


def report(n: int, bare: dict[str, Any], runs: dict[str, dict[str, Any]]) -> str:
    """The figures as a small table, each row's ratio against bare nlp.pipe and its target."""
    ba, _bw = _rate(bare)
    lines = [
        f"{n} real articles, {bare['words']:,} words (Timeline17 + PolNeAR)",
        f"{'':18} {'seconds':>8} {'articles/s':>11} {'words/s':>9} {'parent peak':>11} "
        f"{'child peak':>10} {'ratio':>6}",
    ]
    rows: list[tuple[str, dict[str, Any], float | None]] = [("bare nlp.pipe", bare, None)]
    rows += [(name, runs[phase], target) for name, phase, target in ROWS if phase in runs]
    for name, r, target in rows:
        a, w = _rate(r)
        child = f"{r['children_peak_mib']:8.0f}Mi" if r.get("children_peak_mib") else f"{'-':>10}"
        ratio = a / ba
        verdict = "" if target is None else ("meets" if ratio >= target else "MISSES")
        goal = "" if target is None else f" ({verdict} {target})"
        lines.append(
            f"{name:18} {r['seconds']:8.1f} {a:11.2f} {w:9,.0f} {r['peak_mib']:9.0f}Mi "
            f"{child} {ratio:6.2f}{goal}"
        )
    for name, phase, _target in ROWS:
        if phase not in runs:
            continue
        r = runs[phase]
        lines.append(
            f"{name}: stored {r['stored']} ({r['new']} new of {r['articles']} jobs); CPU "
            f"seconds: parent {r['parent_cpu']:.1f}, children {r['children_cpu']:.1f}"
        )
        if r["failed"]:
            lines.append(f"  failed (first 5): {r['failed']}")
    return "\n".join(lines)


def _breakdown_report(stages: dict[str, Any]) -> str:
    total = sum(stages["seconds"].values())
    lines = [f"stage breakdown ({stages['articles']} articles, {total:.1f} s in all):"]
    for name, seconds in sorted(stages["seconds"].items(), key=lambda kv: -kv[1]):
        lines.append(f"  {name:28} {seconds:7.2f} s  {100 * seconds / total:5.1f}%")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Prepare the texts, run both phases in child processes and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="real articles to ingest")
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size")
    parser.add_argument("--breakdown", action="store_true", help="also time each stage")
    parser.add_argument(
        "--rows",
        nargs="+",
        default=["full", "pool1", "pool2"],
        choices=["full", "pool1", "pool2"],
        help="ingestion rows to run beside bare nlp.pipe",
    )
    parser.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    parser.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        print(json.dumps(PHASES[args.phase](args.dir, args.batch_size)))
        return 0
    with tempfile.TemporaryDirectory(prefix="analyst-ingest-bench-") as tmp:
        folder = Path(tmp)
        write_corpus(real_texts(args.n), folder)
        bare = _child("bare", folder, args.batch_size)
        runs = {phase: _child(phase, folder, args.batch_size) for phase in args.rows}
        print(report(args.n, bare, runs))
        if args.breakdown:
            print(_breakdown_report(_child("breakdown", folder, args.batch_size)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
