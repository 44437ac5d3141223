"""`analyst compare` on the sample corpus: what a user reads, the JSON, the chart, the errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.bot.conftest import Invoke


def block(output: str, label: str) -> str:
    """The lines of one period's block, from its head line to the blank line after it."""
    start = output.index(f"\n{label} — ")
    return output[start : output.index("\n\n", start + 1)]


def test_2015_against_2024_names_syria_and_assad_then_turkmenistan(sample_cli: Invoke) -> None:
    result = sample_cli("compare", "2015", "2024")
    assert result.exit_code == 0, result.output
    opening, head = result.output.splitlines()[:2]
    assert opening.startswith("In 2015 (1 article) the coverage centred on Bashar al-Assad")
    assert head == "2015 vs 2024: what sets each period apart"
    first, second = block(result.output, "2015"), block(result.output, "2024")
    assert "2015 — 1 article [#4 ABC News, 2015-11-23]" in first
    assert "Bashar al-Assad (5 vs 0)" in first
    assert "Syria (6 vs 0)" in first
    assert "Sentence: “" in first
    assert "[#4 ABC News, 2015-11-23]" in first.split("Sentence:")[1]
    assert "2024 — 1 article [#3 The Week, 2024-10-15]" in second
    assert "Masoud Pezeshkian (0 vs 1)" in second
    assert "Turkmenistan (0 vs 1)" in second
    assert "Syria" not in second.split("Sentence:")[0]
    assert "Quote: Vladimir Putin: “No one from the outside" in first
    assert "Quote: " in second


def test_what_both_periods_share_is_listed_apart(sample_cli: Invoke) -> None:
    output = sample_cli("compare", "2015", "2024").output
    both = next(line for line in output.splitlines() if line.startswith("Both: "))
    assert "Vladimir Putin (8 vs 2)" in both
    assert "Iran" in both
    people_2015 = next(x for x in block(output, "2015").splitlines() if "People:" in x)
    assert "Vladimir Putin" not in people_2015
    assert "3 undated articles fit no period" in output


def test_json_sides_carry_their_labels(sample_cli: Invoke) -> None:
    result = sample_cli("compare", "2015", "2024", "--json")
    data = json.loads(result.output)
    first, second = data["sides"]
    assert (first["label"], second["label"]) == ("2015", "2024")
    assert (first["start"], first["end"]) == ("2015-01-01", "2015-12-31")
    assert first["articles"] == second["articles"] == 1
    assert "Bashar al-Assad" in [p["name"] for p in first["people"]]
    assert "Syria" in [p["name"] for p in first["places"]]
    assert "Turkmenistan" in [p["name"] for p in second["places"]]
    assert all(p["z"] > 0 for side in (first, second) for p in side["people"])
    assert first["sentence"]["article"]["id"] == 4
    assert {"name", "kind", "counts", "z"} <= set(data["shared"][0])
    assert data["message"] is None
    assert data["undated"] == 3


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2019", "2024", "No articles in 2019. Years with articles: 2015, 2024."),
        ("2015", "2017", "No articles in 2017. Years with articles: 2015, 2024."),
        ("2016", "2019", "No articles in 2016 or 2019. Years with articles: 2015, 2024."),
    ],
)
def test_an_empty_period_lists_the_years_that_have_articles(
    sample_cli: Invoke, a: str, b: str, expected: str
) -> None:
    result = sample_cli("compare", a, b)
    assert result.exit_code == 0
    assert result.output.startswith(expected)
    assert len(result.output.strip().splitlines()) == 1


def test_an_empty_period_in_json_keeps_the_labels_and_the_message(sample_cli: Invoke) -> None:
    data = json.loads(sample_cli("compare", "2019", "2024", "--json").output)
    assert [s["label"] for s in data["sides"]] == ["2019", "2024"]
    assert [s["articles"] for s in data["sides"]] == [0, 1]
    assert data["message"].startswith("No articles in 2019.")
    assert data["years_with_articles"] == [2015, 2024]


def test_topic_narrows_both_periods(sample_cli: Invoke) -> None:
    output = sample_cli("compare", "2015", "2024", "--topic", "putin").output
    assert output.splitlines()[1].startswith("2015 vs 2024 about putin")
    assert "Syria (6 vs 0)" in output
    no_syria = sample_cli("compare", "2015", "2024", "--topic", "syria").output
    assert no_syria.startswith(
        "No articles about syria in 2024. Years with articles about syria: 2015."
    )


@pytest.mark.parametrize("period", ["20x5", "2015-13", "2017..2015"])
def test_a_bad_period_is_one_line_error(sample_cli: Invoke, period: str) -> None:
    result = sample_cli("compare", period, "2024")
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: ")


def test_chart_is_a_png(sample_cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "compare.png"
    result = sample_cli("compare", "2015", "2024", "--chart", str(target))
    assert result.exit_code == 0
    assert f"Chart written to {target}" in result.output
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert 10_000 < len(data) < 2_000_000


def test_an_empty_corpus_says_no_article_has_a_date(cli: Invoke) -> None:
    result = cli("compare", "2015", "2024")
    assert result.exit_code == 0
    assert result.output.strip() == (
        "No articles in 2015 or 2024. No article has a known publication date."
    )


@pytest.mark.parametrize(
    ("a", "b", "message"),
    [
        ("2015", "2015", "error: the two periods are the same (2015)"),
        ("2015", "2015-01..2015-12", "error: the two periods are the same (2015 and 2015-01..2015"),
    ],
)
def test_the_same_period_twice_is_one_line_error(
    sample_cli: Invoke, a: str, b: str, message: str
) -> None:
    result = sample_cli("compare", a, b)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(message)
    assert lines[0].endswith("choose two different periods to compare")


def test_the_same_period_is_a_user_facing_error_before_any_query() -> None:
    """What Discord shows, ephemeral, through the one error handler (bot/tree.py)."""
    from bot.errors import UserFacingError
    from bot.services.compare import check_periods

    with pytest.raises(UserFacingError) as caught:
        check_periods("2024-10", "2024-10-01..2024-10-31")
    assert caught.value.message == (
        "the two periods are the same (2024-10 and 2024-10-01..2024-10-31): "
        "choose two different periods to compare"
    )
    assert [p.label for p in check_periods("2015", "2024")] == ["2015", "2024"]
