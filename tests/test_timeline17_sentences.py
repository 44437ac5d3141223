"""The capture and replay of the key dates' summary step (eval.timeline17_sentences)."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from analysis.key_dates import Candidate, RankedDate
from eval import timeline17_sentences as sentences

DAY, NEXT = date(2010, 4, 20), date(2010, 4, 22)
TOLD = {
    DAY: "The rig exploded in the gulf and burned for two days.",
    NEXT: "Crews capped the leaking well a mile under the sea.",
}


def _plain(found: Any) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in asdict(found).items()}


def _call(days: list[date], k: int) -> dict[str, Any]:
    rows = [
        Candidate(
            event_id=n,
            date=day,
            precision="day",
            article_id=n,
            outlet="Wire",
            published=day,
            text=f"WASHINGTON (Reuters) - {TOLD[day]}",
        )
        for n, day in enumerate(days, 1)
    ]
    ranked = [RankedDate(r.date, "day", 1.0, 1, 1, (r.article_id,), (r.event_id,)) for r in rows]
    return {
        "ranked": [_plain(r) for r in ranked],
        "rows": [_plain(r) for r in rows],
        "k": k,
        "sentences": 1,
        "one_story": False,
    }


def test_a_replay_tells_the_days_as_the_service_shows_them() -> None:
    found = sentences.replayed([_call([DAY, NEXT], 2)])
    assert found.days == {day: [told] for day, told in TOLD.items()}  # no dateline, as shown


def test_a_replay_reads_the_next_shortlist_only_while_too_few_dates() -> None:
    short = _call([DAY], 2)
    assert set(sentences.replayed([short, _call([DAY, NEXT], 2)]).days) == {DAY, NEXT}
    enough = _call([DAY], 1)
    assert set(sentences.replayed([enough, _call([NEXT], 1)]).days) == {DAY}


def test_replay_scores_the_captured_timelines(tmp_path: Path) -> None:
    topic = tmp_path / "timeline17" / "gold_timelines" / "bpoil_bbc"
    topic.mkdir(parents=True)
    gold = [["2010-04-20", ["The rig exploded in the gulf and burned for two days ."]]]
    (topic / "timelines.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    calls = {"bpoil_bbc#1": [_call([DAY], 1)]}
    (work / sentences.CAPTURED).write_text(json.dumps(calls), encoding="utf-8")
    assert (
        sentences.replay(tmp_path, work) == "tune 1.000 / 1.000 / 1.000 | all 1.000 / 1.000 / 1.000"
    )


def test_replay_refuses_a_constant_the_module_does_not_have() -> None:
    with pytest.raises(SystemExit, match="has no NO_SUCH_NAME"):
        sentences.set_constant("analysis.key_date_summaries.NO_SUCH_NAME=1")


def test_a_capture_records_the_services_rows_as_replay_reads_them() -> None:
    """The service hands `summarise` its named-tuple rows (`KeyRow`), not `Candidate`s."""
    from storage.timeline_key import KeyRow

    row = KeyRow(7, DAY, "day", 2, 3, "Wire", NEXT, TOLD[DAY], ("gulf",))
    found = sentences.record(row)
    assert found["date"] == DAY.isoformat() and found["published"] == NEXT.isoformat()
    assert sentences._date_fields(Candidate, found) == Candidate(
        7, DAY, "day", 3, "Wire", NEXT, 2, TOLD[DAY], ("gulf",)
    )
