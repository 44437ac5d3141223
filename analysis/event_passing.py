"""Dates a sentence mentions in passing or as a comparison, beyond `analysis.event_roles`.

Shapes read from real pages no earlier rule had seen (issue 12, sixth round), each a reading of
the parse spaCy already made:

- one clause spread over verbs: an open complement ("are scheduled to be held ... on July 27")
  belongs to the clause of its head, so a year naming that clause's subject ("The 2022 Games")
  gives way to the finer date as it does within one verb;
- a new time: a thing moved "to 2022" by a moving its own date dates ("World Athletics last
  month shifted the event to 2022") is the moved thing's time, a second date of the sentence;
- an amount compared: a date naming a figure a change starts from or is set against
  ("rising slightly from July's 98.8 reading", "versus last year's 5.5 cents") is the
  comparison's reference point;
- a passive telling: "the audience was told that Cameron had died earlier this year" reports
  as "someone told the audience" does, so its dated frame's content is a second date;
- a thing named below a dated clause: in "Yields fell on Tuesday as equities looked to extend
  their selloff of last week" the sentence's own clause has its date; a date naming a thing
  ("the selloff of last week", "last week's selloff") in a clause under it describes that thing;
- a cut-off: "by April the sector had already shed 106,000 jobs", a past perfect by a time,
  says what was done before it, not when;
- a thing named in a clause that tells no happening of its own: "he is looking forward to
  further signals before committing to a June 3 opening" (a non-finite clause under a state)
  names a plan in passing;
- a setting of a noun, not of the clause: in "In a sign of her rise in the 2024 race, Haley
  was in the spotlight" the year's "in" sets the rise, a noun, so the year names the race in
  passing under a clause telling a state (as "on the 2024 ticket" does);
- an analogy: a free relative ("what happened in 2016") under a noun that describes something
  else ("the reverse of what happened in 2016", "is another illustration of what happened in
  the 2020 primary"): what the sentence likens its subject to, not its happening;
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from analysis import clause_kinds as kinds
from analysis.event_attach import Link, Place

_MOVING = frozenset(
    {"postpone", "delay", "reschedule", "push", "move", "adjourn", "defer", "shift", "bring"}
)
_NEW_TIME = frozenset({"to", "until", "till", "into"})
_AMOUNTS = frozenset({"PERCENT", "MONEY", "QUANTITY", "CARDINAL"})
_CHANGES = frozenset({"up", "down", "higher", "lower"})
_CHANGING = frozenset(
    {"rise", "fall", "climb", "drop", "increase", "decrease", "jump", "slip", "grow", "decline"}
    | {"gain", "slide", "dip", "surge", "soar", "plunge", "tumble", "ease", "edge", "shrink"}
    | {"recover", "rebound", "improve", "slow", "widen", "narrow", "come"}
)
# A level a change starts from, named by its day: "eased from a Thursday high"
_LEVELS = frozenset({"high", "low", "peak", "record", "level", "close", "trough", "top", "bottom"})
_COMPARED = frozenset({"from", "versus", "against", "compared to", "compared with", "than"})
_TELLING = frozenset({"tell", "inform", "warn", "assure", "remind", "advise", "notify"})
_TIME_NOUNS = frozenset(
    {"time", "day", "night", "week", "month", "year", "season", "summer", "winter", "spring"}
    | {"fall", "autumn", "morning", "afternoon", "evening", "end", "start", "beginning", "middle"}
    | {"half", "quarter", "period", "decade", "century", "weekend", "date", "hour", "moment"}
)
_RECENT = re.compile(
    r"(?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight"
    r"|yesterday|tomorrow|this|last|next|ago)\b"
)
_MODIFIER = frozenset({"nmod", "compound", "nummod", "poss", "amod"})  # "a June 3 opening"
_PREDICATIVE = frozenset({"attr", "appos", "dep"})  # "dep": a noun after a dash


def analogy(place: Place) -> bool:
    """A free relative under a predicative or appositive noun: 'is a repeat of what happened
    last year', '- basically the reverse of what happened in 2016', 'is just a fragment of
    what's to come this year' (not 'gave an account of what happened on Saturday', whose noun is
    the object of a happening). Read on the date's ancestors: the parser may tag the free
    relative's verb as a noun ("what's": "'s" a noun)."""
    for head in place.root.ancestors:
        prep = head.head
        if head.dep_ != "pcomp" or prep.pos_ != "ADP":
            continue
        noun = prep.head
        free = any(kid.tag_ == "WP" for kid in head.children)  # "what", "whatever"
        if free and noun.pos_ in ("NOUN", "PROPN") and noun.dep_ in _PREDICATIVE:
            return True
    return False


def same_clause(one: Token, other: Token) -> bool:
    """Whether two verbs head one clause: the same verb, or one reached from the other through
    open complements ('are scheduled to be held', 'are due to begin')."""
    return _chain_top(one).i == _chain_top(other).i


def _chain_top(verb: Token) -> Token:
    """The verb an open complement (xcomp) chain hangs from, through an adjective it completes
    ('are due to begin': 'begin' under 'due' under 'are')."""
    for _ in range(6):
        if verb.dep_ != "xcomp" or verb.head == verb:
            break
        verb = verb.head
        if verb.dep_ == "acomp" and verb.head != verb:
            verb = verb.head
    return verb


def new_time(place: Place, others: list[Place]) -> bool:
    """A date a thing was moved to ('shifted the event to 2022', 'delayed the vote until
    June') when another date of the sentence dates the moving itself ('last month')."""
    verb = place.verb
    if verb is None or place.thing is not None or not moved_to(place):
        return False
    return any(
        other.verb is not None and other.verb.i == verb.i and not moved_to(other)
        for other in others
        if other is not place
    )


_CALLED_OFF = _MOVING | {"cancel", "scrap", "relocate", "suspend", "scrub"}


def rescheduled(place: Place, written: str) -> bool:
    """A date naming a thing a clause moves or calls off: "Obama's original June 15 event was
    postponed", 'cancelled the March 3 vote' (the moving has its own time, not the thing's). A
    thing of the last days ("Sunday's games", "today's game") is called off as its news."""
    thing, verb = place.thing, place.verb
    if thing is None or verb is None or not place.names or verb.lemma_ not in _CALLED_OFF:
        return False
    if _RECENT.search(written):
        return False  # "Sunday's three games have been postponed": the news of the day
    return thing.head.i == verb.i and thing.dep_ in ("nsubjpass", "dobj", "nsubj")


def moved_from(place: Place) -> bool:
    """A date a moving verb takes a thing away from: 'was postponed from its traditional first
    Saturday in May', 'moved the vote from Tuesday to Thursday' (round 32). The thing no longer
    happens then: the date is the old time, a reference point, not the sentence's happening.
    The parser may hang a date's second part on the verb ('from ... Saturday | in May'): a date
    right after a date brought by that 'from' is its part."""
    verb = place.verb
    if verb is None or verb.lemma_ not in _MOVING:
        return False
    host = place.host
    if place.prep == "from" and host is not None:  # "pushed back from May 3": the particle's
        return host.i == verb.i or (host.head.i == verb.i and host.dep_ in ("advmod", "prt"))
    if place.prep not in ("in", "of") or place.root.i == 0:
        return False
    before = place.root.doc[place.root.i - 1]
    prep = before.head
    return (
        before.ent_type_ == "DATE"
        and before.dep_ == "pobj"
        and prep.lower_ == "from"
        and prep.head.i == verb.i
    )


def moved_to(place: Place) -> bool:
    """Whether a date is where a moving verb puts a thing in time: 'postponed to Friday'."""
    verb = place.verb
    return verb is not None and verb.lemma_ in _MOVING and place.prep in _NEW_TIME


def compared_amount(place: Place, written: str) -> bool:
    """A date naming a figure a change starts from: 'rising from July's 98.8 reading', 'up from
    April's 2.1% gain' (not 'results from Tuesday's elections'); a date a figure is 'down
    from' or 'up from'; the time of the figure a change starts from (`change_base`)."""
    if _from_change(place) or _level(place) or change_base(place, written):
        return True
    if part_base(place):  # "has increased from the first half of 2019"
        return True
    if _change_from_back(place, written):  # "a significant improvement from 12 months ago"
        return True
    thing = place.thing
    prep = next((word for word in place.crossed if word), "")
    if thing is None or not place.names or prep not in _COMPARED:
        return False
    verb = place.verb
    if prep == "from" and (verb is None or verb.lemma_ not in _CHANGING) and not _up_or_down(place):
        return False  # "the results from Tuesday's 12 contests": no change, no comparison
    return _amount(thing) or any(_amount(kid) for kid in thing.subtree if kid.i < thing.i)


def _from_change(place: Place) -> bool:
    """A date after the 'from' of 'up', 'down' or a change by an amount: 'up from April', 'a
    10-point increase from December'."""
    host = place.host
    if place.prep != "from" or host is None:
        return False
    return host.lower_ in _CHANGES or _change_noun(host)


_FROM_LEVEL = frozenset({"from", "off", "below", "above", "than", "versus"})


def _level(place: Place) -> bool:
    """A date naming the level a change or comparison starts from: 'eased from a Thursday
    high', 'closed below Tuesday's record' (the tagger may read 'high' as an adjective)."""
    level = place.thing if place.thing is not None else place.host
    if level is None or level.lower_ not in _LEVELS:
        return False
    return next((word for word in place.crossed if word), "") in _FROM_LEVEL


def _change_noun(host: Token) -> bool:
    """A noun telling a change by an amount ('a 10-point increase', 'a drop of 3 percent'),
    which the date after its 'from' is the base of; a change with no amount ('a shift from
    March') may be a move in time, and keeps its date."""
    if host.pos_ != "NOUN" or host.lemma_.lower() not in _CHANGING:
        return False
    return any(_amount(kid) for kid in host.subtree if kid.i != host.i)


# nouns of a change, beside those of _CHANGING: "an improvement from 12 months ago"
_CHANGE_NOUNS = _CHANGING | frozenset(
    {"improvement", "reduction", "deterioration", "recovery", "growth", "cut", "loss", "upturn"}
    | {"downturn", "turnaround", "change", "difference", "swing", "jump", "rebound", "advance"}
)


def _change_from_back(place: Place, written: str) -> bool:
    """A date counted back from the writing ('12 months ago', 'a year earlier', 'last year')
    after the 'from' of a noun of change ('a significant improvement from 12 months ago'): the
    base the change is measured from, never a move in time (round 25; 'a shift from March'
    keeps its date)."""
    host = place.host
    if place.prep != "from" or host is None or host.pos_ != "NOUN":
        return False
    return host.lemma_.lower() in _CHANGE_NOUNS and bool(_EARLIER.search(written))


# a part of a year a change is measured from: "has increased from the first half of 2019"
# (round 32; "will rise from April" is a start, and keeps its date)
_PARTS = frozenset({"half", "quarter", "period"})
_EARLIER = re.compile(r"(?i)\b(?:ago|earlier|before|previous|prior|last)\b")


def change_base(place: Place, written: str) -> bool:
    """The time a change is measured from: 'earnings dropped sharply from a year ago' (not
    'rose from January to March', a span, nor 'will come into force from Thursday', a start),
    or the day of the figure it starts from, which the
    parser hangs on the verb beside it: 'fell to 1.45 percent from 1.51 percent the day
    before', 'rose to $1.1175 from $1.1074 the day before'."""
    verb = place.verb
    if verb is None or verb.lemma_ not in _CHANGING or place.thing is not None:
        return False
    if place.prep == "from" and place.host is not None and place.host.i == verb.i:
        if not _EARLIER.search(written):
            return False  # "will come into force from Thursday": a start, no comparison
        return not any(_date_phrase(kid) for kid in verb.children if kid.lower_ in _NEW_TIME)
    root = place.root
    if place.prep or root.head.i != verb.i or root.dep_ not in ("npadvmod", "advmod"):
        return False
    start = root.left_edge.i
    return any(
        kid.dep_ == "prep" and kid.lower_ == "from" and kid.right_edge.i == start - 1
        for kid in verb.children
        if any(_amount(word) for word in kid.subtree)
    )


def part_base(place: Place) -> bool:
    """A part of a year a change is measured from: 'crimes in the first half of 2020 have
    increased from the first half of 2019', 'sales fell from the same period of 2021' (round
    32). A month or a day after 'from' ('bills will rise from April') is a start and keeps its
    date; a part of a year is a period set against another."""
    verb = place.verb
    if verb is None or verb.lemma_ not in _CHANGING or verb.lemma_ == "come":
        return False
    part = place.root if place.prep == "from" else place.thing
    if part is None or part.lemma_.lower() not in _PARTS or part.dep_ != "pobj":
        return False
    if part is place.thing and (place.prep != "of" or place.thing_prep != "from"):
        return False
    return part.head.lower_ == "from" and part.head.head.i == verb.i


def _date_phrase(prep: Token) -> bool:
    """Whether a preposition brings a date: 'to March'."""
    return prep.dep_ == "prep" and any(word.ent_type_ == "DATE" for word in prep.subtree)


def _up_or_down(place: Place) -> bool:
    """Whether the date's phrase hangs on 'up', 'down', 'higher' or 'lower'."""
    return any(word.lower_ in _CHANGES for word in place.root.ancestors)


def _amount(token: Token) -> bool:
    """A number, a sum or a share."""
    return token.like_num or token.ent_type_ in _AMOUNTS


def told(below: Link, above: Link) -> bool:
    """A passive telling that frames a that-clause: 'the audience was told that ...' (not 'two
    cases were reported on Saturday', a happening in the passive)."""
    return below.dep == "ccomp" and above.verb.lemma_ in _TELLING


def named_below(place: Place, main: Token, others: list[tuple[Place, int]], span: int) -> bool:
    """A date naming a thing in a clause under the sentence's own clause `main`, which a finer
    date dates ('fell on Tuesday as equities looked to extend their selloff of last week'); the
    dates come with the days they span (years listed side by side each stay: 'formed beginning
    with Matthew in 2016, followed by ... 2019's Dorian')."""
    links = place.links
    if not links or links[0].verb.i == main.i or not _names_thing(place):
        return False
    if any(link.dep == "conj" for link in links[:-1]):
        return False  # a coordinated clause tells its own happening
    return any(
        other is not place and other.verb is not None and other.verb.i == main.i and days < span
        for other, days in others
    )


def _names_thing(place: Place) -> bool:
    """'the 2020 election', "last week's selloff", 'the selloff of last week' (not 'the summer
    of 2020', a time)."""
    if place.names:
        return True
    host = place.host
    if place.prep != "of" or host is None or host.pos_ not in ("NOUN", "PROPN"):
        return False
    return host.ent_type_ not in ("DATE", "TIME") and host.lemma_.lower() not in _TIME_NOUNS


def done_by(place: Place, written: str) -> bool:
    """A past perfect by a time: 'by April the sector had (already) shed 106,000 jobs' (the
    shedding happened before April, the date is a cut-off). By a day of the last days it is the
    day's tally, its news: 'tar balls had been collected by Saturday afternoon'."""
    verb = place.verb
    if verb is None or place.prep != "by" or place.thing is not None or verb.tag_ != "VBN":
        return False
    if _RECENT.search(written):
        return False
    return any(kid.dep_ == "aux" and kid.lower_ == "had" for kid in verb.children)


def named_in_passing(place: Place, written: str) -> bool:
    """A date naming a thing in a gerund a preposition brings, under a state: 'is looking
    forward to signals before committing to a June 3 opening' (not 'The comments come following
    victories in Tuesday's elections', where 'following' is no gerund of a preposition, nor a
    day of the last days: 'is proud of winning Sunday's final')."""
    links = place.links
    if not place.names or len(links) < 2 or _RECENT.search(written):
        return False
    if place.root.dep_ not in _MODIFIER:
        return False  # "... in Orlando, Florida October 1 1996" (a caption's date) names nothing
    clause = links[0].verb
    if links[0].dep != "pcomp" or clause.tag_ != "VBG":
        return False  # a gerund a preposition brings: "before committing to ..."
    if any(kid.dep_ in ("nsubj", "nsubjpass") for kid in clause.children):
        return False
    return kinds.state(links[-1].verb)


def noun_setting(place: Place) -> bool:
    """Whether the preposition bringing the thing a date names hangs on another noun ('her rise
    in the 2024 race'), not on a clause ('was held in the 2024 race')."""
    thing = place.thing
    if thing is None or thing.dep_ != "pobj":
        return False
    prep = thing.head
    return prep.pos_ == "ADP" and prep.head.pos_ in ("NOUN", "PROPN") and prep.head.i != prep.i
