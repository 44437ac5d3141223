"""Dated events on real pages, judged by hand: how often the date `analyst timeline` gives means
what the sentence says (issue 12).

Run: `.venv/bin/python -m eval.events_real [--split dev|test|all] [--json FILE] [--dump DIR]
[--errors]`. `--split seventh` runs the seventh held-out batch, Mozilla Readability's test pages,
read from a clone or mirror of that repository (`--readability PATH`, else $ANALYST_READABILITY,
else the machine's mirror; see `eval.real_pages`). `--split eighth` runs the eighth held-out batch,
goose3's and newspaper4k's test pages, read the same way (`--goose3 PATH` / $ANALYST_GOOSE3,
`--newspaper4k PATH` / $ANALYST_NEWSPAPER4K, else the machine's mirrors). `--split ninth` runs the
ninth batch, a development batch of trafilatura's test pages (`--trafilatura PATH` /
$ANALYST_TRAFILATURA, else the machine's mirror); `--split tenth` the tenth, another development
batch, Postlight Parser's test pages (`--postlight PATH` / $ANALYST_POSTLIGHT, else the machine's
mirror); `--split eleventh` the eleventh, HELD OUT (more of Postlight Parser's pages: run by the
lead only, its errors not read); `--split twelfth` the twelfth, a development batch of
trafilatura's pages chosen for dated events; `--split thirteenth` the thirteenth, a development
batch of fundus's saved news pages, and `--split fourteenth` the fourteenth, fundus's pages of
other sites, HELD OUT (`--fundus PATH` / $ANALYST_FUNDUS, else the machine's mirror); `--split
fifteenth` the fifteenth, more of fundus's pages, a second development batch; `--split
sixteenth` the sixteenth, more of Postlight Parser's pages, a development batch; `--split
seventeenth` the seventeenth, newspaper's saved test pages (`--newspaper3k PATH` /
$ANALYST_NEWSPAPER3K, else the machine's mirror), HELD OUT: a blind measurement; `--split
eighteenth` the eighteenth, more of newspaper's pages, HELD OUT likewise; `--split nineteenth`
the nineteenth, pages of htmldate's archive no batch had used, chosen for dated events, a
development batch (read from the archive, like `dev`); `--split twentieth` the twentieth, fundus's
and Postlight Parser's pages no batch had read (`--fundus PATH`, `--postlight PATH`), a
development batch.

The split's pages (`eval.real_pages`) are saved to a temporary folder, ingested with the real CLI
(`analyst ingest FOLDER --json`, in-process) into a temporary SQLite database, and every event of
every article is read back with `analyst article N --events --json`. Not `analyst timeline
--json`: it merges two events of one article with the same date and similar words into one line
that shows only the first sentence, so it cannot list every event of an article; its count of
dated events and of lines is printed beside ours as a cross-check.

Judgments (`eval/data/real_events/<page>.json`, README there) name an event by its page and a
verbatim piece of its sentence. A judged event is right when Analyst's date, at its precision,
is the judgment's `correct` date at `correct_precision`; wrong when it differs or `correct` is
null (the sentence's date is not when its event happened). Precision = right / (right + wrong),
overall and per precision level; a "lost" event was right when judged and is no longer output
with that date. `--dump DIR` writes the events as a starting file for judging, judgments kept.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eval.common import (
    DEFAULT_DATA,
    REPO_ROOT,
    SAMPLES,
    emit,
    interval_text,
    page_interval,
    pct,
    table,
)
from eval.real_pages import SPLITS, add_mirror_options, repos_given

if TYPE_CHECKING:
    from typer.testing import CliRunner

JUDGMENTS = REPO_ROOT / "eval" / "data" / "real_events"
LEVELS = ("day", "week", "month", "year")
CLASSES = frozenset(
    {
        "right",
        "reference point",
        "passing mention",
        "wrong direction",
        "wrong year (yearless)",
        "double-dated",
        "relative anchor",
        "extraction",
        "other",
    }
)
_LABEL = {"day": r"\d{4}-\d{2}-\d{2}", "week": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}"}
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"'})


@dataclass(frozen=True)
class Produced:
    """One event Analyst stored: its page, sentence, date label at its precision, expression."""

    page: str
    text: str
    date: str | None  # "2020-03-23", "2020-03" or "2020" by precision; None: undated
    precision: str
    expression: str = ""
    sentence: int = 0  # place in the article (-1: a photo caption)


@dataclass(frozen=True)
class Judgment:
    """A hand judgment of one event: the date it had when judged and the date it should have."""

    page: str
    sentence: str
    date: str | None  # Analyst's date when judged (None for a missed event)
    precision: str | None
    correct: str | None  # None: the sentence is not an event at any date it names
    correct_precision: str | None
    cls: str = "right"
    why: str = ""
    expression: str | None = None
    missed: bool = False  # an event a reader sees that Analyst did not date

    @property
    def was_right(self) -> bool:
        """Whether Analyst's date was right when the event was judged."""
        return self.correct is not None and (self.date, self.precision) == (
            self.correct,
            self.correct_precision,
        )


def normalise(text: str) -> str:
    """Text for matching: NFKC, straight quotes, one space, case-folded (pages differ in these)."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).split()).casefold()


def date_label(day: date | None, precision: str) -> str | None:
    """A date as the judgments write it at its precision: 2020-03-23, 2020-03 or 2020."""
    if day is None:
        return None
    return {"month": day.isoformat()[:7], "year": str(day.year)}.get(precision, day.isoformat())


def _check(page: str, item: dict[str, Any]) -> None:
    """Refuse a judgment whose date does not fit its precision or whose class is unknown."""
    correct, level = item.get("correct"), item.get("correct_precision")
    where = f"{page}: {str(item.get('sentence'))[:60]!r}"
    if not item.get("sentence"):
        raise ValueError(f"{where}: no sentence")
    if (correct is None) != (level is None):
        raise ValueError(f"{where}: correct and correct_precision must both be null or set")
    if correct is not None and not re.fullmatch(_LABEL.get(str(level), r"\d{4}"), str(correct)):
        raise ValueError(f"{where}: {correct!r} is not a {level} date")
    if "class" in item and item["class"] not in CLASSES:
        raise ValueError(f"{where}: unknown class {item['class']!r}")


def load_page(data: dict[str, Any]) -> list[Judgment]:
    """The judgments of one page file: its events, then its missed events."""
    page = str(data["page"])
    found = []
    for missed, key in ((False, "events"), (True, "missed")):
        for item in data.get(key, []):
            _check(page, item)
            found.append(
                Judgment(
                    page=page,
                    sentence=item["sentence"],
                    date=None if missed else item.get("date"),
                    precision=None if missed else item.get("precision"),
                    correct=item.get("correct"),
                    correct_precision=item.get("correct_precision"),
                    cls=item.get("class", "other" if missed else "right"),
                    why=item.get("why", ""),
                    expression=item.get("expression"),
                    missed=missed,
                )
            )
    return found


def load_judgments(folder: Path = JUDGMENTS) -> dict[str, list[Judgment]]:
    """Every judged page in a folder of `<page>.json` files, by page key."""
    pages = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        pages[str(data["page"])] = load_page(data)
    return pages


def holds(event: Produced, judgment: Judgment) -> bool:
    """Whether the judgment's sentence is part of the event's sentence."""
    return normalise(judgment.sentence) in normalise(event.text)


Rule = Callable[[Produced, Judgment], bool]
_RULES: tuple[Rule, ...] = (  # most specific first: a twice-dated sentence keeps its judgments
    lambda e, j: (
        not j.missed and (j.date, j.precision, j.expression) == (e.date, e.precision, e.expression)
    ),
    lambda e, j: not j.missed and (j.date, j.precision) == (e.date, e.precision),
    lambda e, j: not j.missed and (j.correct, j.correct_precision) == (e.date, e.precision),
    lambda e, j: not j.missed and j.expression is not None and j.expression == e.expression,
    lambda e, j: not j.missed,
    lambda e, j: j.missed,
)


def match(events: Sequence[Produced], judged: Sequence[Judgment]) -> list[Judgment | None]:
    """The judgment of each event of one page (None: unjudged), each judgment used once."""
    found: list[Judgment | None] = [None] * len(events)
    free = list(judged)
    for rule in _RULES:
        for i, event in enumerate(events):
            if found[i] is not None:
                continue
            pick = next((j for j in free if holds(event, j) and rule(event, j)), None)
            if pick is not None:
                found[i] = pick
                free.remove(pick)
    return found


def verdict(event: Produced, judgment: Judgment | None) -> str:
    """'right', 'wrong' or 'unjudged' for one dated event."""
    if judgment is None:
        return "unjudged"
    target = (judgment.correct, judgment.correct_precision)
    return (
        "right"
        if judgment.correct is not None and target == (event.date, event.precision)
        else "wrong"
    )


def wrong_class(judgment: Judgment) -> str:
    """The class a wrong event is counted under: the judgment's, or why a right one went wrong."""
    if judgment.missed:
        return "missed, dated wrongly"
    return "was right, now another date" if judgment.cls == "right" else judgment.cls


@dataclass(frozen=True)
class Scored:
    """One dated event with its judgment and verdict."""

    event: Produced
    judgment: Judgment | None
    verdict: str


@dataclass
class Score:
    """The tallies of a run: verdicts per precision level, wrong classes, lost events."""

    items: list[Scored] = field(default_factory=list)
    undated: int = 0
    lost: list[Judgment] = field(default_factory=list)
    ambiguous: list[Judgment] = field(default_factory=list)

    def count(self, verdict: str, level: str | None = None) -> int:
        """Events with this verdict, at one precision level or all."""
        return sum(
            1 for s in self.items if s.verdict == verdict and level in (None, s.event.precision)
        )

    def precision(self, level: str | None = None) -> float:
        """Right over judged (right + wrong) events; 0 when none is judged."""
        right, wrong = self.count("right", level), self.count("wrong", level)
        return right / (right + wrong) if right + wrong else 0.0

    def wrong_classes(self) -> Counter[str]:
        """Wrong events per class, most frequent first when listed."""
        return Counter(
            wrong_class(s.judgment) for s in self.items if s.verdict == "wrong" and s.judgment
        )


def lost_events(events: Sequence[Produced], judged: Iterable[Judgment]) -> list[Judgment]:
    """Judgments right when judged whose sentence is no longer output with the right date."""
    return [
        j
        for j in judged
        if j.was_right
        and not any(
            holds(e, j) and (e.date, e.precision) == (j.correct, j.correct_precision)
            for e in events
        )
    ]


def ambiguous(events: Sequence[Produced], judged: Iterable[Judgment]) -> list[Judgment]:
    """Judgments whose piece of sentence is found in two different sentences of the page.

    Two places and two texts: two events of one sentence may store different cuts of it, and a
    page may repeat a sentence word for word (a pull quote), which one judgment fits both times.
    """
    found = []
    for j in judged:
        hits = [e for e in events if holds(e, j)]
        if len({e.sentence for e in hits}) > 1 and len({normalise(e.text) for e in hits}) > 1:
            found.append(j)
    return found


def score(events: Sequence[Produced], judgments: dict[str, list[Judgment]]) -> Score:
    """Match every dated event to its page's judgments and tally the verdicts."""
    result = Score(undated=sum(1 for e in events if e.date is None))
    by_page: dict[str, list[Produced]] = {}
    for event in events:
        if event.date is not None:
            by_page.setdefault(event.page, []).append(event)
    for page, page_events in by_page.items():
        judged = judgments.get(page, [])
        for event, judgment in zip(page_events, match(page_events, judged), strict=True):
            result.items.append(Scored(event, judgment, verdict(event, judgment)))
    for page, judged in judgments.items():
        page_events = by_page.get(page, [])
        result.lost += lost_events(page_events, judged)
        result.ambiguous += ambiguous(page_events, judged)
    return result


def report(result: Score, judged_pages: int, pages: int) -> list[str]:
    """The tables: verdicts and precision per level, then wrong events per class."""
    levels = [lv for lv in LEVELS if any(s.event.precision == lv for s in result.items)]
    rows = [
        [
            lv or "all",
            sum(1 for s in result.items if lv in (None, s.event.precision)),
            result.count("right", lv),
            result.count("wrong", lv),
            result.count("unjudged", lv),
            pct(result.precision(lv)),
        ]
        for lv in (None, *levels)
    ]
    classes = result.wrong_classes().most_common()
    return [
        f"Dated events on {pages} real pages ({judged_pages} judged); "
        f"{result.undated} undated events left out.",
        "",
        table(["precision level", "events", "right", "wrong", "unjudged", "precision %"], rows),
        "",
        table(["wrong: class", "events"], classes or [["(none)", 0]]),
        "",
        f"Right events lost (right when judged, no longer output with that date): "
        f"{len(result.lost)}",
        *(f"  {j.page}: {j.correct} {j.sentence[:90]!r}" for j in result.lost),
        *(
            f"ambiguous judgment (matches two sentences): {j.page}: {j.sentence[:80]!r}"
            for j in result.ambiguous
        ),
    ]


def precision_interval(result: Score) -> tuple[float, float]:
    """The 95% bootstrap interval over pages of the precision of dated events."""
    per_page: dict[str, list[int]] = {}
    for s in result.items:
        counts = per_page.setdefault(s.event.page, [0, 0])
        counts[0] += s.verdict == "right"
        counts[1] += s.verdict == "wrong"
    return page_interval(
        list(per_page.values()), lambda c: c[0] / (c[0] + c[1]) if c[0] + c[1] else 0.0
    )


def interval_line(result: Score) -> str:
    """The precision's interval, said in one line."""
    low, high = precision_interval(result)
    pages = len({s.event.page for s in result.items})
    return (
        f"Precision 95% interval {interval_text(low, high)} (bootstrap over the {pages} pages "
        f"with dated events, {SAMPLES} resamples)"
    )


def error_lines(result: Score) -> list[str]:
    """Every wrong and unjudged event, to read or to judge."""
    lines = []
    for s in result.items:
        if s.verdict == "right":
            continue
        e, j = s.event, s.judgment
        note = f"{wrong_class(j)}; correct {j.correct}: {j.why}" if j else "UNJUDGED"
        lines.append(f"{s.verdict:8} {e.page} {e.date} ({e.precision}, {e.expression!r}) {note}")
        lines.append(f"         {e.text[:200]}")
    return lines


@dataclass(frozen=True)
class Ingested:
    """What a run read back: every event, each page's stored date and text, the CLI's lines."""

    events: list[Produced]
    published: dict[str, str | None]  # page -> Analyst's publication date, at its precision
    texts: dict[str, str]  # page -> cleaned text, for judging
    cli_dated: int  # `analyst timeline --json`'s dated_total
    cli_lines: int  # and the lines it shows them on
    failed: tuple[str, ...] = ()  # pages `analyst ingest` could not store


def page_key(source: str) -> str:
    """The page key of an ingested file: its name without `.html`."""
    return Path(source).name.removesuffix(".html")


def _cli_json(runner: CliRunner, env: dict[str, str], *args: str) -> Any:
    """Run `analyst ARGS... --json` in process and parse its answer; fail loudly on an error."""
    from bot.cli import app

    done = runner.invoke(app, [*args, "--json"], env=env)
    if done.exit_code != 0:
        raise RuntimeError(f"analyst {' '.join(args)} failed:\n{done.output}")
    return json.loads(done.stdout)


def _ingest_failures(runner: CliRunner, env: dict[str, str], folder: Path) -> tuple[str, ...]:
    """`analyst ingest FOLDER --json`, and the pages it could not store: it exits with 1 after
    its JSON answer then, and their events are simply not there (a member gets none)."""
    from bot.cli import app

    done = runner.invoke(app, ["ingest", str(folder), "--json"], env=env)
    if done.exit_code not in (0, 1) or not done.stdout.lstrip().startswith("{"):
        raise RuntimeError(f"analyst ingest failed:\n{done.output}")
    results = json.loads(done.stdout)["results"]
    return tuple(page_key(r["source"]) for r in results if r["status"] == "failed")


def events_of(article: dict[str, Any]) -> list[Produced]:
    """The events of one `analyst article N --events --json` answer, dates at their precision."""
    page = page_key(article["source"])
    return [
        Produced(
            page=page,
            text=e["text"],
            date=date_label(date.fromisoformat(e["date"]) if e["date"] else None, e["precision"]),
            precision=e["precision"],
            expression=e["expression"],
            sentence=e["sentence"],
        )
        for e in article["events"]
    ]


def ingest(
    split: str,
    data: Path = DEFAULT_DATA,
    repos: Mapping[str, Path | None] | None = None,
) -> Ingested:
    """Ingest the split's pages with the real CLI into a fresh database and read every event
    (`repos`: where the mirrored batches' repositories are, by source, as `eval.real_pages`
    takes them; a source not given is found by its variable or mirror)."""
    from typer.testing import CliRunner

    from eval.real_pages import write_pages

    with tempfile.TemporaryDirectory(prefix="events_real_") as tmp:
        folder = Path(tmp) / "pages"
        write_pages(folder, split, data, repos)
        env = {"ANALYST_DATABASE_URL": f"sqlite+aiosqlite:///{Path(tmp) / 'analyst.db'}"}
        runner = CliRunner()
        failed = _ingest_failures(runner, env, folder)
        listed = _cli_json(runner, env, "articles", "--limit", "1000")["articles"]
        articles = [
            _cli_json(runner, env, "article", str(a["id"]), "--events", "--no-dropped")
            for a in listed
        ]
        lines = _cli_json(runner, env, "timeline", "--all", "--limit", "500")
    return Ingested(
        events=[e for article in articles for e in events_of(article)],
        published={
            page_key(a["source"]): date_label(
                date.fromisoformat(a["published"]) if a["published"] else None,
                a["date_precision"],
            )
            for a in articles
        },
        texts={page_key(a["source"]): a["text"] for a in articles},
        cli_dated=lines["dated_total"],
        cli_lines=len(lines["events"]),
        failed=failed,
    )


def dump(folder: Path, split: str, found: Ingested, result: Score) -> None:
    """Per page, the events now produced (judgments kept) and its text: files to judge."""
    from eval.real_pages import pages

    folder.mkdir(parents=True, exist_ok=True)
    judged = {id(s.event): s.judgment for s in result.items}
    for page in pages(split):
        events = sorted((e for e in found.events if e.page == page.key), key=lambda e: e.sentence)
        entries = [_dump_entry(e, judged.get(id(e))) for e in events if e.date is not None]
        data = {
            "page": page.key,
            "url": page.url,
            "published": page.published,
            "analyst_published": found.published.get(page.key),
            "judged": "",
            "events": entries,
            "missed": [],
        }
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        (folder / f"{page.key}.json").write_text(text, encoding="utf-8")
        (folder / f"{page.key}.txt").write_text(found.texts.get(page.key, ""), encoding="utf-8")


def _dump_entry(event: Produced, judgment: Judgment | None) -> dict[str, Any]:
    """One event in the judgment format: its judgment's fields when it has one, else TODO."""
    entry: dict[str, Any] = {
        "sentence": event.text,
        "date": event.date,
        "precision": event.precision,
        "expression": event.expression,
    }
    if judgment is None:
        return entry | {"correct": None, "correct_precision": None, "class": "TODO", "why": ""}
    return entry | {
        "correct": judgment.correct,
        "correct_precision": judgment.correct_precision,
        "class": judgment.cls,
        "why": judgment.why,
    }


def summary(result: Score, found: Ingested) -> dict[str, Any]:
    """The run as JSON: tallies, precision per level, wrong classes, lost and scored events."""
    return {
        "events": len(result.items),
        "undated": result.undated,
        "right": result.count("right"),
        "wrong": result.count("wrong"),
        "unjudged": result.count("unjudged"),
        "precision": result.precision(),
        "levels": {
            lv: {v: result.count(v, lv) for v in ("right", "wrong", "unjudged")}
            | {"precision": result.precision(lv)}
            for lv in LEVELS
        },
        "wrong_classes": dict(result.wrong_classes().most_common()),
        "lost": [asdict(j) for j in result.lost],
        "cli": {"dated_total": found.cli_dated, "lines": found.cli_lines},
        "scored": [
            asdict(s.event) | {"verdict": s.verdict, "class": s.judgment and s.judgment.cls}
            for s in result.items
        ],
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Ingest the split's real pages, score their dated events against the hand judgments."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=SPLITS, default="all")
    parser.add_argument("--judgments", type=Path, default=JUDGMENTS)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--dump", type=Path, help="write each page's events to judge here")
    parser.add_argument("--errors", action="store_true", help="list wrong and unjudged events")
    add_mirror_options(parser)
    args = parser.parse_args(argv)
    from eval.real_pages import pages

    keys = {p.key for p in pages(args.split, args.data)}
    judgments = {k: v for k, v in load_judgments(args.judgments).items() if k in keys}
    found = ingest(args.split, args.data, repos_given(args))
    result = score(found.events, judgments)
    emit(*report(result, len(judgments), len(keys)), interval_line(result))
    emit(
        "CLI cross-check: `analyst timeline --all --json --limit 500` counts "
        f"{found.cli_dated} dated events on {found.cli_lines} lines; "
        f"the articles list {len(result.items)}."
    )
    if found.failed:
        emit(f"Pages Analyst could not store (no events): {', '.join(found.failed)}")
    if args.errors:
        emit("", *error_lines(result))
    if args.json:
        args.json.write_text(json.dumps(summary(result, found), indent=1) + "\n", encoding="utf-8")
    if args.dump:
        dump(args.dump, args.split, found, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
