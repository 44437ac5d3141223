"""Issue 12, round 31 (`analysis.events._verb`): a clock time's "am" is no verb, so a wire stamp
the splitter left as a sentence of its own ("ROME | Tue Mar 5, 2024 9:41 am EST ROME (Reuters)
-") is verbless and dates nothing; invented sentences."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

WRITTEN = date(2024, 3, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the stamp alone: no event; the story's own day stays
        ("OSLO | Tue Mar 5, 2024 9:41 am EST OSLO (Reuters) - Shares in Oslo-based Nordfisk fell "
         "3 percent on Tuesday after the company cut its forecast.", ["2024-03-05"]),
        # guards: a clock time in a sentence with a verb, a headline over its stamp
        ("The vote at 11:30 am on Monday was short.", ["2024-03-04"]),
        ("Five schools shut because of flu Tuesday 5 March 2024 14.37 GMT", ["2024-03-05"]),
    ],
)  # fmt: skip
def test_a_stamp_alone_dates_nothing(nlp: Language, text: str, expected: list[str]) -> None:
    assert event_dates(nlp, text, WRITTEN) == expected
