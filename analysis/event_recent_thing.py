"""A recent thing in a clause told now or ahead: a passing mention, not the clause's time.

Round 16's `analysis.event_old_thing` reads a date a year or more old that names or describes a
thing of a clause told in the present or ahead ("would preserve its 1979 peace") as history
mentioned in passing. A year counts whole: "last year's drilling moratorium", written on 11
January 2011, ended days before the writing, but it is as much history as the 2009 one
("Republicans say the rules would further slow the pace following last year's drilling
moratorium"; issue 12, round 17, development draw 1771). A happening told now or ahead cannot
lie in a year already over, so such a year on a noun of such a clause only says which thing is
meant. Months, weeks and days of the last year keep their reading, as earlier rounds settled:
"Monday's verdict will shape the campaign", "vows to scrap last month's tax law" are the news.
The same conditions as round 16's apply (no copula, no scene, no time noun; a present names
history only as a state, by pointing back, or through another noun); a year that reaches the
day of writing ("this year") or lies ahead keeps its reading.
"""

from __future__ import annotations

from datetime import date

from analysis.event_attach import Place, long_before
from analysis.event_old_thing import thing_of_now

_YEAR_DAYS = 364  # a period this long or longer is a year: "last year", "2018"


def recent_thing_now(place: Place, first: int, last: int, published: date | None) -> bool:
    """Whether a whole year ending before the day of writing (less than a year before it)
    names or describes a thing of a clause told in the present or the future."""
    thing, verb = place.thing, place.verb
    if published is None or not last or verb is None or thing is None:
        return False
    if last - first < _YEAR_DAYS:
        return False
    if last >= published.toordinal() or long_before(last, published) or verb.lemma_ == "be":
        return False
    return thing_of_now(place, thing, verb)


def ahead_in_past_description(place: Place, first: int, published: date | None) -> bool:
    """Whether a date wholly after the day of writing dates a participle describing a noun of
    a clause told in the past: 'laid plans for an assault in a series of states holding
    contests on March 15' (written 3 March; issue 12, round 17, development draw 1771). The
    past happening cannot fall after the writing; the participle only says which states."""
    links = place.links
    if published is None or not first or first <= published.toordinal() or len(links) < 2:
        return False
    clause, above = links[0], links[1]
    if clause.verb.tag_ != "VBG" or place.thing is not None:
        return False
    # "states holding contests": an `acl`, or a gerund under a noun's preposition ("a series
    # of states holding ...", read as `pcomp` with its own subject)
    prep = clause.verb.head
    under_noun = clause.dep == "pcomp" and prep.pos_ == "ADP" and prep.head.pos_ == "NOUN"
    if clause.dep != "acl" and not under_noun:
        return False
    verb = above.verb
    helpers = [kid for kid in verb.children if kid.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBD" and not helpers
