"""People and organisations: resolve a typed name, their quotes, their profile.

The CLI and the Discord cogs call this service and hand its answers to `bot.render.quotes` and
`bot.render.who`; every bad name or date becomes one `UserFacingError` line.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.errors import UserFacingError
from bot.services.ranges import date_range
from storage.entity_lookup import EntityLookup, EntityMatch, normalise
from storage.profiles import EntityProfile, ProfileRepository
from storage.quotes_repo import (
    ArticleQuote,
    QuoteCounts,
    QuoteFilter,
    QuoteRecord,
    QuotesRepository,
)
from storage.topics import TopicRepository

log = logging.getLogger(__name__)

MAX_CANDIDATES = 5
_WORD = re.compile(r"[\w'’-]+")
_ENTITY_REF = re.compile(r"entity:(\d{1,18})")  # a choice the bot offered: one entity by id


class AmbiguousNameError(UserFacingError):
    """A typed name stands for several entities: the message lists them, and front ends that
    can offer a choice (Discord's select menu) read the candidates."""

    def __init__(self, name: str, matches: tuple[EntityMatch, ...]) -> None:
        super().__init__(ambiguous_message(name, matches))
        self.name = name
        self.matches = matches


class UnknownNameError(UserFacingError):
    """No entity goes by a typed name; `close` holds the nearest names (possibly none)."""

    def __init__(self, name: str, close: list[str]) -> None:
        super().__init__(unknown_message(name, close))
        self.name = name
        self.close = close


def entity_choice(match: EntityMatch) -> str:
    """The value a front end passes back for a picked candidate: unambiguous even when two
    entities share a name."""
    return f"entity:{match.id}"


@dataclass(frozen=True)
class QuotesAnswer:
    """What `quotes SPEAKER` found: the resolved speaker, the filter and the quotes."""

    speaker: EntityMatch
    topic: str | None
    start: date | None
    end: date | None
    quotes: tuple[QuoteRecord, ...]
    counts: QuoteCounts


@dataclass(frozen=True)
class WhoAnswer:
    """What `who NAME` found: the profile, the latest quotes and how many there are in all."""

    profile: EntityProfile
    quotes: tuple[QuoteRecord, ...]
    quote_count: int


def _candidate(match: EntityMatch, names: list[str]) -> str:
    kind = f"{match.kind}, " if names.count(match.name) > 1 else ""
    return f"{match.name} ({kind}{match.mentions})"


def ambiguous_message(name: str, matches: tuple[EntityMatch, ...]) -> str:
    """“khamenei” could be: Ali Khamenei (12), Mojtaba Khamenei (3) — be more specific."""
    names = [m.name for m in matches]
    listed = ", ".join(_candidate(m, names) for m in matches[:MAX_CANDIDATES])
    more = f" and {len(matches) - MAX_CANDIDATES} more" if len(matches) > MAX_CANDIDATES else ""
    return f"“{name.strip()}” could be: {listed}{more} — be more specific"


def unknown_message(name: str, close: list[str]) -> str:
    """No one called “Putn” in the corpus. Did you mean: Vladimir Putin?"""
    head = f"No one called “{name.strip()}” in the corpus."
    return f"{head} Did you mean: {', '.join(close)}?" if close else head


def topic_words(topic: str | None) -> tuple[str, ...]:
    """The words a topic filter requires, lower case."""
    return tuple(dict.fromkeys(w.lower() for w in _WORD.findall(topic or "")))


class PeopleService:
    """Name look-ups, quotes and profiles over one database."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self.lookup = EntityLookup(sessions)
        self.quotes_repo = QuotesRepository(sessions)
        self.profiles = ProfileRepository(sessions)
        self.topics = TopicRepository(sessions)

    async def find_entity(self, name: str, kind: str | None = None) -> EntityMatch:
        """The one entity a typed name stands for; ambiguous or unknown names raise."""
        if not normalise(name):
            raise UserFacingError("give a name to look up, e.g. putin")
        picked = _ENTITY_REF.fullmatch(name.strip())
        if picked:
            found = await self.lookup.get(int(picked.group(1)))
            if found is None:
                raise UnknownNameError(name, [])
            return found
        matches = await self.lookup.find_entities(name, kind)
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise AmbiguousNameError(name, matches)
        raise UnknownNameError(name, await self.lookup.close_names(name, kind))

    async def suggest(
        self, prefix: str, kind: str | None = None, limit: int = 25
    ) -> tuple[EntityMatch, ...]:
        """Autocomplete choices: names starting with the prefix, most mentioned first."""
        return await self.lookup.suggest(prefix, kind, limit)

    async def article_quotes(self, article_id: int) -> list[ArticleQuote]:
        """Every quote stored for one article, linked or not (`analyst article N --quotes`)."""
        return await self.quotes_repo.in_article(article_id)

    async def suggest_topics(self, prefix: str, limit: int = 25) -> list[str]:
        """Topic autocomplete: entity names and frequent terms starting with the prefix, the
        exact match first, then by mentions (names) or articles (terms), each spelling once."""
        names = await self.suggest(prefix, limit=limit)
        terms = await self.topics.terms(prefix, limit)
        key = prefix.casefold()
        ranked = sorted(
            [(m.name, m.mentions) for m in names] + [(t.term, t.articles) for t in terms],
            key=lambda pair: (pair[0].casefold() != key, -pair[1]),
        )
        unique: dict[str, str] = {}
        for name, _count in ranked:
            unique.setdefault(name.casefold(), name)
        return list(unique.values())[:limit]

    async def quotes(
        self,
        speaker: str,
        topic: str | None = None,
        start: str | None = None,
        end: str | None = None,
        limit: int = 20,
    ) -> QuotesAnswer:
        """Quotes by a person or organisation, newest first, filtered by topic and dates."""
        first, last = date_range(start, end)
        who = await self.find_entity(speaker)
        wanted = QuoteFilter(topic_words(topic), first, last, topic_text=topic or "")
        found = await self.quotes_repo.by_speaker(who.id, wanted, limit)
        counts = await self.quotes_repo.counts(who.id, wanted)
        log.debug("quotes by %s: %d of %d", who.name, len(found), counts.matched)
        return QuotesAnswer(
            speaker=who,
            topic=" ".join(wanted.topic) or None,
            start=first,
            end=last,
            quotes=tuple(found),
            counts=counts,
        )

    async def who(self, name: str, quotes: int = 3) -> WhoAnswer:
        """A profile of the entity a name stands for, with its latest quotes."""
        entity = await self.find_entity(name)
        profile = await self.profiles.profile(entity.id)
        if profile is None:  # deleted between the two reads
            raise UnknownNameError(name, [])
        latest = await self.quotes_repo.by_speaker(entity.id, limit=quotes)
        total = await self.profiles.quote_count(entity.id)
        return WhoAnswer(profile=profile, quotes=tuple(latest), quote_count=total)
