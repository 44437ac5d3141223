"""Dates a sentence compares with or concedes, read from the words before them (round 16).

- The base of a comparison with "than": "Consumers spent more in March than they did in
  February", "sales rose 5 percent, more than they did the same month last year", "prices
  were higher than in January". The sentence tells what happened in March; February is what it
  is measured against (a reference point). The parser hangs such a clause in several ways (an
  `advcl` marked "than", a "did" read as an auxiliary of the date's preposition), so the words
  are read: "than", at most a few words of a subject and a pro-verb ("did", "was", "had"), then
  the date; or "than" and a thing of that date ("eight times worse than the Exxon Valdez spill
  in 1989"). "More than a year ago" is a hedge on the date itself and stays, and so does a
  count ("more than 200 murders in 2019", "more than a dozen governors joined Jindal on
  Monday": no definite determiner after "than").
- A measure repeated with "so": "64 percent call him competent, after 55 percent said so in
  December", "while only a third did so in June": the earlier reading is the base.
- The base of a change written after its figure: "Net asset value was S$2.06 as at Aug 31, down
  from S$2.16 as at Aug 31 last year", "unemployment fell to 4 percent, down from 4.3 percent in
  March": the earlier reading is the base (round 25), whatever the parser hangs it on.
- The base of a change written after its amount, the date right after "from": "down five
  points from early last month" (round 31).
- What a counted span runs from: "11 weeks after the runaway well was capped July 15", "three
  days before the vote on Nov. 3" (round 31): the sentence's time lies that span away.
- The thing a "since" brings, dated after it: "Prices have risen since the crash in 2008", "has
  evolved since the lawyer's win in 1990": the point the span counts from (round 25), however the
  parser hangs the date.
- A thing conceded whatever it turns out to be: "Whatever the outcome of the May 7 runoff, the
  party will stay divided", "regardless of Tuesday's result", "no matter what happens in
  June": the sentence says what holds either way, so the date is no time of its happening.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis.types import ResolvedDate

_WORD = r"[\w’'-]+"
_PRO_VERB = r"(?:did|do|does|had|has|have|was|were|is|are|would|could)"
# after the pro-verb only words that lead to the date: "than they did the same month last year";
# not "than 10 protests are planned for this week" (a count, and a verb of its own)
_LEAD = r"(?:in|on|at|during|for|by|from|over|of|the|same|a|an|that|this|back|earlier|then|so)"
_THAN = re.compile(
    rf"(?i)\bthan\s+(?:(?:{_WORD}\s+){{1,3}}{_PRO_VERB}\s+(?:{_LEAD},?\s+){{0,3}}"
    r"|(?:in|on|at|during|for|by|from)\s+|(?:that\s+of\s+)"
    # "eight times worse than the Exxon Valdez spill in 1989", "than the 1989 spill"
    rf"|(?:the|that|those|its|his|her|their|this)\s+(?:{_WORD}\s+){{0,4}}"
    r"(?:(?:in|of|during|on|from)\s+)?)$"
)
# a measure repeated with "so" ("64 percent call him competent, after 55 percent said so in
# December", "while only a third did so in June"): the earlier reading is the base
_SO = re.compile(
    rf"(?i)\b(?:after|while|whereas|when|against|compared\s+with)\s+(?:{_WORD}\s+){{1,4}}"
    r"(?:said|did|thought|felt|believed|answered|responded|do|does)\s+so\s+"
    r"(?:(?:in|on|at|during|by|back\s+in)\s+)?$"
)
_CONCEDED = re.compile(
    r"(?i)\b(?:whatever|regardless\s+of|no\s+matter|irrespective\s+of)\b[^,;:.!?()\"“”]*$"
)
# the base of a change written after its figure: "down from S$2.16 as at Aug 31 last year",
# "up from 4.1 percent in March" (round 25: the parser may hang the date on the main verb)
_CHANGE_BASE = re.compile(
    r"(?i)\b(?:up|down|higher|lower|unchanged|flat)\s+from\s+(?:[a-z]{0,3}[$€£¥]\s?)?\d[\d.,]*"
    r"\s*(?:%|percent\b|per\s+cent\b|(?:million|billion|trillion|bn|points?|pence|cents?)\b)?"
    r"\s*(?:(?:as\s+(?:at|of)|at|in|on|by|for)\s+)?$"
)
_COUNT = (
    r"(?:\d[\d.,]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
    r"|twenty|thirty|forty|fifty|a\s+few|several|half\s+a)"
)
# the base of a change written after its amount, the date right after "from": "rating stood at
# 45%, down five points from early last month", "sales were up 12 percent from last year"
# (round 31): the earlier reading the change is counted from
_CHANGE_FROM = re.compile(
    rf"(?i)\b(?:up|down)\s+(?:by\s+)?(?:[a-z]{{0,3}}[$€£¥]\s?)?{_COUNT}\s*"
    r"(?:%|percent\b|per\s+cent\b|percentage\s+points?\b|points?\b|million\b|billion\b"
    r"|trillion\b|bn\b|pence\b|cents?\b|dollars?\b|pounds?\b)?\s*from\s+$"
)
# a date on what a counted span runs from or to: "On Friday, 11 weeks after the runaway well was
# capped July 15, Allen announced", "three days before the vote on Nov. 3" (round 31): the point
# the span is counted from, the sentence's time lying that span away from it
_SPAN_FROM = re.compile(
    rf"(?i)\b{_COUNT}\s+(?:hours?|days?|weeks?|months?|years?)\s+(?:after|before)\s+"
    r"(?:[\w’'-]+\s+){0,8}(?:(?:on|in|at|of)\s+)?$"
)
# a date on the noun a 'since' brings, which the parser hangs on the verb: "Prices have risen since
# the crash in 2008", "has evolved since the lawyer's trailblazing win in 1990" (round 25): the
# point the span starts from
_SINCE_THING = re.compile(
    r"(?i)\bsince\s+(?:the|a|an|his|her|its|their|our|this|that|[\w’'-]+(?:['’]s)?)\s+"
    r"(?:[\w’'-]+\s+){0,7}(?:(?:in|on|of|during|at)\s+)?$"
)
_WINDOW = 80


def compared(text: str, sentence_start: int, dates: Sequence[ResolvedDate]) -> list[bool]:
    """For each date, whether it is the base of a 'than' comparison or a thing conceded."""
    found = []
    for date in dates:
        before = text[max(sentence_start, date.start - _WINDOW) : date.start]
        hedge = "ago" in date.text.lower() or date.text.lower().startswith(("than", "more"))
        found.append(
            not hedge
            and any(
                p.search(before) is not None
                for p in (
                    _THAN,
                    _SO,
                    _CONCEDED,
                    _CHANGE_BASE,
                    _CHANGE_FROM,
                    _SPAN_FROM,
                    _SINCE_THING,
                )
            )
        )
    return found
