"""Quotes by speaker and entity profiles, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.entity_lookup import EntityLookup
from storage.profiles import ProfileRepository
from storage.quotes_repo import QuoteCounts, QuoteFilter, QuotesRepository
from storage.records import NewMention, NewQuote
from tests.storage.test_repositories import article, store

Sessions = async_sessionmaker[AsyncSession]

PUTIN_KEY = ("vladimir putin", "Vladimir Putin", "putin")
ROUHANI_KEY = ("hassan rouhani", "Hassan Rouhani", "rouhani")


def said(text: str, who: tuple[str, str, str], sentence: int = 0, kind: str = "direct") -> NewQuote:
    key, name, surname = who
    return NewQuote(
        text=text,
        kind=kind,
        speaker_text=surname.title(),
        speaker_key=key,
        speaker_kind="person",
        speaker_name=name,
        speaker_surname=surname,
        cue="say",
        sentence=sentence,
        start=sentence * 100,
        end=sentence * 100 + len(text),
    )


def person(key: tuple[str, str, str], sentence: int) -> NewMention:
    name, surname = key[1], key[2]
    return NewMention(
        key=key[0],
        kind="person",
        name=name,
        text=name,
        sentence=sentence,
        start=0,
        end=len(name),
        surname=surname,
    )


def place(name: str, sentence: int) -> NewMention:
    return NewMention(
        key=name.lower(), kind="place", name=name, text=name, sentence=sentence, start=0, end=3
    )


SENTENCES = (
    (0, 0, 40, "In Tehran, Putin spoke about Syria."),
    (1, 41, 90, "Rouhani answered him."),
)


@pytest.fixture
async def putin_id(sessions: Sessions) -> int:
    """Three articles: 2015 (Putin and Rouhani quoted), 2024 (Putin), undated (Putin)."""
    tehran = (person(PUTIN_KEY, 0), place("Tehran", 0), place("Syria", 0), person(ROUHANI_KEY, 1))
    quotes_2015 = (
        said("No one should impose rule on them.", PUTIN_KEY, 0),
        said("The West is in decline.", ROUHANI_KEY, 1),
    )
    await store(
        sessions,
        article(1, *tehran, published=date(2015, 11, 23), sentences=SENTENCES, quotes=quotes_2015),
    )
    await store(
        sessions,
        article(
            2,
            person(PUTIN_KEY, 0),
            published=date(2024, 10, 15),
            quotes=(said("new world order", PUTIN_KEY, kind="partial"),),
        ),
    )
    await store(
        sessions,
        article(3, person(PUTIN_KEY, 0), quotes=(said("truly ground-breaking", PUTIN_KEY),)),
    )
    found = await EntityLookup(sessions).find_entities("putin")
    return found[0].id


async def test_quotes_newest_first_undated_last_and_only_the_speakers(
    sessions: Sessions, putin_id: int
) -> None:
    quotes = await QuotesRepository(sessions).by_speaker(putin_id)
    assert [q.text for q in quotes] == [
        "new world order",
        "No one should impose rule on them.",
        "truly ground-breaking",
    ]
    assert [q.article.id for q in quotes] == [2, 1, 3]
    first = quotes[0]
    assert (first.speaker_name, first.speaker_text, first.kind, first.cue) == (
        "Vladimir Putin",
        "Putin",
        "partial",
        "say",
    )
    assert first.article.published == date(2024, 10, 15)


@pytest.mark.parametrize(
    ("wanted", "texts", "counts"),
    [
        (
            QuoteFilter(),
            ["new world order", "No one should impose rule on them.", "truly ground-breaking"],
            QuoteCounts(total=3, about=3, matched=3, undated_left_out=0),
        ),
        (
            QuoteFilter(topic=("syria",)),  # in the quote's sentence, not the quote
            ["No one should impose rule on them."],
            QuoteCounts(total=3, about=1, matched=1, undated_left_out=0),
        ),
        (
            QuoteFilter(topic=("world", "order")),
            ["new world order"],
            QuoteCounts(total=3, about=1, matched=1, undated_left_out=0),
        ),
        (
            QuoteFilter(start=date(2015, 1, 1), end=date(2015, 12, 31)),
            ["No one should impose rule on them."],
            QuoteCounts(total=3, about=3, matched=1, undated_left_out=1),
        ),
        (
            QuoteFilter(start=date(2016, 1, 1)),
            ["new world order"],
            QuoteCounts(total=3, about=3, matched=1, undated_left_out=1),
        ),
        (
            QuoteFilter(topic=("decline",)),  # Rouhani's words are never Putin's
            [],
            QuoteCounts(total=3, about=0, matched=0, undated_left_out=0),
        ),
        (  # no sentence holds "vladimir", but each quote's sentence names him: the entity
            QuoteFilter(topic=("vladimir", "putin"), topic_text="Vladimir  PUTIN"),
            ["new world order", "No one should impose rule on them.", "truly ground-breaking"],
            QuoteCounts(total=3, about=3, matched=3, undated_left_out=0),
        ),
        (
            QuoteFilter(topic=("vladimir", "putin")),  # the words alone: none holds "vladimir"
            [],
            QuoteCounts(total=3, about=0, matched=0, undated_left_out=0),
        ),
        (  # Rouhani is named in the sentence after Putin's quote, not in its own
            QuoteFilter(topic=("hassan", "rouhani"), topic_text="Hassan Rouhani"),
            [],
            QuoteCounts(total=3, about=0, matched=0, undated_left_out=0),
        ),
    ],
)
async def test_filters_and_counts(
    sessions: Sessions,
    putin_id: int,
    wanted: QuoteFilter,
    texts: list[str],
    counts: QuoteCounts,
) -> None:
    repo = QuotesRepository(sessions)
    found = [q.text for q in await repo.by_speaker(putin_id, wanted)]
    assert found == texts
    assert await repo.counts(putin_id, wanted) == counts


async def test_limit(sessions: Sessions, putin_id: int) -> None:
    quotes = await QuotesRepository(sessions).by_speaker(putin_id, limit=1)
    assert [q.text for q in quotes] == ["new world order"]


async def test_profile_counts_mentions_by_month_and_company(
    sessions: Sessions, putin_id: int
) -> None:
    profile = await ProfileRepository(sessions).profile(putin_id)
    assert profile is not None
    assert (profile.name, profile.kind, profile.mentions, profile.articles) == (
        "Vladimir Putin",
        "person",
        3,
        3,
    )
    assert [(m.year, m.month, m.mentions) for m in profile.months] == [
        (2015, 11, 1),
        (2024, 10, 1),
        (None, None, 1),
    ]
    assert profile.aliases == ("Vladimir Putin",)
    assert profile.first is not None and profile.first.id == 1
    assert profile.last is not None and profile.last.id == 2
    assert [(c.name, c.sentences) for c in profile.others] == [("Syria", 1), ("Tehran", 1)]
    assert profile.people == ()  # Rouhani is in the next sentence, not the same one


async def test_profile_of_an_unknown_id_is_none(sessions: Sessions) -> None:
    assert await ProfileRepository(sessions).profile(999) is None


def test_quote_filter_knows_when_a_range_was_given() -> None:
    assert not QuoteFilter(topic=("x",)).has_range
    assert QuoteFilter(end=date(2015, 1, 1)).has_range
