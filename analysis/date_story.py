"""The years a text sets its story in, for dates written without their year.

"In 2005, Hurricane Dennis made landfall ... on July 10" is July 10, 2005, not July 10 of the
year the article was published. A year opening a sentence ("In 2005, ...") holds for the rest
of its paragraph, until a sentence opens on a time of its own ("Last summer, ..."); a year
written inside a sentence ("On June 3, 1999, ... and June 4") holds for the rest of that
sentence. Reference points ("since 2007", "until 2030") and a year inside a relative clause
("Internet gambling, which became legal in late 2013, ...") set no year.

A text told in an earlier year carries that year across sentences and paragraphs (`carried`):
"He returned to Iraq in December 2002 ... The war began in March 2003." then "In January, ..."
is January 2003 when the last scene date has its month, is before the writing, and the scene
date with a month before it is of the same or the year before, and no time of the writing's
present ("last week", "now", "on Monday") comes between it and the yearless date. A year alone
("In 2012, Obama won Ohio.") or a date naming a thing ("the firm's May 2008 contract") sets no
such story: a passing mention, after which the text returns to its present. One scene day with
its year is enough for a yearless day that follows it within a month of that year (round 21):
"... the job on December 16, 2010." then "She returned to the property on December 27" is
December 27, 2010 (a story of 2010 told in 2012), not the December before the writing; a
yearless day before it in its year ("on December 2") or further on is left to the rules above.
"""

from __future__ import annotations

import re
from datetime import date

from analysis.types import Precision, ResolvedDate

_NOT_A_SCENE = re.compile(
    r"(?i)(?:since|until|till|by|before|after|through|from|than|to|compared\s+(?:to|with))"
    r"(?:\s+the)?\s*$"
)
# A relative clause set off by a comma, still open at the date: it describes a noun, and its
# year is that noun's, not the year the story is set in.
_DESCRIBING = re.compile(r",\s+(?:which|who|whose)\b[^,;.!?()\"“”]*$")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+[\"“‘(]?[A-Z]|\n")
_NEW_TIME = re.compile(
    r"[\"“‘(]?(?:\w+\s+){0,3}?(?i:summer|winter|spring|fall|autumn|year|month|week|season"
    r"|today|yesterday|now|currently|recently|later|earlier|since|until|ago|monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday)\b[^,.;]{0,30},"
)
_OPENING = re.compile(r"(?:^|[.!?][\"”’)]*\s+|\n)\s*$")
# A time told from the writing's present: a text that says it has come back to its own days.
_PRESENT_TIME = re.compile(
    r"(?i)\b(?:today|tonight|yesterday|tomorrow|now|nowadays|currently|ago|so\s+far"
    r"|(?:this|last|next|past|coming)\s+(?:week|month|year|night|weekend|spring|summer|autumn"
    r"|fall|winter|morning|afternoon|evening|january|february|march|april|may|june|july"
    r"|august|september|october|november|december)s?)\b"
    r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    # "over the past few months", "in the last two years", "in recent weeks" (round 25)
    r"|(?:\b(?:past|last|coming|next)\s+(?:few|several|couple\s+of|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(?:days|weeks|months|years)\b"
    r"|\bin\s+recent\s+(?:days|weeks|months|years)\b)"
)
_WITH_MONTH = frozenset({Precision.DAY, Precision.MONTH})
# A date inside a noun's words names the thing, not the time told: "the firm's May 2008 deal",
# "the May 12, 2004 memo" (the date's match holds its "the").
_NAMING = re.compile(r"(?i)(?:['’]s|\b(?:the|a|an|its|their|his|her|this|that))\s+$")
_THE_DATE = re.compile(r"(?i)the\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_WORD = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# "on December 27", "Dec. 27", "27 December": the month and day of a yearless day's words
_DAY_WORDS = re.compile(
    rf"(?i:on\s+)?(?:(?P<month>{_MONTH_WORD})\s+(?P<day>\d{{1,2}})\b"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH_WORD}))"
)
_FOLLOW_DAYS = 31  # a yearless day within a month after a scene day continues its story


class Story:
    """The story years one text has set so far, in reading order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.marks: list[tuple[int, int, int, bool]] = []  # start, end, year, opens a sentence
        self.told: list[tuple[int, int, bool]] = []  # end, year, a scene date with its month
        self.days: list[tuple[int, date]] = []  # end, value: the scene days written with a year

    def note(self, match: re.Match[str], resolved: ResolvedDate) -> bool:
        """Record a date written with its year; False when it is a reference point."""
        before = self.text[max(0, match.start() - 40) : match.start()]
        lead = match.group(0).split(maxsplit=1)[0]
        if _NOT_A_SCENE.search(before + " " + lead + " ") or resolved.value is None:
            return False
        if _DESCRIBING.search(self.text[max(0, match.start() - 120) : match.start()]):
            return False  # "Internet gambling, which became legal in late 2013, ... in October"
        opens = bool(_OPENING.search(before)) or match.start() == 0
        opens = opens and self.text[match.end() : match.end() + 1] == ","
        self.marks.append((match.start(), match.end(), resolved.value.year, opens))
        naming = bool(_NAMING.search(before) or _THE_DATE.match(match.group(0)))
        told = resolved.precision in _WITH_MONTH and not naming
        self.told.append((match.end(), resolved.value.year, told))
        if told and resolved.precision is Precision.DAY:
            self.days.append((match.end(), resolved.value))
        return True

    def carried(self, position: int, now: int) -> int | None:
        """The earlier year a text is told in at `position`, written `now`: the year of the last
        scene date when it has its month ("in March 2003", not "in 1998" or "the May 2008
        deal"), is before `now` and the scene date with a month before it is of the same or the
        year before, and nothing from the writing's present ("last week", "now") comes after it
        up to the end of this sentence."""
        before = [mark for mark in self.told if mark[0] <= position]
        if not before or not before[-1][2]:
            return None  # the last scene date a year alone, or naming a thing
        end, year, _ = before[-1]
        earlier = [told for _, told, with_month in before[:-1] if with_month]
        if year >= now:
            return None
        if not earlier and self._follows(end, position):
            earlier = [year]  # "on December 16, 2010." then "on December 27": a story of 2010
        if not earlier or earlier[-1] not in (year, year - 1):
            return None
        ends = _SENTENCE_END.search(self.text, position)
        if _PRESENT_TIME.search(self.text, end, ends.start() + 1 if ends else len(self.text)):
            return None
        return year

    def _follows(self, end: int, position: int) -> bool:
        """Whether the yearless day written at `position` falls within a month after the scene
        day that ends at `end`, in that day's year ('December 16, 2010' ... 'December 27')."""
        scene = next((day for stop, day in self.days if stop == end), None)
        words = _DAY_WORDS.match(self.text, position)
        if scene is None or words is None:
            return False
        month = _MONTHS.index((words.group("month") or words.group("month2"))[:3].lower()) + 1
        try:
            then = date(scene.year, month, int(words.group("day") or words.group("day2")))
        except ValueError:
            return False
        return 0 < then.toordinal() - scene.toordinal() <= _FOLLOW_DAYS

    def year_at(self, position: int) -> int | None:
        """The story's year at `position`: its sentence's, else its paragraph's opening one,
        until a sentence opens on a time of its own ("Last summer, ...")."""
        for start, end, year, opens in reversed(self.marks):
            if "\n" in self.text[start:position]:
                return None
            # the sentence end before a date that opens its sentence takes the date's first
            # letter: "the 1973 decision. In March, ..." is March of the story's own year
            ends = list(_SENTENCE_END.finditer(self.text, end, position + 1))
            if not ends:
                return year
            if opens and not any(_NEW_TIME.match(self.text, e.end() - 1) for e in ends):
                return year
        return None
