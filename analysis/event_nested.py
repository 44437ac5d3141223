"""An old date naming a thing that is "of" another noun: the sentence tells about the other.

"Gadhafi survived sanctions in the aftermath of the 1988 bombing of Pan Am Flight 103", "the
objectives are as far-reaching as those of the 1944 meeting in Bretton Woods": the year names
the bombing, the meeting, a thing that only specifies another noun ("the aftermath", "those").
A date so far back (a year or more before the day of writing) names history the sentence
mentions in passing; what the sentence tells happens around the other noun, not then (issue 12,
round 11: passing mentions). A time noun ("the end of the 2015 season", "the summer of the 2016
campaign") is a time, and a date of the last year may be the story's own news ("the cause of
last month's blast").
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from analysis.event_attach import Place, long_before, owner

_MODIFIERS = frozenset({"poss", "compound", "nmod", "nummod", "amod"})
_NOUNS = frozenset({"NOUN", "PROPN", "PRON"})
TIMES = frozenset(
    {"time", "day", "night", "week", "month", "year", "season", "summer", "winter", "spring"}
    | {"fall", "autumn", "morning", "afternoon", "evening", "end", "start", "beginning", "middle"}
    | {"half", "quarter", "period", "decade", "century", "weekend", "date", "hour", "moment"}
    | {"eve", "height", "run-up", "wake", "dawn", "close", "course", "rest", "remainder"}
)


def _of_noun(thing: Token) -> Token | None:
    """The noun a thing is 'of': 'aftermath' in 'the aftermath of the 1988 bombing'."""
    prep = thing.head
    if thing.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
        return None
    above = prep.head
    return above if above.pos_ in _NOUNS else None


def old_thing_of(place: Place, last: int, published: date | None) -> bool:
    """Whether a date a year or more before the day of writing names a thing 'of' another noun
    that is no time: 'in the aftermath of the 1988 bombing', 'those of the 1944 meeting' (not
    'the end of the 2015 season', nor "the cause of last month's blast")."""
    thing = place.thing
    if published is None or not last or thing is None or not place.names:
        return False
    if not long_before(last, published):
        return False
    if place.root.dep_ not in _MODIFIERS and owner(place.root) is None:
        return False  # "the bombing of 1988" is read by `event_clash` and the roles
    above = _of_noun(thing)
    if above is None or above.ent_type_ in ("DATE", "TIME"):
        return False
    return above.lemma_.lower() not in TIMES
