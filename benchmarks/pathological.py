"""Worst-case files through ingestion: each is stored or refused within 30 s and 1 GB peak.

Run: `.venv/bin/python -m benchmarks.pathological [--only NAME ...] [--keep DIR]`.

Every case is a file a member could attach under the 5 MB cap (see issue 10: a page of 50,000
headings took 276 s and 2.6 GB). Each runs in a fresh child process, through the path ingestion
takes: `prepare` (load, Markdown/HTML to text, clean, the prose check, the token cap) then
`analyse_batch` with the real model (spaCy, events, quotes, terms). Seconds are for those two
calls, the model already loaded; peak is the child's `ru_maxrss`, model included. Real
paragraphs come from PolNeAR and Timeline17 (`benchmarks.real_texts`), so the long cases read
like news, not lorem ipsum.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.real_texts import polnear_texts, timeline17_texts

MAX_BYTES = 5_000_000
LIMIT_SECONDS = 30.0
LIMIT_MIB = 1024.0
CHILD_TIMEOUT = 300
_SENTENCE = "The council approved the new budget on March 3, 2021 after a long debate. "
_MONTHS = "January February March April May June July August September October November December"


def _rss_mib() -> float:
    """Peak resident set size of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def real_paragraphs() -> list[str]:
    """Distinct paragraphs of real news, in a fixed order: PolNeAR, then Timeline17."""
    texts = [t.text for t in polnear_texts(2000)] + [t.text for t in timeline17_texts(1500)]
    found: dict[str, None] = {}
    for text in texts:
        for paragraph in re.split(r"\n\s*\n", text):
            if len(paragraph.split()) >= 8:
                found[" ".join(paragraph.split())] = None
    return list(found)


def _fill(parts: list[str], joiner: str, size: int = MAX_BYTES - 1000) -> str:
    """Parts joined in order, as many as fit in `size` bytes."""
    out: list[str] = []
    total = 0
    for part in parts:
        total += len(part.encode()) + len(joiner)
        if total > size:
            break
        out.append(part)
    return joiner.join(out)


def _dates_sentence(n: int) -> str:
    """One sentence of n distinct dates and no full stop: the parse-pruning worst case."""
    rng = random.Random(7)
    months = _MONTHS.split()
    dates = [
        f"{rng.randint(1, 28)} {rng.choice(months)} {rng.randint(1950, 2024)}" for _ in range(n)
    ]
    return "The committee met on " + ", then on ".join(dates) + " and it adjourned\n"


def _dated_clauses() -> list[str]:
    """Paragraphs of one sentence just under the clause-pruning limit, a date every few words."""
    rng = random.Random(13)
    months = _MONTHS.split()
    out: list[str] = []
    for _ in range(2_000):
        parts: list[str] = []
        while sum(len(p) + 2 for p in parts) < 3_850:
            day = f"{rng.choice(months)} {rng.randint(1, 28)}, {rng.randint(1950, 2024)}"
            parts.append(f"the board that met on {day} approved")
        out.append("The minister said that " + ", and ".join(parts) + " the plan.")
    return out


def _dated_prose(paragraphs: list[str]) -> str:
    """Real paragraphs with a distinct date put into every sentence: events everywhere."""
    rng = random.Random(11)
    months = _MONTHS.split()

    def dated(match: re.Match[str]) -> str:
        day = f"{rng.choice(months)} {rng.randint(1, 28)}, {rng.randint(1990, 2024)}"
        return f" on {day}{match.group()}"

    return _fill([re.sub(r"[.!?](?=\s|$)", dated, p) for p in paragraphs], "\n\n")


def cases(paragraphs: list[str]) -> dict[str, tuple[str, str]]:
    """Case name -> (kind, file text)."""
    words = " ".join(paragraphs).split()
    return {
        "headings-md (issue 10)": (
            "markdown",
            "".join(f"# Heading {i}\n\n" for i in range(50_000)),
        ),
        "one sentence, one line, 2 MB": ("text", _SENTENCE * (2_000_000 // len(_SENTENCE))),
        "one word, 5 MB": ("text", "buffalo " * (MAX_BYTES // 8 - 10)),
        "list of 20,000 short lines": (
            "text",
            "".join(f"{' '.join(p.split()[:5])} {i}\n" for i, p in enumerate(paragraphs[:20_000])),
        ),
        "real paragraphs, 5 MB": ("text", _fill(paragraphs, "\n\n")),
        "real paragraphs, one line": ("text", _fill(paragraphs, " ")),
        "9,000 words, no breaks": ("text", " ".join(words[:9_000]) + "\n"),
        "date in every sentence": ("text", _dated_prose(paragraphs)),
        "1,500 dates, one sentence": ("text", _dates_sentence(1_500)),
        "unclosed quotes": ("text", _fill([f"\u201c{p}" for p in paragraphs], "\n\n")),
        "punctuation run": ("text", "\n\n".join(paragraphs[:5]) + "\n\n" + "a," * 2_000_000),
        "dated clauses of 3,900 characters": ("text", _fill(_dated_clauses(), "\n\n")),
        "every word capitalised": ("text", _fill([p.title() for p in paragraphs], "\n\n")),
        "markdown table, 20,000 rows": (
            "markdown",
            "| a | b |\n|---|---|\n"
            + "".join(
                f"| {' '.join(p.split()[:6])} | {i} |\n" for i, p in enumerate(paragraphs[:20_000])
            ),
        ),
        "html, 5 MB of <p>": (
            "html",
            "<html><head><title>Long</title></head><body><article>"
            + _fill([f"<p>{p}</p>" for p in paragraphs], "\n", MAX_BYTES - 200)
            + "</article></body></html>",
        ),
        "html, 50,000 headings": (
            "html",
            "<html><body>"
            + "".join(f"<h2>Heading {i}</h2>" for i in range(50_000))
            + "</body></html>",
        ),
    }


def child(path: Path, kind: str) -> dict[str, Any]:
    """Ingest one file the way the pipeline does; the outcome, seconds and peak memory."""
    from analysis.nlp import load_nlp
    from analysis.sources import SourceError
    from bot.services.pipeline import analyse_batch, prepare
    from config.settings import Settings

    nlp = load_nlp(Settings.model_validate({}).spacy_model)
    list(nlp.pipe(["Warm up: the council met on Monday.", "It adjourned."]))
    ready = _rss_mib()
    start = time.perf_counter()
    try:
        prepared = prepare(1, {"path": str(path), "kind": kind}, MAX_BYTES)
        (done,) = analyse_batch(nlp, [prepared], 16)
    except SourceError as exc:
        outcome = f"refused: {exc}"
    else:
        record = done.record
        outcome = (
            f"stored: {len(record.text.split()):,} words, {len(record.sentences):,} sentences, "
            f"{len(record.events):,} events, {len(record.quotes):,} quotes"
        )
    seconds = time.perf_counter() - start
    return {"outcome": outcome, "seconds": seconds, "ready_mib": ready, "peak_mib": _rss_mib()}


def _run_child(path: Path, kind: str) -> dict[str, Any]:
    """One case in a fresh interpreter, so its peak memory is its own."""
    command = [sys.executable, "-m", "benchmarks.pathological", "--child", str(path), kind]
    try:
        done = subprocess.run(  # noqa: S603 - our own interpreter and module, our own temp file
            command, capture_output=True, text=True, timeout=CHILD_TIMEOUT, check=True
        )
    except subprocess.TimeoutExpired:
        return {"outcome": f"timeout after {CHILD_TIMEOUT} s", "seconds": float("nan")}
    except subprocess.CalledProcessError as exc:
        return {"outcome": f"crashed: {exc.stderr.strip().splitlines()[-1:]}", "seconds": 0.0}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _row(name: str, size: int, result: dict[str, Any]) -> str:
    """One line of the table, flagged when over a limit."""
    seconds, peak = result["seconds"], result.get("peak_mib", float("nan"))
    ok = seconds <= LIMIT_SECONDS and peak <= LIMIT_MIB
    return (
        f"| {name} | {size / 1e6:.2f} MB | {result['outcome']} | {seconds:.1f} | "
        f"{peak:.0f} | {'yes' if ok else 'NO'} |"
    )


def main(argv: list[str] | None = None) -> None:
    """Write each case to a file, ingest it in a child process and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="run only cases whose name contains one of these")
    parser.add_argument("--keep", type=Path, help="write the case files here and keep them")
    parser.add_argument("--child", nargs=2, metavar=("PATH", "KIND"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(Path(args.child[0]), args.child[1])))
        return
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        _table(cases(real_paragraphs()), folder, args.only, print)


def _table(
    found: dict[str, tuple[str, str]],
    folder: Path,
    only: list[str] | None,
    out: Callable[[str], None],
) -> None:
    """Run the selected cases and print one row each as it finishes."""
    out(f"| case | size | outcome | seconds | peak MiB | within {LIMIT_SECONDS:.0f} s, 1 GB |")
    out("| --- | --- | --- | --- | --- | --- |")
    suffix = {"markdown": ".md", "html": ".html", "text": ".txt"}
    for number, (name, (kind, text)) in enumerate(found.items()):
        if only and not any(part in name for part in only):
            continue
        path = folder / f"case{number:02d}{suffix[kind]}"
        path.write_text(text, encoding="utf-8")
        out(_row(name, path.stat().st_size, _run_child(path, kind)))


if __name__ == "__main__":
    main()
