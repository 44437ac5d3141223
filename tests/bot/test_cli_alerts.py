"""`analyst alert add|list|remove` on a copy of the sample corpus: what a terminal user reads."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.bot.conftest import Invoke, make_invoke, one_error_line


@pytest.fixture
def cli(sample_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """The CLI on a private copy of the ingested samples (alerts change the database)."""
    copy = tmp_path / "alerts.db"
    shutil.copy(sample_db.removeprefix("sqlite+aiosqlite:///"), copy)
    return make_invoke(f"sqlite+aiosqlite:///{copy}", monkeypatch)


def test_add_list_and_remove(cli: Invoke) -> None:
    added = cli("alert", "add", "putin", "--guild", "42", "--channel", "7", "--role", "9")
    assert added.exit_code == 0, added.output
    assert added.output == (
        "Alert #1: Vladimir Putin (person) in channel 7 of guild 42, pinging role 9; "
        "it posts a card for each new article naming Vladimir Putin.\n"
    )
    words = cli("alert", "add", "iran", "-syria", "--guild", "42", "--channel", "7")
    assert "search “iran -syria”" in words.output
    quotes = cli("alert", "add", "quotes:rouhani", "--guild", "43", "--channel", "8", "--json")
    data = json.loads(quotes.output)
    assert {k: data[k] for k in ("id", "kind", "label", "name", "role_id", "guild_id")} == {
        "id": 3, "kind": "quotes", "label": "quotes:Hassan Rouhani", "name": "Hassan Rouhani",
        "role_id": None, "guild_id": 43,
    }  # fmt: skip
    listed = cli("alert", "list", "--guild", "42")
    assert listed.output.splitlines() == [
        "2 alerts:",
        "#1  Vladimir Putin (person) → guild 42, channel 7, pings role 9",
        "    posts a card for each new article naming Vladimir Putin",
        "#2  search “iran -syria” → guild 42, channel 7",
        "    posts a card for each new article /search finds for “iran -syria”",
    ]
    everything = json.loads(cli("alert", "list", "--json").output)
    assert [a["id"] for a in everything["alerts"]] == [1, 2, 3]
    assert one_error_line(cli("alert", "remove", "3", "--guild", "42")) == (
        "error: there is no alert #3 in this server"
    )
    removed = cli("alert", "remove", "1")
    assert removed.output == "Removed alert #1: Vladimir Putin (person) in channel 7.\n"
    assert cli("alert", "list", "--guild", "42").output.startswith("1 alert:\n#2 ")
    assert cli("alert", "list", "--guild", "99").output == "No alerts are set.\n"


@pytest.mark.parametrize(
    ("what", "error"),
    [
        (["quotes:Zzyzx"], "error: No one called “Zzyzx” in the corpus."),
        (
            ["-syria"],
            "error: not a search alert: say what to search for, not only what to leave out",
        ),
        (["quotes:"], "error: say whose quotes: quotes:NAME, e.g. quotes:putin"),
    ],
)
def test_what_cannot_be_watched_is_one_line(cli: Invoke, what: list[str], error: str) -> None:
    result = cli("alert", "add", *what, "--guild", "1", "--channel", "2")
    assert one_error_line(result) == error


def test_the_same_watch_twice_in_a_channel_is_refused(cli: Invoke) -> None:
    assert cli("alert", "add", "spikes", "--guild", "1", "--channel", "2").exit_code == 0
    assert cli("alert", "add", "spikes", "--guild", "1", "--channel", "3").exit_code == 0
    again = cli("alert", "add", "SPIKES", "--guild", "1", "--channel", "2")
    assert one_error_line(again) == (
        "error: already watching spikes in that channel (alert #1); "
        "to change it, `analyst alert remove 1` first"
    )
