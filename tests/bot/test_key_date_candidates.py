"""Which of a key date's stored sentences weigh its entities and which may tell it (issue 15)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

import bot.services.timeline as timeline_service
from bot.app import open_analyst
from config.settings import Settings
from tests.bot.conftest import Invoke

REPORTS = 15  # more than CENTRAL_PER_DATE, fewer than PER_DATE
WHO = (
    "the mayor", "a fisherman", "the bishop", "two teachers", "a baker", "the harbour master",
    "an engineer", "the opposition leader", "a farmer", "the police chief", "a nurse",
    "the rail union", "a shopkeeper", "the youth club", "a retired judge",
)  # fmt: skip
WHY = (
    "homes by the quay", "the old mill", "the school fields", "the cemetery wall",
    "the bakery cellars", "the ferry ramp", "the pumping station", "the market square",
    "the orchards", "the police station", "the clinic", "the railway sidings",
    "the high street shops", "the sports hall", "the courthouse steps",
)  # fmt: skip


def test_a_busy_date_is_weighed_on_its_best_sentences_and_told_from_more(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert timeline_service.CENTRAL_PER_DATE < REPORTS <= timeline_service.PER_DATE
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n, (who, why) in enumerate(zip(WHO, WHY, strict=True), 1):
        (corpus / f"{n:02d}.txt").write_text(
            f"Barrier vote {n}\ndate 2021-03-04\n\n"
            f"On 3 March 2021 the council approved the flood barrier, {who} said.\n\n"
            f"It should protect {why}, which flooded {n + 1} times since the war.\n",
            encoding="utf-8",
        )
    assert cli("ingest", str(corpus)).exit_code == 0
    weighed: list[int] = []
    told: list[int] = []
    rescore, summarise = timeline_service.rescore, timeline_service.summarise

    def rescored(ranked: Sequence[Any], rows: Sequence[Any]) -> Any:
        weighed.append(len(rows))
        return rescore(ranked, rows)

    def summarised(ranked: Any, rows: Sequence[Any], *args: Any, **kwargs: Any) -> Any:
        told.append(sum(row.event_id > 0 for row in rows))  # leads have negative ids
        return summarise(ranked, rows, *args, **kwargs)

    monkeypatch.setattr(timeline_service, "rescore", rescored)
    monkeypatch.setattr(timeline_service, "summarise", summarised)
    url = f"sqlite+aiosqlite:///{tmp_path / 'analyst.db'}"

    async def ask() -> Any:
        async with open_analyst(Settings(database_url=url)) as analyst:  # type: ignore[call-arg]
            return await analyst.timeline.key_dates(k=1)

    (day,) = asyncio.run(ask()).dates
    assert day.date.isoformat() == "2021-03-03"
    assert weighed == [timeline_service.CENTRAL_PER_DATE]  # the best articles' sentences
    assert told == [REPORTS]  # every sentence read is a candidate to tell the date
