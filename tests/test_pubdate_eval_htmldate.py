"""`eval.extraction_htmldate --remainder [--errors]`: the pages of held-out real-page splits are
left out of the figures and never listed; the errors of the rest are listed with their source.
A small invented archive stands in for htmldate's."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest

from eval import extraction_htmldate
from eval.real_pages import DEV, SIXTH, TEST

_PAGE = (
    "<html><head><title>{title}</title>"
    '<meta property="article:published_time" content="{day}T10:00:00-04:00"></head><body>'
    "<article><h1>{title}</h1>"
    + "<p>The town council met on Tuesday and agreed to repair the old bridge over the river "
    "before winter, the mayor said after a long evening of questions from residents.</p>"
    * 4
    + "</article></body></html>"
)


def _archive(folder: Path, pages: dict[str, tuple[str, str]], others: tuple[str, ...] = ()) -> None:
    """htmldate's layout: gold files (of `pages` and of `others`, not archived) and an xz
    archive of `pages` (name: (gold day, the page's stamped day)) under tests/eval/."""
    folder.mkdir(parents=True)
    dated = {name: day for name, (day, _) in pages.items()} | dict.fromkeys(others, "2020-01-01")
    gold = {f"https://example.org/{name}": {"file": name, "date": d} for name, d in dated.items()}
    (folder / "eval_default.json").write_text(json.dumps(gold), encoding="utf-8")
    (folder / "eval_mediacloud_2020.json").write_text("{}", encoding="utf-8")
    with tarfile.open(folder / "html_pages.tar.xz", "w:xz") as archive:
        for name, (_, day) in pages.items():
            data = _PAGE.format(title=name, day=day).encode()
            member = tarfile.TarInfo(f"tests/eval/{name}")
            member.size = len(data)
            archive.addfile(member, io.BytesIO(data))


def test_held_out_names_are_the_archives_pages_of_held_out_splits(tmp_path: Path) -> None:
    _archive(tmp_path / "htmldate_eval", {}, DEV + TEST)
    names = extraction_htmldate.held_out_names(tmp_path)
    assert set(SIXTH) <= names and not names & set(DEV)
    assert all(not n.startswith(("readability-", "postlight11-", "fundus14-")) for n in names)


def test_the_remainder_leaves_held_out_pages_unscored_and_unlisted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    held, right, wrong = SIXTH[0], DEV[0], DEV[1]
    pages = {
        held: ("2021-05-05", "2021-05-04"),  # wrong, but held out: neither counted nor listed
        right: ("2021-05-05", "2021-05-05"),
        wrong: ("2021-05-06", "2021-05-03"),
    }
    _archive(tmp_path / "htmldate_eval", pages, SIXTH[1:])
    argv = ["--data", str(tmp_path / "htmldate_eval"), "--ours-only"]
    assert extraction_htmldate.main([*argv, "--remainder", "--errors"]) == 0
    out = capsys.readouterr().out
    assert "2 of 2 found in the archive, 13 held-out pages left out" in out
    assert "| 1/1/0 " in out and "htmldate 1" not in out
    assert "extract_html errors: 1" in out
    assert f"tests/eval/{wrong}\tgold 2021-05-06\tours 2021-05-03 (day)\ttrafilatura" in out
    assert held not in out
    assert extraction_htmldate.main(argv) == 0
    assert f"3 of {len(SIXTH) + 2} found in the archive\n" in capsys.readouterr().out


def test_errors_are_listed_only_for_the_remainder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        extraction_htmldate.main(["--data", str(tmp_path), "--errors"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "--errors lists pages only with --remainder (held-out pages stay unread)" in err
