"""Which way a relative date points, read from the tense of the clause it dates.

"On Tuesday, Trump said" is the past Tuesday even when the sentence goes on to "the upcoming
ban"; "is expected to clear by Friday evening", "host the Celtics on Sunday" (a present tense
with a date is a schedule), "he'll be at Ludlow Liquors December 11", "is making ... free from
Monday", "ahead of Tuesday's debate", "was postponed to Thursday" and a reported "would"
("officials said the road would reopen on Monday") point forward; a present of pointing to
or citing ("points to a decision in July", "is highlighting his win on Feb. 1") does not. A
plan told in the past ("was due to meet ... on Saturday") may be either side of the day it was
written: the nearest such day is meant. A date naming a thing ("the March 3 primaries") takes
no direction from the clause around it.
"""

from __future__ import annotations

from enum import StrEnum

from spacy.tokens import Token

from analysis.clause_kinds import auxes
from analysis.event_as_planned import outside_manner
from analysis.event_aspect import modal_ahead, modal_perfect
from analysis.event_attach import Place
from analysis.event_hoped import reported_or_hoped
from analysis.event_nearest import looks_back, nearest, outside_title, own_time_now
from analysis.event_planned_thing import planned_thing
from analysis.event_plans import directs, headline_infinitive, planned_passive
from analysis.event_targeted import arranged_for, soonest
from analysis.event_topic import POINTING_TO
from analysis.event_words import COMING, PLANS, REPORTING, STATES

_WILL = frozenset({"will", "shall", "'ll", "’ll", "wo"})
_PAST_AUX = frozenset({"was", "were", "had", "did", "has", "have", "'ve", "’ve"})
_FORWARD_PREPS = frozenset({"ahead of", "ahead to", "prior to"})
_UPCOMING = frozenset({"upcoming", "next", "coming", "forthcoming"})
_SEEMING = frozenset({"appear", "seem", "show", "stand", "continue"})
_FORECASTS = frozenset({"forecast", "predict", "project"})
_FORESEEING = frozenset(
    {"foresee", "envisage", "envision", "anticipate", "plan", "schedule", "propose", "expect"}
)
_SETTINGS = frozenset({"at", "in", "during", "on"})
_MOVED = frozenset({"postpone", "delay", "reschedule", "push", "move", "adjourn", "defer"})


class Direction(StrEnum):
    """Where a relative date lies from the day it was written."""

    FUTURE = "future"
    PAST = "past"
    NEAREST = "nearest"


def _xcomp_chain(verb: Token) -> list[Token]:
    """The verb and the verbs it is the complement of: 'meet' in 'was due to meet'; also a
    to-infinitive the parser gave a subject of its own ('expect BP to report': a ccomp)."""
    chain = [verb]
    while _complement(chain[-1]) and chain[-1].head != chain[-1] and len(chain) < 8:
        chain.append(chain[-1].head)
    return chain


def _complement(verb: Token) -> bool:
    """An open complement, or a to-infinitive clause with its own subject ('expect BP to
    report ... on Tuesday')."""
    if verb.dep_ == "xcomp":
        return True
    to = any(kid.dep_ == "aux" and kid.lower_ == "to" and kid.i < verb.i for kid in verb.children)
    # a passive one too: 'expects the well to be sealed on Saturday' (round 19)
    passive = verb.tag_ == "VBN" and any(
        kid.dep_ == "auxpass" and kid.tag_ == "VB" for kid in verb.children
    )
    return verb.dep_ == "ccomp" and to and (verb.tag_ == "VB" or passive)


def _plan(chain: list[Token]) -> Direction | None:
    """A plan word over the clause: forward, or the nearest day when told in the past."""
    for verb in chain[1:] if len(chain) > 1 else chain[:0]:
        words = [verb, *(kid for kid in verb.children if kid.dep_ in ("acomp", "oprd"))]
        planned = any(word.lemma_.lower() in PLANS or word.lower_ in PLANS for word in words)
        if not planned and not directs(verb):  # "has invited Trump to meet on Thursday"
            continue
        told = [verb, *auxes(verb)]
        if verb.dep_ in ("acomp", "oprd"):  # "was due to": the tense is the copula's
            told += [verb.head, *auxes(verb.head)]
        if any(word.tag_ == "VBD" for word in told):
            return Direction.NEAREST
        return Direction.FUTURE
    return None


def _tense(verb: Token, bare: bool = False) -> Direction | None:
    """The direction the tense of one clause gives, if it gives one; `bare`: the date has no
    preposition ('a boost from the win Tuesday' may time the win, not the modal's verb)."""
    helpers = auxes(verb)
    words = {aux.lower_ for aux in helpers}
    present = verb.tag_ in ("VBZ", "VBP") and not helpers
    progressive = verb.tag_ == "VBG" and any(aux.tag_ in ("VBZ", "VBP") for aux in helpers)
    reported = reported_or_hoped(verb)
    rules = (
        (bool(words & _WILL), Direction.FUTURE),
        (modal_perfect(verb), Direction.PAST),  # "Saturday would have been his birthday"
        (not bare and modal_ahead(verb), Direction.FUTURE),  # "voters she must win in November"
        # "officials said the road would reopen on Monday": the future of a recent saying
        ("would" in words and reported, Direction.FUTURE),
        (
            verb.tag_ == "VBD" or bool(words & _PAST_AUX) or _past_read_as_participle(verb),
            Direction.PAST,
        ),
        (verb.lemma_ in REPORTING and verb.tag_ in ("VBZ", "VBP", "VBN"), Direction.PAST),
        (verb.lemma_ in REPORTING, None),
        # "coming in e-book and audio formats June 9"
        (verb.tag_ == "VBG" and not helpers and _coming(verb), Direction.FUTURE),
        # "watch my documentary Saturday night at 8"
        (_imperative(verb), Direction.FUTURE),
        # "the tour resumes March 12th"; a state ("the dividend is payable on Dec 18", "damage
        # appears widespread from Nov. 5") may be either side of the day it was written
        (present and verb.lemma_ in STATES | _SEEMING, Direction.NEAREST),
        # "He points to a CJEU decision in July that said ...", "is highlighting his Iowa win
        # on Feb. 1": what a present of pointing to or citing names is there already, no schedule
        ((present or progressive) and verb.lemma_ in POINTING_TO, Direction.PAST),
        (present, Direction.FUTURE),
        # "is making ... free from Monday"
        (progressive, Direction.FUTURE),
    )
    return next((way for holds, way in rules if holds), None)


def _past_read_as_participle(verb: Token) -> bool:
    """A finite clause's verb the tagger read as a participle ('In April, Trump called [VBN]
    Ford's plans ... a disgrace'): with a subject of its own and no auxiliary, as the root or
    a clause coordinated with or reported by it, it can only be a simple past."""
    if verb.tag_ != "VBN" or auxes(verb) or verb.dep_ not in ("ROOT", "conj", "ccomp"):
        return False
    return any(kid.dep_ == "nsubj" for kid in verb.children)


def _forecast_of(place: Place, verb: Token) -> bool:
    """A bare day after what a forecast names ('ISO forecast electricity demand Monday at near
    peak levels') may be the forecast's day or the day forecast: the nearest such day."""
    if verb.lemma_ not in _FORECASTS or place.prep or place.root.dep_ != "npadvmod":
        return False
    return any(kid.dep_ == "dobj" and kid.i < place.root.i for kid in verb.children)


def _imperative(verb: Token) -> bool:
    """An imperative: 'watch my documentary Saturday night' (a base form with no subject)."""
    if verb.tag_ != "VB" or auxes(verb) or verb.dep_ not in ("ROOT", "ccomp", "conj"):
        return False
    return not any(kid.dep_ in ("nsubj", "nsubjpass", "expl") for kid in verb.children)


def direction(place: Place) -> Direction | None:
    """The direction of a date from its place; None when the parse does not say."""
    place = outside_title(place)  # "said on ''Meet the Press'' on Sunday"
    place = outside_manner(place)  # "retired, as scheduled, on June 30"
    if any(word in _FORWARD_PREPS for word in place.crossed) or soonest(place):
        return Direction.FUTURE  # "ahead of Tuesday's vote", "set aflame as soon as Wednesday"
    if place.thing is not None and any(kid.lower_ in _UPCOMING for kid in place.thing.children):
        return Direction.FUTURE
    verb = place.verb
    if verb is None:
        return None
    moved = verb.lemma_ in _MOVED and place.prep == "to"  # "was postponed to Thursday": ahead
    early = Direction.FUTURE if moved else _planned_thing(place, verb) or _own_plan(place, verb)
    if early is None:  # "has called a special meeting ... for Wednesday"
        early = _arranged(place)
    if early is None:  # "the fallout from the April 20 explosion that caused ...": past
        early = _thing_told(place)
    if early is None and looks_back(place):  # "echoes a walkout in June": the last June
        early = Direction.PAST
    if early is None and modal_ahead(verb) and _setting(place, verb):
        # a phrase setting a possibility or a duty ahead is ahead ("protests may take place on
        # Sunday's anniversary", "could be raised at Tuesday's meeting"; round 19)
        early = Direction.FUTURE
    if early is None and nearest(place):  # "follows 292,000 in June", "Monday's decision will"
        early = Direction.NEAREST
    if early is not None:
        return early
    said = (
        Direction.NEAREST
        if _forecast_of(place, verb)
        else _plan(_xcomp_chain(verb))
        or (_clause_above(place) if _perceived(verb) else None)
        or _tense(verb, bare=not place.prep)
        or _clause_above(place)
    )
    thing = place.thing
    # "At Monday's briefing, X said": a phrase setting a past clause is past
    setting = said is Direction.PAST and _setting(place, verb)
    if thing is not None and not setting and not _marked_future(verb):
        # "follows Macron's response in March": the response has its own time, unless the
        # clause foresees it ("the guidelines foresee the opening Monday of bars"); a thing of
        # a clause told in the past ("marched on the first day of the convention on Monday")
        # is past, whatever "will" the sentence says elsewhere
        above = None if verb.tag_ == "VBN" else _clause_above(place)  # not "the boost needed"
        past = (_told(verb) or above) is Direction.PAST
        # "meet for the first of three debates Monday": the nearest Monday
        other = Direction.NEAREST if own_time_now(place) else None
        return _foreseen(place, verb) or (Direction.PAST if past else other)
    return said


def _arranged(place: Place) -> Direction | None:
    """The side of a day a clause arranges something for ('has called a meeting for
    Wednesday'; `analysis.event_targeted`)."""
    side = arranged_for(place)
    return Direction(side) if side is not None else None


def _thing_told(place: Place) -> Direction | None:
    """The side a date's thing tells of itself in a relative clause whose subject it is ('the
    April 20 explosion that caused a massive gusher', "Monday's debate, which will draw"): the
    thing's own time, whatever the clause above plans or says (round 19). A plan or a move
    ('which was scheduled', 'which was postponed') says nothing of the day."""
    thing = place.thing
    if thing is None or not place.names:
        return None
    for kid in thing.children:
        if kid.dep_ != "relcl" or kid.lemma_ in PLANS | _MOVED or kid.lemma_ in REPORTING:
            continue
        if not any(k.dep_ in ("nsubj", "nsubjpass") and k.tag_ == "WDT" for k in kid.children):
            continue  # "the debate he watched": the clause's subject is another
        return _told(kid)
    return None


def _setting(place: Place, verb: Token) -> bool:
    """Whether the date names a thing whose phrase sets the verb's clause ('at Monday's
    briefing', 'on Sunday's anniversary')."""
    thing = place.thing
    return (
        place.names
        and place.thing_prep in _SETTINGS
        and thing is not None
        and thing.head.head.i == verb.i
    )


def _own_plan(place: Place, verb: Token) -> Direction | None:
    """A plan the date's verb itself states: 'A memorial service is planned Friday', a
    headline's 'Obama, Biden to campaign for Clinton in September' (a date of the verb, not of
    a thing: 'Police to probe Tuesday's crash')."""
    if place.thing is not None:
        return None
    planned = planned_passive(verb, place.prep)
    if planned is not None:
        return Direction(planned)
    return Direction.FUTURE if headline_infinitive(verb) else None


def _planned_thing(place: Place, verb: Token) -> Direction | None:
    """A thing due or expected at a time ('the election due in December', 'The report,
    expected in June, is likely to'): ahead, or the nearest such time when the clause it belongs
    to is told in the past. A thing a participle calls planned ('continue with Thursday's
    planned march'; `analysis.event_planned_thing`) is the nearest such day."""
    if planned_thing(place):
        return Direction.NEAREST
    if place.prep.startswith("due "):
        around = verb
    elif verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_ in _EXPECTING:
        if len(place.links) < 2 or auxes(verb):
            return None
        around = place.links[1].verb
    else:
        return None
    return Direction.NEAREST if _told(around) is Direction.PAST else Direction.FUTURE


_EXPECTING = frozenset({"expect", "schedule", "slate", "plan", "set"})
_UNTENSED = frozenset({"VBG", "VBN", "VB"})
_SEQUENCE = frozenset({"follow", "precede"})  # "a speech on Monday, followed by one on Tuesday"


def _clause_above(place: Place) -> Direction | None:
    """The direction of a verb with no tense of its own. A past participle tells a thing done
    ('a poll released Sunday', 'an interview taped Friday'); a gerund or a bare infinitive
    takes the tense of the clause it hangs on when that clause says it ('said while
    campaigning in Ohio on Tuesday', 'After meeting the union on Monday, the minister said').
    So does what someone saw happen ('had seen two cars collide ... on Tuesday night', even
    when the tagger reads 'explode' in 'heard three shells explode' as a present). Without this
    the sentence's words decided, and a "will" or "going to" anywhere in it sent the day ahead.
    A plan's participle ('set for release on Friday'), an imperative, and a present above ('is
    lagging ... despite winning in February': no schedule) say nothing."""
    verb = place.verb
    if verb is None or auxes(verb) or _imperative(verb):
        return None
    if verb.tag_ not in _UNTENSED and not _perceived(verb):
        return None
    if verb.lemma_ in PLANS | COMING | _SEQUENCE or verb.dep_ == "xcomp":
        return None
    if verb.tag_ == "VBN":
        return Direction.PAST
    for link in place.links[1:3]:
        found = _plan(_xcomp_chain(link.verb)) or _told(link.verb)
        if found is not None or link.verb.tag_ not in _UNTENSED or auxes(link.verb):
            return found
    return None


_PERCEIVING = frozenset({"see", "hear", "watch", "feel", "notice", "witness", "observe"})


def _perceived(verb: Token) -> bool:
    """A bare infinitive of what someone saw or heard happen ('heard three shells explode'),
    which the tagger may read as a present (VBP): it has the seeing's time, no schedule."""
    if verb.dep_ != "ccomp" or verb.head.lemma_ not in _PERCEIVING or auxes(verb):
        return False
    return verb.tag_ in ("VB", "VBP")


def _told(verb: Token) -> Direction | None:
    """The direction a clause's own tense words give: 'will', a past form or a past auxiliary
    (not a present, which may be a schedule or a state)."""
    words = {aux.lower_ for aux in auxes(verb)}
    if words & _WILL:
        return Direction.FUTURE
    if verb.tag_ == "VBD" or words & _PAST_AUX:
        return Direction.PAST
    return None


def _foreseen(place: Place, verb: Token) -> Direction | None:
    """A day of what a clause foresees or plans ('the guidelines foresee the opening Monday of
    bars'): ahead, or the nearest such day when the foreseeing is told in the past."""
    thing = place.thing
    if thing is None or thing.dep_ != "dobj" or thing.head.i != verb.i:
        return None
    if verb.lemma_ not in _FORESEEING:
        return None
    past = verb.tag_ == "VBD" or any(aux.tag_ == "VBD" for aux in auxes(verb))
    return Direction.NEAREST if past else Direction.FUTURE


def _marked_future(verb: Token) -> bool:
    """Whether a clause is put in the future by a word, not by a present tense alone: 'will',
    a plan, a reported 'would' ('said details would be made public after a meeting on
    Friday')."""
    words = {aux.lower_ for aux in auxes(verb)}
    if words & _WILL or _plan(_xcomp_chain(verb)) or ("would" in words and reported_or_hoped(verb)):
        return True
    return verb.tag_ == "VBG" and _coming(verb) and not auxes(verb)


_MOTION = frozenset({"from", "off", "back", "home", "down", "through", "across", "into"})


def _coming(verb: Token) -> bool:
    """'coming' of what is ahead ('coming in e-book June 9', 'coming out Friday': a release), not
    of a motion ('the huzzahs coming out of her headquarters Monday night', 'coming back from
    Iowa'; round 19)."""
    if verb.lemma_ not in COMING:
        return False
    doc = verb.doc
    return not any(
        kid.dep_ in ("prt", "prep", "advmod")
        and (
            kid.lower_ in _MOTION
            or (kid.lower_ == "out" and kid.i + 1 < len(doc) and doc[kid.i + 1].lower_ == "of")
        )
        for kid in verb.children
    )
