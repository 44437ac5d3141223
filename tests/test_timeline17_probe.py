"""The Timeline17 diagnostics (eval.timeline17_probe): what each reads and refuses."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import bot.services.timeline as timeline_service
from analysis import key_date_summaries, key_dates
from bot.cli import app
from eval import timeline17_dates as date_errors
from eval import timeline17_spread as spread
from eval.timeline17_probe import coverage, main, set_constants
from eval.timeline17_tls import GoldEntry, GoldTLS

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "russia-iran"


def _gold(data: Path) -> None:
    topic = data / "timeline17" / "gold_timelines" / "quake_bbc"
    topic.mkdir(parents=True)
    entries = [
        ["2010-01-12", ["A quake strikes ."]],
        ["2010-01-13", ["Aid arrives ."]],
        ["2010-01-20", ["An aftershock ."]],
        ["2010-01-22", ["Rescue ends ."]],
    ]
    (topic / "timelines.jsonl").write_text(json.dumps(entries) + "\n", encoding="utf-8")


def test_coverage_counts_gold_days_with_a_day_event_and_with_a_publication(
    tmp_path: Path,
) -> None:
    _gold(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    with sqlite3.connect(work / "quake_bbc_20100112_20100122.db") as db:
        db.execute("CREATE TABLE events (date TEXT, precision TEXT)")
        db.execute("CREATE TABLE articles (published TEXT)")
        db.executemany(
            "INSERT INTO events VALUES (?, ?)",
            [("2010-01-12", "day"), ("2010-01-20", "day"), ("2010-01-13", "month"), (None, "day")],
        )
        db.executemany("INSERT INTO articles VALUES (?)", [("2010-01-13",), (None,)])
    assert coverage(tmp_path, work) == (
        "gold days with a day event 0.500; with an article published 0.250"
    )


def test_set_refuses_a_constant_the_module_does_not_have(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="has no NO_SUCH_NAME"):
        set_constants(tmp_path, tmp_path, ["analysis.key_date_summaries.NO_SUCH_NAME=1"])


def test_flatten_needs_its_two_values(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["flatten", "15"])
    assert "flatten needs H (days) and POWER" in capsys.readouterr().err


@pytest.fixture(scope="module")
def sample_window(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A gold timeline of two of the sample corpus's days, and its window's database: the
    sample corpus ingested through the CLI (data folder, work folder)."""
    data = tmp_path_factory.mktemp("data")
    topic = data / "timeline17" / "gold_timelines" / "meetings_bbc"
    topic.mkdir(parents=True)
    entries = [
        ["2015-11-23", ["Putin met Khamenei in Tehran ."]],
        ["2017-04-14", ["The foreign ministers met in Moscow ."]],
    ]
    (topic / "timelines.jsonl").write_text(json.dumps(entries) + "\n", encoding="utf-8")
    work = tmp_path_factory.mktemp("work")
    url = f"sqlite+aiosqlite:///{work / 'meetings_bbc_20151123_20170414.db'}"
    result = CliRunner().invoke(
        app, ["ingest", str(SAMPLES)], env={"ANALYST_DATABASE_URL": url}, catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return data, work


def _probe(args: list[str], window: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> str:
    data, work = window
    assert main([*args, "--data", str(data), "--work", str(work)]) == 0
    return capsys.readouterr().out.strip()


def test_oracle_prints_the_means_with_the_gold_days_first(
    sample_window: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(timeline_service, "rank_dates", timeline_service.rank_dates)
    out = _probe(["oracle"], sample_window, capsys)
    assert out.startswith("gold days first: other ")
    assert out.endswith(" / 1.000")  # both gold days are candidates, and come first
    assert " | all " in out


def test_flatten_and_set_print_their_settings_and_the_means(
    sample_window: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(timeline_service, "rank_dates", timeline_service.rank_dates)
    monkeypatch.setattr(key_date_summaries, "REDUNDANT", key_date_summaries.REDUNDANT)
    assert _probe(["flatten", "15", "0.5"], sample_window, capsys).startswith(
        "flatten 15 0.5: other "
    )
    out = _probe(["set", "analysis.key_date_summaries.REDUNDANT=0.7"], sample_window, capsys)
    assert out.startswith("analysis.key_date_summaries.REDUNDANT=0.7: other ")
    assert key_date_summaries.REDUNDANT == 0.7


def _ranked(day: str, score: float) -> key_dates.RankedDate:
    return key_dates.RankedDate(date.fromisoformat(day), "day", score, 1, 1, (1,), (1,))


def test_spread_order_passes_over_a_date_beside_one_chosen() -> None:
    ranked = [
        _ranked("2011-02-01", 10.0),
        _ranked("2011-02-02", 9.0),
        _ranked("2011-09-01", 6.0),
    ]
    order = spread.spread_order(ranked, k=2, tau=0.5, beta=1.0)
    assert [r.date.isoformat() for r in order] == ["2011-02-01", "2011-09-01", "2011-02-02"]
    assert [r.score for r in order] == [3.0, 2.0, 1.0]  # pseudo-scores keep the order
    assert spread.spread_order(ranked, k=2, tau=0.5, beta=0.0) == spread.with_order(ranked)


def test_allocate_order_shares_k_among_the_periods_by_their_articles() -> None:
    ranked = [
        _ranked("2011-02-01", 10.0),
        _ranked("2011-02-03", 9.0),
        _ranked("2011-02-05", 8.0),
        _ranked("2011-03-30", 1.0),
    ]
    busy = [date(2011, 2, 2)] * 3 + [date(2011, 3, 30)]
    even = spread.allocate_order(ranked, k=2, articles=busy, alpha=0.0, bins_per_k=1.0)
    assert [r.date.day for r in even[:2]] == [1, 30]  # one date per half of the range
    follows = spread.allocate_order(ranked, k=2, articles=busy, alpha=1.0, bins_per_k=1.0)
    assert [r.date.day for r in follows[:2]] == [1, 3]  # 3 articles against 1: both early


def test_best_sentences_pick_what_the_gold_entry_says() -> None:
    texts = ["Oil prices rose on Monday.", "BP capped the leaking well.", "BP capped it."]
    gold = ["BP capped the leaking well ."]
    assert spread.best_sentences(texts, gold, 1) == [1]
    assert spread.best_sentences(texts, gold, 2) == [1]  # a second sentence only adds noise
    assert spread.rouge1_f(["BP capped the leaking well."], gold) == pytest.approx(1.0)


def test_echo_counts_later_articles_that_retell_a_date_in_its_own_words(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE articles (id INTEGER, published TEXT)")
        conn.execute("CREATE TABLE sentences (article_id INTEGER, text TEXT)")
        days = ["2010-04-20", "2010-04-21", "2010-06-01", *["2010-06-02"] * 8]
        conn.executemany("INSERT INTO articles VALUES (?, ?)", list(enumerate(days, 1)))
        texts = [
            "The Deepwater Horizon rig exploded.",
            "Rig workers rescued.",
            "Weeks after the Deepwater Horizon rig exploded, oil spreads.",
            *["Crews skim oil."] * 8,
        ]
        conn.executemany("INSERT INTO sentences VALUES (?, ?)", list(enumerate(texts, 1)))
    window = spread.Window(db)
    told = ["Deepwater Horizon rig exploded.", "The Deepwater Horizon rig exploded in the Gulf."]
    assert window.own_words(told)[:2] == ["deepwater", "exploded"]
    assert window.echo(date(2010, 4, 20), told, 14) == pytest.approx(1 / 9)
    assert window.echo(date(2010, 6, 2), told, 14) is None  # nothing published that late
    assert window.echo(date(2010, 4, 20), ["Workers wait."], 14) == 0.0  # no words of its own


def test_the_new_probes_print_their_settings_and_the_means(
    sample_window: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("rank_dates", "rescore", "summarise"):
        monkeypatch.setattr(timeline_service, name, getattr(timeline_service, name))
    out = _probe(["summaries"], sample_window, capsys)
    assert out.startswith("summary oracle: other ")
    out = _probe(["summaries", "gold"], sample_window, capsys)
    assert out.startswith("summary oracle, gold days first: other ")
    assert out.endswith(" / 1.000")
    for args in (["spread", "1", "1"], ["allocate", "0.5", "0.5", "2"], ["echo", "30", "1"]):
        assert _probe(args, sample_window, capsys).startswith(" ".join(args) + ": other ")


def test_a_numeric_probe_needs_its_values(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["spread", "1"])
    assert "spread needs TAU BETA" in capsys.readouterr().err


def test_milestone_words_are_those_of_several_stories_gold_entries(tmp_path: Path) -> None:
    golds = []
    for topic, day, entry in (
        ("bpoil_bbc", "2010-05-02", "BP announced a ban on fishing ."),
        ("haiti_bbc", "2010-01-13", "The UN announced an appeal for aid ."),
    ):
        gold = GoldTLS(topic, 1, (GoldEntry(date.fromisoformat(day), (entry,)),))
        golds.append(gold)
        with sqlite3.connect(tmp_path / f"{gold.window}.db") as conn:
            conn.execute("CREATE TABLE events (article_id, sentence, precision)")
            conn.execute("CREATE TABLE sentences (article_id, position, text)")
            conn.executemany("INSERT INTO events VALUES (1, ?, 'day')", [(0,), (1,)])
            conn.executemany(
                "INSERT INTO sentences VALUES (1, ?, ?)",
                [(0, "Fishing boats waited in the port."), (1, "Officials announced a ban.")],
            )
    weights = spread.lexicon(golds, tmp_path)
    assert set(weights) == {"announced"}  # "ban" is one story's gold only
    assert weights["announced"] > 0
    assert spread.milestone(["They announced it.", "Boats waited."], weights) > 0
    assert spread.milestone(["Boats waited."], weights) == 0.0


def test_the_sentence_prior_fit_learns_a_feature_that_marks_the_best() -> None:
    """`eval.timeline17_sentences.fit_weights`: a feature set on the best candidates gets a
    positive weight, one set on the others a negative one, in units of the pick's score."""
    from eval import timeline17_sentences as sentences

    n = len(sentences.ks.FEATURES)

    def cand(rouge: float, good: bool, cos: float) -> dict[str, object]:
        f = [0.0] * n
        f[0 if good else 1] = 1.0
        return {"f": f, "cos": cos, "stated": False, "rouge": rouge}

    days = [
        {
            "cands": [
                cand(0.4, True, 0.3 + i % 3 / 10),
                cand(0.1, False, 0.3),
                cand(0.3, False, 0.5),
            ],
            "tune": True,
        }
        for i in range(30)
    ]
    weights = sentences.fit_weights(days)
    assert weights[0] > 0 > weights[1]


def test_gold_days_are_classed_by_what_the_ranking_had_of_them() -> None:
    d = date.fromisoformat
    answer = {d("2010-04-21"), d("2010-05-02")}
    events = {d("2010-04-20"), d("2010-04-21"), d("2010-04-30"), d("2010-05-10")}
    place = {d("2010-04-21"): 0, d("2010-04-20"): 1, d("2010-04-30"): 7}
    found = [
        date_errors.gold_class(d(day), answer, events, place, k=2, shortlist=6)
        for day in ("2010-04-21", "2010-04-20", "2010-04-30", "2010-05-10", "2010-06-01")
    ]
    assert found == [
        "chosen",
        "ranked within K (a neighbour chosen)",  # the day after was chosen in its place
        "ranked past shortlist",
        "event not read",
        "no day event",
    ]


def test_wrong_days_are_classed_by_the_nearest_gold_day() -> None:
    gold = {date(2010, 4, 20), date(2010, 6, 1)}
    assert date_errors.wrong_class(date(2010, 4, 21), gold) == "day after a gold day"
    assert date_errors.wrong_class(date(2010, 5, 31), gold) == "day before a gold day"
    assert date_errors.wrong_class(date(2010, 4, 23), gold) == "2-3 days from a gold day"
    assert date_errors.wrong_class(date(2010, 5, 10), gold) == "further"


def test_percentile_places_the_busiest_day_first_and_shares_ties() -> None:
    days = [date(2010, 4, n) for n in (20, 21, 22, 23)]
    found = date_errors.percentile({days[0]: 5.0, days[1]: 1.0, days[2]: 1.0}, days)
    assert found[days[0]] == 0.0
    assert found[days[1]] == found[days[2]] == pytest.approx(0.5)
    assert found[days[3]] == 1.0


def test_errors_prints_the_classes_of_the_gold_days(
    sample_window: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(timeline_service, "rank_dates", timeline_service.rank_dates)
    out = _probe(["errors"], sample_window, capsys)
    assert out.startswith("gold days:\n  chosen: 2 (100.0%)")
    assert "mean percentile (0 busiest):" in out


def _row(event: int, day: str, article: int, published: str, outlet: str = "bbc") -> Any:
    return key_dates.Candidate(
        event_id=event,
        date=date.fromisoformat(day),
        precision="day",
        article_id=article,
        outlet=outlet,
        published=date.fromisoformat(published),
    )


def test_an_outlet_reports_a_day_on_it_or_the_next_in_the_shares_its_reports_show() -> None:
    rows = [
        _row(1, "2010-04-20", 1, "2010-04-20"),  # the wire: reports the same day
        _row(2, "2010-04-21", 2, "2010-04-21"),
        _row(3, "2010-04-20", 3, "2010-04-21", "paper"),  # the paper: the day after
        _row(4, "2010-03-01", 4, "2010-04-25", "paper"),  # a reference, not a report
    ]
    shares = date_errors.same_day_share(rows)
    assert shares["bbc"] == pytest.approx(3 / 4)  # (2 + 1) / (2 + 2)
    assert shares["paper"] == pytest.approx(1 / 3)  # (0 + 1) / (1 + 2)
    found = date_errors.coverage(rows)
    assert found[date(2010, 4, 20)] == pytest.approx(3 / 4 + 1 / 4 + 2 / 3)
    assert found[date(2010, 4, 24)] == pytest.approx(2 / 3)  # the paper's day before
    assert found[date(2010, 4, 25)] == pytest.approx(1 / 3)


def test_a_day_beside_a_busier_day_is_scored_down_as_its_echo() -> None:
    ranked = [_ranked("2010-04-20", 4.0), _ranked("2010-04-21", 2.0), _ranked("2010-04-19", 1.0)]
    assert date_errors.echo_factors(ranked, 0.5, (-1, 1)) == [1.0, 0.5, 0.5]
    assert date_errors.echo_factors(ranked, 0.5, (-1,)) == [1.0, 0.5, 1.0]  # the day after only
    rows = [_row(1, "2010-04-20", 1, "2010-04-21"), _row(2, "2010-04-21", 2, "2010-04-21")]
    ranker = date_errors.days_ranker(key_dates.rank_dates, 0.0, 0.0, after_only=False)
    assert ranker(rows) == key_dates.rank_dates(rows)  # both off: the ranking as it was


def test_days_prints_its_settings_and_the_means(
    sample_window: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(timeline_service, "rank_dates", timeline_service.rank_dates)
    assert _probe(["days", "0.5", "0.3", "1"], sample_window, capsys).startswith(
        "days 0.5 0.3 1: other "
    )
