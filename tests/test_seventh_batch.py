"""The seventh held-out batch (issue 12): Mozilla Readability's test pages as a second source.

Nothing here needs Readability's repository or htmldate's archive (CI has neither): the split is
defined in code, its labels are in the repository, and reading a page is tried on a plain copy.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from eval import events_real, quotes_real
from eval.real_pages import (
    DEV,
    READABILITY_COMMIT,
    READABILITY_ENV,
    READABILITY_PREFIX,
    SEVENTH,
    SEVENTH_PAGES,
    SIXTH,
    SPLITS,
    TEST,
    pages,
    read_html,
    read_readability,
    readability_repo,
)
from tests.real_page_labels import assert_quotes_well_formed

LABELS = Path(__file__).resolve().parents[1] / "eval" / "data" / "real_quotes"
JUDGMENTS = Path(__file__).resolve().parents[1] / "eval" / "data" / "real_events"


def test_the_seventh_split_is_defined_without_the_archive_or_the_mirror(tmp_path: Path) -> None:
    chosen = pages("seventh", tmp_path / "no-archive-here")
    assert [p.name for p in chosen] == list(SEVENTH)
    assert len(SEVENTH) == len(set(SEVENTH)) == 22
    assert all(p.source == "readability" for p in chosen)
    assert all(p.name.startswith(READABILITY_PREFIX) and p.name.endswith(".html") for p in chosen)
    assert all(
        p.member == f"test/test-pages/{n}/source.html"
        for p, (n, _, _) in zip(chosen, SEVENTH_PAGES, strict=True)
    )
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", p.published) for p in chosen)
    assert all(p.url.startswith(("http://", "https://")) for p in chosen)
    assert not set(SEVENTH) & set(DEV + TEST)  # held out, and not part of dev, test or all
    assert "seventh" in SPLITS and re.fullmatch(r"[0-9a-f]{40}", READABILITY_COMMIT)


def test_the_earlier_splits_are_unchanged() -> None:
    assert list(TEST) == list(SIXTH) and len(DEV) == 112
    assert SPLITS[:5] == ("dev", "test", "all", "fifth", "sixth")


def test_a_page_is_read_from_a_plain_copy_of_the_tree_and_refused_when_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = pages("seventh")[0]
    copy = tmp_path / "readability"
    (copy / page.member).parent.mkdir(parents=True)
    (copy / page.member).write_bytes(b"<html><p>saved</p></html>")
    assert read_readability([page], copy) == {page.name: b"<html><p>saved</p></html>"}
    assert read_html([page], tmp_path / "no-archive-here", {"readability": copy}) == {
        page.name: b"<html><p>saved</p></html>"
    }
    with pytest.raises(FileNotFoundError, match="mozilla/readability"):
        read_readability([page], tmp_path / "empty")
    monkeypatch.setenv(READABILITY_ENV, str(copy))
    assert readability_repo() == copy and readability_repo(tmp_path) == tmp_path


def _labels() -> dict[str, dict[str, Any]]:
    return {
        name: json.loads((LABELS / f"{name.removesuffix('.html')}.json").read_text("utf-8"))
        for name in SEVENTH
    }


def test_every_seventh_page_has_a_well_formed_blind_label_file() -> None:
    for name, data in _labels().items():
        test_page = name.removeprefix(READABILITY_PREFIX).removesuffix(".html")
        assert data["page"] == name
        assert READABILITY_COMMIT in data["source"]
        assert f"test/test-pages/{test_page}/source.html" in data["source"]
        assert data["labelled"].startswith("by hand, 2026-12-06") and "blind" in data["labelled"]
        assert data["quotes"], name
        assert_quotes_well_formed(name, data)
        gold = quotes_real.load_page(LABELS / f"{name.removesuffix('.html')}.json")
        assert len(gold.quotes) == len(data["quotes"])
    counted = sum(len(data["quotes"]) for data in _labels().values())
    assert counted == 249


def test_seventh_keys_do_not_collide_with_the_archive_pages() -> None:
    archive_keys = {n.removesuffix(".html") for n in DEV + TEST}
    keys = {n.removesuffix(".html") for n in SEVENTH}
    assert not keys & archive_keys
    labelled = {p.stem for p in LABELS.glob(f"{READABILITY_PREFIX}*.json")}
    assert labelled == keys


def test_seventh_event_judgments_are_well_formed_when_present() -> None:
    keys = {n.removesuffix(".html") for n in SEVENTH}
    for path in JUDGMENTS.glob(f"{READABILITY_PREFIX}*.json"):
        data = json.loads(path.read_text("utf-8"))
        assert data["page"] in keys and data["page"] == path.stem
        assert data["judged"].startswith("by hand, 2026-12-06")
        events_real.load_page(data)  # refuses bad dates, precisions and classes


def test_both_scripts_accept_the_seventh_split(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}

    def run_split(split: str, **kwargs: Any) -> tuple[list[Any], dict[str, str]]:
        seen["quotes"] = (split, kwargs["repos"]["readability"])
        return [], {}

    monkeypatch.setattr(quotes_real, "run_split", run_split)
    assert quotes_real.main(["--split", "seventh", "--readability", str(tmp_path)]) == 1
    assert seen["quotes"] == ("seventh", tmp_path)

    def ingest(split: str, data: Path, repos: dict[str, Path | None]) -> events_real.Ingested:
        seen["events"] = (split, repos["readability"])
        return events_real.Ingested([], {}, {}, 0, 0)

    monkeypatch.setattr(events_real, "ingest", ingest)
    argv = ["--split", "seventh", "--readability", str(tmp_path), "--judgments", str(tmp_path)]
    assert events_real.main(argv) == 0
    assert seen["events"] == ("seventh", tmp_path)
