"""`/summary --topic`'s key dates rank as `/timeline`'s do, later articles naming a day included."""

from __future__ import annotations

from datetime import date, timedelta

from bot.services.summary import KEY_DATES, key_dates
from storage.records_cite import ArticleRef
from storage.summary_repo import DatedEvent

UPRISING = date(2011, 3, 15)
BUSY = [date(2011, 4, 1) + timedelta(days=7 * n) for n in range(KEY_DATES)]
LATER = 100  # the article that looks back at the uprising's day


def _ref(article: int, published: date) -> ArticleRef:
    return ArticleRef(article, f"Story {article}", f"Outlet {article}", published, "day", None, "x")


REFS = {1: _ref(1, UPRISING), LATER: _ref(LATER, date(2011, 9, 1))}
EVENTS = [DatedEvent(1, UPRISING, "day", "on Tuesday", 1)]
for n, day in enumerate(BUSY):  # each busy day reported by two outlets
    for article in (10 + 2 * n, 11 + 2 * n):
        REFS[article] = _ref(article, day)
        EVENTS.append(DatedEvent(article, day, "day", "on Sunday", 1))


def test_a_day_later_articles_still_name_makes_the_cut() -> None:
    assert UPRISING not in [k.date for k in key_dates(EVENTS, REFS)]
    lifted = key_dates(EVENTS, REFS, {UPRISING: [LATER]})
    assert len(lifted) == KEY_DATES
    assert lifted[0].date == UPRISING  # shown oldest first
    # the later article names the day but tells no event of it: evidence, not a source
    assert [r.id for r in lifted[0].refs] == [1]
