"""Timeline summarisation on Timeline17, the way news-tls does it (issue 15).

Steps (each resumable; the scratch folder lives outside the repository):

1. `.venv/bin/python -m eval.timeline17_tls ingest --work /tmp/t17` writes, for every input
   window (a gold timeline's first..last date; SyrianCrisis_reuters #2 and #3 share one), the
   topic's full articles published in it, detokenised, as files with a `manifest.csv` (publication
   day from their `InputDocs/<date>/` folder), and ingests each window into its own SQLite database
   through the real ingestion (`IngestService`, analysis process pool). Re-running resumes: the
   queue keeps its jobs and stored articles are not stored twice. Wall times go to `times.json`.
2. `.venv/bin/python -m eval.timeline17_tls score --work /tmp/t17` asks
   `TimelineService.key_dates(first=, last=, k=K, sentences=L, one_story=True)` for every gold
   timeline (each collection was gathered for one story, as news-tls's keywords say). K is
   the gold's number of dates and L its mean sentences per date, rounded as news-tls rounds it,
   uncapped by default as news-tls asks (`--max-dates 50 --max-sentences 2` give what a command
   may ask for: the Discord and CLI answers' limits). It
   scores alignment-based ROUGE-1/2 F (AR1, AR2) and date F1 as news-tls does
   (`eval.tls_metrics`). Beside them it scores an oracle-free baseline: the K days with the most
   day-precision events, each told by its first stored event sentences. Every predicted timeline
   goes to `predictions.json`. A week, month or year of an answer is scored as the day it starts
   on; a day of the answer on which a coarser date also starts keeps its own sentences
   (`answer_days`).

Both steps go through the `analyst` CLI's own code in process (`bot.cli`): `ingest` runs
`analyst ingest`; `score` opens the application with `bot.cli.app.run`, as a command does. Results
and times are in EVALUATION.md §2, "Timeline summarisation (issue 15)".
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import sys
import tarfile
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from analysis.key_dates import PRECISION
from eval.common import DEFAULT_DATA, emit, pct, table
from eval.timeline17 import MEMBER, detokenize
from eval.tls_metrics import Evaluator, Score, average_results, date_scores, tokenize

log = logging.getLogger(__name__)

DEFAULT_WORK = Path(tempfile.gettempdir()) / "t17"
# A split of the stories (news-tls has none): ranking and summary changes are tried on the TUNE
# stories' 10 timelines (`--topics` bpoil_* H1N1_* MJ_bbc haiti_bbc) and the other stories' 9
# (Egypt, the financial crisis, Iraq, Libya, Syria) are read only to report.
TUNE_STORIES = frozenset({"bpoil", "H1N1", "MJ", "haiti"})
_FINEST = {p: i for i, p in enumerate(PRECISION)}  # day, week, month, year


def tune_story(topic: str) -> bool:
    """Whether a Timeline17 topic ("bpoil_bbc") belongs to a story changes were tried on."""
    return topic.split("_", 1)[0] in TUNE_STORIES


@dataclass(frozen=True)
class GoldEntry:
    """One dated entry of a journalist timeline: the day and its sentences."""

    date: date
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class GoldTLS:
    """One gold timeline with its text, as news-tls reads `timelines.jsonl`."""

    topic: str
    index: int
    entries: tuple[GoldEntry, ...]

    @property
    def name(self) -> str:
        """`topic#n`, as the event-date evaluation names it."""
        return f"{self.topic}#{self.index}"

    @property
    def start(self) -> date:
        """The first day of the timeline."""
        return min(e.date for e in self.entries)

    @property
    def end(self) -> date:
        """The last day of the timeline."""
        return max(e.date for e in self.entries)

    @property
    def window(self) -> str:
        """The name of its input window (its database): topic, first and last day."""
        return f"{self.topic}_{self.start:%Y%m%d}_{self.end:%Y%m%d}"

    @property
    def k(self) -> int:
        """The number of dates (news-tls: len(ref_timeline.times))."""
        return len(self.entries)

    @property
    def sentences_per_date(self) -> int:
        """news-tls `get_average_summary_length`: round(mean sentences per date)."""
        return round(sum(len(e.sentences) for e in self.entries) / len(self.entries))


def load_gold_tls(gold_dir: Path) -> list[GoldTLS]:
    """Every gold timeline with its sentences, in topic order (same order as eval.timeline17).

    A day listed twice keeps its last entry, as news-tls's `Timeline.date_to_summaries` does.
    """
    timelines = []
    for topic_dir in sorted(p for p in gold_dir.iterdir() if p.is_dir()):
        lines = (topic_dir / "timelines.jsonl").read_text(encoding="utf-8").splitlines()
        for n, line in enumerate(x for x in lines if x.strip()):
            by_day = {date.fromisoformat(day[:10]): tuple(sents) for day, sents in json.loads(line)}
            entries = tuple(GoldEntry(day, by_day[day]) for day in sorted(by_day))
            timelines.append(GoldTLS(topic_dir.name, n + 1, entries))
    return timelines


def windows(timelines: Sequence[GoldTLS]) -> dict[str, tuple[str, date, date]]:
    """Each input window by name: (topic, first day, last day)."""
    return {t.window: (t.topic, t.start, t.end) for t in timelines}


def write_corpora(tar_path: Path, wanted: dict[str, tuple[str, date, date]], work: Path) -> None:
    """Write each window's articles and manifest under work/corpus/<window>/ (once)."""
    todo = {name: spec for name, spec in wanted.items() if not _done(work, name)}
    if not todo:
        return
    rows: dict[str, list[list[str]]] = {name: [] for name in todo}
    with tarfile.open(tar_path, mode="r|xz") as archive:
        for member in archive:
            match = MEMBER.match(member.name)
            if not member.isfile() or match is None:
                continue
            topic, day, doc = match.group(1), date.fromisoformat(match.group(2)), match.group(3)
            names = [n for n, (t, a, b) in todo.items() if t == topic and a <= day <= b]
            source = archive.extractfile(member) if names else None
            if source is None:
                continue
            text = detokenize(source.read().decode("utf-8", errors="replace"))
            outlet = topic.rsplit("_", 1)[-1]
            file_name = f"{day.isoformat()}_{doc}.txt"
            for name in names:
                folder = work / "corpus" / name
                folder.mkdir(parents=True, exist_ok=True)
                (folder / file_name).write_text(text, encoding="utf-8")
                rows[name].append([file_name, "", outlet, "", day.isoformat()])
    for name, found in rows.items():
        manifest = work / "corpus" / name / "manifest.csv"
        manifest.parent.mkdir(parents=True, exist_ok=True)
        with manifest.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["path", "title", "outlet", "author", "published"])
            writer.writerows(sorted(found))


def _done(work: Path, name: str) -> bool:
    """Whether a window's corpus was written completely (its manifest exists)."""
    return (work / "corpus" / name / "manifest.csv").is_file()


def database_url(work: Path, name: str) -> str:
    """The SQLite URL of one window's database."""
    return f"sqlite+aiosqlite:///{work / (name + '.db')}"


def cli_json(env: dict[str, str], *args: str, ok_codes: tuple[int, ...] = (0,)) -> Any:
    """Run `analyst ARGS... --json` in process and parse its answer; fail loudly on an error."""
    from typer.testing import CliRunner

    from bot.cli import app

    done = CliRunner().invoke(app, [*args, "--json"], env=env)
    if done.exit_code not in ok_codes:
        raise RuntimeError(f"analyst {' '.join(args)} failed:\n{done.output}")
    return json.loads(done.stdout)


def ingest_window(work: Path, name: str, processes: int) -> dict[str, object]:
    """`analyst ingest <manifest>` into the window's own database; counts and wall time.

    Exit code 1 is expected: Timeline17 has a few empty files, which fail as "empty file".
    """
    env = {
        "ANALYST_DATABASE_URL": database_url(work, name),
        "ANALYST_ANALYSIS_PROCESSES": str(processes),
    }
    began = time.perf_counter()
    manifest = str(work / "corpus" / name / "manifest.csv")
    answer = cli_json(env, "ingest", manifest, ok_codes=(0, 1))
    return {
        "jobs": len(answer["results"]),
        "statuses": {k: answer[k] for k in ("new", "duplicate", "failed", "queued")},
        "seconds": round(time.perf_counter() - began, 1),
    }


def ingest_all(data: Path, work: Path, processes: int, only: Sequence[str] | None) -> None:
    """Write the corpora, then ingest every window not yet recorded as done, timing each."""
    root = data / "timeline17"
    timelines = [t for t in load_gold_tls(root / "gold_timelines") if not only or t.topic in only]
    wanted = windows(timelines)
    work.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    write_corpora(root / "Timeline17.tar.xz", wanted, work)
    times_path = work / "times.json"
    times = json.loads(times_path.read_text()) if times_path.is_file() else {}
    times["corpus_seconds"] = round(time.perf_counter() - began, 1)
    for name in sorted(wanted):
        if times.get(name, {}).get("done"):
            continue
        log.info("ingesting %s", name)
        result = ingest_window(work, name, processes)
        times[name] = {**result, "done": True}
        times_path.write_text(json.dumps(times, indent=1))
        log.info("%s: %s", name, result)
    times_path.write_text(json.dumps(times, indent=1))


@dataclass(frozen=True)
class Predicted:
    """One system's timeline for one gold timeline: day -> summary sentences (as stored)."""

    days: dict[date, list[str]]
    coarse: int = (
        0  # dates given at week, month or year precision (scored as the day they start on)
    )


@dataclass(frozen=True)
class Evidence:
    """What the window's database says about days: day-precision events per day."""

    events: dict[date, int]


Scores = tuple[Score, Score, Score]  # AR1, AR2, date


def _settings(work: Path, name: str) -> Any:
    from config.settings import Settings

    return Settings.model_validate({"database_url": database_url(work, name)})


def predict(work: Path, gold: GoldTLS, max_dates: int, max_sentences: int) -> Predicted:
    """`TimelineService.key_dates` for the gold's range, K dates and L sentences (capped)."""
    from bot.cli.app import run

    async def ask(analyst: Any) -> Any:
        return await analyst.timeline.key_dates(
            first=gold.start,
            last=gold.end,
            k=min(gold.k, max_dates),
            sentences=min(gold.sentences_per_date, max_sentences),
            one_story=True,  # a Timeline17 collection is one story's (news-tls: its keywords)
        )

    return answer_days(run(_settings(work, gold.window), ask))


def answer_days(answer: Any) -> Predicted:
    """A key-dates answer as news-tls's day -> sentences: a week, month or year counts as the
    day it starts on; when a day of the answer is also where a coarser date starts, the day keeps
    its own sentences (the finest date that starts on a day tells it)."""
    finest = sorted(answer.dates, key=lambda d: _FINEST.get(d.precision, 9))
    days: dict[date, list[str]] = {}
    for item in finest:
        days.setdefault(item.date, [s.text for s in item.summary])
    return Predicted(dict(sorted(days.items())), sum(d.precision != "day" for d in answer.dates))


def baseline(
    work: Path, gold: GoldTLS, max_dates: int, max_sentences: int
) -> tuple[Predicted, Evidence]:
    """Oracle-free baseline: the K days with the most day-precision events (earlier day first on
    ties), each told by its first stored event sentences; and the per-day counts behind it."""
    from bot.cli.app import run

    k, n = min(gold.k, max_dates), min(gold.sentences_per_date, max_sentences)

    async def ask(analyst: Any) -> tuple[dict[date, list[str]], dict[date, int]]:
        whole = await analyst.timeline.timeline(
            None, gold.start.isoformat(), gold.end.isoformat(), 1, chart=True
        )
        counts = {c.date: c.events for c in whole.chart if c.precision == "day"}
        top = sorted(counts, key=lambda d: (-counts[d], d))[:k]
        days = {}
        for day in top:
            one = await analyst.timeline.timeline(None, day.isoformat(), day.isoformat(), 500)
            texts = [e.text for e in one.entries if e.date == day and e.precision == "day"]
            days[day] = texts[:n]
        return days, counts

    days, counts = run(_settings(work, gold.window), ask)
    return Predicted(days), Evidence(counts)


def score(predicted: Predicted, gold: GoldTLS, evaluator: Evaluator) -> Scores:
    """AR1, AR2 (align+ m:1 against the one gold timeline) and date P/R/F1, as news-tls."""
    tokenized = {d: [tokenize(s) for s in sents] for d, sents in predicted.days.items()}
    reference = {e.date: list(e.sentences) for e in gold.entries}
    rouge = evaluator.align_date_content_costs_many_to_one(tokenized, [reference])
    return rouge["rouge_1"], rouge["rouge_2"], date_scores(predicted.days, reference)


@dataclass(frozen=True)
class Row:
    """The figures of one gold timeline."""

    gold: GoldTLS
    ours: Scores
    base: Scores
    dates_returned: int
    coarse: int
    missed: dict[str, int]  # why gold days were missed, by kind


def miss_kinds(
    gold: GoldTLS, chosen: set[date], evidence: Evidence, published: Counter[date]
) -> dict[str, int]:
    """The gold days we missed, by what the database knew of them: no event points at the day
    (published on or not), or events do (few: 1-2, or more)."""
    out: Counter[str] = Counter()
    for e in gold.entries:
        if e.date in chosen:
            continue
        events = evidence.events.get(e.date, 0)
        if events == 0:
            out["no event, published on" if published[e.date] else "no event, no article"] += 1
        else:
            out["1-2 events" if events <= 2 else "3+ events"] += 1
    return dict(out)


def published_days(work: Path, name: str) -> Counter[date]:
    """Articles per publication day of one window (its manifest)."""
    with (work / "corpus" / name / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        return Counter(date.fromisoformat(row["published"]) for row in csv.DictReader(handle))


def _f(s: Score) -> str:
    return f"{s.f_score:.3f}"


def tls_report(rows: Sequence[Row]) -> str:
    """Per-timeline figures, and the news-tls averages of ours and of the baseline."""
    heads = [
        "timeline",
        "K",
        "L",
        "dates",
        "coarse",
        "AR1-F",
        "AR2-F",
        "date F1",
        "base AR1",
        "base AR2",
        "base date F1",
        "missed gold days",
    ]
    body: list[list[object]] = []
    for r in rows:
        missed = ", ".join(f"{v} {k}" for k, v in sorted(r.missed.items())) or "none"
        body.append(
            [
                r.gold.name,
                r.gold.k,
                r.gold.sentences_per_date,
                r.dates_returned,
                r.coarse,
                *(_f(s) for s in r.ours),
                *(_f(s) for s in r.base),
                missed,
            ]
        )
    groups = [
        ("mean, tune stories", [r for r in rows if tune_story(r.gold.topic)]),
        ("mean, other stories", [r for r in rows if not tune_story(r.gold.topic)]),
        ("**mean (news-tls)**", list(rows)),
    ]
    for label, group in groups:
        if not group or (label != groups[-1][0] and len(group) == len(rows)):
            continue
        ours = average_results([r.ours for r in group])
        base = average_results([r.base for r in group])
        bold = label.startswith("**")
        body.append(
            [
                label,
                "",
                "",
                sum(r.dates_returned for r in group),
                sum(r.coarse for r in group),
                *(f"**{_f(s)}**" if bold else _f(s) for s in ours),
                *(_f(s) for s in base),
                "",
            ]
        )
    kinds: Counter[str] = Counter()
    for r in rows:
        kinds.update(r.missed)
    total = sum(kinds.values())
    note = (
        "missed gold days: "
        + ", ".join(f"{k} {v} ({pct(v / total)}%)" for k, v in sorted(kinds.items()))
        if total
        else ""
    )
    return table(heads, body) + "\n\n" + note


def score_all(
    data: Path, work: Path, only: Sequence[str] | None, max_dates: int, max_sentences: int
) -> list[Row]:
    """Ask for every gold timeline's key dates and score them, with the baseline beside."""
    golds = [
        t
        for t in load_gold_tls(data / "timeline17" / "gold_timelines")
        if not only or t.topic in only
    ]
    evaluator = Evaluator()
    rows, dump = [], {}
    for gold in golds:
        ours = predict(work, gold, max_dates, max_sentences)
        base, evidence = baseline(work, gold, max_dates, max_sentences)
        missed = miss_kinds(gold, set(ours.days), evidence, published_days(work, gold.window))
        row = Row(
            gold,
            score(ours, gold, evaluator),
            score(base, gold, evaluator),
            len(ours.days),
            ours.coarse,
            missed,
        )
        rows.append(row)
        dump[gold.name] = {
            "ours": {d.isoformat(): s for d, s in sorted(ours.days.items())},
            "baseline": {d.isoformat(): s for d, s in sorted(base.days.items())},
            "gold_events": {
                e.date.isoformat(): evidence.events.get(e.date, 0) for e in gold.entries
            },
        }
        log.info("%s: AR1 %s AR2 %s date %s", gold.name, *(_f(s) for s in row.ours))
    (work / "predictions.json").write_text(json.dumps(dump, indent=1, ensure_ascii=False))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Ingest Timeline17 per window, or score key dates against the gold timelines."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("step", choices=["ingest", "score"])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    parser.add_argument("--topics", nargs="*", default=None, help="these topics only")
    parser.add_argument(
        "--processes",
        type=int,
        default=int(os.environ.get("ANALYST_ANALYSIS_PROCESSES", "2")),
        help="analysis processes for ingestion",
    )
    parser.add_argument(
        "--max-dates", type=int, default=1000, help="most dates key_dates is asked for"
    )
    parser.add_argument(
        "--max-sentences", type=int, default=10, help="most sentences per date asked for"
    )
    args = parser.parse_args(argv)
    if args.step == "ingest":
        ingest_all(args.data, args.work, args.processes, args.topics)
        return 0
    began = time.perf_counter()
    rows = score_all(args.data, args.work, args.topics, args.max_dates, args.max_sentences)
    emit(
        f"Timeline17 TLS: {len(rows)} timelines, key dates capped at {args.max_dates} dates and "
        f"{args.max_sentences} sentences per date",
        tls_report(rows),
        f"scoring: {time.perf_counter() - began:.0f} s",
    )
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    sys.exit(main())
