"""A forecast of the weather or of a day's state: no happening (round 32).

"Wednesday is forecast to be even colder", "Friday looks wet", "The sudden cold snap should
peak Wednesday before temperatures climb back up on Thursday": the nineteenth batch's weather
report dated these as events, but a forecast of a state takes place at no time (issue 12's
"other" class). Two shapes, each told as still to come (a modal, "will", a verb of forecasting,
or a present on such a clause; never a past, which tells what the weather did):

- the day itself is the subject of the weather: "Wednesday is forecast to be colder",
  "Thursday will be dry", "Sunday looks wet" (an adjective of the weather; "Tuesday is the
  deadline" and "Monday will be busy for the president" keep their dates);
- the clause's subject is a word of the weather ("temperatures", "the cold snap", "rain",
  "highs"), not a named storm or a happening ("Hurricane Ida will make landfall on Sunday",
  "the storm hit on Monday" keep their dates).
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.clause_kinds import auxes
from analysis.event_attach import Place

_MODALS = frozenset({"will", "would", "should", "could", "may", "might", "'ll", "’ll", "shall"})
_FORECASTING = frozenset({"forecast", "expect", "predict", "project", "set"})
_SEEMING = frozenset({"be", "look", "seem", "appear", "stay", "remain", "turn", "feel", "become"})
_WEATHER = frozenset(
    {"temperature", "weather", "heatwave", "rain", "rainfall", "snow", "snowfall", "shower"}
    | {"frost", "fog", "mercury", "high", "low", "wind", "cold", "heat", "chill", "drizzle"}
    | {"sleet", "humidity", "thermometer", "sunshine", "cloud", "skies", "sky", "downpour"}
)
# a day's weather ('colder', 'dry', 'sunny'); not a day's weight ('Monday will be busy for the
# president', 'Tuesday is crucial'), which tells of happenings that day
_WEATHER_STATES = frozenset(
    {"hot", "cold", "warm", "cool", "mild", "dry", "wet", "sunny", "cloudy", "windy", "rainy"}
    | {"snowy", "stormy", "foggy", "humid", "chilly", "freezing", "frigid", "icy", "overcast"}
    | {"muggy", "showery", "unsettled", "breezy", "frosty", "warmer", "colder", "hotter"}
    | {"cooler", "milder", "drier", "wetter", "sunnier", "cloudier", "windier", "chillier"}
)
_SPELLS = frozenset({"snap", "wave", "spell", "front"})  # "cold snap", "heat wave", "cold front"
_SPELL_KINDS = frozenset({"cold", "heat", "hot", "warm", "dry", "wet", "arctic", "polar"})
_PAST_TAGS = frozenset({"VBD"})
_PAST_AUX = frozenset({"was", "were", "had", "did", "has", "have"})


def forecast_state(place: Place) -> bool:
    """Whether a date is the day of a forecast state: the subject of a state still to come
    ('Wednesday is forecast to be colder') or the time of the weather's coming state or
    change ('before temperatures climb back up on Thursday', under 'should peak')."""
    verb = place.verb
    if verb is None or not _to_come(place):
        return False
    subject = _subject(verb)
    if place.root.head.i == verb.i and (
        place.root.dep_ in ("nsubj", "nsubjpass")
        or (place.root.dep_ == "npadvmod" and subject is None and place.root.i < verb.i)
    ):
        return _state_of(verb)  # "Thursday will be dry", the day read as an adverb
    return subject is not None and _weather(subject)


def _subject(verb: Token) -> Token | None:
    """A clause's subject, or that of the clause an infinitive completes ('rain is expected to
    cause flooding')."""
    while True:
        subject = next((kid for kid in verb.children if kid.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return subject
        verb = verb.head


def _to_come(place: Place) -> bool:
    """Whether the date's clause, or one it hangs on, is told as still to come: a modal or a
    passive of forecasting ('is forecast to', 'should peak'), with no past on the way ('set a
    record on Monday', 'had peaked')."""
    ahead = False
    for link in place.links:
        verb = link.verb
        helpers = auxes(verb)
        foretold = verb.lemma_ in _FORECASTING and verb.tag_ in ("VBN", "VBZ", "VBP")
        if verb.tag_ in _PAST_TAGS or (
            any(aux.lower_ in _PAST_AUX for aux in helpers) and not foretold
        ):
            return False
        if foretold or any(aux.lower_ in _MODALS for aux in helpers):
            ahead = True
        if link.dep == "ccomp":
            break  # "Temperatures will reach 35C on Friday, the agency said": a reported one
    return ahead


def _state_of(verb: Token) -> bool:
    """Whether a clause, or the 'to be' it forecasts, tells the weather by an adjective: 'is
    forecast to be colder', 'will be dry', 'looks wet'."""
    for clause in (verb, *(kid for kid in verb.children if kid.dep_ == "xcomp")):
        if clause.lemma_ in _SEEMING and any(
            kid.dep_ == "acomp" and kid.lemma_.lower() in _WEATHER_STATES for kid in clause.children
        ):
            return True
    return False


def _weather(subject: Token) -> bool:
    """Whether a subject is a word of the weather: 'temperatures', 'the cold snap', 'highs'."""
    lemma = subject.lemma_.lower()
    if subject.pos_ == "PROPN":
        return False  # "Storm Ciarán", a named happening
    if lemma in _WEATHER:
        return True
    return lemma in _SPELLS and any(
        kid.lower_ in _SPELL_KINDS for kid in subject.children if kid.dep_ in ("amod", "compound")
    )
