"""Which dates of a sentence date its event, and what the others are.

A timeline line says "on DATE: SENTENCE", so a date is kept only when the sentence's happening
took place (or, for a plan, will take place) then. Read from where each date attaches
(`analysis.event_attach`):

- a reference point is not a happening: "since 2004", "until July 28", "compared to 2020",
  "through October", "before the Nov. 3 election", "a deadline of November 6", "for the next
  year", "fell from 54% in November", "costs down 60% from a year ago"; the end of a range
  whose start the clause gives ("from 2015 through 2019") is as much an event as its start.

The other dates of a sentence are its events.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from analysis.event_attach import Place, compares_values

_REFERENCE_PREPS = frozenset(
    {"since", "until", "till", "through", "compared to", "compared with", "than", "versus"}
    | {"throughout", "instead of", "before", "prior to"}
)
_DEADLINES = frozenset({"deadline", "cutoff", "cut-off", "expiry", "expiration"})
_RANGE_ENDS = frozenset({"through", "until", "till", "to"})  # "from January 2015 through May"
_VALUE_RANGE = frozenset({"from", "to"})  # "fell from 54% in November to 35%"
_REFERENCE_MARKS = frozenset({"since", "until", "till"})
_DURATION = re.compile(r"(?i)^(?:the\s+)?(?:next|past|last|coming|following)\s")
_DURATION_PREPS = frozenset({"for", "over", "within", "in"})


class Role(StrEnum):
    """What a date does in its sentence; only EVENT dates become events."""

    EVENT = "event"
    REFERENCE = "reference point"


@dataclass(frozen=True)
class Dated:
    """A date of the sentence with what `roles` needs: its place, words, period and position."""

    place: Place
    text: str
    first: int  # ordinal of the period's first day; 0 when the date is unknown
    last: int
    after_colon: bool = False  # the date follows a colon of its sentence


def _bare(dated: Dated) -> str:
    """The date's words without its preposition: 'the next year' of 'for the next year'."""
    words = dated.text.split(maxsplit=1)
    prep = dated.place.prep.split()[-1] if dated.place.prep else ""
    return words[1] if len(words) > 1 and words[0].lower() == prep else dated.text


def _reference(dated: Dated) -> bool:
    """'since 2004', 'until July 28', 'for the next year', 'from 54% in November'."""
    place = dated.place
    return (
        place.prep in _REFERENCE_PREPS
        or place.thing_prep in _REFERENCE_PREPS
        or (place.thing is None and place.thing_prep in _VALUE_RANGE)
        or (place.prep == "from" and compares_values(place.host))
        or (place.thing is not None and place.thing.lemma_.lower() in _DEADLINES)
        or _duration(dated)
        or any(link.mark in _REFERENCE_MARKS for link in place.links)
    )


def _duration(dated: Dated) -> bool:
    """'for the next year', 'over the past week' (not 'scheduled for next month')."""
    place = dated.place
    if place.prep not in _DURATION_PREPS:
        return False
    the = any(kid.dep_ == "det" and kid.lower_ == "the" for kid in place.root.children)
    bare = _bare(dated)
    return bool(_DURATION.match(bare)) and (the or bare.lower().startswith("the "))


_CHECKS: tuple[tuple[Callable[[Dated], bool], Role], ...] = ((_reference, Role.REFERENCE),)


def _own_role(dated: Dated) -> Role:
    """The role a date has on its own, before the other dates of the sentence are seen."""
    return next((role for check, role in _CHECKS if check(dated)), Role.EVENT)


def _range_start(dated: Dated, dates: Sequence[Dated]) -> int | None:
    """The start of a range this date ends, in the same clause: 'from 2015 through 2019'."""
    verb = dated.place.verb
    if dated.place.prep not in _RANGE_ENDS or verb is None:
        return None
    return next(
        (
            k
            for k, other in enumerate(dates)
            if other.place.prep == "from" and other.place.verb is not None
            if other.place.verb.i == verb.i
        ),
        None,
    )


def roles(dates: Sequence[Dated]) -> list[Role]:
    """The role of each date of one sentence, seeing them together."""
    found = [_own_role(dated) for dated in dates]
    starts = [_range_start(dated, dates) for dated in dates]
    return [
        found[start] if role is Role.REFERENCE and start is not None else role
        for role, start in zip(found, starts, strict=True)
    ]
