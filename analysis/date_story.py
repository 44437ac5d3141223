"""The years a text sets its story in, for dates written without their year.

"In 2005, Hurricane Dennis made landfall ... on July 10" is July 10, 2005, not July 10 of the
year the article was published. A year opening a sentence ("In 2005, ...") holds for the rest
of its paragraph, until a sentence opens on a time of its own ("Last summer, ..."); a year
written inside a sentence ("On June 3, 1999, ... and June 4") holds for the rest of that
sentence. Reference points ("since 2007", "until 2030") and a year inside a relative clause
("Internet gambling, which became legal in late 2013, ...") set no year.
"""

from __future__ import annotations

import re

from analysis.types import ResolvedDate

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


class Story:
    """The story years one text has set so far, in reading order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.marks: list[tuple[int, int, int, bool]] = []  # start, end, year, opens a sentence

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
        return True

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
