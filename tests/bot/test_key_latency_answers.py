"""A key date's answer is mapped from the ranking rows and the texts read for the shortlist alone
(issue 15's speed work): the citations read are those it shows, a date cites only articles whose
events were read, and an article forgotten while the answer was made drops out of it."""

from __future__ import annotations

from datetime import date

from analysis.key_dates import KeyDateSummary, RankedDate
from bot.services.timeline_key import candidates, key_dates, shown_articles, told_text
from storage.records_cite import ArticleRef
from storage.timeline import KeyRow, Told

DAY = date(2016, 4, 1)


def row(event: int, article: int, text: str = "") -> KeyRow:
    return KeyRow(event, DAY, "day", 1, article, f"Outlet {article}", DAY, text)


def ref(article: int) -> ArticleRef:
    return ArticleRef(article, f"Article {article}", f"Outlet {article}", DAY, "day", None, "x")


def chosen(*sentences: int, articles: tuple[int, ...]) -> KeyDateSummary:
    ranked = RankedDate(DAY, "day", 1.0, len(articles), len(articles), articles, ())
    return KeyDateSummary(ranked=ranked, sentence_ids=sentences)


def test_a_date_cites_its_best_read_articles_and_the_chosen_sentence_s() -> None:
    told = [row(1, 10, "A."), row(2, 30, "B."), row(-7, 40, "Lead.")]  # 20: in the sample only
    summary = chosen(-7, articles=(20, 30, 10, 40))
    shown, read = shown_articles([summary], told, refs=2)
    assert read == {10, 30}  # a lead's article is not an event read
    assert shown == [10, 30, 40]
    (answer,) = key_dates([summary], told, {a: ref(a) for a in shown}, read, refs=2)
    assert [r.id for r in answer.refs] == [30, 10]
    assert [(s.text, s.ref.id) for s in answer.summary] == [("Lead.", 40)]


def test_an_article_forgotten_meanwhile_drops_out_of_the_answer() -> None:
    told = [row(1, 10, "A."), row(2, 30, "B.")]
    summary = chosen(1, 2, articles=(10, 30))
    (answer,) = key_dates([summary], told, {30: ref(30)}, {10, 30}, refs=5)
    assert [s.text for s in answer.summary] == ["B."]
    assert [r.id for r in answer.refs] == [30]


def test_candidates_keep_the_ranking_row_and_take_the_told_text() -> None:
    rows = {1: row(1, 10), 2: row(2, 30)}
    read = [Told(1, "the clause", "The  whole\nsentence."), Told(2, "a clause", None)]
    named = {1: [("iran", "Iran", "place"), ("russians", "Russians", "group")]}
    found = candidates(read, rows, named, limit=280)
    assert [(c.event_id, c.article_id, c.text, c.entities) for c in found] == [
        (1, 10, "The whole sentence.", ("iran",)),  # nationality words left out
        (2, 30, "a clause", ()),  # a caption's: no whole sentence; no entities read
    ]
    assert told_text(Told(3, "short", "x" * 281), 280) == "short"  # too long a sentence
