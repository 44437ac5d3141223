"""`analyst summary` on the sample corpus: one article, a topic, the JSON and the errors."""

from __future__ import annotations

import json

import pytest

from tests.bot.conftest import Invoke


def article_id(cli: Invoke, outlet: str) -> int:
    """The number the sample corpus gave the article from this outlet."""
    listed = json.loads(cli("articles", "--json").output)["articles"]
    return next(a["id"] for a in listed if a["outlet"] == outlet)


def test_summary_of_the_2015_abc_article(sample_cli: Invoke) -> None:
    number = article_id(sample_cli, "ABC News")
    result = sample_cli("summary", str(number))
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0].startswith(f"#{number} “Syria on Vladimir Putin's Mind")  # the opening
    assert lines[1].startswith(f"Summary of #{number} “Syria on Vladimir Putin's Mind")
    sentences = [line for line in lines if line.startswith("- ")]
    assert 3 <= len(sentences) <= 5
    assert "Vladimir Putin is in Iran for the first time" in sentences[0]
    assert all(s.endswith(f"[#{number} ABC News, 2015-11-23]") for s in sentences)
    assert "“This should be decided only by the Syrian people.”" not in result.output
    people = next(line for line in lines if line.startswith("People"))
    assert "Vladimir Putin (8)" in people
    assert "Bashar al-Assad" in people
    assert f"  2015-11-13 (“Nov. 13”) [#{number} ABC News, 2015-11-23]" in lines


def test_summary_sentences_keep_the_article_order(sample_cli: Invoke) -> None:
    number = article_id(sample_cli, "ABC News")
    data = json.loads(sample_cli("summary", str(number), "--json").output)
    positions = [s["position"] for s in data["sentences"]]
    assert positions == sorted(positions)
    assert positions[0] == 0
    assert data["article"]["id"] == number
    assert data["people"][0] == {"name": "Vladimir Putin", "mentions": 8, "articles": 1}
    assert {"date": "2015-11-23", "precision": "day"}.items() <= data["dates"][-1].items()


def test_summary_of_a_topic_cites_each_sentence(sample_cli: Invoke) -> None:
    result = sample_cli("summary", "--topic", "putin")
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert lines[1].startswith("Summary of putin, 4 articles: [#")
    sentences = [line for line in lines if line.startswith("- ")]
    assert 3 <= len(sentences) <= 5
    assert all(line.rstrip().endswith("]") and "[#" in line for line in sentences)
    assert any("Putin" in s for s in sentences)
    assert "Vladimir Putin" in next(line for line in lines if line.startswith("People"))


def test_summary_of_a_topic_within_dates(sample_cli: Invoke) -> None:
    result = sample_cli("summary", "--topic", "putin", "--from", "2024", "--to", "2024-12")
    lines = result.output.strip().splitlines()
    assert lines[1] == (
        "Summary of putin between 2024-01-01 and 2024-12-31, 1 article: [#3 The Week, 2024-10-15]"
    )
    assert "Masoud Pezeshkian" in result.output
    assert "  week of 2024-10-07 (“last week”) [#3 The Week, 2024-10-15]" in lines


def test_a_topic_with_nothing_says_so(sample_cli: Invoke) -> None:
    result = sample_cli("summary", "--topic", "Zelensky")
    assert result.exit_code == 0
    assert result.output.strip() == "Nothing about 'Zelensky' in the corpus."
    data = json.loads(sample_cli("summary", "--topic", "Zelensky", "--json").output)
    assert data["message"] == "Nothing about 'Zelensky' in the corpus."
    assert data["sentences"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("summary", "99"), "error: no article #99; list them with `analyst articles`"),
        (("summary",), "error: give an article number (see `analyst articles`) or --topic"),
        (
            ("summary", "4", "--topic", "putin"),
            "error: give an article number or --topic, not both",
        ),
        (("summary", "--topic", "putin", "--from", "20x"), "error: cannot read '20x' as a period"),
    ],
)
def test_bad_requests_are_one_line_errors(
    sample_cli: Invoke, args: tuple[str, ...], message: str
) -> None:
    result = sample_cli(*args)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(message)
