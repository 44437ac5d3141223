"""The extractive summariser: eligibility, centrality, lead prior, size, near-repeats."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.summary import (
    Candidate,
    Tfidf,
    centrality,
    eligible,
    is_quote_only,
    rank,
    summarise,
    summary_size,
    tfidf,
)

ABC = [
    "Russian President Vladimir Putin is in Iran for the first time in eight years, meeting"
    " with that country's leaders to discuss the conflict in Syria.",
    "Russia and Iran are Syrian President Bashar al-Assad's crucial military backers and their"
    " position on his future as leader is being closely watched.",
    "“This should be decided only by the Syrian people.”",
    "In Tehran, the two countries made a show of their closeness.",
    "Iranian ground forces have become more heavily involved in Syria, as Russia has launched"
    " its intensive air campaign in support of Assad.",
    "Both countries insist that Assad is Syria's legitimate ruler.",
    "Thanks.",
    "Iran insists that all its nuclear activities are for peaceful purposes, a claim that"
    " Russia says it believes.",
]


@pytest.mark.parametrize(
    ("text", "quote_only"),
    [
        ("“This should be decided only by the Syrian people.”", True),
        ('"No one from the outside can impose upon the Syrian people any rule," he added.', True),
        (
            '"No one from the outside can impose upon the Syrian people any rule," Putin said.',
            False,
        ),
        (
            "“No one can impose rule,” Putin said during the meeting with Khamenei on state TV.",
            False,
        ),
        ("Putin called the document “truly ground-breaking” in Moscow on Friday.", False),
        ("", False),
    ],
)
def test_quote_only_sentences_are_recognised(text: str, quote_only: bool) -> None:
    assert is_quote_only(text) is quote_only


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Thanks.", False),
        ("Subscribe to The Week now", False),
        ("“This should be decided only by the Syrian people.”", False),
        ("In Tehran, the two countries made a show of their closeness.", True),
    ],
)
def test_short_and_quote_only_sentences_are_not_eligible(text: str, ok: bool) -> None:
    assert eligible(text) is ok


def test_centrality_favours_the_sentence_everything_else_resembles() -> None:
    similarity = np.array(
        [[1.0, 0.5, 0.5, 0.5], [0.5, 1.0, 0.0, 0.0], [0.5, 0.0, 1.0, 0.0], [0.5, 0.0, 0.0, 1.0]]
    )
    scores = centrality(similarity)
    assert scores.sum() == pytest.approx(1.0)
    assert int(scores.argmax()) == 0


def test_tfidf_rows_are_unit_length_and_empty_text_is_zero() -> None:
    matrix = tfidf(["Putin visits Tehran", "Putin meets Pezeshkian", "..."])
    assert np.linalg.norm(matrix[0]) == pytest.approx(1.0)
    assert not matrix[2].any()


def test_ranking_skips_ineligible_sentences_and_puts_the_lead_first() -> None:
    ranked = rank([Candidate(t, i) for i, t in enumerate(ABC)])
    indices = [r.index for r in ranked]
    assert indices[0] == 0
    assert 2 not in indices  # quote-only
    assert 6 not in indices  # too short


def test_summary_keeps_the_original_order_and_three_to_five_sentences() -> None:
    chosen = summarise([Candidate(t, i) for i, t in enumerate(ABC)])
    assert chosen == sorted(chosen)
    assert 3 <= len(chosen) <= 5
    assert chosen[0] == 0


def test_a_near_copy_of_a_picked_sentence_is_not_picked_again() -> None:
    lead = ABC[0]
    copy = lead.replace("Russian President ", "")
    candidates = [Candidate(lead, 0), Candidate(copy, 0), *[Candidate(t, 1) for t in ABC[3:6]]]
    chosen = summarise(candidates, limit=3)
    assert not {0, 1} <= set(chosen)


@pytest.mark.parametrize(("count", "size"), [(0, 0), (2, 2), (4, 3), (15, 3), (20, 4), (60, 5)])
def test_summary_size_is_three_to_five_unless_there_are_fewer(count: int, size: int) -> None:
    assert summary_size(count) == size


@given(st.lists(st.text(max_size=300), max_size=12))
def test_summarise_never_raises_on_arbitrary_text(texts: list[str]) -> None:
    chosen = summarise([Candidate(t, i) for i, t in enumerate(texts)])
    assert all(0 <= i < len(texts) for i in chosen)
    assert len(chosen) <= 5


def test_tfidf_rows_built_on_demand_equal_the_whole_matrix() -> None:
    texts = ["Putin met Rouhani in Tehran", "Rouhani visited Moscow", "", "Tehran Tehran talks"]
    whole = tfidf(texts)
    index = Tfidf(texts)
    assert np.array_equal(index.rows([3, 0]), whole[[3, 0]])
    assert np.array_equal(index.rows(range(len(texts))), whole)
    assert not whole[2].any() and np.isclose(np.linalg.norm(whole[0]), 1.0)
    assert Tfidf([]).rows([]).shape == (0, 1)
