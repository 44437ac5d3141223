"""A paywall or reprint-licence notice is never stored as an article (issue 12)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from eval.common import DEFAULT_DATA
from tests.bot.conftest import SAMPLES, Invoke

# A saved Barron's page (ScrapingHub's article-extraction benchmark): the reprint notice sits above
# the article, and trafilatura's precision mode keeps only the notice and the article's address.
BARRONS = (
    DEFAULT_DATA
    / "article-extraction-benchmark/html"
    / "f8ff621a0b9b7646cc0d57d37416feabba2bf78ef5dd0bfc5b080f9f97bbe584.html.gz"
)
NOTICE = (
    "This copy is for your personal, non-commercial use only. To order presentation-ready copies"
    " for distribution to your colleagues, clients or customers visit https://www.djreprints.com."
)
PAYWALLED = "not an article (paywall or licence notice)"


def page(title: str, *paragraphs: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    head = f"<head><title>{title}</title></head>"
    return f"<html>{head}<body><article><h1>{title}</h1>{body}</article></body></html>"


def test_a_saved_page_behind_a_reprint_notice_is_stored_as_its_article(
    cli: Invoke, tmp_path: Path
) -> None:
    """Precision mode leaves only the notice; the page is extracted again (analysis.html_extract)
    and the article is stored, without the notice or the reprint and print buttons."""
    saved = tmp_path / "barrons.html"
    saved.write_bytes(gzip.decompress(BARRONS.read_bytes()))
    result = cli("ingest", str(saved))
    assert result.exit_code == 0
    assert result.output.startswith("1 new, 0 duplicate, 0 failed")
    text = json.loads(cli("article", "1", "--json").output)["text"]
    assert "Home Depot (ticker: HD) reported $2.53 in per-share earnings" in text
    assert "non-commercial" not in text and "djreprints" not in text
    assert "Order Reprints" not in text and "Print Article" not in text


def test_a_page_of_only_the_notice_is_refused_not_stored(cli: Invoke, tmp_path: Path) -> None:
    saved = tmp_path / "notice.html"
    address = "https://www.example.com/articles/home-depot-stock-falls-51574168486"
    saved.write_text(page("Home Depot stock falls", NOTICE, address), encoding="utf-8")
    result = cli("ingest", str(saved))
    assert result.exit_code == 1
    assert [line.strip() for line in result.output.splitlines()[:2]] == [
        "0 new, 0 duplicate, 1 failed",
        f"failed     {saved}: {PAYWALLED}",
    ]
    assert json.loads(cli("articles", "--json").output)["total"] == 0


def test_a_teaser_behind_a_subscription_wall_is_refused(cli: Invoke, tmp_path: Path) -> None:
    teaser = tmp_path / "teaser.html"
    teaser.write_text(
        page(
            "Council approves the new budget",
            "The city council approved the budget on Tuesday after a long debate.",
            "Subscribe to continue reading.",
            "This article is only available to subscribers.",
        ),
        encoding="utf-8",
    )
    result = cli("ingest", str(teaser))
    assert result.output.splitlines()[1].strip() == f"failed     {teaser}: {PAYWALLED}"


def test_an_article_carrying_the_notice_is_stored_without_it(cli: Invoke, tmp_path: Path) -> None:
    """The Toronto Star prints the notice above every article: the article is kept, the notice
    is dropped and `--explain` says why."""
    article = SAMPLES / "003_15fdc8e12761e189.txt"
    with_notice = tmp_path / "star.txt"
    with_notice.write_text(NOTICE + "\n\n" + article.read_text(encoding="utf-8"), encoding="utf-8")
    explained = cli("ingest", "--explain", str(with_notice)).output
    assert f"drop   1  {NOTICE}  [paywall or licence notice]" in explained
    assert cli("ingest", str(article)).output.startswith("1 new, 0 duplicate, 0 failed")
    again = cli("ingest", str(with_notice)).output  # the same text once the notice is gone
    assert again.startswith("0 new, 1 duplicate, 0 failed")
    assert "non-commercial" not in json.loads(cli("article", "1", "--json").output)["text"]
