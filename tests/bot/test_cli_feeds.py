"""`analyst feed ...`: follow, list, remove, resume, OPML, and poll --once from the web or files."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.opml import read_opml
from tests.bot.conftest import ROOT, Invoke, one_error_line
from tests.feeds_server import FeedsServer, feeds_server, render

__all__ = ["feeds_server"]

SAVED = ROOT / "tests" / "data" / "feeds"


def allowed(server: FeedsServer) -> dict[str, str]:
    """Environment letting the CLI reach the feeds server, at once and without retries."""
    return {
        "ANALYST_FETCH_ALLOW": ",".join(server.allow),
        "ANALYST_FETCH_TOTAL_TIMEOUT": "5",
        "ANALYST_FETCH_RETRIES": "0",
        "ANALYST_FEED_HOST_GAP": "0",
    }


def lines(output: str) -> list[str]:
    return [line.rstrip() for line in output.splitlines()]


def test_follow_list_remove_and_resume(cli: Invoke, feeds_server: FeedsServer) -> None:
    env = allowed(feeds_server)
    rss, atom = feeds_server.feed_url("rss"), feeds_server.feed_url("atom")
    assert lines(cli("feed", "add", rss, env=env).output) == ["following #1 Harbour Desk: World"]
    added = json.loads(cli("feed", "add", atom, "--digest-only", "--json", env=env).output)
    assert (added["id"], added["mode"], added["title"]) == (2, "digest", "Harbour Desk: Business")
    listed = lines(cli("feed", "list").output)
    assert listed[0] == "2 feeds"
    assert listed[1] == "#1 Harbour Desk: World (active, cards)"
    assert listed[2] == f"    {rss}"
    assert listed[3].startswith(
        "    last poll never, last success never; 0 new last time, 0 in all"
    )
    assert listed[4] == "#2 Harbour Desk: Business (active, digest only)"
    shown = json.loads(cli("feed", "list", "--json").output)
    assert [f["url"] for f in shown["feeds"]] == [rss, atom]
    assert lines(cli("feed", "resume", "1").output) == ["resumed #1 Harbour Desk: World"]
    assert lines(cli("feed", "remove", atom).output) == [
        "no longer following #2 Harbour Desk: Business"
    ]
    assert cli("feed", "list").output.startswith("1 feed\n#1 Harbour Desk: World")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["feed", "add", "not a link"], "not a web address: not a link"),
        (["feed", "remove", "7"], "no feed 7 here; `analyst feed list` shows the feeds"),
        (["feed", "resume", "https://x.example/rss"], "no feed https://x.example/rss here"),
        (["feed", "add", "https://x.example/rss", "--channel", "5"], "--channel needs --guild"),
        (["feed", "poll", "--all"], "--all, --from and --no-ingest go with --once"),
        (["feed", "import", "missing.opml"], "cannot read missing.opml: No such file"),
        (["feed", "poll", "--once", "--from", "nowhere"], "no such file or folder: nowhere"),
    ],
)
def test_mistakes_are_one_line(cli: Invoke, args: list[str], message: str) -> None:
    assert message in one_error_line(cli(*args))


def test_a_page_that_is_no_feed_is_refused_in_one_line(
    cli: Invoke, feeds_server: FeedsServer
) -> None:
    url = feeds_server.feed_url("broken")
    line = one_error_line(cli("feed", "add", url, env=allowed(feeds_server)))
    assert line.startswith(f"error: cannot follow {url}: not a feed")
    assert cli("feed", "list").output.startswith("No feeds followed.")


def test_opml_import_and_export(cli: Invoke, feeds_server: FeedsServer, tmp_path: Path) -> None:
    exported = tmp_path / "mine.opml"
    reader = SAVED / "opml" / "reader-export.opml"
    imported = cli("feed", "import", str(reader))
    assert imported.exit_code == 0, imported.output
    first = lines(imported.output)[0]
    count = len(read_opml(reader.read_bytes()))
    assert first == f"{count} followed, 0 already followed, 0 not followed"
    again = lines(cli("feed", "import", str(reader)).output)[0]
    assert again == f"0 followed, {count} already followed, 0 not followed"
    assert cli("feed", "export", str(exported)).exit_code == 0
    assert read_opml(exported.read_bytes()) == read_opml(reader.read_bytes())
    to_terminal = cli("feed", "export")
    assert read_opml(to_terminal.stdout_bytes) == read_opml(reader.read_bytes())
    bad = tmp_path / "bad.opml"
    bad.write_text("<html></html>")
    assert "not an OPML file" in one_error_line(cli("feed", "import", str(bad)))


def test_poll_once_ingests_what_is_new_and_then_nothing(
    cli: Invoke, feeds_server: FeedsServer
) -> None:
    env = allowed(feeds_server)
    cli("feed", "add", feeds_server.feed_url("rss"), env=env)
    first = cli("feed", "poll", "--once", env=env)
    assert first.exit_code == 0, first.output
    out = lines(first.output)
    assert out[:2] == ["polled 1 feed: 1 new", "  new          Harbour Desk: World: 3 new items"]
    assert out[3] == "3 new, 0 duplicate, 0 failed"
    oldest_first = reversed(feeds_server.items("rss"))
    assert out[4:] == [
        f"  new        #{n} {item.title} ({feeds_server.article_url(item)})"
        for n, item in enumerate(oldest_first, start=1)
    ]
    assert lines(cli("feed", "poll", "--once", env=env).output) == [
        "No feed was due. `analyst feed poll --once --all` polls them all now."
    ]
    feeds_server.add_items("rss", 1)
    forced = json.loads(cli("feed", "poll", "--once", "--all", "--json", env=env).output)
    [poll] = forced["polls"]
    assert (poll["status"], poll["new_items"], forced["ingest"]["new"]) == ("new", 1, 1)
    feeds_server.fail("rss", 500)
    failing = cli("feed", "poll", "--once", "--all", env=env)
    assert failing.exit_code == 1
    assert "  failed       Harbour Desk: World: the site failed (HTTP 500) (1 in a row;" in (
        failing.output
    )
    assert "    last error: the site failed (HTTP 500)" in cli("feed", "list").output


def test_poll_once_from_saved_feed_files(
    cli: Invoke, feeds_server: FeedsServer, tmp_path: Path
) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "world.xml").write_bytes(render(feeds_server.scenarios["rss"], feeds_server.base))
    env = allowed(feeds_server)
    result = cli("feed", "poll", "--once", "--from", str(folder), env=env)
    assert result.exit_code == 0, result.output
    assert lines(result.output)[:4] == [
        "polled 1 feed: 1 new",
        "  new          Harbour Desk: World: 3 new items",
        "",
        "3 new, 0 duplicate, 0 failed",
    ]
    again = cli("feed", "poll", "--once", "--from", str(folder / "world.xml"), env=env)
    assert lines(again.output)[:2] == [
        "polled 1 feed: 1 new",
        "  new          Harbour Desk: World: 0 new items",
    ]
    listed = lines(cli("feed", "list").output)
    assert listed[1] == "#1 Harbour Desk: World (active, saved file)"
    assert listed[2] == f"    {(folder / 'world.xml').resolve().as_uri()}"


def test_poll_once_reads_a_folder_of_saved_real_feeds_without_the_network(cli: Invoke) -> None:
    result = cli("feed", "poll", "--once", "--from", str(SAVED), "--no-ingest", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    polls = {Path(p["url"]).name: p for p in report["polls"]}
    assert polls["nyt-world.rss"]["new_items"] == 57
    assert polls["dw-all.rdf"]["new_items"] == 141
    assert all(p["status"] == "new" and p["new_items"] > 0 for p in polls.values())
    assert report["new_items"] == sum(len(p["job_ids"]) + p["no_link"] for p in polls.values())
    text = cli("feed", "poll", "--once", "--from", str(SAVED), "--no-ingest")
    assert "  new          NYT > World News: 0 new items" in text.output


def test_poll_without_once_polls_and_ingests_until_stopped(
    cli: Invoke, feeds_server: FeedsServer, tmp_path: Path
) -> None:
    env = allowed(feeds_server)
    cli("feed", "add", feeds_server.feed_url("rss"), env=env)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "feed", "poll"],
        cwd=ROOT,
        env={**os.environ, **env},  # the database: the `cli` fixture set it
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    try:
        shown = [process.stdout.readline().rstrip() for _ in range(4)]  # blocks until printed
    finally:
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=60)
    assert shown[0] == "new          Harbour Desk: World: 3 new items"
    assert sorted(line[:13] for line in shown[1:]) == [f"new        #{n}" for n in (1, 2, 3)]
    assert process.returncode == 0 and "Traceback" not in err
