"""A year or a span of years right after a plan's noun names the plan: no time of a happening.

"a draft manufacturing policy 2021-2025", "the strategic plan 2020-2025", "the National
Development Strategy 2030", "Agenda 2063": a bare year or span of years written straight after
a noun of a plan or programme is part of the plan's name, as "the 2016 film" names a film
(issue 12's "passing mention" class, round 21). The sentence's happening is the speech or the
decision that mentions the plan. Only a bare year or span right after the noun: "the plan in
2021", "the policy, 2021 and beyond", "launched the plan on June 3" keep their dates.
"""

from __future__ import annotations

import re

_PLAN_NOUN = re.compile(
    r"(?i)\b(?:plan|policy|strategy|agenda|vision|programme|program|framework|roadmap"
    r"|blueprint)\s+$"
)
_YEARS = re.compile(r"^(?:1[89]|20)\d\d(?:\s*[-–—/]\s*(?:(?:1[89]|20)\d\d|\d\d))?$")


def names_plan(before: str, written: str) -> bool:
    """Whether a date written `written`, after the text `before` (its sentence up to it), is
    the year or years of a plan's name: 'policy 2021-2025', 'plan 2020-2025', 'Vision 2030'."""
    return bool(_YEARS.match(written.strip())) and bool(_PLAN_NOUN.search(before[-40:]))
