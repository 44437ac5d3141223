"""The evaluation scripts' parsing and scoring, on hand-made inputs (no shared data needed)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from eval import quotes_polnear
from eval.common import PRF, table, words
from eval.quotes_polnear import (
    JUDGED_FULLY,
    NAMES_ONLY,
    Gold,
    Pred,
    Tally,
    content_pairs,
    fully_quoted,
    linked_report,
    linked_right,
    load_sources,
    locate,
    parse_ann,
    referent_words,
    resolve_descriptions,
    resolve_pronouns,
    score,
    source_kind,
    source_names,
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
        ("''This isn't tax reform,''", True),  # PolNeAR's New York Times articles
        ("it's the ''tinkering'' kind", False),
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
    o_malley = _gold((), (quotes_polnear._surname("O’Malley’s"),))  # as the article writes it
    assert speaker_right(Pred(0, 14, None, "Martin O'Malley"), o_malley)  # as a name is stored


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


def _named(name_words: tuple[str, ...], at: int = 0, named: bool = True) -> Gold:
    """A gold attribution with only the fields linked-speaker scoring reads."""
    source = ((at, at + 5),)
    return Gold((), source, True, True, source, name_words[:1], name_words, named)


def _linked(
    name: str | None, kind: str = "person", written: str = "", at: tuple[int, int] = (0, 14)
) -> Pred:
    """A prediction under the entity `name` (its key the lowercased name), None for unlinked."""
    key = name.lower() if name else None
    kind_ = kind if key else None
    return Pred(*at, None, name, speaker_text=written, speaker_key=key, speaker_kind=kind_)


def test_linked_right_needs_an_entity_whose_name_ends_with_the_gold_name_word() -> None:
    trump = _named(("trump",))
    assert linked_right(_linked("Donald Trump", written="he"), trump)
    assert not linked_right(_linked("Hillary Clinton"), trump)
    written_right = Pred(0, 14, (15, 20), None, speaker_text="Trump")  # as written, not linked
    assert speaker_right(written_right, _gold(((15, 20),), ("trump",)))
    assert not linked_right(written_right, trump)
    assert linked_right(_linked("Bashar al-Assad"), _named(("assad",)))
    assert linked_right(_linked("Trump's"), trump)  # a possessive left in a canonical name
    assert linked_right(Pred(0, 14, None, None, speaker_key="trump"), trump)  # key, no name


def test_an_organisation_is_found_by_its_first_word_too_a_person_only_by_the_last() -> None:
    peabody = _named(("peabody",))
    assert linked_right(_linked("Peabody Energy", kind="org"), peabody)
    assert not linked_right(_linked("Peabody Energy", kind="person"), peabody)
    assert linked_right(_linked("The FBI", kind="org"), _named(("fbi",)))


@pytest.mark.parametrize(
    ("name_words", "kind"),
    [
        ((), "none"),
        (("he",), "pronoun"),
        (("i",), "pronoun"),
        (("who",), "pronoun"),
        (("others",), "vague"),
        (("trump",), "checked"),
        (("mayor",), "checked"),  # a description: checked, never found by a name
    ],
)
def test_source_kind(name_words: tuple[str, ...], kind: str) -> None:
    assert source_kind(_named(name_words)) == kind


def test_resolve_pronouns_takes_the_nearest_named_source_before_it() -> None:
    golds = [
        _named(("he",), at=0),  # nothing named before it: stays a pronoun
        _named(("clinton",), at=10),
        _named(("trump",), at=20),
        _named(("mayor",), at=30, named=False),  # a description is no antecedent
        _named(("she",), at=40),
        _named(("others",), at=50),  # not a personal pronoun: left alone
    ]
    resolved = resolve_pronouns(golds)
    assert [g.name_words for g in resolved] == [
        ("he",),
        ("clinton",),
        ("trump",),
        ("mayor",),
        ("trump",),
        ("others",),
    ]
    assert resolved[4].content == golds[4].content


LINKED_TEXT = "“Taxes will fall,” Trump said. “We will win,” he said. “It is over,” one said."


def _at(needle: str) -> tuple[int, int]:
    """Where `needle` stands in LINKED_TEXT."""
    start = LINKED_TEXT.index(needle)
    return start, start + len(needle)


def test_linked_score_leaves_pronoun_and_sourceless_golds_out_and_counts_them() -> None:
    trump = Gold((_at("“Taxes will fall,”"),), (_at("Trump"),), True, True)
    trump = replace(trump, name_words=("trump",), named=True)
    he_at = _at(" he ")
    he = Gold((_at("“We will win,”"),), ((he_at[0] + 1, he_at[1] - 1),), True, True)
    he = replace(he, name_words=("he",))
    nobody = Gold((_at("“It is over,”"),), (), True, True)
    preds = [
        _linked("Donald Trump", at=_at("Taxes will fall")),
        _linked("Donald Trump", written="he", at=_at("We will win")),
        _linked(None, written="one", at=_at("It is over")),
    ]
    golds = [trump, he, nobody]
    tally = Tally()
    score(tally, LINKED_TEXT, preds, golds, resolve_pronouns(golds))
    strict, approx = tally.linked["linked"], tally.linked["≈linked"]
    assert strict.prf() == PRF(1, 1, 1, 1)  # "he" and the sourceless gold left out
    assert (strict.no_source, strict.pronoun, strict.dropped) == (1, 1, 2)
    assert approx.prf() == PRF(2, 2, 2, 2)  # "he" read as Trump, the Source before it
    assert (approx.no_source, approx.pronoun, approx.dropped) == (1, 0, 1)


def test_an_unlinked_speaker_is_right_as_written_and_wrong_linked() -> None:
    gold = Gold(((0, 14), (27, 40)), ((15, 20),), True, True, ((15, 20),), ("trump",))
    gold = replace(gold, name_words=("trump",), named=True)
    tally = Tally()
    score(tally, TEXT, [Pred(1, 12, (15, 20), None, speaker_text="Trump")], [gold])
    assert tally.prf("speaker") == PRF(1, 1, 1, 1)
    linked = tally.linked["linked"]
    assert linked.prf() == PRF(0, 1, 0, 1)
    assert (linked.matched, linked.right, linked.unlinked) == (1, 0, 1)


def test_descriptions_stay_in_the_linked_figure_and_out_of_the_names_only_one() -> None:
    mayor = replace(_named(("mayor",), named=False), content=((0, 14),))
    tally = Tally()
    score(tally, TEXT, [_linked("Bill de Blasio")], [mayor])
    assert tally.linked["linked"].prf() == PRF(0, 1, 0, 1)
    assert (tally.linked["linked"].described, tally.linked["linked"].described_found) == (1, 0)
    names_only = tally.linked[NAMES_ONLY]
    assert names_only.prf() == PRF(0, 0, 0, 0)
    assert (names_only.described_out, names_only.dropped) == (1, 1)


MERGED_TEXT = (
    "“Taxes will fall,” Trump said, and “we will win.” “It is over,” he said later. "
    "“Nobody knows,” one reader wrote."
)


def _in_merged(needle: str) -> tuple[int, int]:
    """Where `needle` stands in MERGED_TEXT."""
    start = MERGED_TEXT.index(needle)
    return start, start + len(needle)


def test_precision_by_every_attribution_judges_quotes_inside_a_longer_content() -> None:
    """PolNeAR merges two quotations of one attribution into one Content that is no "direct"
    gold: a quotation found inside it is judged by its Source, not counted wrong outright."""
    content = _in_merged("“Taxes will fall,” Trump said, and “we will win.”")
    trump = Gold((content,), (_in_merged("Trump"),), True, False, (), ("trump",), ("trump",), True)
    he_at = _in_merged("he said")
    he = Gold((_in_merged("“It is over,”"),), ((he_at[0], he_at[0] + 2),), True, True)
    he = replace(he, name_words=("he",))
    preds = [
        _linked("Donald Trump", at=_in_merged("Taxes will fall")),  # inside Trump's Content
        _linked("Hillary Clinton", at=_in_merged("we will win")),  # inside it, another person
        _linked("Donald Trump", at=_in_merged("It is over")),  # a pronoun Source: left out
        _linked("Jane Roe", at=_in_merged("Nobody knows")),  # inside no attribution: wrong
    ]
    golds = [trump, he]
    direct = [g for g in golds if g.direct]
    tally = Tally()
    score(tally, MERGED_TEXT, preds, direct, direct, every=(golds, golds))
    strict, by_every = tally.linked["linked"], tally.linked[JUDGED_FULLY[0]]
    assert strict.prf() == PRF(0, 3, 0, 0)  # the two inside Trump's Content counted wrong
    assert by_every.prf() == PRF(1, 3, 0, 0)  # Trump's own quote right, Clinton's and Roe's wrong
    assert (by_every.dropped, by_every.matched) == (1, 0)  # recall and its counts untouched


def test_a_description_labelled_by_hand_is_checked_under_the_name_it_refers_to(
    tmp_path: Path,
) -> None:
    labels = [
        {"article": "a1", "source": [0, 9], "refers_to": "Bill de Blasio", "kind": "person"},
        {"article": "a1", "source": [40, 49], "refers_to": None, "kind": None},
    ]
    (tmp_path / "dev.json").write_text(json.dumps(labels), encoding="utf-8")
    sources = load_sources(tmp_path, "dev")
    assert sources == {"a1": {0: ("Bill de Blasio", "person"), 40: None}}
    assert load_sources(tmp_path, "test") == {}
    mayor = replace(_named(("mayor",), at=0, named=False), content=((0, 14),))
    official = replace(_named(("official",), at=40, named=False), content=((0, 14),))
    trump = _named(("trump",), at=60)
    resolved = resolve_descriptions([mayor, official, trump], sources["a1"])
    assert [(g.name_words, g.named) for g in resolved] == [
        (("blasio",), True),  # now checked under de Blasio's surname
        (("official",), False),  # the article names no one: still a description, a miss
        (("trump",), True),
    ]
    tally = Tally()
    golds = [mayor]
    described = resolve_descriptions(golds, sources["a1"])
    every = (described, described)
    score(tally, TEXT, [_linked("Bill de Blasio")], golds, golds, every=every, own=every)
    assert tally.linked["linked"].prf() == PRF(0, 1, 0, 1)  # as before: never right
    assert tally.linked[JUDGED_FULLY[0]].prf() == PRF(1, 1, 1, 1)


def test_a_referent_is_checked_by_the_words_a_member_finds_it_by() -> None:
    assert referent_words("Bill de Blasio", "person") == ("blasio",)
    assert referent_words("The Washington Post", "org") == ("post", "washington")
    assert referent_words("Hillary Clinton campaign", "org") == ("clinton", "hillary")


def _doc(words: list[str], pos: list[str], deps: list[str], heads: list[int]) -> Doc:
    """A parsed Doc built by hand (no model); a run of proper nouns is one PERSON entity."""
    ents = [
        "O" if p != "PROPN" else "I-PERSON" if i and pos[i - 1] == "PROPN" else "B-PERSON"
        for i, p in enumerate(pos)
    ]
    return Doc(spacy.blank("en").vocab, words=words, pos=pos, deps=deps, heads=heads, ents=ents)


def test_source_names_root_appositive_person_and_verb_slips() -> None:
    critic = _doc(
        ["Another", "critic", ",", "Laurence", "H.", "Tribe", ",", "said"],
        ["DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PROPN", "PUNCT", "VERB"],
        ["det", "nsubj", "punct", "compound", "compound", "appos", "punct", "ROOT"],
        [1, 7, 1, 5, 5, 1, 1, 7],
    )
    assert source_names(critic[0:7]) == (("critic", "tribe"), True)
    doctor = _doc(
        ["Gary", "Johnson", "'s", "doctor", "said"],
        ["PROPN", "PROPN", "PART", "NOUN", "VERB"],
        ["compound", "poss", "case", "nsubj", "ROOT"],
        [1, 3, 1, 4, 4],
    )
    assert source_names(doctor[0:4]) == (("doctor",), False)  # Johnson is not the speaker
    assert source_names(doctor[4:5]) == ((), False)  # a Source "said": Source and Cue swapped
    trump = _doc(
        ["President", "Donald", "Trump", "said"],
        ["PROPN", "PROPN", "PROPN", "VERB"],
        ["compound", "compound", "nsubj", "ROOT"],
        [2, 2, 3, 3],
    )
    assert source_names(trump[0:3]) == (("trump",), True)
    assad = _doc(["Bashar", "al-Assad", "said"], ["PROPN", "PROPN", "VERB"], *_SAID)
    assert source_names(assad[0:2]) == (("assad",), True)  # normalised as the names are


_SAID = (["compound", "nsubj", "ROOT"], [1, 2, 2])


def test_textacy_has_no_linked_figure() -> None:
    lines = linked_report({("direct", "ours"): Tally(), ("direct", "textacy"): Tally()})
    ours, textacy = lines.splitlines()[2:]
    assert "n/a" not in ours
    assert textacy.count("n/a") == 12  # linked and ≈linked, each also with P by every attribution


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
        "error: textacy is not installed (this script compares with it): pip install -e '.[eval]',"
        " or score ours alone with --ours-only\n"
    )


def test_the_polnear_script_scores_ours_alone_without_textacy(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from eval import quotes_polnear

    monkeypatch.setitem(sys.modules, "textacy", None)
    monkeypatch.setitem(sys.modules, "textacy.extract.triples", None)
    assert quotes_polnear.main(["--split", "dev", "--limit", "1", "--ours-only"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("PolNeAR dev: 1 articles,")
    assert "| ours" in out and "textacy |" not in out


def test_page_interval_is_a_point_for_identical_pages_and_wide_for_mixed_ones() -> None:
    from eval.common import interval_text, page_interval

    def precision(counts: Sequence[int]) -> float:
        return counts[0] / (counts[0] + counts[1])

    assert page_interval([[3, 1]] * 10, precision) == (0.75, 0.75)
    low, high = page_interval([[9, 1], [1, 9], [5, 5], [10, 0]], precision)
    assert low < 0.625 < high and high - low > 0.2
    assert page_interval([[9, 1], [1, 9]], precision) == page_interval([[9, 1], [1, 9]], precision)
    assert interval_text(0.5312, 0.714) == "53.1-71.4"


def test_the_sixth_batch_is_test_and_the_fifth_joined_dev(tmp_path: Path) -> None:
    from eval.real_pages import DEV, FIFTH, FOURTH_TEST, SIXTH, TEST, pages

    folder = tmp_path / "htmldate_eval"
    folder.mkdir()
    entries = {f"https://example.org/{n}": {"file": n, "date": "2020-01-01"} for n in DEV + TEST}
    (folder / "eval_default.json").write_text(json.dumps(entries), encoding="utf-8")
    (folder / "eval_mediacloud_2020.json").write_text("{}", encoding="utf-8")
    assert [p.name for p in pages("sixth", tmp_path)] == list(SIXTH) == list(TEST)
    assert [p.name for p in pages("test", tmp_path)] == list(SIXTH)
    assert [p.name for p in pages("fifth", tmp_path)] == list(FIFTH)  # earlier commands still run
    dev = [p.name for p in pages("dev", tmp_path)]
    assert dev[-32:] == list(FOURTH_TEST + FIFTH) and not set(dev) & set(SIXTH)
    assert len(SIXTH) == len(set(SIXTH)) == 13 and len(dev) == len(set(dev)) == 112


def test_the_polnear_script_scores_named_articles_and_refuses_unknown_ones(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from eval import quotes_polnear
    from eval.common import DEFAULT_DATA

    names = sorted(p.stem for p in (DEFAULT_DATA / "polnear/data/dev/text").glob("*.txt"))
    wanted = names[1:3]
    assert [a.name for a in quotes_polnear.load_split(DEFAULT_DATA, "dev", None, wanted)] == wanted
    monkeypatch.setitem(sys.modules, "textacy", None)
    with pytest.raises(SystemExit, match="not in PolNeAR dev: no-such-article"):
        quotes_polnear.main(["--split", "dev", "--ours-only", "--articles", "no-such-article"])
    assert quotes_polnear.main(["--split", "dev", "--ours-only", "--articles", names[1]]) == 0
    assert capsys.readouterr().out.startswith("PolNeAR dev: 1 articles,")
