"""Quotations saying "yesterday" whose speaker the article places on the day before publication.

A next-day report set on the day before it was published (`analysis.date_scenes.eve_scenes`:
its own words say "yesterday" or that day's weekday, never the publication day) quotes people
it heard on that day. When its own words put a speaker there on that day -- "At the scene,
Superintendent Peters said", "Peters told reporters yesterday", "speaking on Thursday, Peters
said" -- that speaker's quoted "yesterday" is the day before the story's: "we arrested two
suspects yesterday", said at Thursday's scene in Friday's paper, is Wednesday.

Only the quotations of that speaker count: the paragraph of the quotation (or, for a quotation
running on from the paragraph before, that paragraph) attributes it to a name the placing
sentence holds. A speaker the article does not place keeps the publication day (a relative
quoted on the day of publication: "'Yesterday we lost a son,' his mother said").

And in any text, a quotation whose own attribution, in its sentence, dates the speaking to a
day before publication ('"We arrested two men yesterday. They will be charged," Inspector
Mendes said on Tuesday.'; 'Speaking at the scene on Monday, the chief said: "..."'; 'told
reporters on April 12') counts its relative days from that day (`said_on_scenes`). Reported
speech outside quotation marks keeps the writer's days ('said on Tuesday that the vote would be
held today' is the article's today: the writer turned the speaker's words into the article's),
and so does a quotation whose attribution names no day, or the day of publication.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from analysis.date_scenes import MONTHS, QUOTATION, WEEKDAYS, Scene, inside, read_full

_YESTERDAY = re.compile(r"(?i)\byesterday\b")
_SPEECH = r"(?i:said|says|told|added|explained|noted|stated|speaking|spoke|addressing)"
# A name: a capitalised word not opening its sentence ("Superintendent Audley Peters").
_NAME = re.compile(r"(?<![.!?]\s)(?<![\n“\"])(?<!^)\b[A-Z][a-z]{2,}\b")
_COMMON = frozenset({"The", "This", "That", "But", "And", "Yesterday", "Police", "He", "She"})


def spoken_scenes(text: str, published: date | None) -> list[Scene]:
    """Quotations saying "yesterday" by a speaker an eve-set text places on its story's day."""
    if published is None or not _YESTERDAY.search(text):
        return []
    quotes = [match.span() for match in QUOTATION.finditer(text)]
    starts = [start for start, _ in quotes]
    eve = published - timedelta(days=1)
    eve_name = rf"(?:yesterday|on\s+{WEEKDAYS[eve.weekday()]}|{WEEKDAYS[eve.weekday()]})"
    named_day = re.compile(
        rf"(?i)\b(?:today|tonight|this\s+(?:morning|afternoon|evening)"
        rf"|{WEEKDAYS[published.weekday()]})\b"
    )
    own_eve = re.compile(rf"(?i)\b(?:yesterday|last\s+night|{WEEKDAYS[eve.weekday()]})\b")
    if not any(not inside(m.start(), quotes, starts) for m in own_eve.finditer(text)):
        return []
    if any(not inside(m.start(), quotes, starts) for m in named_day.finditer(text)):
        return []
    placing = re.compile(
        rf"(?i)\bat\s+the\s+scene\b[^.\n]{{0,120}}\b{_SPEECH}\b"
        rf"|\b{_SPEECH}\b[^.\n“\"]{{0,40}}\b{eve_name}\b"
        rf"|\b{eve_name}\s*,[^.\n“\"]{{0,120}}\b{_SPEECH}\b"
    )
    speakers: set[str] = set()
    for cue in placing.finditer(text):
        if inside(cue.start(), quotes, starts):
            continue
        sentence = _sentence(text, cue.start())
        speakers |= {m.group(0) for m in _NAME.finditer(sentence)} - _COMMON
    if not speakers:
        return []
    basis = f"said on {eve.strftime('%B')} {eve.day}, {eve.year} (a speaker placed on that day)"
    scenes = []
    for start, end in quotes:
        if not _YESTERDAY.search(text, start, end):
            continue
        if _attributed(text, start, end, quotes, starts) & speakers:
            scenes.append(Scene(start, end, eve, basis))
    return scenes


def _sentence(text: str, position: int) -> str:
    """The sentence (within its paragraph) around a position, roughly: from the last full stop."""
    opening = max(text.rfind("\n", 0, position), text.rfind(". ", 0, position)) + 1
    closing = min(
        k for k in (text.find("\n", position), text.find(". ", position), len(text)) if k >= 0
    )
    return text[opening:closing]


def _attributed(
    text: str, start: int, end: int, quotes: list[tuple[int, int]], starts: list[int]
) -> set[str]:
    """The names outside quotation marks in the quotation's paragraph, or (for a paragraph that
    is all quotation, running on) in the paragraph before it."""
    opening = text.rfind("\n", 0, start) + 1
    closing = text.find("\n", end)
    closing = len(text) if closing < 0 else closing
    names = _outside_names(text, opening, closing, quotes, starts)
    if names or opening == 0:
        return names
    before = text[:opening].rstrip("\n")
    previous = before.rfind("\n") + 1
    return _outside_names(text, previous, len(before), quotes, starts)


def _outside_names(
    text: str, opening: int, closing: int, quotes: list[tuple[int, int]], starts: list[int]
) -> set[str]:
    """The names in a stretch of text outside quotation marks."""
    return {
        m.group(0)
        for m in _NAME.finditer(text, opening, closing)
        if not inside(m.start(), quotes, starts)
    } - _COMMON


# A quotation's relative day words: what counts from the moment of speaking.
_RELATIVE_DAY = re.compile(
    r"(?i)\b(?:yesterday|today|tonight|tomorrow|last\s+night"
    r"|this\s+(?:morning|afternoon|evening))\b"
)
_SPOKEN_DAY = (
    r"(?:(?:on\s+)?(?<!the\s)(?<!last\s)(?<!next\s)(?<!this\s)"  # not 'of the Tuesday raid'
    r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?P<yesterday>yesterday)"
    rf"|on\s+(?P<month>{MONTHS})\s+(?P<day>\d{{1,2}})(?!\d|,?\s+\d{{4}}))"
)
_WORDS = r"(?:\s+(?:to\s+)?[\w’']+){0,3}?"
# After the quotation: '…,” Peters said on Thursday.' / '…,” she told reporters yesterday.'
_SAID_AFTER = re.compile(
    rf"[,.!?]?[”\"]?[ \t]*[^.!?“”\"\n]{{0,60}}?\b{_SPEECH}\b{_WORDS}\s+{_SPOKEN_DAY}\b"
)
# Before it, in its sentence: 'Peters said on Thursday: “…' / 'Speaking on Thursday, she said “…'
_SAID_BEFORE = re.compile(rf"\b{_SPEECH}\b{_WORDS}\s+{_SPOKEN_DAY}\b[^.!?“”\"\n]{{0,80}}$")


def said_on_scenes(text: str, published: date | None) -> list[Scene]:
    """Quotations with a relative day word whose own attribution dates the speaking to a day
    before `published` ('“We arrested him yesterday,” Peters said on Tuesday.'): its relative
    days count from the speaking day. Reported speech keeps the writer's days ('said on Tuesday
    that the vote would be held today' is the article's today), and so does a quotation whose
    attribution names no day or the day of publication."""
    if published is None:
        return []
    scenes = []
    for quoted in QUOTATION.finditer(text):
        start, end = quoted.span()
        if not _RELATIVE_DAY.search(text, start, end):
            continue
        after = _SAID_AFTER.match(text, end)
        opening = _sentence_start(text, start)
        before = _SAID_BEFORE.search(text[opening:start])
        said = after or before
        day = _spoken_day(said, published) if said else None
        if said and day is not None and day != published:
            basis = (
                f"said on {day.strftime('%B')} {day.day}, {day.year} ('{said.group(0).strip()}')"
            )
            scenes.append(Scene(start, end, day, basis))
    return scenes


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence (within its paragraph) holding a position starts, roughly."""
    ends = [text.rfind(mark, 0, position) for mark in (". ", "! ", "? ")]
    return max([text.rfind("\n", 0, position) + 1, *(k + 2 for k in ends if k >= 0)])


_MONTH_DAYS = 31  # a day of the month said more than this before publication: not read


def _spoken_day(said: re.Match[str], published: date) -> date | None:
    """The day a speech was given, from the day its attribution names, counting back."""
    if said.group("yesterday"):
        return published - timedelta(days=1)
    if said.group("weekday"):
        back = (published.weekday() - WEEKDAYS.index(said.group("weekday"))) % 7
        return published - timedelta(days=back)
    month = read_full(f"{said.group('month')} {said.group('day')} {published.year}")
    if month is None:
        return None
    if month > published:
        month = read_full(f"{said.group('month')} {said.group('day')} {published.year - 1}")
    if month is None or (published - month).days > _MONTH_DAYS:
        return None
    return month
