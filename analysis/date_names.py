"""Date words that name or count nothing on the calendar: folder names, show titles, "on a
Tuesday", decades, rolling periods and magazine issues (issue 12, round 13).

`analysis.date_scenes.name_spans` already keeps titles in title case ('“Two Days in March”')
and "NBC's Today" from being read as dates; these are the shapes it leaves, each seen on
Postlight's parser fixtures (round 13's development pages):

- a relative word quoted alone, capitalised: 'the “Today” folder', 'limit “Today” emails';
- a capitalised relative word after a lower-case word: 'the Legends of Tomorrow cast';
- a weekday "on a" (adjective) names no week: 'on a Sunday morning', 'On a chilly Tuesday in
  December 1999' (the month and year still date the sentence);
- a decade written with an apostrophe: 'in the late 1980’s' (not the year 1980);
- "the last year", "the past month": a rolling period up to now, not the calendar year before
  ('one of the most persistent narratives of the last year');
- "today's" before a word of what holds nowadays: 'at today’s low interest rates', 'sign up
  to get today's top stories' (not "today's vote");
- the attacks of September 11, 2001 named by their day (round 14): "denied any role in the
  Sept. 11 attacks", "invoked the Sept. 11, 2001, terrorist attacks", "the 11 September
  hijackers": the name tells no happening of the sentence (and a yearless day would take the
  year of writing); "the attacks of Sept. 11, 2001" and "on Sept. 11, 2001" stay dates;
- the date of a magazine's issue: 'appears in the September 5, 2016 issue', "GQ's January 2017
  issue is on newsstands Dec. 20" (the issue's date names the issue and lends no year).
"""

from __future__ import annotations

import re

_RELATIVE = r"(?:Today|Tonight|Tomorrow|Yesterday)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?i:morning|afternoon|evening|night)"
# what is so nowadays, not on the day of writing: "today's low rates", "today's top stories"
_NOWADAYS = (
    "low|high|top|modern|young|current|typical|average|contemporary|life|lives|society"
    "|generation|standards|culture|youth|kids|children|teens|workplace|economy|refugees|students"
    "|workers|youngsters|consumers|parents|teenagers|millennials|politicians|journalists"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
# "the Sept. 11 attacks", "the September 11th hijackers", "the 11 September terror attacks"
_NINE_ELEVEN = (
    r"(?:(?<=[Tt]he )((?:Sept?\.?|September) 11(?:th)?(?:, 2001)?|11(?:th)? September(?: 2001)?),? "
    r"|(?<![Oo]n )(?<![Bb]y )\b((?:Sept?\.?|September) 11(?:th)?|11(?:th)? September) )"
    r"(?=(?:terror(?:ist)? )?"
    r"(?:attacks?|attackers|hijack(?:ing|ings|ers)?|plot(?:ters)?|[Cc]ommission|victims|terror"
    r"|memorial|[Mm]useum|anniversary|families|era|suicide|bombers|strikes)\b)"
)
_DECADE = r"((?:1[89]|20)\d0)(?=[’']s\b)"
_ISSUE = r"(?:issue|edition)"
# Each pattern with, where one is cheap to look for, a key: a part every match contains (with
# the pattern's flags), so that a text without it is not scanned by the pattern.
_PATTERNS: tuple[tuple[re.Pattern[str], re.Pattern[str] | None], ...] = tuple(
    (re.compile(pattern), None if key is None else re.compile(key))
    for pattern, key in (
        (_NINE_ELEVEN, r"Sep|11(?:th)? September"),
        (rf"(?<=[“\"‘]){_RELATIVE}(?=[”\"’](?!\w))", _RELATIVE),  # 'the “Today” folder'
        (rf"(?<=\b[a-z]{{2}} ){_RELATIVE}\b", _RELATIVE),  # 'the Legends of Tomorrow cast'
        (rf"(?i:\bon an? (?:[a-z]+ )?)({_WEEKDAY}(?: {_PART})?)\b", None),  # 'on a Sunday morning'
        (rf"(?i:\btoday)(?=[’']s (?:{_NOWADAYS})\b)", None),  # "at today's low interest rates"
        (rf"(?i:\b(?:the|early|mid|late)[\s-]+){_DECADE}", _DECADE),
        (r"(?i)\bthe (?:last|past) (?:year|month|week)\b(?! (?:of|in|before|after)\b)", None),
        (
            rf"\b({_MONTH}(?: \d{{1,2}},?)?(?: (?:1[89]|20)\d\d)?),? (?=(?:issue|edition)s?\b)",
            _ISSUE,
        ),
    )
)


def nameless_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of date words that date nothing (see the module docstring)."""
    spans = []
    for pattern, key in _PATTERNS:
        if key is not None and not key.search(text):
            continue
        for match in pattern.finditer(text):
            group = next((k for k in range(1, pattern.groups + 1) if match.group(k)), 0)
            spans.append(match.span(group))
    return spans
