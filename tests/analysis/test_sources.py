"""Reading files, folders and manifests for ingestion: what a user sees for each bad input."""

from __future__ import annotations

import datetime
import json
import os
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


# ---------------------------------------------------------------- containment

OUTSIDE_HINT = "(use --allow-outside to read it)"


def corpus_with_escapes(tmp_path: Path) -> tuple[Path, Path]:
    """A folder `corpus` whose manifest and links reach `elsewhere`; returns (corpus, secret)."""
    secret = write(tmp_path / "elsewhere" / "secret.txt")
    corpus = tmp_path / "corpus"
    write(corpus / "own.txt")
    write(corpus / "sub" / "inner.txt")
    (corpus / "link-out.txt").symlink_to(secret)
    (corpus / "link-in.txt").symlink_to(corpus / "sub" / "inner.txt")
    (corpus / "dir-out").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    return corpus, secret


def test_manifest_rows_outside_its_folder_are_refused(tmp_path: Path) -> None:
    corpus, secret = corpus_with_escapes(tmp_path)
    rows = [str(secret), "../elsewhere/secret.txt", "link-out.txt", "dir-out/secret.txt"]
    rows += ["link-in.txt", "sub/../own.txt", str(corpus / "own.txt"), "sub/inner.txt"]
    manifest = write(corpus / "m.csv", "path\n" + "\n".join(rows) + "\n")
    found = list(read_manifest(manifest))
    inside = "rows name files inside the manifest's folder"
    assert messages(found) == [
        f"m.csv row 2: refused: {secret} is an absolute path; {inside} {OUTSIDE_HINT}",
        f"m.csv row 3: refused: ../elsewhere/secret.txt goes up with '..'; {inside} {OUTSIDE_HINT}",
        f"m.csv row 4: refused: link-out.txt links to {secret}, outside the manifest's folder"
        f" {OUTSIDE_HINT}",
        f"m.csv row 5: refused: dir-out/secret.txt resolves to {secret}, outside the manifest's"
        f" folder {OUTSIDE_HINT}",
        f"m.csv row 7: refused: sub/../own.txt goes up with '..'; {inside} {OUTSIDE_HINT}",
        f"m.csv row 8: refused: {corpus / 'own.txt'} is an absolute path; {inside}"
        f" {OUTSIDE_HINT}",  # even one that lands inside today: the manifest travels
    ]
    assert [i.origin for i in items(found)] == ["m.csv row 6", "m.csv row 9"]


def test_missing_file_outside_the_manifest_folder_is_refused_not_probed(tmp_path: Path) -> None:
    manifest = write(tmp_path / "corpus" / "m.jsonl", json.dumps({"path": "../nope.txt"}) + "\n")
    assert messages(list(discover([manifest]))) == [
        "m.jsonl row 1: refused: ../nope.txt goes up with '..'; rows name files inside the"
        f" manifest's folder {OUTSIDE_HINT}"
    ]


def test_walking_a_folder_refuses_links_that_lead_out(tmp_path: Path) -> None:
    corpus, secret = corpus_with_escapes(tmp_path)
    found = list(discover([corpus]))
    assert messages(found) == [
        f"{corpus / 'link-out.txt'}: refused: links to {secret}, outside the folder being"
        f" ingested {OUTSIDE_HINT}",
        f"{corpus / 'dir-out'}: refused: links to {tmp_path / 'elsewhere'}, outside the folder"
        f" being ingested {OUTSIDE_HINT}",
    ]
    assert [i.path.relative_to(corpus).as_posix() for i in items(found) if i.path] == [
        "link-in.txt",
        "own.txt",
        "sub/inner.txt",
    ]


def test_a_manifest_linked_from_outside_is_refused_when_walking(tmp_path: Path) -> None:
    write(tmp_path / "elsewhere" / "a.txt")
    outside = write(tmp_path / "elsewhere" / "m.csv", "path\na.txt\n")
    write(tmp_path / "corpus" / "own.txt")
    (tmp_path / "corpus" / "m.csv").symlink_to(outside)
    found = list(discover([tmp_path / "corpus"]))
    assert messages(found) == [
        f"{tmp_path / 'corpus' / 'm.csv'}: refused: links to {outside}, outside the folder being"
        f" ingested {OUTSIDE_HINT}"
    ]
    assert [i.path.name for i in items(found) if i.path] == ["own.txt"]


def test_files_named_on_the_command_line_are_read_even_through_links(tmp_path: Path) -> None:
    corpus, _ = corpus_with_escapes(tmp_path)
    [item] = list(discover([corpus / "link-out.txt"]))
    assert isinstance(item, SourceItem)
    assert item.path == corpus / "link-out.txt"


def test_a_linked_folder_named_directly_stays_inside_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real"
    write(target / "a.txt")
    write(tmp_path / "beside.txt")
    (target / "up.txt").symlink_to(tmp_path / "beside.txt")
    (tmp_path / "alias").symlink_to(target, target_is_directory=True)
    found = list(discover([tmp_path / "alias"]))
    assert messages(found) == [
        f"{tmp_path / 'alias' / 'up.txt'}: refused: links to {tmp_path / 'beside.txt'},"
        f" outside the folder being ingested {OUTSIDE_HINT}"
    ]
    assert [i.path.name for i in items(found) if i.path] == ["a.txt"]


def test_only_links_out_is_not_also_called_empty(tmp_path: Path) -> None:
    secret = write(tmp_path / "elsewhere" / "secret.txt")
    write(tmp_path / "corpus" / ".keep", "")
    (tmp_path / "corpus" / "x.txt").symlink_to(secret)
    found = list(discover([tmp_path / "corpus"]))
    assert len(found) == 1
    assert messages(found)[0].endswith(f"outside the folder being ingested {OUTSIDE_HINT}")


def test_allow_outside_reads_everything_the_links_and_rows_name(tmp_path: Path) -> None:
    corpus, secret = corpus_with_escapes(tmp_path)
    (tmp_path / "elsewhere" / "loop").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    walked = list(discover([corpus], allow_outside=True))
    assert messages(walked) == []
    assert [i.path.relative_to(corpus).as_posix() for i in items(walked) if i.path] == [
        "link-in.txt",
        "link-out.txt",
        "own.txt",
        "dir-out/secret.txt",
        "sub/inner.txt",
    ]
    manifest = write(corpus / "m.csv", f"path\n{secret}\n../elsewhere/secret.txt\nlink-out.txt\n")
    listed = list(read_manifest(manifest, allow_outside=True))
    assert messages(listed) == []
    assert [os.path.realpath(i.path) for i in items(listed) if i.path] == [str(secret)] * 3


# ---------------------------------------------------------------- near-UTF-8 (issue 11)

NEAR_UTF8 = (
    "Russia\u2019s president said \u201cwe are friends\u201d \u2014 and Tehran\u2019s "
    "envoy agreed. The caf\u00e9\u2019s owner said it\u2019s \u201cthe best\u201d week. "
).encode()


@pytest.mark.parametrize(
    ("damage", "replaced"),
    [
        (b"\x92", 1),  # a stray cp1252 apostrophe
        (b"\xe9t\xe9", 2),  # latin-1 letters pasted in
        (b"\xe2\x80", 1),  # a sequence cut short
    ],
)
def test_near_utf8_text_is_utf8_with_replacement_characters(damage: bytes, replaced: int) -> None:
    data = NEAR_UTF8 * 3 + damage + NEAR_UTF8 * 2
    text, encoding = decode_bytes(data)
    assert encoding == "utf-8"
    assert text.count("Russia\u2019s") == 5
    assert "\u201a\u00c4\u00f4" not in text  # the Mac-Roman mangling: ‚Äô
    assert text.count("\ufffd") == replaced


def test_three_bad_bytes_in_an_article_keep_every_curly_quote(tmp_path: Path) -> None:
    good = (NEAR_UTF8 * 4).decode()
    data = NEAR_UTF8 + b"\x93" + NEAR_UTF8 + b"\x94" + NEAR_UTF8 + b"\xff" + NEAR_UTF8
    decoded, encoding = read_text_file(write(tmp_path / "near.txt", data), MB)
    assert encoding == "utf-8"
    assert decoded.replace("\ufffd", "") == good


def test_a_real_utf8_replacement_character_is_not_counted_as_damage() -> None:
    data = "\ufffd\ufffd\ufffd".encode() + b"\xe9" + "caf\u00e9".encode()
    assert decode_bytes(data) == ("\ufffd\ufffd\ufffd\ufffdcaf\u00e9", "utf-8")
