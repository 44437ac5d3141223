"""Name look-ups and autocomplete on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.entity_lookup import EntityLookup, name_variants
from storage.records import NewMention
from tests.storage.test_repositories import article, mention, store

Sessions = async_sessionmaker[AsyncSession]

PUTIN = mention("Vladimir Putin", "vladimir putin", "Vladimir Putin", surname="putin")
PUTIN_TITLED = mention(
    "Russian President Vladimir Putin", "vladimir putin", "Vladimir Putin", surname="putin"
)
PUTIN_BARE = mention("Putin", "vladimir putin", "Vladimir Putin", surname="putin")
ALI = mention("Ali Khamenei", "ali khamenei", "Ali Khamenei", surname="khamenei")
MOJTABA = mention("Mojtaba Khamenei", "mojtaba khamenei", "Mojtaba Khamenei", surname="khamenei")
BARE_KHAMENEI = mention("Ayatollah Khamenei", "khamenei", "Khamenei", surname="khamenei")
ROUHANI = mention("Hassan Rouhani", "hassan rouhani", "Hassan Rouhani", surname="rouhani")
IRAN = mention("Iran", "iran", "Iran", "place")
IRANIAN = mention("Iranian", "iranian", "Iranian", "group")
KREMLIN = mention("the Kremlin", "kremlin", "Kremlin", "org")
ASSAD = mention("Assad’s", "bashar al-assad", "Bashar al-Assad", surname="assad")


async def corpus(sessions: Sessions, *groups: tuple[NewMention, ...]) -> None:
    for n, mentions in enumerate(groups, start=1):
        await store(sessions, article(n, *mentions, published=date(2015, 11, n)))


@pytest.fixture
async def lookup(sessions: Sessions) -> EntityLookup:
    await corpus(
        sessions,
        (PUTIN, PUTIN_TITLED, PUTIN_BARE, IRAN, IRAN, IRANIAN, KREMLIN),
        (PUTIN_BARE, ROUHANI, IRAN, ASSAD),
        (ALI, ALI, MOJTABA),
    )
    return EntityLookup(sessions)


def names(matches: tuple[object, ...]) -> list[str]:
    return [m.name for m in matches]  # type: ignore[attr-defined]


FOUND = {
    "putin": ["Vladimir Putin"],
    "PUTIN": ["Vladimir Putin"],
    "Vladimir Putin": ["Vladimir Putin"],
    "  vladimir   putin  ": ["Vladimir Putin"],
    "vladimir putin's": ["Vladimir Putin"],
    "Vladimir Putin’s": ["Vladimir Putin"],
    "Russian President Vladimir Putin": ["Vladimir Putin"],
    "president putin": ["Vladimir Putin"],
    "vlad": ["Vladimir Putin"],
    "rouhani": ["Hassan Rouhani"],
    "assad": ["Bashar al-Assad"],
    "Assad's": ["Bashar al-Assad"],
    "kremlin": ["Kremlin"],
    "The Kremlin": ["Kremlin"],
    "iran": ["Iran"],  # the exact alias beats the prefix match "iranian"
    "khamenei": ["Ali Khamenei", "Mojtaba Khamenei"],  # the surname of two people
    "nobody": [],
    "": [],
}


async def test_find_entities(lookup: EntityLookup) -> None:
    found = {typed: names(await lookup.find_entities(typed)) for typed in FOUND}
    assert found == FOUND


async def test_ambiguous_candidates_carry_their_mention_counts(lookup: EntityLookup) -> None:
    found = await lookup.find_entities("khamenei")
    assert [(m.name, m.mentions) for m in found] == [("Ali Khamenei", 2), ("Mojtaba Khamenei", 1)]


async def test_a_bare_surname_kept_apart_brings_its_namesakes(sessions: Sessions) -> None:
    await corpus(sessions, (ALI,), (MOJTABA,), (BARE_KHAMENEI,))
    lookup = EntityLookup(sessions)
    assert sorted(names(await lookup.find_entities("Khamenei"))) == [
        "Ali Khamenei",
        "Khamenei",
        "Mojtaba Khamenei",
    ]
    assert names(await lookup.find_entities("Ayatollah Khamenei")) == ["Khamenei"]


async def test_kind_narrows_the_match(lookup: EntityLookup) -> None:
    assert names(await lookup.find_entities("iran", kind="person")) == []
    assert names(await lookup.find_entities("iranian", kind="group")) == ["Iranian"]


CLOSE = {"Putn": ["Vladimir Putin"], "Rouhany": ["Hassan Rouhani"], "zzzz": [], "": []}


async def test_close_names_suggest_what_was_meant(lookup: EntityLookup) -> None:
    assert {typed: await lookup.close_names(typed) for typed in CLOSE} == CLOSE


async def test_suggest_ranks_exact_prefix_then_mentions(lookup: EntityLookup) -> None:
    assert names(await lookup.suggest("ir")) == ["Iran", "Iranian"]
    assert names(await lookup.suggest("IRANIAN")) == ["Iranian"]
    assert names(await lookup.suggest("pu")) == ["Vladimir Putin"]
    assert names(await lookup.suggest("the k")) == ["Kremlin"]
    assert names(await lookup.suggest("x")) == []


async def test_suggest_without_a_prefix_lists_the_most_mentioned(lookup: EntityLookup) -> None:
    found = await lookup.suggest("", limit=2)
    assert names(found) == ["Vladimir Putin", "Iran"]


async def test_suggest_never_offers_more_than_discord_allows(sessions: Sessions) -> None:
    people = tuple(
        mention(f"Anna Example{i}", f"anna example{i}", f"Anna Example{i}", surname=f"example{i}")
        for i in range(30)
    )
    await corpus(sessions, people)
    found = await EntityLookup(sessions).suggest("anna", limit=100)
    assert len(found) == 25


def test_name_variants_cover_possessives_articles_and_apostrophes() -> None:
    variants = name_variants("The Kremlin’s")
    assert {"the kremlin’s", "kremlin", "the kremlin", "kremlin's"} <= set(variants)
