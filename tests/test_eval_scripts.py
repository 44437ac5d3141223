"""The evaluation scripts' parsing and scoring, on hand-made inputs (no shared data needed)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from eval.common import PRF, table, words
from eval.quotes_polnear import (
    Gold,
    Pred,
    Tally,
    content_pairs,
    fully_quoted,
    locate,
    parse_ann,
    score,
    speaker_right,
)
from eval.quotes_textacy_fixtures import passes
from eval.timeline17 import (
    ArticleDates,
    GoldTimeline,
    date_prf,
    detokenize,
    load_gold,
    score_timeline,
    top_days,
)

TEXT = "“We will win,” Trump said. “Believe me.” Aides said it was over."
ANN = "\n".join(
    [
        "T1\tSource 15 20\tTrump",
        "T2\tCue 21 25\tsaid",
        "T3\tContent 0 14;27 40\t“We will win,” “Believe me.”",
        "T4\tAttribution 21 25\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        "#1\tAnnotatorNotes T3\ta note",
        "T5\tCue 47 51\tsaid",
        "T6\tContent 52 63\tit was over",
        "T7\tAttribution-no-source 47 51\tsaid",
        "E2\tAttribution-no-source:T7 Cue:T5 Content:T6",
    ]
)


def test_parse_ann_reads_fragments_sources_and_quotation() -> None:
    first, second = parse_ann(ANN, TEXT)
    assert first.content == ((0, 14), (27, 40))
    assert first.source == ((15, 20),)
    assert (first.quoted, first.direct) == (True, True)
    assert second.source == ()
    assert (second.quoted, second.direct) == (False, False)


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("“We will win,”", True),
        ('"Believe me."', True),
        ("that it was “a disaster”", False),
        ("“a disaster” for them", False),
        ("no marks at all", False),
    ],
)
def test_fully_quoted(fragment: str, expected: bool) -> None:
    assert fully_quoted(fragment) is expected


def _w(text: str, needle: str) -> frozenset[tuple[int, int]]:
    """The words of the first occurrence of `needle` in `text`."""
    start = text.index(needle)
    return words(text, start, start + len(needle))


def test_split_quote_fragments_are_pooled_against_one_gold_content() -> None:
    gold = _w(TEXT, "We will win") | _w(TEXT, "Believe me")
    preds = [_w(TEXT, "We will win"), _w(TEXT, "Believe me")]
    assert content_pairs("exact", preds, [gold]) == {(0, 0), (1, 0)}
    assert content_pairs("half", preds[1:], [gold]) == set()  # 2 of 5 words alone: no match
    assert content_pairs("any", preds[1:], [gold]) == {(0, 0)}


def test_partial_quote_inside_a_paraphrase_is_not_half_of_it() -> None:
    text = "He said that the deal was “truly ground-breaking” for both sides."
    gold = _w(text, "that the deal was “truly ground-breaking” for both sides")
    assert content_pairs("half", [_w(text, "truly ground-breaking")], [gold]) == set()
    assert content_pairs("any", [_w(text, "truly ground-breaking")], [gold]) == {(0, 0)}


def _gold(heads: tuple[tuple[int, int], ...], words_: tuple[str, ...]) -> Gold:
    """A gold attribution with only the fields speaker scoring reads."""
    return Gold((), ((0, 1),), True, True, heads, words_)


def test_speaker_right_by_head_span_or_by_surname() -> None:
    gold = _gold(((15, 20),), ("trump",))
    assert speaker_right(Pred(0, 14, (15, 20)), gold)
    assert speaker_right(Pred(0, 14, (200, 202), "Donald Trump"), gold)
    assert not speaker_right(Pred(0, 14, (47, 51), "Hillary Clinton"), gold)
    assert not speaker_right(Pred(0, 14, None, None), gold)
    he = _gold(((90, 92),), ("he",))
    assert speaker_right(Pred(0, 14, (300, 302), "Don Fowler", speaker_text="He"), he)
    assert speaker_right(Pred(0, 14, None, "Rep. Jim Clyburn (D-S.C.)"), _gold((), ("clyburn",)))


def test_locate_prefers_the_quote_sentence_over_a_nearer_mention() -> None:
    text = "She said it was “bad.” She says more."
    quote = (text.index("bad"), text.index("bad") + 4)
    assert locate(text, "She", quote, (0, 22)) == (0, 3)
    assert locate(text, "She", quote) == (23, 26)
    assert locate(text, "Nobody", quote) is None


def test_score_counts_precision_recall_and_speaker() -> None:
    gold = Gold(((0, 14), (27, 40)), ((15, 20),), True, True, ((15, 20),), ("trump",))
    preds = [Pred(1, 12, (15, 20), "Donald Trump"), Pred(28, 38, (47, 53), None)]
    tally = Tally()
    score(tally, TEXT, preds, [gold])
    assert tally.prf("exact") == PRF(2, 2, 1, 1)
    assert tally.prf("speaker") == PRF(1, 2, 1, 1)
    assert (tally.matched, tally.speaker_ok) == (2, 1)


def test_prf_and_table() -> None:
    result = PRF(3, 4, 3, 6)
    assert (result.precision, result.recall) == (0.75, 0.5)
    assert result.f1 == pytest.approx(0.6)
    assert PRF(0, 0, 0, 0).f1 == 0.0
    assert table(["a", "bb"], [[1, 2]]).splitlines() == ["| a | bb |", "| - | -- |", "| 1 | 2  |"]


def test_detokenize_undoes_ptb_escapes_and_spacing() -> None:
    raw = "He said : `` We 're here , '' -LRB- Reuters -RRB- . \nIt cost $ 57m ."
    assert detokenize(raw) == "He said: “We're here,” (Reuters).\nIt cost $57m."


def test_top_days_ranks_by_count_then_earlier_day_within_range() -> None:
    counts = Counter({date(2010, 1, 3): 5, date(2010, 1, 2): 2, date(2010, 1, 4): 2})
    counts[date(2011, 1, 1)] = 9  # outside the range
    assert top_days(counts, 2, date(2010, 1, 1), date(2010, 1, 31)) == {
        date(2010, 1, 3),
        date(2010, 1, 2),
    }


def test_date_prf() -> None:
    gold = frozenset({date(2010, 1, 1), date(2010, 1, 2)})
    assert date_prf({date(2010, 1, 1), date(2010, 1, 5)}, gold) == (0.5, 0.5, 0.5)
    assert date_prf(set(), gold) == (0.0, 0.0, 0.0)


def test_score_timeline_uses_articles_inside_the_span_only() -> None:
    days = [date(2010, 1, d) for d in (10, 12, 14)]
    gold = GoldTimeline("t", "t#1", frozenset(days))
    articles = [
        ArticleDates(date(2010, 1, 12), (days[0], days[0], days[1], date(2010, 1, 11))),
        ArticleDates(date(2010, 1, 13), (days[2], days[1], days[2])),
        ArticleDates(date(2010, 2, 1), (days[2],) * 9),  # published after the span: ignored
    ]
    result = score_timeline(gold, articles)
    assert result.n_articles == 2
    assert result.events[2] == pytest.approx(1.0)
    assert result.coverage == 1.0
    assert result.published == pytest.approx((0.5, 1 / 3, 0.4))  # days 12 and 13


def test_load_gold_reads_each_timeline_of_a_topic(tmp_path: Path) -> None:
    topic = tmp_path / "haiti_bbc"
    topic.mkdir()
    lines = [
        json.dumps([["2010-01-12T00:00:00", ["Quake."]], ["2010-01-13", ["Aid."]]]),
        json.dumps([["2010-01-20", ["Aftershock."]]]),
    ]
    (topic / "timelines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    first, second = load_gold(tmp_path)
    assert first.dates == {date(2010, 1, 12), date(2010, 1, 13)}
    assert (second.name, second.start, second.end) == (
        "haiti_bbc#2",
        date(2010, 1, 20),
        date(2010, 1, 20),
    )


def test_fixture_rule_needs_speakers_and_listed_contents() -> None:
    case: dict[str, object] = {"expected": [{"speaker": ["Burton"], "content": '"I love cats!"'}]}
    assert passes(case, (["Burton"], ["I love cats!"]))
    assert not passes(case, (["Burton"], ["I love"]))
    assert passes({"expected_speaker_tokens": ["he"]}, (["he"], ["anything"]))


def test_the_polnear_script_says_in_one_line_when_textacy_is_missing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from eval import quotes_polnear

    monkeypatch.setitem(sys.modules, "textacy", None)  # an import of it now fails
    monkeypatch.setitem(sys.modules, "textacy.extract.triples", None)
    assert quotes_polnear.main(["--split", "dev", "--limit", "1"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "error: textacy is not installed (this script compares with it): pip install -e '.[eval]'\n"
    )
