"""`analyst ingest URL...`: links become stored articles, or are refused in one line."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.bot.conftest import SAMPLES, Invoke
from tests.bot.test_fetcher import LocalSite


@pytest.fixture(scope="module")
def site() -> Iterator[LocalSite]:
    """The allowed test server, plus a second loopback server it can redirect to."""
    other = LocalSite().start()
    main = LocalSite().start()
    main.escape_port = other.port
    yield main
    main.close()
    other.close()


def allowed(site: LocalSite, **extra: str) -> dict[str, str]:
    """Environment letting the CLI reach the test server, with short timeouts."""
    return {
        "ANALYST_FETCH_ALLOW": f"127.0.0.1:{site.port}",
        "ANALYST_FETCH_TOTAL_TIMEOUT": "1",
        "ANALYST_FETCH_RETRIES": "0",
        **extra,
    }


def lines(output: str) -> list[str]:
    return [line.strip() for line in output.splitlines()]


def job_errors(tmp_path: Path) -> list[tuple[str, str | None]]:
    with sqlite3.connect(tmp_path / "analyst.db") as db:
        return db.execute("SELECT status, last_error FROM ingest_jobs ORDER BY id").fetchall()


def test_a_link_is_fetched_extracted_and_stored(cli: Invoke, site: LocalSite) -> None:
    url = site.url("/article")
    result = cli("ingest", url, env=allowed(site))
    assert result.exit_code == 0, result.output
    assert lines(result.output) == [
        "1 new, 0 duplicate, 0 failed",
        f"new        #1 Russia and Iran sign 20-year partnership treaty ({url})",
    ]
    assert "[2025-01-17] · Global Desk · Russia and Iran sign 20-year" in cli("articles").output
    shown = json.loads(cli("article", "1", "--json").output)
    assert shown["canonical_url"] == "https://www.globaldesk.example/world/russia-iran-treaty-2025"
    assert shown["author"] == "Maria Ivanova"
    assert "comprehensive strategic partnership treaty" in shown["text"]
    assert "cookies" not in shown["text"]
    assert "All rights reserved" not in shown["text"]


def test_a_refused_link_says_why_and_stores_nothing(cli: Invoke, site: LocalSite) -> None:
    url = site.url("/article")
    result = cli("ingest", url, "ftp://example.com/a")  # no allowlist: the server is loopback
    assert result.exit_code == 1
    assert lines(result.output) == [
        "0 new, 0 duplicate, 2 failed",
        "failed     ftp://example.com/a: refused: ftp links are not fetched (only http and https)",
        f"failed     {url}: refused: 127.0.0.1 is a loopback address",
    ]
    assert cli("articles").output.strip() == "No articles."


def test_tracking_parameters_and_mirrors_are_stored_once(
    cli: Invoke, site: LocalSite, tmp_path: Path
) -> None:
    first = site.url("/article?utm_source=newsletter&utm_medium=email")
    assert lines(cli("ingest", first, env=allowed(site)).output)[0] == (
        "1 new, 0 duplicate, 0 failed"
    )
    fetched = site.hits["article"]
    again = cli(
        "ingest", site.url("/article?fbclid=IwAR0xyz"), site.url("/mirror"), env=allowed(site)
    )
    assert lines(again.output)[0] == "0 new, 2 duplicate, 0 failed"
    assert again.output.count("already have it: #1") == 2
    assert site.hits["article"] == fetched  # the same page was not fetched again
    assert [status for status, _ in job_errors(tmp_path)] == ["done", "duplicate"]


def test_refusals_are_one_line_each_and_stored_with_the_job(
    cli: Invoke, site: LocalSite, tmp_path: Path
) -> None:
    paths = ["/index", "/photo.png", "/missing", "/loop-a", "/escape", "/slow"]
    result = cli("ingest", *(site.url(p) for p in paths), env=allowed(site))
    assert result.exit_code == 1
    out = lines(result.output)
    assert out[0] == "0 new, 0 duplicate, 6 failed"
    reasons = dict(line.split(": ", 1) for line in out[1:])
    failed = {key.removeprefix("failed").strip(): value for key, value in reasons.items()}
    assert failed[site.url("/index")].startswith("not an article (")
    assert failed[site.url("/index")].endswith(" words)")
    assert failed[site.url("/photo.png")] == "not an article: image/png"
    assert failed[site.url("/missing")] == "not found (HTTP 404)"
    assert failed[site.url("/loop-a")] == (
        "redirect loop: the page keeps sending us back to the same address"
    )
    assert failed[site.url("/escape")] == "refused: 127.0.0.1 is a loopback address"
    assert failed[site.url("/slow")] == "could not reach 127.0.0.1 in 1 s"
    stored = sorted(error or "" for _, error in job_errors(tmp_path))
    assert stored == sorted(failed.values())
    assert cli("articles").output.strip() == "No articles."


def test_links_and_files_mix_and_manifests_list_links(
    cli: Invoke, site: LocalSite, tmp_path: Path
) -> None:
    story = tmp_path / "story.txt"
    story.write_text((SAMPLES / "003_15fdc8e12761e189.txt").read_text(encoding="utf-8"))
    manifest = tmp_path / "links.csv"
    manifest.write_text(
        "url,title,outlet\n"
        f"{site.url('/plain.txt')},Treaty in plain text,Wire\n"
        "mailto:someone@example.com,,\n",
        encoding="utf-8",
    )
    result = cli("ingest", str(story), site.url("/chain/3"), str(manifest), env=allowed(site))
    out = lines(result.output)
    assert out[0] == "3 new, 0 duplicate, 1 failed"
    assert "failed     links.csv row 3: not a web address: 'mailto:someone@example.com'" in out
    assert any(line.endswith(f"({site.url('/chain/3')})") for line in out)
    listed = cli("articles").output
    assert "Wire · Treaty in plain text" in listed


def test_explain_does_not_fetch(cli: Invoke, site: LocalSite) -> None:
    result = cli("ingest", "--explain", site.url("/article"), env=allowed(site))
    assert result.exit_code == 1
    assert result.output.strip() == "error: --explain reads files only; ingest links without it"


def test_a_link_to_a_stored_canonical_address_is_not_fetched(cli: Invoke, site: LocalSite) -> None:
    assert lines(cli("ingest", site.url("/article"), env=allowed(site)).output)[0] == (
        "1 new, 0 duplicate, 0 failed"
    )
    canonical = "https://WWW.globaldesk.example/world/russia-iran-treaty-2025?utm_source=x#top"
    result = cli("ingest", canonical, env=allowed(site))  # the host does not exist: no fetch
    assert lines(result.output) == [
        "0 new, 1 duplicate, 0 failed",
        f"duplicate  {canonical}: already have it: #1",
    ]
