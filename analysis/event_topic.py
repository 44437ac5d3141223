"""Dates of what a clause speaks of, points to or measures: not the time of its happening.

Shapes read from the errors of the fifth batch of real pages (issue 12, seventh round), each a
reading of the parse spaCy already made:

- a participle that talks of a thing: in "pointing to Tuesday's dismal results, he charged" or
  "blaming him for the party's losses in Tuesday's elections", the day is the results' or the
  elections', which the speaker points to; the speaking itself is undated. Likewise "today"
  after the object of a comparing or describing participle ("comparing their lives today with
  ...") is the thing as it is nowadays. A participle of being somewhere ("Speaking at Tuesday's
  rally") is not one of these: its date is the setting of what the sentence tells.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.event_attach import Place

# Verbs whose object is what they point to as evidence or judge, not where or when they happen
# (not "describe" or "recount": "Describing a visit in August 1992, he acknowledges" tells the
# visit, as an account does).
POINTING_TO = frozenset(
    {"point", "cite", "refer", "blame", "credit", "mention", "invoke", "highlight", "reference"}
    | {"compare", "contrast", "liken", "praise", "criticize", "criticise", "dismiss", "lament"}
    | {"hail", "decry"}
)
# Verbs that liken the present to what came before: what they name lies behind the writing.
LIKENING_BACK = frozenset({"recall", "echo", "evoke", "resemble", "mirror", "remind"})
POINTING_BACK = POINTING_TO | LIKENING_BACK
# Verbs after whose object a bare "today" is the object as it is nowadays: "comparing their lives
# today with", "describing the city today as".
LIKENING = frozenset(
    {"compare", "contrast", "liken", "describe", "characterize", "characterise", "portray", "see"}
)
_OBJECTS = frozenset({"dobj", "prep"})


def talked_of(place: Place) -> bool:
    """A date in a participle adjunct of talking that names or describes the thing pointed to
    ("pointing to", "blaming ... for", "citing last week's survey"), or a bare "today" after the
    object of a likening one ("comparing the city today with"): not the participle's own time.
    The participle has no subject of its own and is not the sentence's root; a date on the
    participle itself, or on its direct object, where the parser may have hung the participle's
    own time ("citing the claim on Thursday"), dates it."""
    links = place.links
    if len(links) < 2 or links[0].dep not in ("advcl", "pcomp"):
        return False
    verb = links[0].verb
    if verb.tag_ != "VBG" or any(kid.dep_ in ("nsubj", "nsubjpass") for kid in verb.children):
        return False
    thing = place.thing
    if thing is not None:  # "citing the claim on Thursday": the day may be the citing's
        direct = thing.dep_ == "dobj" and thing.head.i == verb.i and not place.names
        return verb.lemma_ in POINTING_TO and not direct
    nowadays = place.root.lower_ == "today" and verb.lemma_ in LIKENING
    return nowadays and _after_object(verb, place.root)  # not "citing the claim on Thursday"


def _after_object(verb: Token, date: Token) -> bool:
    """Whether the date comes after an object of the verb ('comparing the city today')."""
    return any(kid.dep_ in _OBJECTS and verb.i < kid.i < date.i for kid in verb.children)


# Verbs whose "on" brings what is talked of: "touched briefly on the 2016 race", "commented on
# Tuesday's ruling" (not "voted on", "agreed on", "acted on": a happening on the thing).
TALKING_ON = frozenset(
    {"touch", "comment", "speak", "talk", "focus", "dwell", "elaborate", "reflect", "remark"}
    | {"write", "report", "testify", "brief", "lecture", "opine", "expound", "muse", "reminisce"}
    | {"centre", "center", "concentrate", "weigh", "harp", "editorialize", "editorialise"}
)
_TOPIC_ON = frozenset({"on", "upon", "about"})
# Verbs whose "of" brings what is talked of: "he said of the 2016 field", "spoke of last year's
# flood" (issue 12, round 15).
_TALKING_OF = frozenset({"say", "speak", "talk", "write", "think", "boast", "complain", "warn"})


def spoken_on(place: Place) -> bool:
    """A thing a date names that a clause talks on, about or of ('She touched briefly on the 2016
    race', 'weighed in on last month's vote', 'he said of the 2016 field'), or that a verbless
    headline is news on ('The Latest on the 2016 presidential campaign'): what is talked of,
    not when."""
    thing = place.thing
    if not place.names or thing is None or thing.dep_ != "pobj":
        return False
    prep = thing.head
    above = prep.head
    if prep.lower_ == "of" and above.lemma_ in _TALKING_OF:  # "he said of the 2016 field"
        return True
    if prep.lower_ not in _TOPIC_ON:
        return False
    if above.dep_ == "prt" or (above.pos_ == "ADV" and above.lower_ == "in"):
        above = above.head  # "weighed in on"
    if above.pos_ in ("VERB", "AUX"):
        return above.lemma_ in TALKING_ON
    return above.dep_ == "ROOT" and above.pos_ in ("NOUN", "PROPN", "ADJ")
