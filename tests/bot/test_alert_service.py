"""The alert service on the sample corpus: what WHAT stands for, one alert per thing, the cards."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.app import Analyst, open_analyst
from bot.errors import UserFacingError
from bot.services.alerts import (
    ENTITY,
    QUOTES,
    SEARCH,
    SPIKES,
    AlertService,
    SpikeCard,
    Watch,
    make_alert_service,
)
from bot.services.people import UnknownNameError
from config.settings import Settings
from storage.alert_fires import ALERT, fire_alerts
from storage.models import Entity, OutboxMessage

GUILD, OTHER, NEWS, DESK, ROLE = 42, 43, 4242, 4343, 77


@pytest.fixture
def db_url(sample_db: str, tmp_path: Path) -> str:
    """A private copy of the ingested samples."""
    copy = tmp_path / "alerts.db"
    shutil.copy(sample_db.removeprefix("sqlite+aiosqlite:///"), copy)
    return f"sqlite+aiosqlite:///{copy}"


@pytest.fixture
async def analyst(db_url: str) -> AsyncIterator[Analyst]:
    async with open_analyst(Settings(database_url=db_url)) as app:  # type: ignore[call-arg]
        yield app


@pytest.fixture
def alerts(analyst: Analyst) -> AlertService:
    return make_alert_service(analyst)


async def entity(analyst: Analyst, name: str) -> int:
    async with analyst.sessions() as session:
        found = await session.scalar(select(Entity.id).where(Entity.name == name))
        assert found is not None
        return found


async def test_what_a_typed_watch_stands_for(analyst: Analyst, alerts: AlertService) -> None:
    putin = await entity(analyst, "Vladimir Putin")
    assert await alerts.read(" SPIKES ") == Watch(SPIKES, "spikes")
    assert await alerts.read("putin") == Watch(ENTITY, "Vladimir Putin", putin)
    assert await alerts.read("Vladimir Putin's") == Watch(ENTITY, "Vladimir Putin", putin)
    assert await alerts.read(f"entity:{putin}") == Watch(ENTITY, "Vladimir Putin", putin)
    assert await alerts.read("Quotes: putin") == Watch(QUOTES, "quotes:Vladimir Putin", putin)
    # a place, words, and query syntax are searches, as /search reads them
    assert await alerts.read("Moscow") == Watch(SEARCH, "Moscow", query="Moscow")
    assert await alerts.read("iran  sanctions") == Watch(
        SEARCH, "iran sanctions", query="iran sanctions"
    )
    assert await alerts.read('"putin said"') == Watch(SEARCH, '"putin said"', query='"putin said"')
    assert await alerts.read("putin -syria") == Watch(SEARCH, "putin -syria", query="putin -syria")
    assert await alerts.read("search:putin") == Watch(SEARCH, "putin", query="putin")


@pytest.mark.parametrize(
    ("what", "message"),
    [
        ("  ", "say what to watch: a name, quotes:NAME, spikes, or words"),
        ("quotes:", "say whose quotes: quotes:NAME, e.g. quotes:putin"),
        ("quotes:moscow", "Moscow is a place: only people and organisations"),
        ("-syria", "not a search alert: say what to search for, not only what to leave out"),
        ("search:", "not a search alert: empty query: say what to search for"),
        ("x" * 301, "an alert's search is at most 300 characters"),
    ],
)
async def test_what_cannot_be_watched_is_said_plainly(
    alerts: AlertService, what: str, message: str
) -> None:
    with pytest.raises(UserFacingError) as refused:
        await alerts.read(what)
    assert refused.value.message == message


async def test_a_speaker_must_resolve(alerts: AlertService) -> None:
    with pytest.raises(UnknownNameError):
        await alerts.read("quotes:Zzyzx Quorble")
    with pytest.raises(UnknownNameError):
        await alerts.read("entity:99999")


async def test_add_list_remove(alerts: AlertService) -> None:
    first = await alerts.add(GUILD, NEWS, "putin", role_id=ROLE, created_by=5)
    assert (first.kind, first.label, first.role_id, first.created_by) == (
        ENTITY, "Vladimir Putin", ROLE, 5,
    )  # fmt: skip
    with pytest.raises(UserFacingError) as again:
        await alerts.add(GUILD, NEWS, "Vladimir Putin")
    assert (
        again.value.message
        == f"already watching Vladimir Putin in that channel (alert #{first.id})"
    )
    assert again.value.for_discord().endswith("remove it with /alert remove first")
    assert again.value.for_cli().endswith(f"`analyst alert remove {first.id}` first")
    second = await alerts.add(GUILD, DESK, "quotes:putin")
    third = await alerts.add(OTHER, NEWS, "spikes")
    assert [a.id for a in await alerts.list(GUILD)] == [first.id, second.id]
    assert [a.id for a in await alerts.list()] == [first.id, second.id, third.id]
    assert [a.id for a in await alerts.choices(GUILD, "quot")] == [second.id]
    assert [a.id for a in await alerts.choices(GUILD, f"#{first.id}")] == [first.id]
    with pytest.raises(UserFacingError, match=f"there is no alert #{third.id} in this server"):
        await alerts.remove(GUILD, third.id)
    assert await alerts.remove(GUILD, first.id) == first
    assert (await alerts.remove(None, third.id)).id == third.id
    assert [a.id for a in await alerts.list()] == [second.id]


async def fired_bodies(analyst: Analyst, article_id: int) -> list[dict[str, object]]:
    """Fire the alerts for an already stored article, as its job's end would; the new bodies."""
    async with analyst.sessions.begin() as session:
        before = await session.scalar(select(OutboxMessage.id).order_by(OutboxMessage.id.desc()))
        await fire_alerts(session, article_id)
        rows = await session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.kind == ALERT, OutboxMessage.id > (before or 0))
            .order_by(OutboxMessage.id)
        )
        return [dict(r.body) for r in rows]


async def test_the_cards_say_why_an_article_matched(analyst: Analyst, alerts: AlertService) -> None:
    named = await alerts.add(GUILD, NEWS, "putin", role_id=ROLE)
    quoted = await alerts.add(GUILD, NEWS, "quotes:putin")
    searched = await alerts.add(GUILD, DESK, "syrian people")
    bodies = await fired_bodies(analyst, 4)  # "Syria on Vladimir Putin's Mind …"
    assert [b["alert_id"] for b in bodies] == [named.id, quoted.id, searched.id]
    cards = [await alerts.card(body) for body in bodies]
    assert all(c is not None and c.article.id == 4 for c in cards)
    entity_card, quotes_card, search_card = cards
    assert entity_card is not None and quotes_card is not None and search_card is not None
    assert (
        entity_card.article.title
        == "Syria on Vladimir Putin's Mind for 1st Trip to Iran in 8 Years"
    )
    assert (entity_card.role_id, entity_card.name, entity_card.label) == (
        ROLE, "Vladimir Putin", "Vladimir Putin",
    )  # fmt: skip
    [sentence] = entity_card.passages
    assert {sentence.text[a:b] for a, b in sentence.highlights} <= {"Putin", "Vladimir Putin"}
    assert sentence.highlights
    assert [(p.text, p.speaker, p.quote_kind) for p in quotes_card.passages] == [
        (
            "No one from the outside can and no one should impose upon the Syrian people any sort "
            "of form of rule, or impose who personally should run this",
            "Vladimir Putin",
            "direct",
        ),
        ("This should be decided only by the Syrian people.", "Vladimir Putin", "direct"),
    ]
    assert quotes_card.role_id is None
    [snippet] = search_card.passages
    words = {snippet.text[a:b].lower() for a, b in snippet.highlights}
    assert words <= {"syrian", "people"} and words
    await alerts.remove(GUILD, named.id)  # removed before its card went out: no card
    assert await alerts.card(bodies[0]) is None
    assert await alerts.card({**bodies[1], "article_id": 999}) is None


async def test_a_spike_card_comes_from_its_body(alerts: AlertService) -> None:
    watch = await alerts.add(GUILD, NEWS, "spikes", role_id=ROLE)
    body = {
        "alert_id": watch.id, "subject": "entity:20", "name": "Vladimir Putin",
        "kind": "person", "day": "2026-12-05", "today": 9, "baseline": 0.5, "role_id": ROLE,
    }  # fmt: skip
    assert await alerts.spike_card(body) == SpikeCard(
        watch.id, "Vladimir Putin", "person", date(2026, 12, 5), 9, 0.5, ROLE
    )
    assert await alerts.spike_card({**body, "day": "someday"}) is None
    await alerts.remove(GUILD, watch.id)
    assert await alerts.spike_card(body) is None
