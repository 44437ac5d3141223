"""Full-text search on SQLite FTS5 and PostgreSQL tsvector: one query language, same answers."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.ui.highlight import discord_snippet
from storage.articles import ArticleRepository, insert_article
from storage.engine import create_engine, session_factory
from storage.migrate import upgrade_database
from storage.records import NewArticle
from storage.search import (
    SearchHit,
    SearchPage,
    SearchQuery,
    SearchQueryError,
    SearchRepository,
    find_hits,
    parse_query,
)
from tests.bot import discord_markup

Sessions = async_sessionmaker[AsyncSession]

FILLER = "Officials met in the capital on Tuesday to discuss trade, energy and regional security."
LONG_BODY = " ".join(
    ["Diplomats spent the morning on routine matters of protocol and trade."] * 6
    + ["Then the minister announced new sanctions against the banks."]
    + ["Afterwards the delegations returned to routine matters of protocol and trade."] * 6
)


def new_article(n: int, title: str | None, body: str, published: date | None = None) -> NewArticle:
    return NewArticle(
        source=f"samples/{n}.txt",
        canonical_url=None,
        title=title,
        outlet="The Week",
        author=None,
        published=published,
        date_precision="day" if published else "unknown",
        date_source="header" if published else "",
        text=body,
        content_hash=f"hash{n}",
        signature=b"\x00" * 8,
        band_keys=(f"0:{n}",),
        dropped=(),
        sentences=((0, 0, len(body), body),),
    )


async def store(sessions: Sessions, *articles: NewArticle) -> list[int]:
    async with sessions.begin() as session:
        return [await insert_article(session, a) for a in articles]


async def search(sessions: Sessions, query: str, **options: object) -> SearchPage:
    return await SearchRepository(sessions).search(parse_query(query), **options)  # type: ignore[arg-type]


def shown(hit: SearchHit) -> str:
    """The snippet with each highlight in [brackets], to compare with what a reader sees."""
    out, at = [], 0
    for start, end in hit.highlights:
        out += [hit.snippet[at:start], "[", hit.snippet[start:end], "]"]
        at = end
    return "".join([*out, hit.snippet[at:]])


async def found(sessions: Sessions, query: str, **options: object) -> list[int]:
    return [hit.article.id for hit in (await search(sessions, query, **options)).hits]


async def corpus(sessions: Sessions) -> dict[str, int]:
    """A few articles whose words the tests below tell apart; filler keeps rare words rare."""
    ids = await store(
        sessions,
        new_article(1, "Sanctions on Tehran tightened", f"{FILLER} The banks closed early."),
        new_article(2, "Weather in Moscow", f"{FILLER} Nobody mentioned sanctions at dinner."),
        new_article(3, "Vienna talks", "The nuclear deal was signed in Vienna.", date(2015, 7, 14)),
        new_article(
            4, "Fuel talks", "A deal on nuclear fuel is near, said Iran.", date(2024, 10, 1)
        ),
        new_article(5, "Pact", "Russia and Iran signed a treaty in Moscow.", date(2025, 1, 17)),
        new_article(6, "Border", "Russia weighs an embargo on Syria.", None),
        new_article(7, "Washington", "The U.S. said Bashar al-Assad must go. Iran disagreed."),
        new_article(8, "Filler one", FILLER),
        new_article(9, "Filler two", FILLER),
    )
    names = ["title", "body", "phrase", "words", "treaty", "embargo", "us"]
    return dict(zip(names, ids[: len(names)], strict=True))


async def test_a_title_hit_ranks_above_a_body_hit(sessions: Sessions) -> None:
    ids = await corpus(sessions)
    assert await found(sessions, "sanctions") == [ids["title"], ids["body"]]


async def test_a_phrase_needs_the_words_together(sessions: Sessions) -> None:
    ids = await corpus(sessions)
    assert sorted(await found(sessions, "nuclear deal")) == [ids["phrase"], ids["words"]]
    assert await found(sessions, '"nuclear deal"') == [ids["phrase"]]


async def test_hits_are_spans_over_the_query_words_on_both_backends(sessions: Sessions) -> None:
    await corpus(sessions)
    for query in ("nuclear deal", '"nuclear deal"'):
        [hit, *_] = (await search(sessions, query)).hits
        assert hit.snippet == "The nuclear deal was signed in Vienna."
        assert hit.highlights == ((4, 11), (12, 16))
        assert shown(hit) == "The [nuclear] [deal] was signed in Vienna."


async def test_the_articles_own_markdown_stays_text_and_never_bold(sessions: Sessions) -> None:
    body = "Analysts called the **nuclear** deal __historic__ [x](http://evil.example) today."
    await store(sessions, new_article(1, "Deal", body), new_article(2, "Other", FILLER))
    [hit] = (await search(sessions, "deal")).hits
    assert hit.snippet == body  # the asterisks and underscores exactly as the article has them
    assert shown(hit) == (
        "Analysts called the **nuclear** [deal] __historic__ [x](http://evil.example) today."
    )
    message = discord_snippet(hit.snippet, hit.highlights)
    assert message == (
        "Analysts called the \\*\\*nuclear\\*\\* **deal** \\_\\_historic\\_\\_ "
        "\\[x\\](http://evil.example) today."
    )
    assert discord_markup.live_markup(message, bold=True) == []
    assert discord_markup.discord_reads(message).count("**") == 2  # the hit's, nothing else


async def test_or_finds_either_and_binds_tighter_than_and(sessions: Sessions) -> None:
    ids = await corpus(sessions)
    assert sorted(await found(sessions, "treaty OR embargo")) == [ids["treaty"], ids["embargo"]]
    assert await found(sessions, "iran treaty OR embargo") == [ids["treaty"]]


@pytest.mark.parametrize("query", ["nuclear -fuel", "nuclear NOT fuel", 'nuclear -"fuel is"'])
async def test_exclusion_leaves_articles_out(sessions: Sessions, query: str) -> None:
    ids = await corpus(sessions)
    assert await found(sessions, query) == [ids["phrase"]]


@pytest.mark.parametrize(
    ("query", "finds_it"),
    [
        ("U.S.", True),
        ("al-Assad", True),
        ('al-Assad "', True),
        ("Assad*", True),
        ("(iran", True),
        ("iran^", True),
        ("NEAR(iran", False),  # read as the phrase "near iran"
        ("title:iran", False),  # no column filters: the phrase "title iran"
    ],
)
async def test_punctuation_never_breaks_a_query(
    sessions: Sessions, query: str, finds_it: bool
) -> None:
    ids = await corpus(sessions)
    assert (ids["us"] in await found(sessions, query)) is finds_it


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"', "empty query: say what to search for"),
        ("   ", "empty query: say what to search for"),
        ("-syria", "say what to search for, not only what to leave out"),
        ('-"al-Assad" NOT iran', "say what to search for, not only what to leave out"),
        ("x" * 501, "the query is too long (500 characters at most)"),
    ],
)
def test_queries_with_nothing_to_find_are_refused(query: str, message: str) -> None:
    with pytest.raises(SearchQueryError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_query(query)


def test_the_parsed_query_quotes_every_term() -> None:
    query = parse_query('"nuclear deal" OR U.S. -al-Assad iran OR')
    assert query == SearchQuery((("nuclear deal", "U.S."), ("iran",)), ("al-Assad",))
    assert query.fts5() == '(("nuclear deal" OR "U.S.") AND ("iran")) NOT "al-Assad"'


async def test_words_are_stemmed(sessions: Sessions) -> None:
    ids = await store(sessions, new_article(1, "Brief", "The council agreed a new sanction."))
    assert await found(sessions, "sanctions") == ids
    assert await found(sessions, "sanctioned") == ids


async def test_dates_bound_the_publication_date(sessions: Sessions) -> None:
    ids = await corpus(sessions)
    assert await found(sessions, "nuclear", start=date(2020, 1, 1)) == [ids["words"]]
    assert await found(sessions, "nuclear", end=date(2016, 12, 31)) == [ids["phrase"]]
    assert await found(sessions, "embargo", start=date(2000, 1, 1)) == []  # undated: left out


async def test_limit_keeps_the_best_and_counts_them_all(sessions: Sessions) -> None:
    await corpus(sessions)
    page = await search(sessions, "iran", limit=2)
    assert (len(page.hits), page.total) == (2, 3)
    assert page.hits[0].score >= page.hits[1].score > 0


async def test_a_word_in_most_articles_is_ranked_among_the_newest(
    sessions: Sessions, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = await corpus(sessions)
    monkeypatch.setattr("storage.search.RANK_WINDOW", 2)
    page = await search(sessions, "iran")
    assert {h.article.id for h in page.hits} == {ids["us"], ids["treaty"]}  # not ids["words"]
    assert (page.total, page.ranked_among) == (2, 2)  # more than 2 match
    dated = await search(sessions, "nuclear", start=date(2000, 1, 1))
    assert ({h.article.id for h in dated.hits}, dated.total) == ({ids["words"], ids["phrase"]}, 2)
    assert dated.ranked_among == 0
    monkeypatch.setattr("storage.search.RANK_WINDOW", 1)
    dated = await search(sessions, "nuclear", start=date(2000, 1, 1))
    assert ([h.article.id for h in dated.hits], dated.ranked_among) == ([ids["words"]], 1)


async def test_a_long_body_gives_a_short_snippet_cut_with_ellipses(sessions: Sessions) -> None:
    await store(sessions, new_article(1, "Banks", LONG_BODY), new_article(2, "Other", FILLER))
    hit = (await search(sessions, "sanctions")).hits[0]
    snippet = hit.snippet
    assert "minister announced new [sanctions] against" in shown(hit)
    assert [snippet[start:end] for start, end in hit.highlights] == ["sanctions"]
    assert snippet.startswith("…") and snippet.endswith("…")
    assert 15 <= len(snippet.split()) <= 31


async def test_hits_deep_in_a_long_text_keep_their_spans(
    sessions: Sessions, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Far past the window ts_headline reads from the start, and with the article's own `*`
    before and after: the spans still point at the hit words, and the cuts say so."""
    monkeypatch.setattr("storage.search.HEADLINE_WINDOW", 2_000)
    body = " ".join(["*Routine* matters of protocol and trade."] * 200) + " " + LONG_BODY
    await store(sessions, new_article(1, "Banks", body), new_article(2, "Other", FILLER))
    [hit] = (await search(sessions, "minister sanctions")).hits
    assert [hit.snippet[start:end] for start, end in hit.highlights] == ["minister", "sanctions"]
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert "[minister] announced new [sanctions] against the banks." in shown(hit)


async def test_the_index_follows_inserts_updates_and_deletes(sessions: Sessions) -> None:
    [first] = await store(sessions, new_article(1, "Caspian summit", FILLER))
    assert await found(sessions, "caspian") == [first]
    async with sessions.begin() as session:
        await session.execute(text("UPDATE articles SET title = 'Ashgabat summit'"))
    assert (await found(sessions, "caspian"), await found(sessions, "ashgabat")) == ([], [first])
    assert await ArticleRepository(sessions).forget(first)
    assert await found(sessions, "ashgabat") == []
    [second] = await store(sessions, new_article(2, "Ashgabat again", FILLER))
    assert await found(sessions, "ashgabat") == [second]


async def test_upgrading_a_0002_database_indexes_its_articles(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        await upgrade_database(engine, "0002")
        async with engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO articles (source, title, date_precision, date_source, text,"
                    " word_count, content_hash, signature, dropped, ingested_at) VALUES"
                    " ('a.txt', 'Old news', 'unknown', '', 'Putin visited Tehran.', 3, 'h1',"
                    " :sig, '[]', :t)"
                ),
                {"sig": b"\x00", "t": datetime.now(UTC)},
            )
        await upgrade_database(engine)
        page = await search(session_factory(engine), "tehran")
        assert [(h.article.title, shown(h)) for h in page.hits] == [
            ("Old news", "Putin visited [Tehran].")
        ]
    finally:
        await engine.dispose()


@pytest.mark.parametrize(
    ("marked", "cut", "expected"),
    [
        (
            "the \ue000nuclear deal\ue001 was",
            (False, False),
            ("the nuclear deal was", ((4, 11), (12, 16))),
        ),
        ("…a\n\n\ue000b\ue001 c…", (False, False), ("…a b c…", ((3, 4),))),
        ("\ue000b\ue001 c", (True, True), ("…b c…", ((1, 2),))),
        ("  \ue000U\ue001.\ue000S\ue001.", (False, False), ("U.S.", ((0, 1), (2, 3)))),
        ("\ue000a\ue001\ue000b\ue001 \ue000\ue001c", (False, False), ("ab c", ((0, 2),))),
        # the article's own asterisks are kept as they are: they are text, not markup
        ("**not** \ue000b\ue001 f***", (False, False), ("**not** b f***", ((8, 9),))),
    ],
)
def test_marked_hits_become_spans(
    marked: str, cut: tuple[bool, bool], expected: tuple[str, tuple[tuple[int, int], ...]]
) -> None:
    assert find_hits(marked, *cut) == expected
