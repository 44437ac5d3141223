"""Real news texts for the benchmarks: Timeline17 and PolNeAR articles from ../shared/eval/.

Timeline17 is PTB-tokenised (`` '' -LRB-); `eval.timeline17.detokenize` undoes that, as the
evaluation does, so the pipeline reads ordinary prose. Half the articles come from each set,
spread evenly over their topics and publishers, in a fixed order: every run reads the same texts.
`write_corpus` lays them out as files plus a `manifest.csv` (title, outlet, author, published),
the way a team would hand a folder to `analyst ingest`.
"""

from __future__ import annotations

import csv
import logging
import re
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eval.common import DEFAULT_DATA
from eval.timeline17 import detokenize

log = logging.getLogger(__name__)

TIMELINE17 = DEFAULT_DATA / "timeline17" / "Timeline17.tar.xz"
POLNEAR = DEFAULT_DATA / "polnear" / "data"
_MEMBER = re.compile(r"^Timeline17/([^/]+)/InputDocs/(\d{4}-\d{2}-\d{2})/([^/]+)\.htm\.txt$")


@dataclass(frozen=True)
class RealText:
    """One article as a reader would save it, with what a manifest row says about it."""

    name: str
    text: str
    published: date | None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None

    @property
    def words(self) -> int:
        """Whitespace-separated words of the text."""
        return len(self.text.split())


def _spread(items: list[RealText], n: int) -> list[RealText]:
    """n items evenly spaced over the (already ordered) list."""
    if n >= len(items):
        return items
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def timeline17_texts(n: int) -> list[RealText]:
    """n Timeline17 input articles, evenly spread over topics and days, detokenised."""
    found: list[RealText] = []
    with tarfile.open(TIMELINE17, mode="r|xz") as archive:
        for member in archive:
            match = _MEMBER.match(member.name)
            handle = archive.extractfile(member) if member.isfile() and match else None
            if match is None or handle is None:
                continue
            topic, day, doc = match.groups()
            text = detokenize(handle.read().decode("utf-8", errors="replace"))
            outlet = topic.rsplit("_", 1)[-1]
            name = f"t17_{topic}_{day}_{doc}.txt"
            found.append(RealText(name, text, date.fromisoformat(day), outlet))
    found.sort(key=lambda t: t.name)
    return _spread(found, n)


def _polnear_meta() -> dict[str, dict[str, str]]:
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        return {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}


def polnear_texts(n: int) -> list[RealText]:
    """n PolNeAR articles (train, dev, test), evenly spread, with their metadata."""
    meta = _polnear_meta()
    found: list[RealText] = []
    for path in sorted(POLNEAR.glob("*/text/*.txt")):
        row = meta.get(path.stem, {})
        day = row.get("publication_date") or ""
        published = date.fromisoformat(day) if re.fullmatch(r"\d{4}-\d\d-\d\d", day) else None
        found.append(
            RealText(
                name=f"polnear_{path.parent.parent.name}_{path.name}",
                text=path.read_text(encoding="utf-8"),
                published=published,
                outlet=row.get("publisher") or None,
                title=row.get("title") or None,
                author=None if row.get("author") in (None, "", "None") else row.get("author"),
            )
        )
    return _spread(found, n)


def real_texts(n: int) -> list[RealText]:
    """n real articles: half Timeline17, half PolNeAR, interleaved."""
    first = timeline17_texts(n - n // 2)
    second = polnear_texts(n // 2)
    mixed = [t for pair in zip(first, second, strict=False) for t in pair]
    longer = first if len(first) > len(second) else second
    return mixed + longer[min(len(first), len(second)) :]


def _rows(texts: list[RealText]) -> Iterator[list[str]]:
    for text in texts:
        yield [
            text.name,  # relative: manifests name files inside their folder
            text.title or "",
            text.outlet or "",
            text.author or "",
            text.published.isoformat() if text.published else "",
        ]


def write_corpus(texts: list[RealText], folder: Path) -> Path:
    """Write the texts as files and a manifest; returns the manifest's path."""
    folder.mkdir(parents=True, exist_ok=True)
    for text in texts:
        (folder / text.name).write_text(text.text, encoding="utf-8")
    manifest = folder / "manifest.csv"
    with manifest.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["path", "title", "outlet", "author", "published"])
        writer.writerows(_rows(texts))
    return manifest
