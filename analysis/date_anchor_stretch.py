"""A weekday of a dated stretch ahead: a conference's, a festival's, a visit's (issue 12, round 27:
relative anchors).

"The conference, which is scheduled for June 13 to 17, ..." and further on, in the programme of
its days: "a global alliance will be launched on the Monday. Also, there is a leadership seminar
that is going to be held on Thursday": read from the publication day (in April), the plan's
Thursday would be the coming one; the article places it among the stretch's days. The weekday
counts from the stretch's first day when the article's own words say so:

- the text dates exactly one stretch of two to seven days ("June 13 to 17", "from 13 to 17 June",
  "June 13-17"), and it starts after the publication day;
- the weekday is a bare one ("on Thursday", not "last/next/this Thursday"), read as a coming day
  that falls before the stretch, and the stretch holds that weekday;
- its sentence, paragraph or the paragraph before speaks of the stretch's days: "the Monday" (a
  weekday of a period the story has set), "day four", "days one and four", "the first day".

"The festival runs from June 13 to 17. Tickets go on sale on Thursday." keeps the coming
Thursday: nothing ties the sale to the festival's days.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from analysis.date_scenes import Scene
from analysis.dates import Anchored
from analysis.types import Precision

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_TO = r"\s*(?:to|through|until|till|and|[-–])\s*"
_STRETCH = re.compile(
    rf"\b(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?{_TO}"
    rf"(?:(?P<m2>{_MONTH})\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*[:.]\d)"
    rf"|\b(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?{_TO}(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m3>{_MONTH})"
)
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_BARE_WEEKDAY = re.compile(rf"(?i)^(?:on\s+)?(?P<name>{'|'.join(_WEEKDAY_NAMES)})$")
_ORDINALS = r"one|two|three|four|five|six|seven|first|second|third|fourth|fifth|sixth|seventh|last"
# "the Monday", "day four", "days one and four", "the first day", "on the second day"
_STRETCH_DAYS = re.compile(
    rf"(?i)\bthe\s+(?:{'|'.join(_WEEKDAY_NAMES)})\b"
    rf"|\bdays?\s+(?:{_ORDINALS}|[1-7])\b"
    rf"|\b(?:first|second|third|fourth|fifth|sixth|seventh|final|last|opening|closing)\s+day\b"
)
_MONTH_STARTS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_LONGEST = 7  # days of a stretch whose weekdays a programme names


def _month(word: str) -> int:
    """A month's number from its name or abbreviation."""
    return _MONTH_STARTS.index(word.lower()[:3]) + 1


def _stretch_of(match: re.Match[str], found: Sequence[Anchored]) -> tuple[date, date] | None:
    """The days of a written stretch, its year taken from the date found at its start."""
    start_at = match.start()
    first = next(
        (
            item.date.value
            for item in found
            if item.date.precision is Precision.DAY
            and item.date.value is not None
            and item.date.start <= start_at + 4
            and start_at <= item.date.end
        ),
        None,
    )
    if first is None:
        return None
    if match.group("d3"):
        month = _month(match.group("m3"))
        start_day, end_day, end_month = int(match.group("d3")), int(match.group("d4")), month
    else:
        month = _month(match.group("m1"))
        start_day, end_day = int(match.group("d1")), int(match.group("d2"))
        end_month = _month(match.group("m2")) if match.group("m2") else month
    try:
        start = date(first.year, month, start_day)
        end = date(first.year + (end_month < month), end_month, end_day)
    except ValueError:
        return None
    if not 1 <= (end - start).days < _LONGEST:
        return None
    return start, end


def _paragraphs(text: str, position: int) -> tuple[int, int]:
    """The start of the paragraph before the one holding `position`, and its paragraph's end."""
    own = text.rfind("\n", 0, position) + 1
    before = text.rfind("\n", 0, max(0, own - 1)) + 1 if own > 0 else 0
    while before > 0 and not text[before:own].strip():
        before = text.rfind("\n", 0, before - 1) + 1
    end = text.find("\n", position)
    return before, len(text) if end < 0 else end


def stretch_scenes(
    text: str,
    found: Sequence[Anchored],
    sentences: Sequence[tuple[int, int]],
    published: date | None,
) -> list[Scene]:
    """The sentences whose bare weekday is a day of the one stretch ahead the text dates."""
    if published is None:
        return []
    stretches = {
        days for match in _STRETCH.finditer(text) if (days := _stretch_of(match, found)) is not None
    }
    if len(stretches) != 1:
        return []
    start, end = stretches.pop()
    if start <= published:
        return []
    scenes: list[Scene] = []
    for item in found:
        written = item.date
        bare = _BARE_WEEKDAY.match(written.text.strip())
        if bare is None or written.precision is not Precision.DAY or written.value is None:
            continue
        if item.basis is not None or not published <= written.value < start:
            continue
        target = _WEEKDAY_NAMES.index(bare.group("name").capitalize())
        day = start + timedelta(days=(target - start.weekday()) % 7)
        if day > end:
            continue
        before, after = _paragraphs(text, written.start)
        if not _STRETCH_DAYS.search(text, before, after):
            continue
        sentence = next(((s, e) for s, e in sentences if s <= written.start < e), None)
        if sentence is None or any(scene.start == sentence[0] for scene in scenes):
            continue
        basis = (
            f"a day of {start.strftime('%B')} {start.day} to {end.strftime('%B')} {end.day}, "
            f"{end.year}, the stretch the article dates"
        )
        scenes.append(Scene(sentence[0], sentence[1], start, basis))
    return scenes
