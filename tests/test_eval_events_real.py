"""eval.events_real's loading, matching and scoring, on hand-made events (no shared data)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eval.events_real import (
    Judgment,
    Produced,
    Score,
    Scored,
    ambiguous,
    date_label,
    events_of,
    interval_line,
    load_judgments,
    load_page,
    lost_events,
    match,
    normalise,
    precision_interval,
    report,
    score,
    verdict,
)

CRASH = "Officials spent Tuesday answering questions about Saturday’s crash."
TOUR = "The tour resumes March 12th in Boston."


def event(text: str, when: str | None, precision: str = "day", expression: str = "") -> Produced:
    return Produced(page="p", text=text, date=when, precision=precision, expression=expression)


def judged(
    sentence: str,
    before: str | None,
    correct: str | None,
    *,
    level: str | None = "day",
    cls: str = "right",
    expression: str | None = None,
) -> Judgment:
    return Judgment(
        page="p",
        sentence=sentence,
        date=before,
        precision="day" if before else None,
        correct=correct,
        correct_precision=level if correct else None,
        cls=cls,
        expression=expression,
    )


def page_file(**changes: Any) -> dict[str, Any]:
    item = {"sentence": "resumes March 12th", "date": "2020-03-12", "precision": "day"}
    return {"page": "p", "events": [item | changes]}


@pytest.mark.parametrize(
    ("day", "precision", "label"),
    [
        (date(2020, 3, 23), "day", "2020-03-23"),
        (date(2020, 3, 23), "week", "2020-03-23"),
        (date(2020, 3, 1), "month", "2020-03"),
        (date(2020, 1, 1), "year", "2020"),
        (None, "day", None),
    ],
)
def test_date_label_writes_the_date_at_its_precision(
    day: date | None, precision: str, label: str | None
) -> None:
    assert date_label(day, precision) == label


def test_normalise_ignores_quotes_spaces_and_case() -> None:
    assert normalise("Saturday’s\u00a0 “Crash”") == normalise('saturday\'s "crash"')


def test_load_page_reads_events_and_missed(tmp_path: Path) -> None:
    data = page_file(correct="2020-03-12", correct_precision="day", why="future tour date")
    data["missed"] = [{"sentence": "on Friday", "correct": "2020-03", "correct_precision": "month"}]
    (tmp_path / "p.json").write_text(json.dumps(data), encoding="utf-8")
    first, missed = load_judgments(tmp_path)["p"]
    assert first.was_right and first.cls == "right" and not first.missed
    assert missed.missed and missed.date is None and missed.correct == "2020-03"


@pytest.mark.parametrize(
    "changes",
    [
        {"correct": "2020-03", "correct_precision": "day"},  # date wider than its precision
        {"correct": "2020-03-12", "correct_precision": None},  # precision missing
        {"correct": None, "correct_precision": None, "class": "TODO"},  # not judged yet
        {"sentence": "", "correct": None, "correct_precision": None},
    ],
)
def test_load_page_refuses_a_malformed_judgment(changes: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="p:"):
        load_page(page_file(**changes))


def test_verdict_right_needs_date_and_precision_wrong_when_correct_is_null() -> None:
    tour = event(TOUR, "2020-03-12", expression="March 12th")
    assert verdict(tour, judged("tour resumes", "2020-03-12", "2020-03-12")) == "right"
    assert verdict(tour, judged("tour resumes", "2020-03-12", "2020-03", level="month")) == "wrong"
    assert verdict(tour, judged("tour resumes", "2020-03-12", None, cls="other")) == "wrong"
    assert verdict(tour, None) == "unjudged"


def test_match_keeps_each_judgment_of_a_twice_dated_sentence() -> None:
    tuesday = judged("answering questions", "2020-01-14", "2020-01-14", expression="Tuesday")
    saturday = judged(
        "answering questions", "2020-01-11", None, cls="double-dated", expression="Saturday"
    )
    events = [event(CRASH, "2020-01-11", expression="Saturday"), event(CRASH, "2020-01-14")]
    assert match(events, [tuesday, saturday]) == [saturday, tuesday]


def test_match_follows_a_corrected_date_and_leaves_new_events_unjudged() -> None:
    fixed = judged("tour resumes", "2019-03-12", "2020-03-12", cls="wrong direction")
    events = [event(TOUR, "2020-03-12"), event("Another sentence.", "2020-03-01")]
    assert match(events, [fixed]) == [fixed, None]


def test_match_uses_a_missed_event_only_after_the_judged_ones() -> None:
    missed = Judgment("p", "tour", None, None, "2020-03-12", "day", missed=True)
    plain = judged("tour resumes", "2020-03-10", None, cls="other")
    assert match([event(TOUR, "2020-03-12")], [missed, plain]) == [plain]


def test_lost_events_are_right_when_judged_and_no_longer_output_with_that_date() -> None:
    right = judged("tour resumes", "2020-03-12", "2020-03-12")
    was_wrong = judged("answering questions", "2020-01-11", "2020-01-14")
    assert lost_events([event(TOUR, "2020-03-12")], [right, was_wrong]) == []
    assert lost_events([event(TOUR, "2019-03-12")], [right, was_wrong]) == [right]


def test_score_tallies_levels_classes_and_lost() -> None:
    judgments = {
        "p": [
            judged("tour resumes", "2020-03-12", "2020-03-12"),
            judged("answering questions", "2020-01-11", None, cls="double-dated"),
            judged("since 1921", "1921", None, level=None, cls="reference point"),
        ]
    }
    events = [
        event(TOUR, "2020-03-12"),
        event(CRASH, "2020-01-11"),
        event("The first time since 1921.", "1921", "year"),
        event("Unjudged on Monday.", "2020-01-13"),
        event("Undated.", None),
    ]
    result = score(events, judgments)
    assert (result.count("right"), result.count("wrong"), result.count("unjudged")) == (1, 2, 1)
    assert result.undated == 1
    assert result.precision("day") == 0.5
    assert result.precision("year") == 0.0
    assert result.wrong_classes() == {"double-dated": 1, "reference point": 1}
    assert result.lost == []
    assert "| all" in "\n".join(report(result, 1, 1))


def test_score_counts_a_once_right_event_now_wrong_as_lost() -> None:
    judgments = {"p": [judged("tour resumes", "2020-03-12", "2020-03-12")]}
    result = score([event(TOUR, "2019-03-12")], judgments)
    assert result.count("wrong") == 1
    assert result.wrong_classes() == {"was right, now another date": 1}
    assert [j.sentence for j in result.lost] == ["tour resumes"]


def test_ambiguous_names_a_piece_in_two_sentences_not_two_cuts_or_a_repeat() -> None:
    piece = judged("in Boston", "2020-03-12", "2020-03-12")
    one = [event(TOUR, "2020-03-12"), event(TOUR[:30] + " … in Boston.", "2020-03-01")]
    two = [*one, Produced("p", "He lives in Boston.", "2020-01-01", "day", sentence=4)]
    pull_quote = [event(TOUR, "2020-03-12"), Produced("p", TOUR, "2020-03-12", "day", sentence=9)]
    assert ambiguous(one, [piece]) == []
    assert ambiguous(pull_quote, [piece]) == []
    assert ambiguous(two, [piece]) == [piece]


def test_events_of_reads_the_cli_answer_of_one_article() -> None:
    answer = {
        "source": "pages/cbsnews.com.carolina.html",
        "events": [
            {
                "date": "2019-11-01",
                "precision": "month",
                "expression": "in November",
                "sentence": 12,
                "text": "Support fell from 54% in November to 35%.",
            },
            {"date": None, "precision": "day", "expression": "Friday", "sentence": 3, "text": "T."},
        ],
    }
    month, undated = events_of(answer)
    assert (month.page, month.date, month.precision, month.sentence) == (
        "cbsnews.com.carolina",
        "2019-11",
        "month",
        12,
    )
    assert undated.date is None


def test_a_page_analyst_cannot_store_is_named_not_a_stopped_run(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from eval.events_real import _ingest_failures

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "empty.html").write_text("<html><body></body></html>", encoding="utf-8")
    (pages / "story.html").write_text(
        "<html><head><title>Council votes</title></head><body><article>"
        + "<p>The council voted on Tuesday on the new flood barrier after a long debate in the "
        "chamber, and the mayor signed the order the same evening.</p>"
        * 3
        + "</article></body></html>",
        encoding="utf-8",
    )
    env = {"ANALYST_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'analyst.db'}"}
    assert _ingest_failures(CliRunner(), env, pages) == ("empty",)


def test_the_precision_interval_resamples_pages_not_events() -> None:
    right = [Scored(Produced("a", f"s{i}", "2020", "year"), None, "right") for i in range(9)]
    wrong = [Scored(Produced("b", f"t{i}", "2020", "year"), None, "wrong") for i in range(9)]
    assert precision_interval(Score(items=right)) == (1.0, 1.0)
    low, high = precision_interval(Score(items=right + wrong))
    assert low == 0.0 and high == 1.0  # two pages, all right or all wrong: anything is possible
    assert interval_line(Score(items=right + wrong)).startswith("Precision 95% interval 0.0-100.0")
