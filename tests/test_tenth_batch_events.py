"""The tenth batch's event judgments (issue 12): one file per page, well formed.

Checks the files only (CI has no copy of Postlight Parser's repository): each page of the split
has its file, every file loads with `eval.events_real`'s own checks, and the tallies are the ones
eval/data/real_events/README-tenth.md reports.
"""

from __future__ import annotations

import json
from pathlib import Path

from eval.events_real import JUDGMENTS, load_page
from eval.real_pages import TENTH_PREFIX, pages

JUDGED = (
    "by hand, 2026-12-07, helper tenth for issue 12 (tenth batch, development; Analyst at c18d2cb)"
)


def test_every_tenth_page_has_a_well_formed_judgment_file() -> None:
    chosen = pages("tenth")
    events = right = missed = 0
    for page in chosen:
        data = json.loads((JUDGMENTS / f"{page.key}.json").read_text("utf-8"))
        assert data["page"] == page.key and data["url"] == page.url, page.key
        assert data["published"] == page.published and data["judged"] == JUDGED, page.key
        judged = load_page(data)  # refuses a date that does not fit its precision, a bad class
        events += sum(1 for j in judged if not j.missed)
        right += sum(1 for j in judged if j.was_right)
        missed += sum(1 for j in judged if j.missed)
        assert all(j.why for j in judged), page.key
    assert (len(chosen), events, right, missed) == (15, 70, 44, 2)


def test_no_tenth_judgment_file_names_a_page_outside_the_split() -> None:
    keys = {p.key for p in pages("tenth")}
    mine = {p.stem for p in Path(JUDGMENTS).glob("*.json") if p.stem.startswith(TENTH_PREFIX)}
    assert mine == keys
