"""Find the articles to ingest on disk: files, folders and manifests, with one-line problems.

Nothing here fetches, parses articles or touches the database: `discover` says *what* to
ingest (a `SourceItem` per article, a `SourceProblem` per thing it cannot use) and
`read_text_file` turns one file into text safely (size cap before reading, binary refusal,
encoding detection).

Manifests (CSV with a header row, or JSON lines) have a `path` or `url` column and optional
`title`, `outlet`, `author` and `published` (2024-10-15) columns. Rows are numbered as a
spreadsheet or an editor shows them: in a CSV the header is row 1, in JSON lines row n is line n.

Containment: a manifest row names a file relative to the manifest's folder (no absolute path,
no `..`) and must resolve (after symlinks) inside it, and a symlink met while walking a folder
must resolve inside that folder; anything else is refused with its reason unless the caller
passes `allow_outside=True`. Jobs keep the resolved path, and reading refuses a file that has
turned into a link since it was queued (`read_text_file(..., exact=True)`). A path named directly is
the caller's explicit choice and is read wherever it points.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import charset_normalizer

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MANIFEST_SUFFIXES = (".csv", ".jsonl", ".ndjson")
MANIFEST_MAX_BYTES = 64 * 1024 * 1024
_KINDS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_REPLACEMENT = "\ufffd"
_BINARY = "binary file, not text"
_MANIFEST_FOLDER = "the manifest's folder"
_INGESTED_FOLDER = "the folder being ingested"
_KB = 1000
_MB = 1000 * 1000  # SI units, as the 5 MB default (5,000,000 bytes) is written


class SourceError(Exception):
    """A file that cannot be ingested; the message is one short line meant for the user."""


@dataclass(frozen=True)
class SourceItem:
    """One article to ingest: a local file, or a URL someone else will fetch."""

    path: Path | None
    url: str | None
    kind: str  # "text" | "markdown" | "html" | "url"
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: datetime.date | None = None
    origin: str = ""  # e.g. "manifest.csv row 3" for messages


@dataclass(frozen=True)
class SourceProblem:
    """Something named for ingestion that cannot be used, and why, in one line."""

    where: str  # path or "manifest.csv row 4"
    message: str

    def __str__(self) -> str:
        """Render as the user reads it: "manifest.csv row 4: malformed date '2024-13-45'"."""
        return f"{self.where}: {self.message}"


# ---------------------------------------------------------------- reading one file


def read_text_file(path: Path, max_bytes: int, *, exact: bool = False) -> tuple[str, str]:
    """Return (text, encoding) of a text file, refusing missing, empty, huge and binary files.

    With `exact`, `path` is the resolved path checked when the job was queued, and a file that
    has since become a link (or sits under one) is refused instead of read where it now points.
    """
    if exact and os.path.realpath(path) != os.path.normpath(path.absolute()):
        raise SourceError(f"refused: {_shown(str(path))} has become a link since it was queued")
    size = _file_size(path)
    if size == 0:
        raise SourceError("empty file")
    if size > max_bytes:
        raise SourceError(f"file too large: {format_size(size)} (limit {format_size(max_bytes)})")
    data = _read_at_most(path, max_bytes + 1)  # the file may have grown since stat()
    if len(data) > max_bytes:
        raise SourceError(f"file too large: over the limit of {format_size(max_bytes)}")
    text, encoding = decode_bytes(data)
    if not text.strip():
        raise SourceError("empty file")
    return text, encoding


def format_size(size: int) -> str:
    """Say a byte count the way a user reads it: "7.2 MB", "5 MB", "12 KB", "300 bytes"."""
    for unit, name in ((_MB, "MB"), (_KB, "KB")):
        if size >= unit:
            digits = 1 if size < 10 * unit else 0
            return f"{size / unit:.{digits}f}".removesuffix(".0") + f" {name}"
    return f"{size} bytes"


def _read_at_most(path: Path, limit: int) -> bytes:
    """Read no more than `limit` bytes of a file."""
    try:
        with path.open("rb") as handle:
            return handle.read(limit)
    except PermissionError as exc:
        raise SourceError("permission denied") from exc
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from exc


def _file_size(path: Path) -> int:
    """Return the size of a regular file, or raise a SourceError saying what it is instead."""
    try:
        if path.is_dir():
            raise SourceError("a folder, not a file")
        return path.stat().st_size
    except FileNotFoundError as exc:
        raise SourceError("not found") from exc
    except PermissionError as exc:
        raise SourceError("permission denied") from exc
    except (OSError, ValueError) as exc:
        raise SourceError(f"cannot read: {getattr(exc, 'strerror', None) or exc}") from exc


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes: BOM, UTF-8 (few bad bytes replaced), detection; binary is refused."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_decode(data, encoding)), encoding
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    damaged = _mostly_utf8(data)
    if damaged is not None:
        return _checked(damaged), "utf-8"
    text, encoding = _detect(data)
    return _checked(text), encoding


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few bad bytes, each bad run shown as U+FFFD; None when it is not UTF-8.

    A legacy encoding's letters (é in cp1252 is one byte followed by ASCII) are almost never valid
    UTF-8 sequences, so text whose non-ASCII characters are at least two-thirds valid UTF-8 is
    UTF-8 with damage, not Mac-Roman or cp1252 (which would mangle every curly quote: "‚Äô").
    """
    replaced = data.decode("utf-8", errors="replace")
    valid = data.decode("utf-8", errors="ignore")
    bad = replaced.count(_REPLACEMENT) - valid.count(_REPLACEMENT)
    non_ascii = sum(1 for ch in valid if ch >= "\x80")
    return replaced if non_ascii >= 2 * bad else None


def _decode(data: bytes, encoding: str) -> str:
    """Decode with a known encoding, calling undecodable data binary."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise SourceError(_BINARY) from exc


def _detect(data: bytes) -> tuple[str, str]:
    """Guess a legacy encoding: Windows-1252 for mostly-ASCII text, else charset-normalizer.

    On English text with a few accented letters charset-normalizer has too little signal and
    may answer Johab or Big5 (seen on a sample article); Windows-1252 is then by far the likeliest
    and decodes every such byte. Text that is mostly non-ASCII (Cyrillic cp1251, say) goes to
    charset-normalizer, preferring candidates in which it recognises a language, then cp1252 on
    ties, as charset-normalizer scores latin-1 text as well in cp1250 ("à" becomes "ŕ").
    """
    ascii_share = sum(0 < b < 0x80 for b in data[:65536]) / max(1, min(len(data), 65536))
    if ascii_share >= 0.9:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise SourceError(_BINARY)
    coherent = [m for m in matches if m.coherence > 0] or matches
    best = min(coherent, key=lambda m: (m.chaos, m.encoding != "cp1252"))
    return str(best), best.encoding


def _checked(text: str) -> str:
    """Refuse decoded text that is mostly control characters (NUL bytes and the like)."""
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch < " " and ch not in _ALLOWED_CONTROLS)
    if "\x00" in sample or controls > max(2, len(sample) // 100):
        raise SourceError(_BINARY)
    return text


# ---------------------------------------------------------------- discovering sources


def discover(
    paths: Sequence[Path], *, allow_outside: bool = False
) -> Iterator[SourceItem | SourceProblem]:
    """Expand files, folders and manifests into articles to ingest, in a stable order.

    Unless `allow_outside`, manifest rows and links met inside folders that lead out of the
    manifest's folder or the folder being walked are refused (see the module docstring).
    """
    for path in paths:
        if not path.exists():
            yield SourceProblem(str(path), "not found")
        elif path.is_dir():
            yield from _discover_folder(path, allow_outside)
        else:
            yield from _discover_file(path, allow_outside)


def _discover_file(path: Path, allow_outside: bool) -> Iterator[SourceItem | SourceProblem]:
    """Yield a named file as an article, or a manifest's rows."""
    suffix = path.suffix.lower()
    if suffix in MANIFEST_SUFFIXES:
        yield from read_manifest(path, allow_outside=allow_outside)
    elif suffix in _KINDS:
        yield SourceItem(path=path, url=None, kind=_KINDS[suffix], origin=str(path))
    else:
        yield SourceProblem(str(path), _unsupported(suffix))


def _unsupported(suffix: str) -> str:
    """Say which file types are accepted."""
    accepted = ", ".join(SUPPORTED_SUFFIXES + MANIFEST_SUFFIXES)
    return f"unsupported file type '{suffix or '(none)'}' (accepted: {accepted})"


def _discover_folder(folder: Path, allow_outside: bool) -> Iterator[SourceItem | SourceProblem]:
    """Yield links refused, the folder's manifests' rows, then the articles no manifest listed."""
    walked = list(_walk(folder, Path(os.path.realpath(folder)), allow_outside, set()))
    refused = [p for p in walked if isinstance(p, SourceProblem)]
    files = [p for p in walked if isinstance(p, Path)]
    yield from refused
    listed: set[str] = set()
    found = bool(refused)  # the refusals already say why nothing was read
    for manifest in (f for f in files if f.suffix.lower() in MANIFEST_SUFFIXES):
        for entry in read_manifest(manifest, allow_outside=allow_outside):
            if isinstance(entry, SourceItem):
                found = True
                listed.update([os.path.realpath(entry.path)] if entry.path else [])
            yield entry
    for path in (f for f in files if f.suffix.lower() in _KINDS):
        if os.path.realpath(path) not in listed:
            found = True
            yield SourceItem(
                path=path, url=None, kind=_KINDS[path.suffix.lower()], origin=str(path)
            )
    if not found:
        yield SourceProblem(str(folder), "no articles in directory")


def _walk(
    folder: Path, root: Path, allow_outside: bool, seen: set[str]
) -> Iterator[Path | SourceProblem]:
    """Yield the folder's files recursively in sorted order, skipping hidden files and folders.

    A symlink leading outside `root` is refused, or with `allow_outside` followed (a linked
    folder once only, so loops end); a linked folder inside `root` is reached as itself.
    """
    seen.add(os.path.realpath(folder))
    for here, dirs, names in os.walk(folder):
        for name in sorted(n for n in names if not n.startswith(".")):
            path = Path(here) / name
            refusal = None if allow_outside else _link_out(path, root)
            if refusal:
                yield SourceProblem(str(path), refusal)
            elif path.is_file():
                yield path
        kept = sorted(d for d in dirs if not d.startswith("."))
        dirs[:] = [d for d in kept if not (Path(here) / d).is_symlink()]
        for name in (d for d in kept if d not in dirs):
            yield from _walk_linked(Path(here) / name, root, allow_outside, seen)


def _walk_linked(
    link: Path, root: Path, allow_outside: bool, seen: set[str]
) -> Iterator[Path | SourceProblem]:
    """Refuse a linked folder leading out of `root`, or walk it when that is allowed."""
    real = os.path.realpath(link)
    if Path(real).is_relative_to(root) or real in seen:
        return
    if allow_outside:
        yield from _walk(link, root, allow_outside, seen)
    else:
        yield SourceProblem(str(link), _outside(f"links to {_shown(real)},", _INGESTED_FOLDER))


def _link_out(path: Path, root: Path) -> str | None:
    """Why a symlink met while walking is refused: it leads outside `root`; None if it does not."""
    if not path.is_symlink():
        return None
    real = os.path.realpath(path)
    if Path(real).is_relative_to(root):
        return None
    return _outside(f"links to {_shown(real)},", _INGESTED_FOLDER)


def _outside(how: str, place: str) -> str:
    """Say on one line why a path is refused and how to read it anyway."""
    return f"refused: {how} outside {place} (use --allow-outside to read it)"


def _shown(text: str) -> str:
    """A path as one printable line."""
    return text if text.isprintable() else repr(text)


# ---------------------------------------------------------------- manifests


def read_manifest(
    manifest: Path, *, allow_outside: bool = False
) -> Iterator[SourceItem | SourceProblem]:
    """Yield one item per good manifest row and one problem per bad row (with its number).

    A row's path is read relative to the manifest's folder and, unless `allow_outside`, must
    resolve inside it.
    """
    try:
        text, _ = read_text_file(manifest, MANIFEST_MAX_BYTES)
    except SourceError as exc:
        yield SourceProblem(str(manifest), str(exc))
        return
    if manifest.suffix.lower() == ".csv":
        rows = _csv_rows(manifest, text)
    else:
        rows = _json_rows(manifest, text)
    for where, row in rows:
        if isinstance(row, SourceProblem):
            yield row
        else:
            yield _manifest_entry(manifest, where, row, allow_outside)


Row = tuple[str, Mapping[str, object] | SourceProblem]


def _csv_rows(manifest: Path, text: str) -> Iterator[Row]:
    """Yield (where, row) for each CSV data row; rows are numbered from the header's 1."""
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text))
    header = [cell.strip().lower() for cell in next(reader, [])]
    if "path" not in header and "url" not in header:
        yield str(manifest), SourceProblem(str(manifest), "no 'path' or 'url' column in header")
        return
    for number, cells in enumerate(_safe_csv(reader, manifest), start=2):
        if isinstance(cells, SourceProblem):
            yield cells.where, cells
        elif any(cell.strip() for cell in cells):
            yield f"{manifest.name} row {number}", dict(zip(header, cells, strict=False))


def _safe_csv(reader: Iterable[list[str]], manifest: Path) -> Iterator[list[str] | SourceProblem]:
    """Iterate CSV records, turning a parse error into a final problem instead of raising."""
    try:
        yield from reader
    except csv.Error as exc:
        yield SourceProblem(str(manifest), f"unreadable CSV: {exc}")


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    """Guess the delimiter (comma, semicolon or tab) from the start of the file."""
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        return csv.excel


def _json_rows(manifest: Path, text: str) -> Iterator[Row]:
    """Yield (where, row) for each non-blank JSON line; a bad line becomes a problem."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{manifest.name} row {number}"
        yield where, _json_row(where, line)


def _json_row(where: str, line: str) -> Mapping[str, object] | SourceProblem:
    """Parse one JSON line into a row with lower-case keys, or say why it is not one."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        return SourceProblem(where, f"bad JSON: {exc.msg}")
    except RecursionError:
        return SourceProblem(where, "bad JSON: nested too deeply")
    if not isinstance(value, dict):
        return SourceProblem(where, "not a JSON object")
    return {str(k).strip().lower(): v for k, v in value.items()}


def _manifest_entry(
    manifest: Path, where: str, row: Mapping[str, object], allow_outside: bool
) -> SourceItem | SourceProblem:
    """Turn one manifest row into an item, or say what is wrong with it."""
    path_text, url = _field(row, "path"), _field(row, "url")
    if not path_text and not url:
        return SourceProblem(where, "no path or url")
    if url and not _is_web_address(url):
        return SourceProblem(where, f"not a web address: '{url}'")
    published_text = _field(row, "published")
    published = _parse_date(published_text) if published_text else None
    if published_text and published is None:
        return SourceProblem(where, f"malformed date '{published_text}'")
    located = _locate(manifest, path_text, allow_outside) if path_text else None
    if isinstance(located, SourceProblem):
        return SourceProblem(where, located.message)
    return SourceItem(
        path=located[0] if located else None,
        url=url,
        kind=located[1] if located else "url",
        title=_field(row, "title"),
        outlet=_field(row, "outlet"),
        author=_field(row, "author"),
        published=published,
        origin=where,
    )


def _field(row: Mapping[str, object], name: str) -> str | None:
    """Return a row's stripped value for a column, None when missing or blank."""
    value = row.get(name)
    text = "" if value is None else str(value).strip()
    return text or None


def _locate(
    manifest: Path, path_text: str, allow_outside: bool
) -> tuple[Path, str] | SourceProblem:
    """Resolve a row's path against the manifest's folder and check it is a usable file."""
    path = manifest.parent / path_text
    suffix = path.suffix.lower()
    shown = _shown(path_text)
    try:
        refusal = None if allow_outside else _row_form(path_text, shown)
        refusal = refusal or (None if allow_outside else _row_out(manifest, path, shown))
        exists, is_file = path.exists(), path.is_file()
    except (OSError, ValueError):
        return SourceProblem(path_text, f"unusable path: {path_text!r}")
    if refusal:
        return SourceProblem(path_text, refusal)
    if not exists:
        return SourceProblem(path_text, f"not found: {shown}")
    if not is_file:
        return SourceProblem(path_text, f"not a file: {shown}")
    if suffix not in _KINDS:
        return SourceProblem(path_text, _unsupported(suffix))
    return path, _KINDS[suffix]


def _row_form(path_text: str, shown: str) -> str | None:
    """Why a row's path is refused as written: absolute, or climbing with `..`.

    A manifest travels with its folder, so its rows name files relative to it; an absolute
    path or a `..` is a way out even when it happens to land inside today.
    """
    written = Path(path_text)
    if written.is_absolute():
        how = "is an absolute path"
    elif ".." in written.parts:
        how = "goes up with '..'"
    else:
        return None
    return (
        f"refused: {shown} {how}; rows name files inside the manifest's folder"
        " (use --allow-outside to read it)"
    )


def _row_out(manifest: Path, path: Path, shown: str) -> str | None:
    """Why a manifest row's path is refused: it resolves outside the manifest's folder."""
    folder = Path(os.path.realpath(manifest.parent))
    real = os.path.realpath(path)
    if Path(real).is_relative_to(folder):
        return None
    if path.is_symlink():
        how = f"links to {_shown(real)},"
    elif _lexically_inside(path, manifest.parent):
        how = f"resolves to {_shown(real)},"
    else:
        how = "is"
    return _outside(f"{shown} {how}", _MANIFEST_FOLDER)


def _lexically_inside(path: Path, folder: Path) -> bool:
    """Whether the path is inside the folder before any symlink is followed."""
    return Path(os.path.normpath(path.absolute())).is_relative_to(
        os.path.normpath(folder.absolute())
    )


def _is_web_address(url: str) -> bool:
    """Say whether the text is an http(s) URL with a host."""
    parts = urlsplit(url)
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def _parse_date(text: str) -> datetime.date | None:
    """Parse an ISO date (2024-10-15, or a timestamp starting with one), None when malformed."""
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None
