"""A date on a clause told as a habit: what is usually so, not what happened then (round 16).

"The figures are normally reported on the last Tuesday of the month", "The council usually
meets on Tuesday", "Markets typically rally in January": an adverb of frequency on the date's
own clause says the clause tells a habit, so the date names no day or month of a happening
(issue 12's "other" class: habits, like "Every Friday my grandad ..."). The adverb must hang on
the date's own verb: in "The council met on Tuesday, as it usually does", "usually" is on
"does", and Tuesday stays; so does a date naming a thing ("Tuesday's vote was always going to
be close") and a report's "generally" ("Stocks were generally higher on Tuesday": broadly).
A period with "every" or "each" on the date's verb ("Every year in May, Europeans recall the
victory") is a frequency too (round 20).
A season's yearly span told in the present ("Fire season in the Amazon is just beginning—it
runs from August through October", "The hurricane season lasts from June to November") is a
habit of every year, its months no time of a happening (round 21): a present "run", "last",
"stretch" or "span" whose date is a month without its year, in a sentence about a season (not
"the new season" or "next season", a plan of one year); "The exhibition runs from August
through October" (no season) and "The season will run ..." keep their months. A season of the
year named as such is one too ("the harsh winter which lasts from November to March", round
31); "This winter runs from November" is one winter's.
"""

from __future__ import annotations

import re

from analysis.clause_kinds import auxes
from analysis.event_attach import Place

# not "generally" ("Stocks were generally higher on Tuesday": broadly) nor "sometimes"
_FREQUENCY = frozenset(
    {"usually", "normally", "typically", "often", "always", "regularly", "routinely"}
    | {"traditionally", "customarily", "frequently", "habitually", "ordinarily", "seldom"}
    | {"rarely"}
)


def habitual(place: Place, day: bool) -> bool:
    """Whether the date's own clause carries an adverb of frequency and tells a habit: in the
    present, or on a day (`day`); a past habit within a period ("Earlier this year, Trump
    regularly cited Johnson") took place then."""
    verb = place.verb
    if verb is None or place.names or verb.lemma_ == "go":
        return False  # "Tuesday's vote was always going to be close": a thing, a prediction
    words = [kid for kid in verb.children if kid.dep_ == "advmod"]
    if not any(word.lower_ in _FREQUENCY for word in words) and not _every(place):
        return False
    helpers = auxes(verb)
    past = verb.tag_ == "VBD" or any(aux.tag_ == "VBD" or aux.lemma_ == "have" for aux in helpers)
    past = past or (verb.tag_ == "VBN" and not helpers)  # "Trump regularly cited" read as VBN
    return day or not past


_SPANNING = frozenset({"run", "last", "stretch", "span", "extend"})
_ONE_SEASON = frozenset({"this", "next", "new", "coming", "upcoming", "last", "current"})
# a season of every year, named as a season is ("Afghanistan's harsh winter which lasts from
# November to March often results in heavy snowfall": any winter's months; round 31)
_SEASONS = frozenset({"season", "winter", "summer", "spring", "autumn", "monsoon"})
_BARE_MONTH = re.compile(
    r"(?i)^(?:from|through|to|until|till|in)?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov"
    r"|dec)[a-z]*\.?$"
)


def yearly_season(place: Place, written: str) -> bool:
    """Whether a month without its year is the span of a season told in the present: 'it runs
    from August through October' beside 'Fire season', 'The hurricane season lasts from June to
    November'; not 'The new season runs from August' (one season's plan)."""
    verb = place.verb
    if verb is None or not _BARE_MONTH.match(written.strip()) or verb.lemma_ not in _SPANNING:
        return False
    if verb.tag_ not in ("VBZ", "VBP") or auxes(verb):
        return False
    seasons = [word for word in verb.sent if word.lemma_ in _SEASONS and word.pos_ == "NOUN"]
    return bool(seasons) and not any(
        kid.lower_ in _ONE_SEASON for word in seasons for kid in word.children
    )


_PERIODS = frozenset({"year", "month", "week", "spring", "summer", "autumn", "winter"})


def _every(place: Place) -> bool:
    """'Every year in May, Europeans recall': a period with 'every' or 'each' on the date's verb
    or over the date itself ('each year in May') is a frequency, as 'usually' is (round 20)."""
    verb, root = place.verb, place.root
    holders = [verb] if verb is not None else []
    holders += [root, root.head] if root.head.lemma_ in _PERIODS else [root]
    for holder in holders:
        for kid in holder.children:
            every = any(d.dep_ == "det" and d.lower_ in ("every", "each") for d in kid.children)
            if kid.dep_ == "npadvmod" and kid.lemma_ in _PERIODS and every:
                return True
    return False
