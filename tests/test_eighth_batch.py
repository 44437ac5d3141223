"""The eighth held-out batch (issue 12): goose3's and newspaper4k's test pages as two more sources.

The split is defined in code and its labels are in the repository, so most checks need neither
repository (CI has neither). The one that reads the pages (every labelled quotation is in the
page's text) runs where the machine's mirrors, or $ANALYST_GOOSE3 and $ANALYST_NEWSPAPER4K, are;
it reads the pages with trafilatura only, never Analyst.
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
    EIGHTH,
    EIGHTH_PAGES,
    EIGHTH_SOURCES,
    GOOSE3_COMMIT,
    GOOSE3_ENV,
    MIRRORED,
    NEWSPAPER4K_COMMIT,
    SEVENTH,
    SEVENTH_PAGES,
    SPLITS,
    TEST,
    mirrored_repo,
    pages,
    read_html,
    read_mirrored,
)
from tests.real_page_labels import assert_labels_in_text, assert_quotes_well_formed

LABELS = Path(__file__).resolve().parents[1] / "eval" / "data" / "real_quotes"
SOURCES = ("goose3", "newspaper4k")
QUOTATIONS = 383  # labelled on 2026-12-06, before Analyst was run on any of the pages


def _key(name: str) -> str:
    return name.removesuffix(".html")


def _labels() -> dict[str, dict[str, Any]]:
    return {name: json.loads((LABELS / f"{_key(name)}.json").read_text("utf-8")) for name in EIGHTH}


def _url(url: str) -> str:
    """A URL without its scheme, "www.", query, fragment and final slash: same page, same key."""
    bare = re.sub(r"^https?://(www\.)?", "", url.strip().lower())
    return re.sub(r"[?#].*$", "", bare).rstrip("/")


def test_the_eighth_split_lists_the_chosen_pages_without_archive_or_mirrors(
    tmp_path: Path,
) -> None:
    chosen = pages("eighth", tmp_path / "no-archive-here")
    assert [p.name for p in chosen] == list(EIGHTH)
    assert len(EIGHTH) == len(set(EIGHTH)) == 24
    assert {p.source for p in chosen} == set(SOURCES)
    for page, (source, name, url, published) in zip(chosen, EIGHTH_PAGES, strict=True):
        assert page.name == f"{source}-{name}.html" and page.key == f"{source}-{name}"
        assert page.member == EIGHTH_SOURCES[source].format(name)
        assert page.url == url and url.startswith(("http://", "https://"))
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", published) and page.published == published
    assert "eighth" in SPLITS and SPLITS[:7] == (
        "dev",
        "test",
        "all",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
    )
    assert all(re.fullmatch(r"[0-9a-f]{40}", c) for c in (GOOSE3_COMMIT, NEWSPAPER4K_COMMIT))


def test_the_eighth_batch_is_in_no_other_split() -> None:
    assert not set(EIGHTH) & set(DEV + TEST + SEVENTH)
    keys = {_key(n) for n in EIGHTH}
    assert not keys & {_key(n) for n in DEV + TEST + SEVENTH}
    labelled = {p.stem for s in SOURCES for p in LABELS.glob(f"{s}-*.json")}
    assert labelled == keys  # a label file per chosen page, and none for a page left out


def test_no_eighth_page_url_is_a_page_of_another_batch() -> None:
    others = {_url(url) for _, url, _ in SEVENTH_PAGES}
    for path in LABELS.glob("*.json"):
        if path.stem.startswith(("readability-", *(f"{s}-" for s in SOURCES))):
            continue  # the seventh batch's URLs are SEVENTH_PAGES'; the eighth's are compared
        url = json.loads(path.read_text("utf-8")).get("url")
        if url:
            others.add(_url(url))
    mine = [_url(url) for _, _, url, _ in EIGHTH_PAGES]
    assert len(others) > 100 and len(mine) == len(set(mine))
    assert not set(mine) & others


def test_every_eighth_label_file_parses_and_is_well_formed() -> None:
    counted = 0
    for (name, data), (source, page, url, _) in zip(_labels().items(), EIGHTH_PAGES, strict=True):
        member = EIGHTH_SOURCES[source].format(page)
        assert data["page"] == name and data["url"] == url
        assert MIRRORED[source].commit in data["source"] and member in data["source"]
        assert data["labelled"].startswith("by hand, 2026-12-06") and "blind" in data["labelled"]
        assert data["note"].strip() and data["quotes"], name
        assert data["body_ends"] is None or data["body_ends"].strip(), name
        assert_quotes_well_formed(name, data)
        gold = quotes_real.load_page(LABELS / f"{_key(name)}.json")
        assert gold.key == _key(name) and len(gold.quotes) == len(data["quotes"])
        counted += len(data["quotes"])
    assert counted == QUOTATIONS


def _mirrors_here() -> bool:
    return all(
        (mirrored_repo(s) / "HEAD").is_file() or (mirrored_repo(s) / ".git").exists()
        for s in SOURCES
    )


@pytest.mark.skipif(
    not _mirrors_here(),
    reason="the pages are not in this repository: set $ANALYST_GOOSE3 and $ANALYST_NEWSPAPER4K "
    "to clones of goose3 and newspaper4k to check the labels against them",
)
def test_every_labelled_quotation_is_in_its_pages_text() -> None:
    assert_labels_in_text("eighth")


def test_a_page_is_read_from_a_plain_copy_and_refused_when_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    goose, news = (next(p for p in pages("eighth") if p.source == s) for s in SOURCES)
    copies = {}
    for page in (goose, news):
        copy = tmp_path / page.source
        (copy / page.member).parent.mkdir(parents=True)
        (copy / page.member).write_bytes(f"<html><p>{page.source}</p></html>".encode())
        copies[page.source] = copy
    found = read_html([goose, news], tmp_path / "no-archive", copies)
    assert found == {
        goose.name: b"<html><p>goose3</p></html>",
        news.name: b"<html><p>newspaper4k</p></html>",
    }
    with pytest.raises(FileNotFoundError, match=r"goose3/goose3 with --goose3"):
        read_mirrored("goose3", [goose], tmp_path / "empty")
    with pytest.raises(FileNotFoundError, match=r"AndyTheFactory/newspaper4k with --newspaper4k"):
        read_mirrored("newspaper4k", [news], tmp_path / "empty")
    monkeypatch.setenv(GOOSE3_ENV, str(copies["goose3"]))
    assert mirrored_repo("goose3") == copies["goose3"]
    assert mirrored_repo("goose3", tmp_path) == tmp_path


def test_quotes_real_and_events_real_take_the_eighth_split(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: dict[str, Any] = {}

    def run_split(split: str, **kwargs: Any) -> tuple[list[Any], dict[str, str]]:
        seen["quotes"] = (split, kwargs["repos"]["goose3"], kwargs["repos"]["newspaper4k"])
        return [], {}

    monkeypatch.setattr(quotes_real, "run_split", run_split)
    argv = ["--split", "eighth", "--goose3", str(tmp_path / "g"), "--newspaper4k", str(tmp_path)]
    assert quotes_real.main(argv) == 1  # no runs: the stub ingested nothing
    assert seen["quotes"] == ("eighth", tmp_path / "g", tmp_path)

    goose = next(p for p in pages("eighth") if p.source == "goose3")
    news = next(p for p in pages("eighth") if p.source == "newspaper4k")
    event = events_real.Produced(goose.key, "On Monday the mayor resigned.", "2010-08-16", "day")
    judged = tmp_path / "judged"
    judged.mkdir()
    (judged / f"{goose.key}.json").write_text(
        json.dumps(
            {
                "page": goose.key,
                "events": [
                    {
                        "sentence": "the mayor resigned",
                        "correct": "2010-08-16",
                        "correct_precision": "day",
                    }
                ],
            }
        ),
        "utf-8",
    )
    unjudged = events_real.Produced(news.key, "The vote was held on Friday.", "2012-01-06", "day")

    def ingest(split: str, data: Path, repos: dict[str, Path | None]) -> events_real.Ingested:
        seen["events"] = (split, repos["goose3"], repos["newspaper4k"])
        return events_real.Ingested([event, unjudged], {}, {}, 2, 2)

    monkeypatch.setattr(events_real, "ingest", ingest)
    argv = ["--split", "eighth", "--judgments", str(judged), "--goose3", str(tmp_path / "g")]
    figures = tmp_path / "figures.json"
    assert events_real.main([*argv, "--newspaper4k", str(tmp_path), "--json", str(figures)]) == 0
    assert seen["events"] == ("eighth", tmp_path / "g", tmp_path)
    assert "Dated events on 24 real pages (1 judged)" in capsys.readouterr().out
    scored = json.loads(figures.read_text("utf-8"))  # a page without judgments: unjudged
    assert (scored["right"], scored["wrong"], scored["unjudged"]) == (1, 0, 1)
