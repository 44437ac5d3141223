"""Bad input gets a clear one-line reason and loses nothing that was already stored."""

from __future__ import annotations

import json
from pathlib import Path

from tests.bot.conftest import SAMPLES, Invoke

ARTICLE = (SAMPLES / "003_15fdc8e12761e189.txt").read_text(encoding="utf-8")


def lines(output: str) -> list[str]:
    return [line.strip() for line in output.splitlines()]


def test_missing_path(cli: Invoke, tmp_path: Path) -> None:
    result = cli("ingest", str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert lines(result.output)[:2] == [
        "0 new, 0 duplicate, 1 failed",
        f"failed     {tmp_path / 'nope.txt'}: not found",
    ]


def test_directory_with_no_articles(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "a.png").write_bytes(b"\x89PNG\r\n")
    result = cli("ingest", str(tmp_path / "pics"))
    assert result.exit_code == 1
    assert "no articles in directory" in result.output


def test_empty_binary_and_oversized_files(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "big.txt").write_text("word " * 400)
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    result = cli("ingest", str(tmp_path), env={"ANALYST_MAX_FILE_BYTES": "1500"})
    out = result.output
    assert result.exit_code == 1
    assert lines(out)[0] == "0 new, 0 duplicate, 4 failed"
    assert "empty.txt: empty file" in out
    assert "binary.txt: binary file, not text" in out
    assert "big.txt: file too large: 2 KB (limit 1.5 KB)" in out
    assert "good.txt: file too large" in out
    result = cli("ingest", str(tmp_path / "good.txt"))  # default cap: 5 MB
    assert lines(result.output)[0] == "1 new, 0 duplicate, 0 failed"


def test_a_file_with_too_little_text_is_not_an_article(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "stub.txt").write_text("Headline\n\nSubscribe now!\n\nShort line here.")
    result = cli("ingest", str(tmp_path / "stub.txt"))
    assert "stub.txt: not an article (3 words after cleaning)" in result.output


def test_non_utf8_text_is_decoded(cli: Invoke, tmp_path: Path) -> None:
    text = ARTICLE.replace("’", "'").replace("“", '"').replace("”", '"')
    text = text.replace("Tehran", "Téhéran")
    (tmp_path / "latin.txt").write_bytes(text.encode("cp1252"))
    assert (
        lines(cli("ingest", str(tmp_path / "latin.txt")).output)[0]
        == "1 new, 0 duplicate, 0 failed"
    )
    assert "Putin signed a decree" in cli("article", "1").output
    assert "Téhéran" in cli("article", "1").output


def test_same_text_and_near_copy_are_duplicates(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.txt").write_text(ARTICLE, encoding="utf-8")
    edited = ARTICLE.replace("deadly attacks", "lethal attacks").replace(
        "Interested in ?", "Sign up for our newsletter"
    )
    (tmp_path / "a" / "copy.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a" / "wire.txt").write_text(edited, encoding="utf-8")
    result = cli("ingest", str(tmp_path / "a"))
    assert lines(result.output)[0] == "1 new, 2 duplicate, 0 failed"
    assert result.output.count("already have it: #1") == 2


def test_manifest_reports_bad_rows_and_ingests_good_ones(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "two.txt").write_text(
        (SAMPLES / "001_a63fafeb041f58e2.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "list.csv").write_text(
        "path,title,outlet,published\n"
        "one.txt,,ABC News,2015-11-23\n"
        "missing.txt,,,\n"
        "two.txt,Treaty signed,Responsible Statecraft,2025-13-45\n"
        "two.txt,Treaty signed,Responsible Statecraft,2025-01-21\n",
        encoding="utf-8",
    )
    result = cli("ingest", str(tmp_path / "list.csv"), "--json")
    data = json.loads(result.output)
    assert (data["new"], data["failed"]) == (2, 2)
    problems = {r["source"]: r["message"] for r in data["results"] if r["status"] == "failed"}
    assert problems["list.csv row 3"].startswith("not found")
    assert problems["list.csv row 4"] == "malformed date '2025-13-45'"
    listed = cli("articles").output
    assert "[2025-01-21] · Responsible Statecraft · Treaty signed" in listed


def test_unsupported_database_url(cli: Invoke) -> None:
    result = cli("--db", "mysql://localhost/x", "stats")
    assert result.exit_code == 1
    assert result.output.strip() == (
        "error: unsupported database URL scheme 'mysql': "
        "use sqlite+aiosqlite:///file.db or postgresql+asyncpg://..."
    )


def test_database_that_cannot_be_opened(cli: Invoke, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = cli("--db", f"sqlite+aiosqlite:///{blocker}/x.db", "stats")
    assert result.exit_code == 1
    assert result.output.startswith("error: ")
    assert "Traceback" not in result.output


def test_postgres_that_is_not_there(cli: Invoke) -> None:
    result = cli("--db", "postgresql+asyncpg://nobody:secret@127.0.0.1:1/none", "stats")
    assert result.exit_code == 1
    assert result.output.startswith(
        "error: cannot open the database postgresql+asyncpg://nobody:***@"
    )
    assert "secret" not in result.output


def test_locked_database_is_a_clear_error_and_loses_nothing(cli: Invoke, tmp_path: Path) -> None:
    import sqlite3

    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    assert cli("stats").exit_code == 0  # creates and migrates the database
    holder = sqlite3.connect(tmp_path / "analyst.db", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = cli("ingest", str(tmp_path / "story.txt"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1
    assert result.output.strip() == (
        "error: the database is locked by another process; nothing was lost, try again"
    )
    assert lines(cli("ingest", str(tmp_path / "story.txt")).output)[0] == (
        "1 new, 0 duplicate, 0 failed"
    )


PAGE = """<!doctype html><html lang="en"><head>
<title>Putin visits Tehran | World News</title>
<meta property="og:site_name" content="World News">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2015-11-23T10:00:00Z">
<link rel="canonical" href="https://news.example.com/putin-tehran">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Putin visits Tehran</h1>
<p>Russian President Vladimir Putin arrived in Tehran on Monday for his first visit to Iran in
eight years, meeting Supreme Leader Ayatollah Ali Khamenei to discuss the war in Syria.</p>
<p>The two countries, both backers of Syrian President Bashar al-Assad, made a show of closeness
as world powers pressed for a renewed effort to end the conflict there.</p>
<p>Putin also signed a decree lifting a ban on exporting enriched uranium from Iran.</p>
</article><footer>© 2015 World News. All rights reserved.</footer></body></html>"""


def test_html_and_markdown_files(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "copy.htm").write_text(
        PAGE.replace("arrived in Tehran", "landed in Tehran").replace("eight years", "8 years"),
        encoding="utf-8",
    )
    (tmp_path / "note.md").write_text(
        "# Treaty signed\n\n" + ARTICLE.split("\n", 2)[2].replace("Putin", "**Putin**"),
        encoding="utf-8",
    )
    out = cli("ingest", str(tmp_path)).output
    assert lines(out)[0] == "2 new, 1 duplicate, 0 failed"
    assert "already have it: #" in out
    listed = cli("articles").output
    assert "[2015-11-23] · World News · Putin visits Tehran" in listed
    shown = cli("article", "--json", "2").output + cli("article", "--json", "1").output
    assert "https://news.example.com/putin-tehran" in shown
    assert "**Putin**" not in shown
