"""`analyst who NAME`: the profile, its JSON and its chart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.bot.conftest import Invoke, make_invoke
from tests.bot.test_cli_quotes import KHAMENEIS, PUTIN_TEHRAN, seed

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def line_starting(output: str, prefix: str) -> str:
    return next(line for line in output.splitlines() if line.startswith(prefix))


def test_who_putin(sample_cli: Invoke) -> None:
    result = sample_cli("who", "putin")
    assert result.exit_code == 0, result.output
    output = result.output
    opening, header = output.splitlines()[:2]
    assert opening.startswith("Vladimir Putin (person) is mentioned 18 times in 4 articles")
    assert header == "Vladimir Putin (person)"
    aliases = line_starting(output, "Written as: ").removeprefix("Written as: ").split(", ")
    assert {"Vladimir Putin", "Putin"} <= set(aliases)
    mentions = line_starting(output, "Mentions: ")
    assert "2015: " in mentions
    assert "2024: " in mentions
    assert mentions.index("2015: ") < mentions.index("2024: ")
    people = line_starting(output, "Appears with (sentences shared): ")
    assert "Hassan Rouhani (" in people
    assert "Masoud Pezeshkian (" in people
    assert "Vladimir Putin (" not in people
    assert "Iran (" in line_starting(output, "Places and organisations alongside: ")
    edges = line_starting(output, "First dated mention: ")
    assert (
        edges == "First dated mention: [#4 ABC News, 2015-11-23]; latest: [#3 The Week, 2024-10-15]"
    )
    assert line_starting(output, "Latest quotes (3 of ")
    assert PUTIN_TEHRAN in output


@pytest.mark.parametrize("name", ["vladimir putin's", "VLADIMIR PUTIN", "President Putin"])
def test_other_ways_of_writing_the_name(sample_cli: Invoke, name: str) -> None:
    assert sample_cli("who", name).output.splitlines()[1] == "Vladimir Putin (person)"


def test_a_place_has_a_profile_too(sample_cli: Invoke) -> None:
    output = sample_cli("who", "iran").output
    assert output.splitlines()[1] == "Iran (place)"
    assert "Vladimir Putin (" in line_starting(output, "Appears with (sentences shared): ")
    assert "Quotes: none in the corpus" in output.splitlines()


def test_unknown_name_suggests_the_closest(sample_cli: Invoke) -> None:
    result = sample_cli("who", "Putn")
    assert result.exit_code == 1
    assert (
        result.output
        == "error: No one called “Putn” in the corpus. Did you mean: Vladimir Putin?\n"
    )


def test_json_shape(sample_cli: Invoke) -> None:
    data = json.loads(sample_cli("who", "putin", "--json").output)
    assert (data["name"], data["kind"]) == ("Vladimir Putin", "person")
    assert "Putin" in data["aliases"]
    years = [entry["year"] for entry in data["by_year"]]
    assert {2015, 2024} <= set(years)
    assert sum(entry["mentions"] for entry in data["by_year"]) == data["mentions"]
    assert data["by_month"][0] == {"date": "2015-11-01", "mentions": 8, "articles": 1}
    assert all(entry["date"] for entry in data["by_month"])
    assert data["first_mention"]["id"] == 4
    assert data["last_mention"]["published"] == "2024-10-15"
    assert {"Hassan Rouhani", "Masoud Pezeshkian"} <= {p["name"] for p in data["appears_with"]}
    assert "Iran" in {p["name"] for p in data["places_and_organisations"]}
    assert len(data["quotes"]) == 3
    assert data["quote_count"] >= 3
    assert all(q["speaker"] == "Vladimir Putin" for q in data["quotes"])


def test_chart_is_a_png(sample_cli: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "putin.png"
    result = sample_cli("who", "putin", "--chart", str(path))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == f"Chart written to {path}"
    picture = path.read_bytes()
    assert picture.startswith(PNG_MAGIC)
    assert 10_000 < len(picture) < 500_000


def test_chart_into_a_missing_folder_fails_in_one_line(sample_cli: Invoke, tmp_path: Path) -> None:
    result = sample_cli("who", "putin", "--chart", str(tmp_path / "nope" / "putin.png"))
    assert result.exit_code == 1
    assert result.output.startswith("error: cannot write the chart to ")


def test_ambiguous_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'khamenei.db'}"
    seed(url, *KHAMENEIS)
    invoke = make_invoke(url, monkeypatch)
    assert invoke("who", "Khamenei").output == (
        "error: “Khamenei” could be: Ali Khamenei (3), Mojtaba Khamenei (1) — be more specific\n"
    )
    output = invoke("who", "ali khamenei").output.splitlines()
    assert output[:4] == [
        "Ali Khamenei (person) is mentioned 3 times in 1 article, all undated; no quotes.",
        "Ali Khamenei (person)",
        "Written as: Ali Khamenei",
        "Mentions: 3 in 1 article — undated: 3",
    ]
    assert "First and last mention: only undated articles" in output
