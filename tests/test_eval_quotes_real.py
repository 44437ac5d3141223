"""The pure parts of eval.quotes_real on tiny hand-made pages: loading labels, matching, scoring.

No shared data, no database, no spaCy: what the end-to-end scorer decides, checked by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.quotes_real import (
    Gold,
    PageGold,
    PageRun,
    Resolved,
    Stored,
    countable,
    covers,
    found_golds,
    groups,
    load_labels,
    match_pairs,
    names_speaker,
    normalise,
    page_errors,
    score_content,
    score_linked,
    score_written,
    text_stored,
    title,
    tokens,
    with_fragments,
)

SKAIK = Gold("A cancer patient in Gaza dies three times,", "Sobhi Skaik")
SECOND = Gold(
    "The first time because of cancer. The second time because of medicines.", "Sobhi Skaik"
)
ABED = Gold("The power cuts in the nursery create many risks,", "Sherine Abed")
PAGE = PageGold("gaza", (SKAIK, SECOND, ABED), not_quotes=("crisis",))


def test_normalise_makes_marks_straight_and_lost_marks_apostrophes() -> None:
    assert normalise("“We  don’t”\n''know''") == '"we don\'t" "know"'
    assert tokens("We don\ufffdt know") == tokens("We don’t know") == ["we", "don", "t", "know"]


@pytest.mark.parametrize(
    ("stored", "gold", "expected"),
    [
        ("I keep hearing that,", "I keep hearing that", True),
        ("I said it, and that was all there was to it", "I keep hearing that", False),
        (
            "We intend to clear the market",
            "We intend to clear the market of flavored e-cigarettes",
            True,
        ),
        ("clear the market", "We intend to clear the market of flavored e-cigarettes", False),
        ("Wow", "Wow,", True),
    ],
)
def test_covers_needs_runs_of_shared_words(stored: str, gold: str, expected: bool) -> None:
    assert covers(tokens(stored), tokens(gold)) is expected


def test_two_stored_pieces_find_a_joined_gold_and_both_are_right() -> None:
    gold = (
        "When the hospital was emptied, … the cases that were serious were transferred elsewhere."
    )
    stored = [
        "When the hospital was emptied",
        "the cases that were serious were transferred elsewhere",
    ]
    pairs = match_pairs(stored, [gold])
    assert {i for i, _ in pairs} == {0, 1}
    assert found_golds(pairs, [gold]) == {0}


def test_a_pull_quote_repeating_part_of_a_quote_is_right_but_does_not_find_it() -> None:
    gold = "I cannot express how I feel. Will the generators stop? I hope my baby recovers quickly."
    pairs = match_pairs(["I hope my baby recovers quickly."], [gold])
    assert set(pairs) == {(0, 0)}
    assert found_golds(pairs, [gold]) == set()


def test_text_stored_reads_each_part_of_a_joined_gold() -> None:
    article = "“A cancer patient dies,” Skaik said. “The first time because of cancer.”"
    assert text_stored("A cancer patient dies, … The first time because of cancer.", article)
    assert not text_stored("press the pause button", article)


@pytest.mark.parametrize(
    ("written", "gold", "expected"),
    [
        ("Skaik", Gold("x", "Sobhi Skaik"), True),
        ("Dr. Sobhi Skaik, the director", Gold("x", "Sobhi Skaik"), True),
        ("he", Gold("x", "Sobhi Skaik"), False),
        ("Abu Hatab", Gold("x", "Walid Abu Hatab"), True),
        ("Al Aqsa", Gold("x", "Atef Al-Kahlout"), False),
        ("OPM", Gold("x", "Office of Personnel Management", "org"), True),
        ("the department", Gold("x", "Energy Department", "org"), True),
        ("Skaik", Gold("x", None), False),
    ],
)
def test_names_speaker(written: str, gold: Gold, expected: bool) -> None:
    assert names_speaker(written, gold) is expected


STORED = [
    Stored("A cancer patient in Gaza dies three times", "Skaik", 10, "Sobhi Skaik"),
    Stored(
        "The first time because of cancer. The second time because of medicines.",
        "he",
        60,
        "Keys",
    ),
    Stored("crisis", "she", 200),
]


def test_content_counts_ignore_speakers() -> None:
    assert score_content(STORED, PAGE) == (2, 3, 2, 3)


def test_written_speaker_needs_a_name_word() -> None:
    assert score_written(STORED, PAGE) == (1, 3, 1, 3)


def test_linked_speaker_resolves_each_gold_name_like_quotes_does() -> None:
    names = {
        "Sobhi Skaik": Resolved("Sobhi Skaik", ((1, "A cancer patient in Gaza dies three times"),)),
        "Sherine Abed": Resolved(None, error="error: No one called “Sherine Abed” in the corpus."),
    }
    # precision over the two linked quotes: one under Skaik (right), one under Keys (wrong);
    # recall: the CLI returned Skaik's first quote from article 1 only
    assert score_linked(STORED, PAGE, 1, names) == (1, 2, 1, 3)
    assert score_linked(STORED, PAGE, 2, names)[2] == 0  # the quote was of another article


def test_quotes_matching_only_single_mark_quotes_are_left_out() -> None:
    page = PageGold("ap", (SKAIK,), neutral=("a very substantial part of the population",))
    stored = [Stored("a very substantial part of the population", "Sanchez"), STORED[0]]
    assert countable(stored, page) == [STORED[0]]
    assert score_content(stored, page) == (1, 1, 1, 1)


def test_load_labels_reads_existing_files_only(tmp_path: Path) -> None:
    label = {
        "page": "gaza.html",
        "quotes": [{"text": "Wow,", "speaker": "Drew Fox", "kind": "person", "note": "short"}],
        "not_quotes": ["empire,"],
        "single_mark_quotes": [{"text": "not a priority", "speaker": None, "kind": "org"}],
        "body_ends": "The end.",
    }
    (tmp_path / "gaza.json").write_text(json.dumps(label), encoding="utf-8")
    loaded = load_labels(["gaza", "missing"], tmp_path)
    assert list(loaded) == ["gaza"]
    page = loaded["gaza"]
    assert page.quotes == (Gold("Wow,", "Drew Fox", "person", "short"),)
    assert (page.not_quotes, page.neutral, page.body_ends) == (
        ("empire,",),
        ("not a priority",),
        "The end.",
    )


def test_page_errors_name_each_kind_of_miss_and_false_positive() -> None:
    fuel = Gold("We ran out of fuel today,", "Sobhi Skaik")
    text = (
        "“A cancer patient in Gaza dies three times,” Skaik said. “The first time because of"
        " cancer. The second time because of medicines.” “We ran out of fuel today,” he said."
        " The end. “Other story here today,” he said."
    )
    page = PageGold("gaza", (SKAIK, SECOND, ABED, fuel), ("crisis",), "The end.")
    stored = [
        *STORED[:2],
        Stored(fuel.text, "he", text.index("We ran")),
        Stored("crisis", "she", 0),
        Stored("Other story here today", "he", text.index("Other"), "Joe"),
    ]
    names = {"Sobhi Skaik": Resolved("Sobhi Skaik", ((1, SKAIK.text),))}
    kinds = [kind for kind, _ in page_errors(PageRun(page, 1, text, stored, None, names))]
    assert kinds == [
        "miss: linked to another entity",  # SECOND is stored under Keys
        "miss: text not stored",  # ABED's words are not in the stored text
        "miss: unlinked (pronoun)",  # fuel: stored, speaker 'he', no entity
        "false: linked to the wrong entity",
        "false: a not_quote",
        "false: outside the article body",
    ]


def test_groups_split_all_into_dev_test_and_all() -> None:
    runs = [PageRun(PageGold(k, ()), None, "", [], None) for k in ("a", "b", "c")]
    chosen = groups(runs, {"a": "dev", "b": "test", "c": "dev"}, "all")
    assert {k: [r.page.key for r in v] for k, v in chosen.items()} == {
        "dev": ["a", "c"],
        "test": ["b"],
        "all": ["a", "b", "c"],
    }


SARWAR = "That humanity and empathy is what has been missing from some of the statements."
FRAGMENT_LABEL = {
    "page": "starmer.html",
    "quotes": [
        {"text": "failed to listen", "speaker": "Asjad Mahmood", "fragment": True, "note": "x"},
        {"text": SARWAR, "speaker": "Anas Sarwar", "kind": "person"},
        {"text": "empathy", "speaker": "Anas Sarwar", "fragment": True},
    ],
    "not_quotes": ["humanitarian pauses"],
}


@pytest.fixture
def fragment_labels(tmp_path: Path) -> Path:
    (tmp_path / "starmer.json").write_text(json.dumps(FRAGMENT_LABEL), encoding="utf-8")
    return tmp_path


def test_fragments_are_quotes_by_default(fragment_labels: Path) -> None:
    page = load_labels(["starmer"], fragment_labels)["starmer"]
    assert [(g.text, g.fragment) for g in page.quotes] == [
        ("failed to listen", True),
        (SARWAR, False),
        ("empathy", True),
    ]
    assert page.not_quotes == ("humanitarian pauses",)


def test_fragments_exclude_makes_them_not_quotes_again(fragment_labels: Path) -> None:
    page = load_labels(["starmer"], fragment_labels, fragments="exclude")["starmer"]
    assert page.quotes == (Gold(SARWAR, "Anas Sarwar"),)
    assert page.not_quotes == ("humanitarian pauses", "failed to listen", "empathy")
    # a stored fragment is then a false positive, as under the labellers' first convention
    stored = [Stored("failed to listen", "Mahmood"), Stored(SARWAR, "Sarwar")]
    assert score_content(stored, page) == (1, 2, 1, 1)
    included = load_labels(["starmer"], fragment_labels)["starmer"]
    assert score_content(stored, included) == (2, 2, 2, 3)
    with pytest.raises(ValueError, match="fragments"):
        with_fragments(page, "both")


def test_a_fragment_is_found_only_by_a_stored_quote_that_is_mostly_it() -> None:
    page = PageGold(
        "starmer", (Gold(SARWAR, "Anas Sarwar"), Gold("empathy", "Anas Sarwar", "person", "", True))
    )
    # the long quote holds "empathy" but does not find the fragment
    assert score_content([Stored(SARWAR, "Sarwar")], page) == (1, 1, 1, 2)
    assert score_content([Stored("empathy", "Sarwar")], page) == (1, 1, 1, 2)


def test_the_title_line_names_the_convention() -> None:
    assert "fragments included" in title("dev", "include")
    assert "fragments excluded" in title("dev", "exclude")
    assert "split dev" in title("dev", "exclude")


def test_a_page_analyst_cannot_store_is_missed_not_a_stopped_run(tmp_path: Path) -> None:
    from eval.quotes_real import ingest

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "empty.html").write_text("<html><body></body></html>", encoding="utf-8")
    (pages / "story.html").write_text(
        "<html><head><title>Council votes</title></head><body><article>"
        + "<p>The council voted on the new flood barrier after a long debate in the chamber. "
        "“We had to act,” said Mayor Anna Novak, who led the vote for the lower town.</p>"
        * 3
        + "</article></body></html>",
        encoding="utf-8",
    )
    found = ingest(pages, f"sqlite+aiosqlite:///{tmp_path / 'analyst.db'}")
    assert found["empty.html"] is None  # its quotations count as missed
    assert isinstance(found["story.html"], int)
