"""/timeline's key dates fed arbitrary article text: no live link, mention or block markup from
the corpus, every page within Discord's limits, each citation a link to its stored URL only
(issue 15; the same checks as `test_ui_every_renderer`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services.timeline import KEY_THRESHOLD, KeyDate, KeySentence, KeyTimeline, Timeline
from bot.ui.embeds.timeline import (
    ALL_EVENTS,
    KEY_DATES,
    key_block,
    key_dates_answer,
    timeline_answer,
)
from storage.records_cite import ArticleRef
from tests.bot import hostile_records as hostile
from tests.bot.test_ui_every_renderer import CHART, check_embeds

EXAMPLES = settings(max_examples=50, deadline=None)  # each pages a whole answer

key_sentence = st.builds(KeySentence, text=hostile.corpus, ref=hostile.ref)
key_date = st.builds(
    KeyDate,
    date=hostile.days,
    precision=hostile.precision,
    summary=hostile.few(key_sentence, 1, 2),
    score=hostile.finite,
    articles=hostile.count,
    outlets=hostile.count,
    refs=hostile.few(hostile.ref, 0, 5),
)
key_timeline = st.builds(
    KeyTimeline,
    topic=hostile.optional(hostile.corpus),
    start=hostile.optional(hostile.days),
    end=hostile.optional(hostile.days),
    dated_total=hostile.count,
    k=hostile.count,
    dates=hostile.few(key_date, 0, 12),
    undated_total=hostile.count,
)


@EXAMPLES
@given(
    key_timeline,
    st.booleans(),
    hostile.optional(hostile.corpus),
    hostile.optional(hostile.corpus),
)
def test_key_dates(
    key: KeyTimeline, charted: bool, typed_from: str | None, typed_to: str | None
) -> None:
    answer = key_dates_answer(
        key, CHART if charted else None, from_text=typed_from, to_text=typed_to
    )
    check_embeds(answer, key)
    assert answer.suggestions == (ALL_EVENTS,)


@EXAMPLES
@given(hostile.timeline)
def test_the_full_list_offers_key_dates_past_the_threshold(timeline: Timeline) -> None:
    answer = timeline_answer(timeline, None)
    stored = timeline.entries or timeline.undated or timeline.span.first is not None
    busy = bool(stored) and timeline.counts.dated > KEY_THRESHOLD  # an empty store says so alone
    assert (KEY_DATES in answer.suggestions) == busy


REF = ArticleRef(1, "A title", "The Week", date(2024, 10, 15), "day", "https://x.example/a", "a")
FILE = replace(REF, id=2, outlet=None, url=None, source="/srv/analyst/uploads/b_1.txt")


def test_a_block_reads_date_evidence_sentence_and_sources() -> None:
    day = KeyDate(
        date=date(2024, 10, 15),
        precision="day",
        summary=(KeySentence("Putin met *Pezeshkian* @everyone.", REF),),
        score=3.5,
        articles=3,
        outlets=2,
        refs=(REF, FILE),
    )
    assert key_block(day).split("\n") == [
        "**15 Oct 2024** · 3 articles, 2 outlets",
        "Putin met \\*Pezeshkian\\* \\@everyone. · [The Week, 15 Oct 2024](https://x.example/a)",
        "Also: b\\_1.txt, 15 Oct 2024",
    ]
    month = replace(day, precision="month", outlets=0, refs=(REF,))
    assert key_block(month).split("\n")[0] == "**Oct 2024** · 3 articles"
