"""Watchlist alerts: what a guild watches, read once from what a member typed, and the cards
each fire becomes.

WHAT is read in this order: `spikes`; `quotes:NAME` (the speaker must resolve); `search:WORDS`
(a search, whatever the words are); a person or organisation by any alias (an ambiguous name
raises AmbiguousNameError, so Discord can offer the candidates); else a search in the /search
syntax. Words that read as a query (`"phrase"`, `OR`, `-word`) are a search at once. The CLI and
the cogs call this service; cards are built from storage at delivery time, not from the body.
"""

from __future__ import annotations

import builtins
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.errors import UserFacingError
from bot.services.people import AmbiguousNameError, PeopleService, UnknownNameError
from storage.alert_fires import ALERT
from storage.alerts import (
    ENTITY,
    LABEL_LIMIT,
    QUOTES,
    SEARCH,
    SPIKES,
    AlertExistsError,
    AlertRecord,
    AlertRepository,
    Passage,
)
from storage.entity_lookup import EntityMatch
from storage.records_cite import ArticleRef
from storage.search import SearchQueryError, parse_query

__all__ = [  # the cogs and bot.ui take the records from here: they import nothing from storage
    "ALERT",
    "ENTITY",
    "QUOTES",
    "SEARCH",
    "SPIKES",
    "SPIKE_ALERT",
    "AlertCard",
    "AlertRecord",
    "AlertService",
    "ArticleRef",
    "Passage",
    "SpikeCard",
    "make_alert_service",
]

log = logging.getLogger(__name__)

SPIKE_ALERT = "spike_alert"  # the outbox kind the spike watch writes (DESIGN.md)
QUOTES_PREFIX, SEARCH_PREFIX = "quotes:", "search:"
SPEAKING = ("person", "org")  # the kinds an alert may watch by name
CHOICES = 25
_ENTITY_REF = re.compile(r"entity:\d{1,18}")  # a candidate the bot offered
_QUERY_SYNTAX = re.compile(r'"|(?:^|\s)-\S|(?:^|\s)(?:OR|AND|NOT)(?:\s|$)')  # /search's marks


@dataclass(frozen=True)
class Watch:
    """What a typed WHAT stands for: the alert's kind, label, entity or query."""

    kind: str
    label: str
    entity_id: int | None = None
    query: str | None = None


@dataclass(frozen=True)
class AlertCard:
    """An alert fired by an article: the article, and why it matched (the sentence naming the
    entity, the speaker's quotes, or the search snippet with its hits as spans)."""

    alert_id: int
    kind: str
    label: str
    name: str | None  # the watched person or organisation, for entity and quotes alerts
    article: ArticleRef
    passages: tuple[Passage, ...]
    role_id: int | None


@dataclass(frozen=True)
class SpikeCard:
    """A name rising above its baseline, as a spikes alert reports it."""

    alert_id: int
    name: str
    kind: str  # person | organisation | term
    day: date
    today: int
    baseline: float
    role_id: int | None


class _App(Protocol):
    """What the factory needs from the application (bot.app.Analyst)."""

    @property
    def sessions(self) -> async_sessionmaker[AsyncSession]: ...

    @property
    def people(self) -> PeopleService: ...


def make_alert_service(analyst: _App) -> AlertService:
    """The alert service on the application's database and name look-ups."""
    return AlertService(AlertRepository(analyst.sessions), analyst.people)


def _number(value: object) -> int | None:
    """An id from a JSON body: an int, or None when absent or not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


class AlertService:
    """Adds, lists and removes alerts; builds the cards their outbox rows become."""

    def __init__(self, repository: AlertRepository, people: PeopleService) -> None:
        self._repo = repository
        self._people = people

    async def add(
        self,
        guild_id: int,
        channel_id: int,
        what: str,
        *,
        role_id: int | None = None,
        created_by: int | None = None,
    ) -> AlertRecord:
        """Watch WHAT in a channel, pinging the role (if any) on each card."""
        watch = await self.read(what)
        try:
            return await self._repo.add(
                guild_id,
                channel_id,
                watch.kind,
                watch.label,
                entity_id=watch.entity_id,
                query=watch.query,
                role_id=role_id,
                created_by=created_by,
            )
        except AlertExistsError as exc:
            old = exc.existing
            raise UserFacingError(
                f"already watching {old.label} in that channel (alert #{old.id})",
                cli_hint=f"to change it, `analyst alert remove {old.id}` first",
                discord_hint="to change it, remove it with /alert remove first",
            ) from exc

    async def list(self, guild_id: int | None = None) -> builtins.list[AlertRecord]:
        """A guild's alerts, oldest first (every guild's with None)."""
        return await self._repo.list(guild_id)

    async def remove(self, guild_id: int | None, alert_id: int) -> AlertRecord:
        """Stop an alert of this guild (any guild with None); a clear error when none is."""
        removed = await self._repo.remove(alert_id, guild_id=guild_id)
        if removed is None:
            where = "" if guild_id is None else " in this server"
            raise UserFacingError(f"there is no alert #{alert_id}{where}")
        return removed

    async def choices(self, guild_id: int, typed: str) -> builtins.list[AlertRecord]:
        """A guild's alerts whose number or label holds what was typed, at most 25."""
        key = typed.strip().lstrip("#").casefold()
        found = [
            a
            for a in await self._repo.list(guild_id)
            if not key or key in a.label.casefold() or str(a.id).startswith(key)
        ]
        return found[:CHOICES]

    # -- reading WHAT ------------------------------------------------------------------------
    async def read(self, what: str) -> Watch:
        """What a typed WHAT stands for; a clear error when it stands for nothing."""
        text = " ".join(what.split())
        lowered = text.casefold()
        if not text:
            raise UserFacingError("say what to watch: a name, quotes:NAME, spikes, or words")
        if lowered == SPIKES:
            return Watch(SPIKES, SPIKES)
        if lowered.startswith(QUOTES_PREFIX):
            speaker = await self._speaker(text[len(QUOTES_PREFIX) :].strip())
            return Watch(QUOTES, f"{QUOTES_PREFIX}{speaker.name}", speaker.id)
        if lowered.startswith(SEARCH_PREFIX):
            return _search(text[len(SEARCH_PREFIX) :])
        entity = None if _QUERY_SYNTAX.search(text) else await self._entity(text)
        if entity is not None:
            return Watch(ENTITY, entity.name, entity.id)
        return _search(text)

    async def _speaker(self, name: str) -> EntityMatch:
        """The person or organisation whose quotes are watched: it must resolve."""
        if not name:
            raise UserFacingError("say whose quotes: quotes:NAME, e.g. quotes:putin")
        try:
            found = await self._people.find_entity(name)
        except AmbiguousNameError as error:
            return _one_speaking(error)
        if found.kind not in SPEAKING:
            raise UserFacingError(f"{found.name} is a {found.kind}: only people and organisations")
        return found

    async def _entity(self, name: str) -> EntityMatch | None:
        """The person or organisation a name stands for; None when it is none (a search)."""
        try:
            found = await self._people.find_entity(name)
        except AmbiguousNameError as error:
            speaking = [m for m in error.matches if m.kind in SPEAKING]
            return _one_speaking(error) if speaking else None
        except UnknownNameError:
            if _ENTITY_REF.fullmatch(name):
                raise
            return None
        if found.kind in SPEAKING:
            return found
        if _ENTITY_REF.fullmatch(name):
            raise UserFacingError(f"{found.name} is a {found.kind}: only people and organisations")
        return None

    # -- cards -------------------------------------------------------------------------------
    async def card(self, body: Mapping[str, object]) -> AlertCard | None:
        """The card an `alert` outbox row becomes; None when the alert or article is gone."""
        alert_id, article_id = _number(body.get("alert_id")), _number(body.get("article_id"))
        alert = await self._repo.get(alert_id) if alert_id is not None else None
        article = await self._repo.article(article_id) if article_id is not None else None
        if alert is None or article is None:
            log.info("alert %s for article %s: gone, no card", alert_id, article_id)
            return None
        kind = str(body.get("kind") or alert.kind)
        return AlertCard(
            alert_id=alert.id,
            kind=kind,
            label=str(body.get("label") or alert.label),
            name=alert.name,
            article=article,
            passages=await self._passages(kind, alert, article.id, body),
            role_id=_number(body.get("role_id")),
        )

    async def _passages(
        self, kind: str, alert: AlertRecord, article_id: int, body: Mapping[str, object]
    ) -> tuple[Passage, ...]:
        """Why the article matched, read from storage."""
        if kind == ENTITY and alert.entity_id is not None:
            named = await self._repo.mention_passage(article_id, alert.entity_id)
            return (named,) if named else ()
        if kind == QUOTES:
            raw = body.get("quote_ids")
            ids = [n for n in map(_number, raw if isinstance(raw, list) else []) if n is not None]
            return tuple(await self._repo.quote_passages(article_id, ids))
        if kind == SEARCH and alert.query:
            try:
                query = parse_query(alert.query)
            except SearchQueryError:
                return ()
            found = await self._repo.search_passage(query, article_id)
            return (found,) if found else ()
        return ()

    async def spike_card(self, body: Mapping[str, object]) -> SpikeCard | None:
        """The card a `spike_alert` outbox row becomes; None when the alert is gone."""
        alert_id = _number(body.get("alert_id"))
        if alert_id is None or await self._repo.get(alert_id) is None:
            return None
        try:
            day = date.fromisoformat(str(body.get("day")))
            today, baseline = int(str(body.get("today"))), float(str(body.get("baseline")))
        except ValueError:
            log.warning("spike alert body unreadable: %r", body)
            return None
        return SpikeCard(
            alert_id=alert_id,
            name=str(body.get("name") or body.get("subject") or "?"),
            kind=str(body.get("kind") or "term"),
            day=day,
            today=today,
            baseline=baseline,
            role_id=_number(body.get("role_id")),
        )


def _one_speaking(error: AmbiguousNameError) -> EntityMatch:
    """The one person or organisation among an ambiguous name's candidates, else the error
    again with those candidates only (Discord offers them to pick from)."""
    speaking = tuple(m for m in error.matches if m.kind in SPEAKING)
    if len(speaking) == 1:
        return speaking[0]
    raise AmbiguousNameError(error.name, speaking or error.matches) from None


def _search(raw: str) -> Watch:
    """A search alert on the query, checked as /search checks it."""
    shown = " ".join(raw.split())
    if len(shown) > LABEL_LIMIT:
        raise UserFacingError(f"an alert's search is at most {LABEL_LIMIT} characters")
    try:
        parse_query(shown)
    except SearchQueryError as exc:
        raise UserFacingError(f"not a search alert: {exc}") from exc
    return Watch(SEARCH, shown, query=shown)
