"""Ingestion speed: the full pipeline against bare `nlp.pipe` on the same real texts, in one run.

Run: `.venv/bin/python -m benchmarks.ingest_speed [--n 300] [--batch-size 16] [--breakdown]`.

The texts (half Timeline17, half PolNeAR; see `benchmarks.real_texts`) are written once as files
and a manifest. Each measurement then runs in a fresh child process, so neither inherits the
other's memory or warm caches beyond the same small warm-up:

- bare: `nlp.pipe` over the raw texts, nothing else;
- full: `IngestService` on a fresh SQLite file: enqueue the manifest, clean, fingerprint,
  de-duplicate, parse, extract (sentences, mentions, events, quotes, terms) and store;
- breakdown (optional): the pipeline's stages called one by one in the main thread, timed each.

Peak memory is the child's `ru_maxrss` (model included); "import growth" is the peak minus the
resident size after the model was loaded and warmed up. The target ratio is full/bare ≥ 0.85.
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
WARM_UP = 8


def _rss_mib() -> float:
    """Peak resident set size of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


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
    """Bare nlp.pipe over the raw texts."""
    texts = _texts(folder)
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


async def _full(folder: Path, batch_size: int) -> dict[str, Any]:
    from bot.app import open_analyst
    from config.settings import Settings

    url = f"sqlite+aiosqlite:///{folder / 'bench.db'}"
    settings = Settings.model_validate({"database_url": url, "nlp_batch_size": batch_size})
    async with open_analyst(settings) as analyst:
        _warm(await analyst.nlp.get(), _texts(folder))
        ready = _rss_mib()
        start = time.perf_counter()
        enqueued = await analyst.ingest.enqueue_paths([folder / "manifest.csv"])
        outcomes = await analyst.ingest.run(enqueued.job_ids)
        seconds = time.perf_counter() - start
        stored = await analyst.articles.count()
    statuses = [o.status for o in outcomes]
    return {
        "articles": len(outcomes),
        "new": statuses.count("new"),
        "stored": stored,
        "failed": [o.message for o in outcomes if o.status == "failed"][:5],
        "seconds": seconds,
        "ready_mib": ready,
        "peak_mib": _rss_mib(),
        "db_mib": (folder / "bench.db").stat().st_size / 2**20,
    }


def phase_full(folder: Path, batch_size: int) -> dict[str, Any]:
    """The whole ingestion, from manifest to stored rows, on a fresh SQLite file."""
    for old in folder.glob("bench.db*"):
        old.unlink()
    result = asyncio.run(_full(folder, batch_size))
    result["words"] = sum(len(t.split()) for t in _texts(folder))
    return result


def phase_breakdown(folder: Path, batch_size: int) -> dict[str, Any]:
    """Each stage of the pipeline timed on its own (main thread, same texts)."""
    from benchmarks.stages import time_stages

    return time_stages(folder, _model(), batch_size)


PHASES = {"bare": phase_bare, "full": phase_full, "breakdown": phase_breakdown}


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


def report(n: int, bare: dict[str, Any], full: dict[str, Any]) -> str:
    """The figures as a small table and the ratio against the target."""
    (ba, bw), (fa, fw) = _rate(bare), _rate(full)
    ratio = fa / ba
    lines = [
        f"{n} real articles, {bare['words']:,} words (Timeline17 + PolNeAR)",
        f"{'':18} {'seconds':>8} {'articles/s':>11} {'words/s':>9} {'peak RSS':>9} {'growth':>7}",
    ]
    for name, r, a, w in (("bare nlp.pipe", bare, ba, bw), ("full pipeline", full, fa, fw)):
        growth = r["peak_mib"] - r["ready_mib"]
        lines.append(
            f"{name:18} {r['seconds']:8.1f} {a:11.2f} {w:9,.0f} "
            f"{r['peak_mib']:7.0f}Mi {growth:5.0f}Mi"
        )
    verdict = "meets" if ratio >= TARGET_RATIO else "MISSES"
    lines.append(f"ratio full/bare = {ratio:.2f} ({verdict} the target {TARGET_RATIO})")
    lines.append(
        f"stored {full['stored']} articles ({full['new']} new of {full['articles']} jobs), "
        f"SQLite file {full['db_mib']:.1f} MiB"
    )
    if full["failed"]:
        lines.append(f"failed (first 5): {full['failed']}")
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
        full = _child("full", folder, args.batch_size)
        print(report(args.n, bare, full))
        if args.breakdown:
            print(_breakdown_report(_child("breakdown", folder, args.batch_size)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
