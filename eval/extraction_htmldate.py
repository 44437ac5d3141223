"""Publication dates on htmldate's evaluation pages, scored as htmldate's comparison does.

Run: `.venv/bin/python -m eval.extraction_htmldate [--limit N] [--remainder [--errors]]`.

`--remainder` leaves out every page a held-out real-page split uses (`HELD_OUT`: their file
names from `eval.real_pages`, labels never opened) and scores the rest, the set publication-date
rules may be developed on; `--errors` (only with `--remainder`) then lists each page where
`extract_html`'s day is not the gold day: page, gold, ours and which of Analyst's sources gave it
(`analysis.html_extract.DateSource`). `--ours-only` skips the measured htmldate rows.

Data: `../shared/eval/htmldate_eval/`: `html_pages.tar.xz` (read as a stream, never unpacked),
gold dates in `eval_default.json` (800 pages, files under `tests/cache/` or `tests/eval/`) and
`eval_mediacloud_2020.json` (200 news pages, `tests/test_set/`). Pages are decoded as Analyst
decodes saved files (`analysis.sources.decode_bytes`: BOM, UTF-8, then detection) and no URL is
given, as in htmldate's `comparison.py`. Scoring follows that script: a date equal to the gold
day is a true positive, a different date a false positive, no date a false negative; precision
tp/(tp+fp), recall tp/(tp+fn), F1 2tp/(2tp+fp+fn), accuracy tp/pages. Rows:

- `extract_html (any precision)`: Analyst's date as stored, month- and year-only dates written
  as their first day (so they count as wrong unless the gold day is that first day);
- `extract_html (day claims only)`: only dates Analyst stores as day-precise; coarser ones
  count as no date, which is what a reader of a timeline sees as a claimed day (it reuses the
  first row's extraction, so its time is only the look-up; the first row's time covers the
  whole `extract_html`, body text included);
- `htmldate extensive` / `htmldate fast`: the installed htmldate, measured now;
- htmldate's published figures on the same 1,000 pages, for reference.
"""

from __future__ import annotations

import argparse
import json
import tarfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

import htmldate

from analysis.html_extract import ExtractedPage, extract_html
from analysis.sources import SourceError, decode_bytes
from analysis.types import Precision
from eval import real_pages
from eval.common import DEFAULT_DATA, emit, table

PUBLISHED = (
    ("htmldate extensive (published)", "0.908", "0.993", "0.949"),
    ("htmldate fast (published)", "-", "-", "0.925"),
)
DATASETS = {
    "eval_default.json": ("tests/cache/", "tests/eval/"),
    "eval_mediacloud_2020.json": ("tests/test_set/",),
}
Finder = Callable[[str], str | None]
# real-page splits whose pages are held out (eval/real_pages.py): never developed on
HELD_OUT = ("test", "sixth", "seventh", "eighth", "eleventh", "fourteenth")


@dataclass
class Tally:
    """Counts for one system: right day, wrong date, no date."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, found: str | None, gold: str) -> None:
        """Count one page."""
        if found is None:
            self.fn += 1
        elif found == gold:
            self.tp += 1
        else:
            self.fp += 1

    def cells(self) -> list[str]:
        """Precision, recall, F1, accuracy and the counts, formatted."""
        tp, fp, fn = self.tp, self.fp, self.fn
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        accuracy = tp / (tp + fp + fn) if tp + fp + fn else 0.0
        figures = [f"{v:.3f}" for v in (precision, recall, f1, accuracy)]
        return [*figures, f"{tp}/{fp}/{fn}"]


@cache
def _extracted(html: str) -> ExtractedPage:
    """One extraction per page, shared by the two Analyst rows (the first row pays for it)."""
    return extract_html(html)


def _analyst_any(html: str) -> str | None:
    page = _extracted(html)
    return page.published.isoformat() if page.published else None


def _analyst_day(html: str) -> str | None:
    page = _extracted(html)
    day = page.published if page.precision == Precision.DAY else None
    return day.isoformat() if day else None


def _htmldate(extensive: bool) -> Finder:
    def find(html: str) -> str | None:
        found = htmldate.find_date(html, original_date=True, extensive_search=extensive)
        return found or None

    return find


OURS: dict[str, Finder] = {
    "extract_html (any precision)": _analyst_any,
    "extract_html (day claims only)": _analyst_day,
}
SYSTEMS: dict[str, Finder] = {
    **OURS,
    f"htmldate {version('htmldate')} extensive (measured)": _htmldate(True),
    f"htmldate {version('htmldate')} fast (measured)": _htmldate(False),
}


def held_out_names(data: Path) -> frozenset[str]:
    """File names of the archive's pages that a held-out real-page split uses. Only the splits'
    page lists are read (never their labels); pages of other repositories are not in the
    archive's set, so they are skipped."""
    return frozenset(
        page.name
        for split in HELD_OUT
        for page in real_pages.pages(split, data)
        if page.source == "htmldate"
    )


def read_pages(archive: Path, wanted: set[str]) -> dict[str, bytes]:
    """The wanted members of the archive, read in one streaming pass."""
    pages: dict[str, bytes] = {}
    with tarfile.open(archive, mode="r|xz") as stream:
        for member in stream:
            if member.isfile() and member.name in wanted:
                handle = stream.extractfile(member)
                if handle is not None:
                    pages[member.name] = handle.read()
    return pages


def gold_pages(
    data: Path, limit: int | None, leave_out: frozenset[str] = frozenset()
) -> list[tuple[str, str, list[str]]]:
    """(dataset, gold date, candidate archive paths) per evaluated page, without the pages whose
    file name is in `leave_out` (`--limit` counts before leaving out)."""
    items = []
    for name, folders in DATASETS.items():
        gold = json.loads((data / name).read_text(encoding="utf-8"))
        for entry in list(gold.values())[:limit]:
            if entry["file"] in leave_out:
                continue
            paths = [folder + entry["file"] for folder in folders]
            items.append((name, entry["date"], paths))
    return items


def main(argv: Sequence[str] | None = None) -> int:
    """Score publication-date extraction on htmldate's evaluation pages."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA / "htmldate_eval")
    parser.add_argument("--limit", type=int, default=None, help="Only the first N per dataset.")
    parser.add_argument(
        "--remainder",
        action="store_true",
        help=f"Leave out the pages of the held-out real-page splits ({', '.join(HELD_OUT)}).",
    )
    parser.add_argument(
        "--errors",
        action="store_true",
        help="List the pages extract_html dates wrong or not at all (needs --remainder).",
    )
    parser.add_argument("--ours-only", action="store_true", help="Skip the htmldate rows.")
    args = parser.parse_args(argv)
    if args.errors and not args.remainder:
        parser.error("--errors lists pages only with --remainder (held-out pages stay unread)")
    leave_out = held_out_names(args.data.parent) if args.remainder else frozenset()
    items = gold_pages(args.data, args.limit, leave_out)
    raw = read_pages(args.data / "html_pages.tar.xz", {p for _, _, ps in items for p in ps})
    pages = []
    for dataset, gold, paths in items:
        member = next((p for p in paths if p in raw), None)
        text = _decoded(raw[member]) if member is not None else None
        if member is not None and text is not None:
            pages.append((dataset, gold, text, member))
    systems = OURS if args.ours_only else SYSTEMS
    tallies = {(s, d): Tally() for s in systems for d in [*DATASETS, "all"]}
    rows = []
    for system, finder in systems.items():
        started = time.perf_counter()
        for dataset, gold, html, _ in pages:
            result = finder(html)
            tallies[system, dataset].add(result, gold)
            tallies[system, "all"].add(result, gold)
        elapsed = time.perf_counter() - started
        rows.append([system, *tallies[system, "all"].cells(), f"{elapsed:.1f} s"])
    rows += [[label, p, r, f, "-", "-", "-"] for label, p, r, f in PUBLISHED]
    headers = ["system", "precision", "recall", "F1", "accuracy", "tp/fp/fn", "time"]
    left = f", {len(leave_out)} held-out pages left out" if args.remainder else ""
    emit(
        f"htmldate evaluation pages: {len(pages)} of {len(items)} found in the archive{left}",
        "",
        table(headers, rows),
        "",
        *(_per_dataset(tallies, systems, name) for name in DATASETS),
        *(
            [_errors([(gold, html, member) for _, gold, html, member in pages])]
            if args.errors
            else []
        ),
    )
    return 0


def _errors(pages: list[tuple[str, str, str]]) -> str:
    """One line per page whose `extract_html` date (any precision) is not the gold day: the
    page, the gold day, ours (with its precision) and the source that gave ours."""
    lines = []
    for gold, html, member in pages:
        page = _extracted(html)
        ours = page.published.isoformat() if page.published else None
        if ours != gold:
            source = page.date_source.value if page.date_source else "-"
            lines.append(
                f"{member}\tgold {gold}\tours {ours or '-'} ({page.precision.value})\t{source}"
            )
    return "\n".join([f"extract_html errors: {len(lines)}", *lines, ""])


def _decoded(data: bytes) -> str | None:
    """A saved page as text, decoded as Analyst decodes files; None for binary junk."""
    try:
        return decode_bytes(data)[0]
    except SourceError:
        return None


def _per_dataset(
    tallies: dict[tuple[str, str], Tally], systems: dict[str, Finder], dataset: str
) -> str:
    """One table per dataset, measured systems only."""
    rows = [[system, *tallies[system, dataset].cells()] for system in systems]
    headers = ["system", "precision", "recall", "F1", "accuracy", "tp/fp/fn"]
    return f"{dataset}\n\n{table(headers, rows)}\n"


if __name__ == "__main__":
    raise SystemExit(main())
