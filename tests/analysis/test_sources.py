"""Reading files, folders and manifests for ingestion: what a user sees for each bad input."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.sources import (
    SourceError,
    SourceItem,
    SourceProblem,
    decode_bytes,
    discover,
    format_size,
    read_manifest,
    read_text_file,
)

MB = 1000 * 1000
ARTICLE = "Putin met Rouhani in Moscow on Tuesday.\n\nThey signed agreements on oil.\n"


def write(path: Path, content: str | bytes = ARTICLE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def messages(entries: list[SourceItem | SourceProblem]) -> list[str]:
    return [str(e) for e in entries if isinstance(e, SourceProblem)]


def items(entries: list[SourceItem | SourceProblem]) -> list[SourceItem]:
    return [e for e in entries if isinstance(e, SourceItem)]


# ---------------------------------------------------------------- read_text_file


def test_utf8_file_is_read() -> None:
    assert decode_bytes("Tehran’s view".encode()) == ("Tehran’s view", "utf-8")


def test_utf8_bom_is_removed(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"\xef\xbb\xbf" + ARTICLE.encode())
    assert read_text_file(path, MB) == (ARTICLE, "utf-8-sig")


FRENCH = (
    "Le président a déclaré à Téhéran que la coopération économique était forte. "
    "Ça va très bien, merci à l'équipe française pour ce succès."
)
CURLY = (
    "Putin said \u201cwe are friends\u201d \u2014 and Rouhani agreed. The café\u2019s "
    "owner said it\u2019s \u201cthe best\u201d week in years; the minister\u2019s aides "
    "didn\u2019t comment."
)
RUSSIAN = "Путин встретился с Роухани в Москве во вторник, сообщили официальные лица."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (FRENCH, "latin-1"),
        (CURLY, "cp1252"),
        (ARTICLE + "Café in Tehran.", "utf-16"),
        (ARTICLE + "Café in Tehran.", "utf-16-le"),
        (RUSSIAN, "cp1251"),
    ],
)
def test_legacy_encodings_are_decoded_right(tmp_path: Path, text: str, encoding: str) -> None:
    path = write(tmp_path / "legacy.txt", text.encode(encoding))
    decoded, _ = read_text_file(path, MB)
    assert decoded == text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"  \n\r\n\t ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 8, "binary"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + bytes(range(256)), "binary"),
        (b"text then a NUL\x00 byte and more text", "binary"),
    ],
)
def test_unusable_files_are_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = write(tmp_path / "bad.txt", content)
    with pytest.raises(SourceError, match=message):
        read_text_file(path, MB)


def test_missing_file_and_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"^not found$"):
        read_text_file(tmp_path / "nope.txt", MB)
    with pytest.raises(SourceError, match="a folder, not a file"):
        read_text_file(tmp_path, MB)


def test_file_over_the_cap_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(int(7.2 * MB))  # sparse: nothing is written

    def refuse_to_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", refuse_to_open)
    with pytest.raises(SourceError) as caught:
        read_text_file(path, 5 * MB)
    assert str(caught.value) == "file too large: 7.2 MB (limit 5 MB)"


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (300, "300 bytes"),
        (1500, "1.5 KB"),
        (12_000, "12 KB"),
        (5 * MB, "5 MB"),
        (int(7.2 * MB), "7.2 MB"),
        (25_000_000, "25 MB"),
    ],
)
def test_sizes_are_shown_for_people(size: int, shown: str) -> None:
    assert format_size(size) == shown


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_decoding_arbitrary_bytes_gives_text_or_a_source_error(data: bytes) -> None:
    try:
        text, encoding = decode_bytes(data)
    except SourceError as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(text, str)
        assert encoding


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1))
def test_utf8_text_roundtrips(text: str) -> None:
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")


# ---------------------------------------------------------------- discover


def test_missing_path_is_a_problem(tmp_path: Path) -> None:
    assert messages(list(discover([tmp_path / "gone"]))) == [f"{tmp_path / 'gone'}: not found"]


@pytest.mark.parametrize("files", [[], ["logo.png", "notes.docx"], [".hidden.txt"]])
def test_folder_without_articles_is_a_problem(tmp_path: Path, files: list[str]) -> None:
    for name in files:
        write(tmp_path / name, b"\x89PNG")
    assert list(discover([tmp_path])) == [SourceProblem(str(tmp_path), "no articles in directory")]


def test_unsupported_file_named_explicitly_is_a_problem(tmp_path: Path) -> None:
    path = write(tmp_path / "photo.png", b"\x89PNG")
    [problem] = list(discover([path]))
    assert isinstance(problem, SourceProblem)
    assert problem.message.startswith("unsupported file type '.png'")


def test_nested_folders_are_walked_in_order_skipping_hidden(tmp_path: Path) -> None:
    for name in ["b/2.md", "a/z.html", "a/deeper/x.HTM", "c.txt", "a/.draft.txt", ".git/x.txt"]:
        write(tmp_path / name)
    write(tmp_path / "a" / "image.png", b"\x89PNG")
    found = list(discover([tmp_path]))
    assert [(i.path.relative_to(tmp_path).as_posix(), i.kind) for i in items(found) if i.path] == [
        ("c.txt", "text"),
        ("a/z.html", "html"),
        ("a/deeper/x.HTM", "html"),
        ("b/2.md", "markdown"),
    ]
    assert messages(found) == []


def test_files_and_folders_mix(tmp_path: Path) -> None:
    one = write(tmp_path / "one.txt")
    write(tmp_path / "folder" / "two.markdown")
    found = list(discover([one, tmp_path / "folder", tmp_path / "missing.txt"]))
    assert [i.path.name for i in items(found) if i.path] == ["one.txt", "two.markdown"]
    assert messages(found) == [f"{tmp_path / 'missing.txt'}: not found"]


# ---------------------------------------------------------------- manifests

CSV_MANIFEST = """\
path,url,title,outlet,author,published
articles/one.txt,,Putin meets Rouhani,Daily Caller,Will Racke,2017-03-30
,https://example.com/news/russia-iran,,Reuters,,2024-10-15
articles/two.html,,,,,2024-13-45
,,Only a title,,,
articles/missing.txt,,,,,
articles/two.html,https://www.outlet.example/two,Two,,,2024-10-15T08:00:00Z
,ftp://example.com/file,,,,
"""


def test_csv_manifest_keeps_good_rows_and_numbers_bad_ones(tmp_path: Path) -> None:
    write(tmp_path / "articles" / "one.txt")
    write(tmp_path / "articles" / "two.html", "<html></html>")
    manifest = write(tmp_path / "manifest.csv", CSV_MANIFEST)
    found = list(discover([manifest]))
    assert messages(found) == [
        "manifest.csv row 4: malformed date '2024-13-45'",
        "manifest.csv row 5: no path or url",
        "manifest.csv row 6: not found: articles/missing.txt",
        "manifest.csv row 8: not a web address: 'ftp://example.com/file'",
    ]
    first, second, third = items(found)
    assert first == SourceItem(
        path=tmp_path / "articles" / "one.txt",
        url=None,
        kind="text",
        title="Putin meets Rouhani",
        outlet="Daily Caller",
        author="Will Racke",
        published=datetime.date(2017, 3, 30),
        origin="manifest.csv row 2",
    )
    assert (second.path, second.url, second.kind, second.outlet) == (
        None,
        "https://example.com/news/russia-iran",
        "url",
        "Reuters",
    )
    assert second.published == datetime.date(2024, 10, 15)
    assert (third.kind, third.url, third.published) == (
        "html",
        "https://www.outlet.example/two",
        datetime.date(2024, 10, 15),
    )


def test_jsonl_manifest_keeps_good_rows_and_numbers_bad_ones(tmp_path: Path) -> None:
    write(tmp_path / "sub" / "a.md")
    lines = [
        json.dumps({"path": "sub/a.md", "Title": "A", "published": "2015-11-24"}),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"url": "https://example.org/x", "author": None, "published": 2015}),
        json.dumps({"url": "https://example.org/y", "published": "24/11/2015"}),
        json.dumps({"title": "no path"}),
        "[" * 100_000,
    ]
    manifest = write(tmp_path / "list.jsonl", "\n".join(lines) + "\n")
    found = list(discover([manifest]))
    assert [str(p) for p in found if isinstance(p, SourceProblem)] == [
        "list.jsonl row 3: bad JSON: Expecting property name enclosed in double quotes",
        "list.jsonl row 4: not a JSON object",
        "list.jsonl row 5: malformed date '2015'",
        "list.jsonl row 6: malformed date '24/11/2015'",
        "list.jsonl row 7: no path or url",
        "list.jsonl row 8: bad JSON: nested too deeply",
    ]
    [item] = items(found)
    assert (item.path, item.kind, item.title, item.published) == (
        tmp_path / "sub" / "a.md",
        "markdown",
        "A",
        datetime.date(2015, 11, 24),
    )


def test_semicolon_csv_and_case_of_headers(tmp_path: Path) -> None:
    write(tmp_path / "a.txt")
    manifest = write(tmp_path / "m.csv", "Path;Title\na.txt;Un titre, avec virgule\n")
    [item] = list(discover([manifest]))
    assert isinstance(item, SourceItem)
    assert item.title == "Un titre, avec virgule"


def test_manifest_without_path_or_url_column_is_one_problem(tmp_path: Path) -> None:
    manifest = write(tmp_path / "data.csv", "name,value\nx,1\ny,2\n")
    assert messages(list(read_manifest(manifest))) == [
        f"{manifest}: no 'path' or 'url' column in header"
    ]


def test_manifest_in_a_folder_is_expanded_and_its_files_not_repeated(tmp_path: Path) -> None:
    write(tmp_path / "one.txt")
    write(tmp_path / "two.txt")
    write(tmp_path / "manifest.csv", "path,title\none.txt,The first\n")
    found = list(discover([tmp_path]))
    assert [(i.path.name, i.title) for i in items(found) if i.path] == [
        ("one.txt", "The first"),
        ("two.txt", None),
    ]


def test_empty_manifest_is_a_problem(tmp_path: Path) -> None:
    manifest = write(tmp_path / "m.ndjson", "")
    assert messages(list(discover([manifest]))) == [f"{manifest}: empty file"]


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=300), st.sampled_from(["m.csv", "m.jsonl"]))
def test_arbitrary_manifest_never_raises(tmp_path: Path, content: str, name: str) -> None:
    manifest = write(tmp_path / name, "path,url,published\n" + content)
    for entry in discover([manifest]):
        assert isinstance(entry, SourceItem | SourceProblem)
        if isinstance(entry, SourceProblem):
            assert "\n" not in str(entry)
