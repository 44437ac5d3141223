"""`analyst ingest --explain`: what cleaning keeps and drops, line by line, without storing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.cleaning import CleanedText, clean_article_text
from analysis.sources import SourceError, SourceProblem, discover
from bot.services.pipeline import load_text


@dataclass(frozen=True)
class ExplainReport:
    """The verdicts for one source, or the reason it could not be read."""

    source: str
    cleaned: CleanedText | None
    error: str | None = None

    def as_json(self) -> dict[str, Any]:
        """The report as documented JSON."""
        if self.cleaned is None:
            return {"source": self.source, "error": self.error}
        return {
            "source": self.source,
            "title": self.cleaned.title,
            "lines": [
                {"line": v.number, "kept": v.kept, "reason": v.reason, "text": v.text}
                for v in self.cleaned.verdicts
            ],
        }


def explain_paths(
    paths: Sequence[Path], max_bytes: int, *, allow_outside: bool = False
) -> list[ExplainReport]:
    """Clean every file under the paths and keep the per-line verdicts (same refusals as ingest)."""
    reports = []
    for found in discover(paths, allow_outside=allow_outside):
        if isinstance(found, SourceProblem):
            reports.append(ExplainReport(found.where, None, found.message))
            continue
        source = found.origin or str(found.path or found.url)
        if found.path is None:
            reports.append(ExplainReport(source, None, "only files can be explained"))
            continue
        try:
            path = str(found.path.resolve())  # what a queued job would hold and read
            raw, _meta = load_text({"path": path, "kind": found.kind}, max_bytes)
        except SourceError as exc:
            reports.append(ExplainReport(source, None, str(exc)))
            continue
        reports.append(ExplainReport(source, clean_article_text(raw)))
    return reports


def explain_text(reports: Sequence[ExplainReport]) -> str:
    """Each line marked keep or drop, with the reason for every drop."""
    blocks = []
    for report in reports:
        if report.cleaned is None:
            blocks.append(f"{report.source}: {report.error}")
            continue
        lines = [f"{report.source}", f"  title: {report.cleaned.title or '(none)'}"]
        for verdict in report.cleaned.verdicts:
            mark = "keep" if verdict.kept else "drop"
            why = f"  [{verdict.reason}]" if verdict.reason else ""
            lines.append(f"  {mark} {verdict.number:>3}  {verdict.text}{why}")
        kept = sum(v.kept for v in report.cleaned.verdicts)
        lines.append(f"  {kept} kept, {len(report.cleaned.dropped)} dropped")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
