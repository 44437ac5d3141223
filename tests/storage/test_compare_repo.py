"""Period and summary queries on SQLite and PostgreSQL: counts, years, sentences, quotes, dates."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.articles import insert_article
from storage.compare_repo import CompareRepository, DateRange
from storage.records import NewArticle, NewEvent, NewMention, NewQuote
from storage.summary_repo import SummaryRepository

Y2015 = DateRange(date(2015, 1, 1), date(2015, 12, 31))
Y2024 = DateRange(date(2024, 1, 1), date(2024, 12, 31))

PEOPLE = {
    "putin": ("vladimir putin", "Vladimir Putin", "person"),
    "assad": ("bashar al-assad", "Bashar al-Assad", "person"),
    "pezeshkian": ("masoud pezeshkian", "Masoud Pezeshkian", "person"),
    "syria": ("syria", "Syria", "place"),
    "turkmenistan": ("turkmenistan", "Turkmenistan", "place"),
}


def mentions(*spec: tuple[str, int]) -> tuple[NewMention, ...]:
    """(name, sentence) pairs as mentions of the PEOPLE table."""
    out = []
    for name, sentence in spec:
        key, display, kind = PEOPLE[name]
        surname = display.split()[-1].casefold().removeprefix("al-") if kind == "person" else ""
        out.append(NewMention(key, kind, display, display, sentence, 0, 5, surname))
    return tuple(out)


def quote(text: str, speaker: str | None) -> NewQuote:
    key, name, kind = PEOPLE[speaker] if speaker else (None, None, "person")
    return NewQuote(text, "direct", name or "he", key, kind, name, "", "say", 0, 0, len(text))


def article(n: int, published: date | None, sentences: list[str], **extra) -> NewArticle:  # type: ignore[no-untyped-def]
    fields = {
        "source": f"samples/{n}.txt",
        "canonical_url": None,
        "title": f"Article {n}",
        "outlet": "ABC News",
        "author": None,
        "published": published,
        "date_precision": "day" if published else "unknown",
        "date_source": "header" if published else "",
        "text": " ".join(sentences),
        "content_hash": f"hash{n}",
        "signature": b"\x00" * 8,
        "band_keys": (f"0:{n}",),
        "dropped": (),
        "sentences": tuple((i, 0, len(s), s) for i, s in enumerate(sentences)),
    }
    fields.update(extra)
    return NewArticle(**fields)  # type: ignore[arg-type]


SYRIA_2015 = article(
    1,
    date(2015, 11, 23),
    ["Putin is in Iran.", "Russia backs Assad in Syria.", "Putin met Khamenei."],
    mentions=mentions(("putin", 0), ("assad", 1), ("syria", 1), ("assad", 1), ("putin", 2)),
    terms=(("war", 3), ("conflict", 2)),
    quotes=(quote("No one should impose rule on Syria", "putin"),),
    events=(NewEvent(date(2015, 11, 13), "day", "Nov. 13", 1, "Russia backs Assad in Syria."),),
)
TURKMEN_2024 = article(
    2,
    date(2024, 10, 15),
    ["Putin met Pezeshkian in Turkmenistan.", "Ties grow."],
    mentions=mentions(("putin", 0), ("pezeshkian", 0), ("turkmenistan", 0)),
    terms=(("tie", 2), ("war", 1)),
)
UNDATED = article(
    3,
    None,
    ["Lavrov invites ministers to Moscow over Syria."],
    mentions=mentions(("syria", 0), ("syria", 0)),
    terms=(("war", 5),),
)


async def store(sessions: async_sessionmaker[AsyncSession], *news: NewArticle) -> list[int]:
    async with sessions.begin() as session:
        return [await insert_article(session, new) for new in news]


async def test_counts_per_period_with_corpus_totals(sessions) -> None:  # type: ignore[no-untyped-def]
    await store(sessions, SYRIA_2015, TURKMEN_2024, UNDATED)
    counts = await CompareRepository(sessions).counts(Y2015, Y2024)
    assert (counts.articles_a, counts.articles_b) == (1, 1)
    by_name = {i.name: i for i in counts.items}
    assert (by_name["Bashar al-Assad"].count_a, by_name["Bashar al-Assad"].count_b) == (2, 0)
    assert (by_name["Vladimir Putin"].count_a, by_name["Vladimir Putin"].count_b) == (2, 1)
    assert by_name["Syria"].corpus == 3  # the undated article counts in the prior
    assert (by_name["war"].count_a, by_name["war"].count_b, by_name["war"].corpus) == (3, 1, 9)
    assert counts.totals["person"] == (4, 2)
    assert counts.totals["term"] == (5, 3)


async def test_years_and_undated_articles(sessions) -> None:  # type: ignore[no-untyped-def]
    await store(sessions, SYRIA_2015, TURKMEN_2024, UNDATED)
    repo = CompareRepository(sessions)
    assert await repo.years_with_articles() == [2015, 2024]
    assert await repo.years_with_articles("syria") == [2015]
    assert await repo.undated() == 1
    assert await repo.undated("pezeshkian") == 0


async def test_topic_narrows_by_alias_or_term(sessions) -> None:  # type: ignore[no-untyped-def]
    await store(sessions, SYRIA_2015, TURKMEN_2024, UNDATED)
    repo = CompareRepository(sessions)
    by_alias = await repo.counts(Y2015, Y2024, "Assad")
    assert (by_alias.articles_a, by_alias.articles_b) == (1, 0)
    by_term = await repo.counts(Y2015, Y2024, "tie")
    assert (by_term.articles_a, by_term.articles_b) == (0, 1)


async def test_best_sentence_weighs_distinct_entities(sessions) -> None:  # type: ignore[no-untyped-def]
    ids = await store(sessions, SYRIA_2015, TURKMEN_2024)
    repo = CompareRepository(sessions)
    counts = await repo.counts(Y2015, Y2024)
    ids_by_name = {i.name: i.key for i in counts.items}
    weights = {ids_by_name["Bashar al-Assad"]: 0.9, ids_by_name["Syria"]: 0.6}
    hit = await repo.best_sentence(Y2015, None, weights)
    assert hit is not None
    assert (hit.ref.id, hit.position, hit.text) == (ids[0], 1, "Russia backs Assad in Syria.")
    lead = await repo.best_sentence(Y2024, None, {})
    assert lead is not None
    assert lead.text == "Putin met Pezeshkian in Turkmenistan."


async def test_quote_prefers_the_speakers_given_else_any(sessions) -> None:  # type: ignore[no-untyped-def]
    await store(sessions, SYRIA_2015, TURKMEN_2024)
    repo = CompareRepository(sessions)
    counts = await repo.counts(Y2015, Y2024)
    putin = next(i.key for i in counts.items if i.name == "Vladimir Putin")
    assad = next(i.key for i in counts.items if i.name == "Bashar al-Assad")
    hit = await repo.quote(Y2015, None, [assad, putin])
    assert hit is not None
    assert (hit.speaker, hit.text) == ("Vladimir Putin", "No one should impose rule on Syria")
    assert await repo.quote(Y2015, None, []) == hit
    assert await repo.quote(Y2024, None, [putin]) is None


async def test_summary_reads_sentences_people_and_dates(sessions) -> None:  # type: ignore[no-untyped-def]
    ids = await store(sessions, SYRIA_2015, TURKMEN_2024, UNDATED)
    repo = SummaryRepository(sessions)
    assert (await repo.article(ids[0])) is not None
    assert await repo.article(999) is None
    texts = [s.text for s in await repo.sentences([ids[0]])]
    assert texts == ["Putin is in Iran.", "Russia backs Assad in Syria.", "Putin met Khamenei."]
    people = await repo.people([ids[0], ids[1]])
    assert (people[0].name, people[0].mentions, people[0].articles) == ("Vladimir Putin", 3, 2)
    events = await repo.dated_events([ids[0]])
    assert [(e.date, e.expression) for e in events] == [(date(2015, 11, 13), "Nov. 13")]


async def test_summary_topic_articles_by_relevance_and_dates(sessions) -> None:  # type: ignore[no-untyped-def]
    ids = await store(sessions, SYRIA_2015, TURKMEN_2024, UNDATED)
    repo = SummaryRepository(sessions)
    syria = await repo.topic_articles("Syria", None, None)
    assert [r.id for r in syria] == [ids[2], ids[0]]  # two mentions before one
    assert [r.id for r in await repo.topic_articles("war", None, None)] == [ids[2], ids[0], ids[1]]
    in_2015 = await repo.topic_articles("syria", date(2015, 1, 1), date(2015, 12, 31))
    assert [r.id for r in in_2015] == [ids[0]]
    assert "putin" in await repo.topic_aliases("Vladimir Putin")
