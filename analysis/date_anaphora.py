"""What "the day before", "the same day" and "the next day" count from, when the text says.

"the day after the shooting", "on the same day of the court's deadlock": the phrase counts
from the day of the thing it names, not from the last date the text wrote. That day is the one
a sentence before gave the same thing ("The shooting happened on Friday ... the day after the
shooting": Saturday); when no sentence dates the thing, the phrase is left undated rather than
counted from an unrelated day. "passed a resolution the same day it seated its delegation":
the day of a clause the text does not date, undated too. "They met again, in July 2008. The
day before, ...": a month or year the text moved to after its last day is what the phrase
counts from, a day it cannot tell, so it is undated as well (issue 12, round 15: relative
dates anchored to the wrong moment). Text only: the resolvers run before any parse is read.
"""

from __future__ import annotations

import re
from datetime import date

from analysis.date_context import period_end
from analysis.types import Precision, ResolvedDate

# "the day after the shooting", "the same day of the SCOTUS deadlock", "the day before his
# arrest": a determiner, then up to four words of the noun phrase
_THING = re.compile(
    r"^\s+(?:(?:of|after|before|following)\s+)?(?:the|his|her|its|their|a|an|this|that)\s+"
    r"(?P<words>[\w'’-]+(?:\s+[\w'’-]+){0,3})"
)
# "the same day it seated its delegation": a clause with its own subject says which day
_CLAUSE = re.compile(r"^\s+(?:that\s+)?(?:it|he|she|they|we|I|you)\s+[a-z]+(?:ed|ew|ook|ent|ade)\b")
_STOP = frozenset(
    {"in", "on", "at", "of", "for", "from", "with", "by", "to", "into", "and", "or", "but"}
    | {"that", "which", "who", "when", "where", "as", "was", "were", "is", "are", "had", "has"}
    | {"have", "will", "would", "could", "said", "says", "he", "she", "they", "it", "we"}
)
_TIMES = re.compile(
    r"(?i)^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march"
    r"|april|may|june|july|august|september|october|november|december|day|night|week|month"
    r"|year|morning|evening|afternoon|weekend|\d+\w*)$"
)
_OPENS = re.compile(r"(?:^|[.!?][\"”’)]*\s+|\n)\s*$")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z])|\n")


def named_thing(text: str, end: int) -> tuple[str, ...] | None:
    """The words of the thing a day phrase counts from, head noun likeliest last ('shooting' in
    'the day after the shooting'), or None when none follows or it is itself a time ('the day
    after Monday')."""
    found = _THING.match(text[end : end + 80])
    if found is None:
        return None
    words: list[str] = []
    for word in found.group("words").split():
        if word.lower() in _STOP:
            break
        words.append(re.sub(r"['’]s?$", "", word).lower())
    if not words or any(_TIMES.match(word) for word in words):
        return None
    kept = tuple(word for word in reversed(words) if len(word) > 2)
    return kept or None


# "the day after it was revealed ...", "on the day after abortion fueled Republican defeats":
# a clause of its own (a subject, then a past or passive verb) says which day the phrase counts
# from; a personal pronoun's clause ("the night before he vanished") is the story's own person
_OWN_CLAUSE = re.compile(
    r"^\s+(?:that\s+)?(?!(?i:he|she|they|i|we|you|the|a|an|this|that|his|her|its|their)\b)"
    r"(?:[\w'’-]+\s+){1,3}?(?:was|were|had|has|is|are|[a-z]{3,}ed)\b"
)


def other_clause(text: str, end: int) -> bool:
    """Whether a 'day before/after' phrase is followed by a clause telling a happening of its own,
    not of the story's person ('the day after it was revealed that ...', 'the day after abortion
    fueled Republican defeats'): the phrase counts from that happening (round 25)."""
    return bool(_OWN_CLAUSE.match(text[end : end + 80]))


def clause_follows(text: str, start: int, end: int) -> bool:
    """Whether 'the same day' inside a sentence is followed by a clause that says which day
    ('passed a resolution the same day it seated its delegation'), not a comma or a main
    clause it opens ('The same day, he said')."""
    before = text[max(0, start - 3) : start]
    if not before.strip() or before.rstrip()[-1:] in ',.;:!?"“”':
        return False
    return bool(_CLAUSE.match(text[end : end + 40]))


def thing_day(
    text: str, before: int, words: tuple[str, ...], days: list[tuple[int, date]]
) -> date | None:
    """The day of the last sentence before `before` that names the thing and writes a day:
    its head noun first ('the day before this tripartite meeting takes place': 'place' is
    named nowhere, 'meeting' beside 'on Friday 14th April 2017')."""
    for word in words:
        pattern = re.compile(rf"(?i)\b{re.escape(word)}(?:e?s)?\b")
        found: date | None = None
        for start, day in days:
            if start >= before:
                break
            left, right = _sentence_bounds(text, start)
            if pattern.search(text, left, min(right, before)):
                found = day
        if found is not None:
            return found
    return None


def _sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """The characters of the sentence holding `position` (split at sentence ends and lines)."""
    left = max(
        (m.end() for m in _SENTENCE_END.finditer(text, max(0, position - 2000), position)),
        default=max(0, position - 2000),
    )
    after = _SENTENCE_END.search(text, position)
    return left, after.end() if after else len(text)


def moved_on(text: str, coarse: int | None, position: int) -> bool:
    """Whether a month or year the text wrote after its last day (at `coarse`) lies in this
    sentence or the one before: the phrase counts from a time that is no day."""
    if coarse is None:
        return False
    return len(_SENTENCE_END.findall(text, coarse, position)) <= 1


def leaves_day(resolved: ResolvedDate, reference: date | None) -> bool:
    """Whether a month or year leaves the last day behind ('in July 2008' after a 2015 day)."""
    if resolved.precision not in (Precision.MONTH, Precision.YEAR) or resolved.value is None:
        return False
    end = period_end(resolved.value, resolved.precision)
    return reference is not None and not resolved.value <= reference <= end


def years_ago_opening(text: str, resolved: ResolvedDate, anchor: date | None) -> bool:
    """Whether 'N years ago,' or 'Last year,' opens its sentence ('Eight years ago, Obama was
    ... in February'; 'Last year, on May 14, the day was marked'): a year the story is then set
    in, for the yearless days and months after it. A 'last year' or an 'ago' inside a clause
    ('won last year and will run again in March') is not."""
    value = resolved.value
    if resolved.precision is not Precision.YEAR or value is None or anchor is None:
        return False
    told = resolved.text.lower()
    if value.year >= anchor.year or not (told.endswith("ago") or told == "last year"):
        return False
    before = text[max(0, resolved.start - 40) : resolved.start]
    opens = bool(_OPENS.search(before)) or resolved.start == 0
    return opens and text[resolved.end : resolved.end + 1] == ","
