"""`analyst ingest` keeps manifests and links inside what it was asked to read (issue 11)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from bot.app import open_analyst
from config.settings import Settings
from tests.bot.conftest import SAMPLES, Invoke

HINT = "(use --allow-outside to read it)"


def sample(number: int) -> str:
    [path] = SAMPLES.glob(f"{number:03d}_*.txt")
    return path.read_text(encoding="utf-8")


def corpus_reaching_out(tmp_path: Path) -> tuple[Path, Path]:
    """A folder with one article of its own, a link out and a manifest naming files outside."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for number, name in [(1, "linked.txt"), (2, "absolute.txt"), (3, "parent.txt")]:
        (elsewhere / name).write_text(sample(number), encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "own.txt").write_text(sample(0), encoding="utf-8")
    (corpus / "linked.txt").symlink_to(elsewhere / "linked.txt")
    rows = [str(elsewhere / "absolute.txt"), "../elsewhere/parent.txt"]
    (corpus / "manifest.csv").write_text("path\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return corpus, elsewhere


def test_links_and_manifest_rows_outside_the_folder_become_no_articles(
    cli: Invoke, tmp_path: Path
) -> None:
    corpus, elsewhere = corpus_reaching_out(tmp_path)
    result = cli("ingest", str(corpus), "--json")
    data = json.loads(result.output)
    assert result.exit_code == 1
    assert (data["new"], data["failed"]) == (1, 3)
    failed = {r["source"]: r["message"] for r in data["results"] if r["status"] == "failed"}
    inside = "rows name files inside the manifest's folder"
    assert failed == {
        "manifest.csv row 2": f"refused: {elsewhere / 'absolute.txt'} is an absolute path;"
        f" {inside} {HINT}",
        "manifest.csv row 3": f"refused: ../elsewhere/parent.txt goes up with '..'; {inside}"
        f" {HINT}",
        str(corpus / "linked.txt"): f"refused: links to {elsewhere / 'linked.txt'}, outside the"
        f" folder being ingested {HINT}",
    }
    listed = json.loads(cli("articles", "--json").output)
    assert listed["total"] == 1


def test_the_refusal_is_one_failed_line_each(cli: Invoke, tmp_path: Path) -> None:
    corpus, _ = corpus_reaching_out(tmp_path)
    out = cli("ingest", str(corpus / "manifest.csv")).output
    assert out.splitlines()[0] == "0 new, 0 duplicate, 2 failed"
    assert "failed     manifest.csv row 3: refused: ../elsewhere/parent.txt" in out


def test_explain_refuses_the_same_files(cli: Invoke, tmp_path: Path) -> None:
    corpus, _ = corpus_reaching_out(tmp_path)
    reports = json.loads(cli("ingest", "--explain", "--json", str(corpus)).output)
    refused = [r["source"] for r in reports if r.get("error", "").startswith("refused:")]
    assert refused == [str(corpus / "linked.txt"), "manifest.csv row 2", "manifest.csv row 3"]


def test_allow_outside_reads_them(cli: Invoke, tmp_path: Path) -> None:
    corpus, _ = corpus_reaching_out(tmp_path)
    result = cli("ingest", str(corpus), "--allow-outside", "--json")
    data = json.loads(result.output)
    assert result.exit_code == 0, result.output
    assert (data["new"], data["failed"]) == (4, 0)


def test_a_link_named_on_the_command_line_is_read(cli: Invoke, tmp_path: Path) -> None:
    corpus, _ = corpus_reaching_out(tmp_path)
    result = cli("ingest", str(corpus / "linked.txt"))
    assert result.output.splitlines()[0] == "1 new, 0 duplicate, 0 failed"


def test_a_queued_file_that_became_a_link_is_refused_when_read(cli: Invoke, tmp_path: Path) -> None:
    """Checked when queued, read later by a worker: a file swapped for a link in between is
    refused, not read where the link now points."""
    corpus, elsewhere = corpus_reaching_out(tmp_path)
    (corpus / "linked.txt").unlink()
    (corpus / "manifest.csv").unlink()

    async def queue() -> None:
        settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'analyst.db'}")  # type: ignore[call-arg]
        async with open_analyst(settings) as analyst:
            await analyst.ingest.enqueue_paths([corpus])

    asyncio.run(queue())
    (corpus / "own.txt").unlink()
    (corpus / "own.txt").symlink_to(elsewhere / "linked.txt")
    result = cli("worker", "--once")
    assert f"failed     {corpus / 'own.txt'}: refused: {corpus / 'own.txt'} has become a link" in (
        result.output
    )
    assert json.loads(cli("articles", "--json").output)["total"] == 0
