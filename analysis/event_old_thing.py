"""An old thing in a clause told now or ahead: history mentioned, not the clause's time.

"Netanyahu said Israel would preserve its 1979 peace with Egypt", "people have long memories
of a mass killing in 1980", "vows to repeal the 2010 health law": the date names or describes a
thing (the parser hangs it on a noun: `poss`, `compound`, `nmod`, `nummod`, or a preposition of
the noun), and the clause that thing belongs to is told in the present or ahead. A happening of
now or of the future cannot have taken place a year or more before the writing, so the date
only says which thing is meant (issue 12, round 16: passing mentions). A clause told in the
past ("signed the 2010 law", "has praised the 1965 act"), a copula ("The model is the 1929
crash", which takes its subordinate's happening), time nouns ("the end of the 2015 season"), a
thing that sets the scene ("In the October 2014 video ..., McDonald is seen walking", "an
exchange during the vice presidential debate in 2012") and the last year's dates ("will appeal
last month's ruling") keep their reading. Subjects of a
simple present are read by `analysis.event_listed.old_subject_now` too; this reads any
argument, and the future.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from analysis.clause_kinds import auxes
from analysis.event_attach import Place, long_before
from analysis.event_nested import TIMES
from analysis.event_topic import POINTING_BACK
from analysis.event_words import STATES

_AHEAD = frozenset({"will", "shall", "'ll", "’ll", "wo", "would", "can", "could", "may"})
_AHEAD_MORE = frozenset({"might", "must", "should", "ca"})
_PAST_AUX = frozenset({"was", "were", "had", "did", "has", "have", "'ve", "’ve", "having"})
# a present that names history as a state, or by pointing back to it ("recalls the Asian
# financial crisis in 1997", "echoes the 1968 protests")
_RECALLING = STATES | POINTING_BACK | {"remember", "fear", "mark"}
_SETTINGS = frozenset({"in", "at", "during", "on", "throughout", "from"})
_NOW_TAGS = frozenset({"VBZ", "VBP"})
_BARE_TAGS = frozenset({"VB", "VBG"})


def old_thing_now(place: Place, last: int, published: date | None) -> bool:
    """Whether a date a year or more before the writing names or describes a thing of a
    clause told in the present or the future (not a copula)."""
    thing, verb = place.thing, place.verb
    if published is None or not last or verb is None:
        return False
    if not long_before(last, published) or verb.lemma_ == "be":
        return False
    if thing is None:  # "The slowdown echoes the debt crisis in 1982" (the parser's attachment)
        return verb.lemma_ in POINTING_BACK and verb.tag_ in _NOW_TAGS and not auxes(verb)
    return thing_of_now(place, thing, verb)


def thing_of_now(place: Place, thing: Token, verb: Token) -> bool:
    """Whether the thing is history mentioned by a clause told now or ahead."""
    if thing.pos_ not in ("NOUN", "PROPN") or thing.ent_type_ in ("DATE", "TIME"):
        return False
    if thing.lemma_.lower() in TIMES:
        return False
    if verb.lemma_ in POINTING_BACK and (not _scene(place, thing, verb) or _after_object(thing)):
        return True  # "evoked Pat Buchanan's speech at the 1992 convention", "cited the 2008 crash"
    if _scene(place, thing, verb):
        return False  # "In the October 2014 video ..., McDonald is seen walking": a scene
    if not now_or_ahead(verb):
        return False
    # a narrative's present ("Sullivan forwards an article in May 2012") tells a happening then;
    # a present names history only as a state or through another noun ("memories of")
    return _marked(verb) or verb.lemma_ in _RECALLING or _under_noun(thing)


def _scene(place: Place, thing: Token, verb: Token) -> bool:
    """Whether the thing sets the clause's scene: 'In the October 2014 video, X is seen' (a
    setting preposition on the clause's verb; not 'a speech at the 1992 convention')."""
    prep = thing.head
    return place.thing_prep in _SETTINGS and thing.dep_ == "pobj" and prep.head.i == verb.i


def _after_object(thing: Token) -> bool:
    """Whether the thing's phrase comes after the verb's object, which it most likely describes
    ('evoked Buchanan's speech at the 1992 convention': the parser hung 'at' on the verb)."""
    prep = thing.head
    verb = prep.head
    return any(kid.dep_ == "dobj" and kid.i < prep.i for kid in verb.children)


def _marked(verb: Token) -> bool:
    """A clause put ahead by a word ('would preserve') or a bare verb under another ('vows to
    scrap')."""
    words = {aux.lower_ for aux in auxes(verb)}
    return bool(words & (_AHEAD | _AHEAD_MORE)) or verb.tag_ in _BARE_TAGS


def _under_noun(thing: Token) -> bool:
    """Whether the thing hangs under another noun through a preposition ('memories of a
    massacre')."""
    prep = thing.head
    return thing.dep_ == "pobj" and prep.head.i != prep.i and prep.head.pos_ in ("NOUN", "PROPN")


def now_or_ahead(verb: Token, depth: int = 0) -> bool:
    """A clause told in the present or ahead: a present tense, 'will', a modal; a bare verb or
    a participle takes the tense of the verb it hangs on ('vows to repeal')."""
    helpers = auxes(verb)
    words = {aux.lower_ for aux in helpers}
    if words & _PAST_AUX or any(aux.tag_ == "VBD" for aux in helpers):
        return False  # "has praised", "was preserved", "would have been"
    if words & (_AHEAD | _AHEAD_MORE):
        return True
    if verb.tag_ in _NOW_TAGS or (helpers and all(aux.tag_ in _NOW_TAGS for aux in helpers)):
        return True  # "have memories", "is recovering from"
    head = verb.head
    if verb.tag_ in _BARE_TAGS and head.i != verb.i and head.pos_ in ("VERB", "AUX") and depth < 3:
        return now_or_ahead(head, depth + 1)  # "vows to repeal"; not "Speaking at ..., he said"
    return False
