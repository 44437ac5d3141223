"""The ninth batch (issue 12): trafilatura's saved test pages, a development batch.

The split is defined in code and its labels are in the repository, so most checks need no copy of
trafilatura's repository (CI has none). The one that reads the pages (every labelled quotation is
in the page's text, in page order) runs where the machine's mirror, or $ANALYST_TRAFILATURA, is;
it reads the pages with trafilatura only, never Analyst.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import trafilatura

from eval import events_real, quotes_real
from eval.common import DEFAULT_DATA
from eval.real_pages import (
    DEV,
    EIGHTH,
    EIGHTH_PAGES,
    GOLD_FILES,
    MIRRORED,
    NINTH,
    NINTH_PAGES,
    NINTH_PREFIX,
    SEVENTH,
    SEVENTH_PAGES,
    SPLITS,
    TEST,
    TRAFILATURA_COMMIT,
    TRAFILATURA_ENV,
    mirrored_repo,
    pages,
    read_html,
    read_mirrored,
)
from tests.real_page_labels import assert_quotes_well_formed

LABELS = Path(__file__).resolve().parents[1] / "eval" / "data" / "real_quotes"
QUOTATIONS = 112  # labelled on 2026-12-07, before Analyst was run on any of the pages
LABELLED = (
    "by hand, 2026-12-07, helper ninth for issue 12 (ninth batch, development, labelled blind: "
    "before Analyst was run on any of the pages)"
)


def _key(name: str) -> str:
    return name.removesuffix(".html")


def _url(url: str) -> str:
    """A URL without its scheme, "www.", query, fragment and final slash: same page, same key."""
    bare = re.sub(r"^https?://(www\.)?", "", url.strip().lower())
    return re.sub(r"[?#].*$", "", bare).rstrip("/")


def test_the_ninth_split_lists_the_chosen_pages_without_archive_or_mirror(
    tmp_path: Path,
) -> None:
    chosen = pages("ninth", tmp_path / "no-archive-here")
    assert [p.name for p in chosen] == list(NINTH)
    assert len(NINTH) == len(set(NINTH)) == 19
    for page, (member, url, published) in zip(chosen, NINTH_PAGES, strict=True):
        assert page.source == "trafilatura" and page.member == member
        assert member.startswith(("tests/eval/", "tests/cache/")) and member.endswith(".html")
        assert page.name == NINTH_PREFIX + Path(member).name
        assert page.key == NINTH_PREFIX + Path(member).stem
        assert page.url == url and url.startswith(("http://", "https://"))
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", published) and page.published == published
    assert SPLITS[-2:] == ("ninth", "tenth") and SPLITS[:-2] == (
        "dev",
        "test",
        "all",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
    )
    assert re.fullmatch(r"[0-9a-f]{40}", TRAFILATURA_COMMIT)
    known = MIRRORED["trafilatura"]
    assert (known.github, known.commit, known.env, known.option, known.split) == (
        "adbar/trafilatura",
        TRAFILATURA_COMMIT,
        TRAFILATURA_ENV,
        "--trafilatura",
        "ninth",
    )


def test_the_ninth_batch_is_in_no_other_split_and_moves_no_earlier_figure() -> None:
    assert not set(NINTH) & set(DEV + TEST + SEVENTH + EIGHTH)
    keys = {_key(n) for n in NINTH}
    labelled = {p.stem for p in LABELS.glob(f"{NINTH_PREFIX}*.json")}
    assert labelled == keys  # a label file per chosen page, and none for a page left out
    # the archive's page names: none of trafilatura's chosen pages under its own name
    bare = {Path(member).name for member, _, _ in NINTH_PAGES}
    assert not bare & set(DEV + TEST)


def test_no_ninth_page_url_is_a_page_of_another_batch() -> None:
    others = {_url(url) for _, url, _ in SEVENTH_PAGES}
    others |= {_url(url) for _, _, url, _ in EIGHTH_PAGES}
    for path in LABELS.glob("*.json"):
        if path.stem.startswith(NINTH_PREFIX):
            continue
        url = json.loads(path.read_text("utf-8")).get("url")
        if url:
            others.add(_url(url))
    for gold in GOLD_FILES:  # htmldate's gold files, where the archive is on this machine
        where = DEFAULT_DATA / "htmldate_eval" / gold
        if where.is_file():
            others |= {_url(url) for url in json.loads(where.read_text("utf-8"))}
    mine = [_url(url) for _, url, _ in NINTH_PAGES]
    assert len(others) > 130 and len(mine) == len(set(mine))
    assert not set(mine) & others


def _labels() -> dict[str, dict[str, Any]]:
    return {name: json.loads((LABELS / f"{_key(name)}.json").read_text("utf-8")) for name in NINTH}


def test_every_ninth_label_file_parses_and_is_well_formed() -> None:
    counted = 0
    for (name, data), (member, url, _) in zip(_labels().items(), NINTH_PAGES, strict=True):
        assert data["page"] == name and data["url"] == url
        assert data["source"] == f"adbar/trafilatura {member} at commit {TRAFILATURA_COMMIT}"
        assert data["labelled"] == LABELLED
        assert data["note"].strip() and data["quotes"], name
        assert data["body_ends"] is None or data["body_ends"].strip(), name
        assert_quotes_well_formed(name, data)
        gold = quotes_real.load_page(LABELS / f"{_key(name)}.json")
        assert gold.key == _key(name) and len(gold.quotes) == len(data["quotes"])
        assert all(q["note"].strip() for q in data["quotes"]), name
        counted += len(data["quotes"])
    assert counted == QUOTATIONS


def _mirror_here() -> bool:
    where = mirrored_repo("trafilatura")
    return (where / "HEAD").is_file() or (where / ".git").exists()


@pytest.mark.skipif(
    not _mirror_here(),
    reason="the pages are not in this repository: set $ANALYST_TRAFILATURA to a clone of "
    "trafilatura to check the labels against them",
)
def test_every_labelled_quotation_is_in_its_pages_text() -> None:
    chosen = pages("ninth")
    raw = read_html(chosen)
    for page in chosen:
        text = quotes_real.normalise(trafilatura.extract(raw[page.name]) or "")
        data = json.loads((LABELS / f"{page.key}.json").read_text("utf-8"))
        at = 0
        for quote in data["quotes"]:  # in page order
            found = text.find(quotes_real.normalise(quote["text"]), at)
            assert found >= 0, (page.key, quote["text"])
            at = found
        for term in data["not_quotes"]:
            assert quotes_real.normalise(term) in text, (page.key, term)
        if data["body_ends"]:
            assert quotes_real.normalise(data["body_ends"]) in text, page.key


def test_a_ninth_page_is_read_from_a_plain_copy_and_refused_when_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = pages("ninth")[0]
    copy = tmp_path / "trafilatura"
    (copy / page.member).parent.mkdir(parents=True)
    (copy / page.member).write_bytes(b"<html><p>trafilatura</p></html>")
    found = read_html([page], tmp_path / "no-archive", trafilatura=copy)
    assert found == {page.name: b"<html><p>trafilatura</p></html>"}
    with pytest.raises(FileNotFoundError, match=r"adbar/trafilatura with --trafilatura"):
        read_mirrored("trafilatura", [page], tmp_path / "empty")
    monkeypatch.setenv(TRAFILATURA_ENV, str(copy))
    assert mirrored_repo("trafilatura") == copy
    assert read_html([page], tmp_path / "no-archive") == found  # the variable is used


def test_quotes_real_and_events_real_take_the_ninth_split(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: dict[str, Any] = {}

    def run_split(split: str, **kwargs: Any) -> tuple[list[Any], dict[str, str]]:
        seen["quotes"] = (split, kwargs["trafilatura"])
        return [], {}

    monkeypatch.setattr(quotes_real, "run_split", run_split)
    assert quotes_real.main(["--split", "ninth", "--trafilatura", str(tmp_path)]) == 1
    assert seen["quotes"] == ("ninth", tmp_path)

    def ingest(split: str, *args: Any, **kwargs: Any) -> events_real.Ingested:
        seen["events"] = (split, kwargs["trafilatura"])
        return events_real.Ingested([], {}, {}, 0, 0)

    monkeypatch.setattr(events_real, "ingest", ingest)
    judged = tmp_path / "judged"
    judged.mkdir()
    argv = ["--split", "ninth", "--judgments", str(judged), "--trafilatura", str(tmp_path)]
    assert events_real.main(argv) == 0
    assert seen["events"] == ("ninth", tmp_path)
    assert "19 real pages" in capsys.readouterr().out
