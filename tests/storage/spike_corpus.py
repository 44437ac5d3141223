"""A corpus built day by day for the spike tests: articles naming people, organisations, terms.

`build_series` writes the series every spike test reads, around DAY:
- on each of the 14 days before: one article naming Kaja Kallas once, Emmanuel Macron ten
  times, NATO once, Tallinn (a place) once, and using "summit" once and "budget" ten times;
- on DAY: three articles, each naming Kallas 4 times (12: a spike against 1 a day), Macron 4
  times (12: his usual day), NATO twice (6: exactly three times its smoothed 1 + 1), Tallinn 5
  times (a place: never counted), using "summit" 3 times (9: a spike) and "budget" 4 times,
  and two naming Alar Karis twice (4: a new name below the minimum);
- an undated article and one dated only to DAY's month (stored as its first day) naming
  Kallas twenty times each: neither counts.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.articles import insert_article
from storage.records import NewArticle, NewMention

Sessions = async_sessionmaker[AsyncSession]
DAY = date(2026, 12, 5)
KALLAS, MACRON, NATO, KARIS = "Kaja Kallas", "Emmanuel Macron", "NATO", "Alar Karis"


def mentions(name: str, kind: str, times: int) -> list[NewMention]:
    """`times` mentions of one entity, one a sentence."""
    key = name.casefold()
    return [NewMention(key, kind, name, name, i, 0, len(name)) for i in range(times)]


class SpikeCorpus:
    """Writes numbered articles with the mentions and terms a test asks for."""

    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions
        self.count = 0

    async def article(
        self,
        published: date | None,
        *,
        people: Mapping[str, int] | None = None,
        orgs: Mapping[str, int] | None = None,
        places: Mapping[str, int] | None = None,
        terms: Mapping[str, int] | None = None,
        precision: str = "day",
    ) -> int:
        """Store one article; returns its id."""
        self.count += 1
        n = self.count
        named = [
            m
            for kind, names in (("person", people), ("org", orgs), ("place", places))
            for name, times in (names or {}).items()
            for m in mentions(name, kind, times)
        ]
        new = NewArticle(
            source=f"spikes/{n}.txt",
            canonical_url=f"https://news.example/{n}",
            title=f"Story {n}",
            outlet="The Week",
            author=None,
            published=published,
            date_precision=precision if published else "unknown",
            date_source="header" if published else "",
            text=f"Body of story {n}.",
            content_hash=f"spike-hash-{n}",
            signature=b"\x00" * 8,
            band_keys=(f"0:spike{n}",),
            dropped=(),
            sentences=((0, 0, 16, f"Body of story {n}."),),
            mentions=tuple(named),
            terms=tuple((terms or {}).items()),
        )
        async with self._sessions.begin() as session:
            return await insert_article(session, new)


async def build_series(sessions: Sessions, day: date = DAY) -> SpikeCorpus:
    """The series of the module docstring around `day`."""
    corpus = SpikeCorpus(sessions)
    for back in range(14, 0, -1):
        await corpus.article(
            day - timedelta(days=back),
            people={KALLAS: 1, MACRON: 10},
            orgs={NATO: 1},
            places={"Tallinn": 1},
            terms={"summit": 1, "budget": 10},
        )
    for _ in range(3):
        await corpus.article(
            day,
            people={KALLAS: 4, MACRON: 4},
            orgs={NATO: 2},
            places={"Tallinn": 5},
            terms={"summit": 3, "budget": 4},
        )
    for _ in range(2):
        await corpus.article(day, people={KARIS: 2})
    await corpus.article(None, people={KALLAS: 20})
    await corpus.article(day.replace(day=1), people={KALLAS: 20}, precision="month")
    return corpus
