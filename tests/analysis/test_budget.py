"""The per-article budget: non-prose is refused, real articles pass, long ones are cut."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from analysis.budget import MAX_TOKENS, cap_words, prose_problem, token_estimate
from analysis.cleaning import clean_article_text, markdown_to_text
from analysis.html_extract import extract_html
from benchmarks.real_texts import POLNEAR, TIMELINE17, polnear_texts, timeline17_texts

REPO = Path(__file__).resolve().parents[2]
SEEDS = sorted((REPO / "samples" / "russia-iran").glob("*.txt"))
BENCHMARK = POLNEAR.parents[1] / "article-extraction-benchmark"
needs_eval = pytest.mark.skipif(not POLNEAR.exists(), reason=f"no evaluation data at {POLNEAR}")

SENTENCE = "The council approved the new budget on March 3, 2021 after a long debate. "
PROSE = (
    "Officials in the capital said on Tuesday that the talks had stalled over the question of "
    "who would pay for the repairs, and that a second round was unlikely before the spring. "
)


def body(raw: str) -> str:
    """The cleaned body, as `prepare` hands it to the prose check."""
    return clean_article_text(raw).body


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (markdown_to_text("".join(f"# Heading {i}\n\n" for i in range(50_000))), "headings"),
        ("".join(f"Item number {i} on the list\n" for i in range(20_000)), "list items"),
        (SENTENCE * (2_000_000 // len(SENTENCE)), "same few words"),
        ("buffalo " * 250_000, "same few words"),
        ("".join(f"Sale {i} closed on day {i}.\n" for i in range(20_000)), "repeats the same"),
        ("".join(f"Report {i}: {PROSE * 3}\n\n" for i in range(500)), "repeats the same"),
        ((PROSE * 4 + "Then they left. " + PROSE) * 400, "one paragraph of"),
    ],
    ids=[
        "50k headings",
        "20k list lines",
        "sentence on one line",
        "one word",
        "template",
        "repeated paragraph",
        "endless paragraph",
    ],
)
def test_pathological_texts_are_refused_with_a_reason(raw: str, reason: str) -> None:
    problem = prose_problem(body(raw))
    assert problem is not None
    assert problem.startswith("not an article: ")
    assert reason in problem


@pytest.mark.parametrize(
    "text", ["", "Too short to judge.", "word " * 999, "Berth 1 is open again. " * 150]
)
def test_short_texts_are_left_to_the_word_minimum(text: str) -> None:
    assert prose_problem(text) is None


@pytest.mark.parametrize("path", SEEDS, ids=[p.name for p in SEEDS])
def test_seed_articles_are_prose(path: Path) -> None:
    assert prose_problem(body(path.read_text(encoding="utf-8"))) is None


@needs_eval
def test_no_real_article_is_refused() -> None:
    texts = [t.text for t in polnear_texts(2_000)] + [t.text for t in timeline17_texts(600)]
    refused = [(i, prose_problem(body(t))) for i, t in enumerate(texts)]
    assert [r for r in refused if r[1]] == []
    assert len(texts) > 1_500 and TIMELINE17.exists()


@needs_eval
def test_no_benchmark_page_is_refused() -> None:
    truth = json.loads((BENCHMARK / "ground-truth.json").read_text(encoding="utf-8"))
    refused = []
    for name, row in truth.items():
        html = gzip.decompress((BENCHMARK / "html" / f"{name}.html.gz").read_bytes())
        page = extract_html(html.decode("utf-8", errors="replace"))
        for text in (row["articleBody"], f"{page.title}\n\n{page.text}"):
            cleaned = body(text)
            if len(cleaned.split()) >= 20 and prose_problem(cleaned):
                refused.append((name, prose_problem(cleaned)))
    assert refused == []


def paragraphs(n: int, words: int) -> str:
    """n distinct paragraphs of about `words` words each, every sentence closed."""
    return "\n\n".join(
        " ".join(f"Word{i}x{j}" for j in range(words - 1)) + f" end{i}." for i in range(n)
    )


def test_text_within_the_cap_is_unchanged() -> None:
    text = paragraphs(10, 50)
    assert cap_words(text, max_tokens=token_estimate(text)) == text


def test_cap_cuts_at_a_paragraph_break() -> None:
    text = paragraphs(100, 50)  # 51 tokens a paragraph: words and the full stop
    capped = cap_words(text, max_tokens=1_000)
    assert text.startswith(capped) and text[len(capped) : len(capped) + 2] == "\n\n"
    assert token_estimate(capped) == 19 * 51  # the 20th paragraph would pass the cap


def test_cap_cuts_after_a_sentence_when_there_is_no_paragraph_break() -> None:
    text = " ".join(f"Sentence number{i} is here." for i in range(1_000))
    capped = cap_words(text, max_tokens=1_000)
    assert capped.endswith(".") and text.startswith(capped)
    assert 500 < token_estimate(capped) <= 1_000


def test_cap_cuts_between_words_when_there_is_nothing_better() -> None:
    text = " ".join(f"w{i}" for i in range(5_000))
    capped = cap_words(text, max_tokens=1_000)
    assert capped.split() == text.split()[:1_000]


def test_cap_bounds_a_run_of_punctuation() -> None:
    text = "a," * 1_000_000
    assert token_estimate(cap_words(text)) == MAX_TOKENS


def test_real_long_article_is_cut_near_the_cap() -> None:
    text = "\n\n".join(PROSE.replace("Tuesday", f"day {i}") for i in range(2_000))
    capped = cap_words(text)
    assert re.search(r"spring\.$", capped)
    assert MAX_TOKENS * 0.9 < token_estimate(capped) <= MAX_TOKENS
