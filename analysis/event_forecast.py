"""A year a forecast gives a figure for: the period of a projected measure, no happening.

"The economy is projected to grow 2.1 percent next year", "The fund expects prices to rise 8% this
year", "It sees unemployment falling to 4.5 percent next year", "The bank expects three rate hikes
in 2025", "The agency cut its outlook for growth to 1.6% this year", "The projected rate increases
next year would be followed by three more in 2026", "Output will grow just 0.5% in 2025": an
institution's or an analyst's projection of a figure (growth, inflation, prices, a rate) for a
year not over when the page was written. The year is the period the figure is foreseen for,
not the time of anything that takes place (issue 12's "other" class: forecasts; round 22).

Narrower than round 21's reverted try (2a6f55b, which took any quantity or sum under any verb
of forecasting and lost a right event on a held-out batch). All of these must hold:

- the date is a whole year (or longer) whose last day is not yet past at the writing;
- its clause tells a rate: a percentage in the clause itself (not in a clause below it), or a
  counted or rate-named change ("three hikes", "rate hikes", "two cuts");
- the projection is said in so many words, one of ((f) needs no percentage):
  (a) the date's clause is a verb of change or level of a figure ("grow", "rise", "fall",
      "come in at", "be") told as the open or clausal complement of a verb of forecasting
      ("is projected to grow", "expects prices to rise", "foresees the economy growing");
  (b) the date's clause is that verb of forecasting itself, the figure its object ("expects
      meager 1% growth next year", "sees three rate hikes in 2025", "signaled a faster pace of
      increases next year"; told in the past only for a year still to come); "see" only in
      the present and for a year still to come ("the town sees 5% more visitors this year" is
      observed);
  (c) the clause's object is a forecast noun ("its outlook for growth", "its forecast");
  (d) a verb of an output's growth told with "will" or "would" ("will grow just 0.5% in 2025";
      not "the wage will rise 10% next year", which may be a scheduled change);
  (e) counted changes the date hangs on, or the clause's subject, are "projected",
      "expected" or "forecast" ("the projected three rate increases next year"; not "the
      expected 5% pay rise will take effect next year", a plan);
  (f) for a year still to come, the moves of a rate, counted or rate-named, whoever tells
      them and in any tense ("markets pricing in two or three hikes in 2025", "can get away
      with three hikes next year": no one reports a future year's moves as done; not "two pay
      increases next year" or "two cuts to its workforce", changes of a thing named);

Kept: a plan or a scheduled happening with no rate ("expects to launch its phone in 2025", "is
expected to hold elections next year"), an action done to a figure ("will raise fees by 5% next
year": a decision, not a verb of change), a figure told in the past ("grew 3% this year", "has
raised rates five times this year", "estimated that sales rose 4% this year"), a year over
("fell short of the projected growth of 4.5% in 2019", written in 2020), and a day or a month
("had expected a rate hike on Wednesday").
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from analysis.clause_kinds import auxes
from analysis.event_attach import VERBS, Place

_YEAR_DAYS = 364  # a whole year or longer: last day less first day
_FORESEEING = frozenset(
    {"forecast", "project", "expect", "estimate", "predict", "foresee", "anticipate", "see"}
    | {"signal"}
)
_FORECAST_NOUNS = frozenset({"forecast", "outlook", "projection", "prediction", "estimate"})
_FORECAST_MARKS = frozenset({"projected", "expected", "forecast", "predicted", "anticipated"})
# verbs that tell a figure's change or level, not an action done to it
_CHANGING = frozenset(
    {"grow", "rise", "fall", "expand", "contract", "shrink", "slow", "accelerate", "decline"}
    | {"drop", "climb", "increase", "decrease", "average", "reach", "hit", "remain", "stay"}
    | {"ease", "come", "eke", "see", "be", "top", "exceed", "jump", "slip", "edge", "peak"}
    | {"hover", "surge", "soar", "plunge", "tumble", "rebound", "recover", "moderate", "slide"}
    | {"sink", "dip", "improve", "weaken", "strengthen", "pick", "level"}
)
# of these, only a verb of an output's growth foretells a figure by "will" alone: "the wage will
# rise 10% next year" or "the tax will fall to 21% in 2026" may be a scheduled change, a plan
_GROWING = frozenset({"grow", "expand", "contract", "shrink", "slow", "accelerate", "rebound"})
_CHANGE_NOUNS = frozenset({"hike", "increase", "cut", "rise", "reduction", "rate"})
_RATE_WORDS = frozenset({"rate", "interest"})
_MOVES = frozenset({"hike", "increase", "cut", "rise"})
_PERCENT_WORDS = frozenset({"percent", "%", "pct"})
_COMPLEMENTS = frozenset({"xcomp", "ccomp"})
_FUTURE = frozenset({"will", "would", "'ll", "’ll"})
_PAST_TAGS = frozenset({"VBD", "VBN"})
_PAST_AUX = frozenset({"have", "has", "had", "did", "was", "were"})


def _percent(word: Token) -> bool:
    return word.ent_type_ == "PERCENT" or word.lower_ in _PERCENT_WORDS


def _own_clause(word: Token, verb: Token) -> bool:
    """Whether a word belongs to the verb's own clause: no other verb between them."""
    head = word
    for _ in range(12):
        if head.i == verb.i:
            return True
        if head.i != word.i and head.pos_ in VERBS and head.dep_ != "prep":
            return False
        if head.head.i == head.i:
            return False
        head = head.head
    return False


def _counted_change(word: Token) -> bool:
    """'three hikes', 'rate hikes', 'two cuts', 'a faster pace of increases': a counted or
    rate-named change."""
    if word.lemma_.lower() not in _CHANGE_NOUNS or word.tag_ != "NNS":
        return False
    paced = word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.lower_ == "pace"
    return paced or any(
        kid.dep_ == "nummod" or (kid.dep_ == "compound" and kid.lemma_.lower() in _RATE_WORDS)
        for kid in word.children
    )


def _rate(verb: Token) -> bool:
    """Whether the verb's own clause tells a rate: a percentage or a counted change."""
    return any(
        (_percent(word) or _counted_change(word)) and _own_clause(word, verb)
        for word in verb.subtree
    )


def _rate_moves(word: Token) -> bool:
    """'three hikes', 'two rate cuts', 'interest rate increases': moves of a rate, counted or
    named; not changes of something named ('two pay increases', 'cuts to its workforce')."""
    if word.lemma_.lower() not in _MOVES or word.tag_ != "NNS":
        return False
    kids = list(word.children)
    if any(kid.dep_ == "compound" and kid.lemma_.lower() in _RATE_WORDS for kid in kids):
        return True
    named = any(kid.dep_ in ("compound", "prep") for kid in kids)
    return not named and any(kid.dep_ == "nummod" for kid in kids)


def _moves_ahead(verb: Token) -> bool:
    """(f) a rate's moves in a year still to come, whoever tells them: 'pricing in at least two
    and possibly three hikes in 2017', 'can get away with three hikes next year'."""
    return any(_rate_moves(word) and _own_clause(word, verb) for word in verb.subtree)


def _told_past(verb: Token) -> bool:
    """'grew', 'has raised', 'had risen': a figure told as a result."""
    if verb.tag_ == "VBD":
        return True
    helpers = auxes(verb)
    if verb.tag_ in _PAST_TAGS and any(aux.lower_ in _PAST_AUX for aux in helpers):
        return not any(aux.lower_ in _FUTURE for aux in helpers)  # 'will have grown'
    return False


def _forecast_verb(verb: Token, ahead: bool) -> bool:
    """A verb of forecasting; 'see' only in the present ('sees', not 'saw' or 'has seen') and
    for a year still to come ('sees three rate hikes next year'; 'the town sees 5% more
    visitors this year' is an observation)."""
    lemma = verb.lemma_.lower()
    if lemma not in _FORESEEING:
        return False
    return lemma != "see" or (ahead and verb.tag_ in ("VBZ", "VBP") and not auxes(verb))


def _complement_of_forecast(verb: Token, ahead: bool) -> bool:
    """(a) 'is projected to grow', 'expects prices to rise', 'foresees the economy growing'."""
    if verb.lemma_.lower() not in _CHANGING or _told_past(verb):
        return False
    head = verb
    for _ in range(3):  # 'is forecast to accelerate', 'is projected to see a rise'
        if head.dep_ not in _COMPLEMENTS and not (head.dep_ == "acl" and head.head.pos_ == "NOUN"):
            return False
        head = head.head
        if _forecast_verb(head, ahead) or head.lemma_.lower() in _FORECAST_NOUNS:
            return True
        if head.lemma_.lower() not in _CHANGING:
            return False
    return False


def _forecast_object(verb: Token, ahead: bool) -> bool:
    """(b) 'expects 1% growth next year', 'sees three rate hikes'; (c) 'cut its outlook'."""
    if _forecast_verb(verb, ahead) and (ahead or not _told_past(verb)):
        return True
    return any(
        kid.dep_ in ("dobj", "nsubj", "nsubjpass") and kid.lemma_.lower() in _FORECAST_NOUNS
        for kid in verb.children
    )


def _will_change(verb: Token) -> bool:
    """(d) 'will grow just 0.5%', 'would contract 2 percent': an output's growth foretold."""
    if verb.lemma_.lower() not in _GROWING:
        return False
    return any(aux.lower_ in _FUTURE for aux in auxes(verb))


def _marked(noun: Token | None) -> bool:
    """(e) 'the projected three rate increases': counted changes marked as foreseen; not a
    single change ('the expected 5% pay rise will take effect next year' is a plan)."""
    if noun is None or not _counted_change(noun):
        return False
    return any(kid.dep_ == "amod" and kid.lower_ in _FORECAST_MARKS for kid in noun.children)


def _subject(verb: Token) -> Token | None:
    return next((kid for kid in verb.children if kid.dep_ in ("nsubj", "nsubjpass")), None)


def figure_forecast(place: Place, first: int, last: int, published: date | None) -> bool:
    """Whether a year not over at the writing is the period a forecast gives a rate for: 'is
    projected to grow 2.1 percent next year', 'expects three rate hikes in 2025', 'will grow
    just 0.5% in 2025'."""
    verb = place.verb
    if verb is None or published is None or not first or last - first < _YEAR_DAYS:
        return False
    if last < published.toordinal():
        return False
    ahead = first > published.toordinal()  # a year still to come, not the year of writing
    if ahead and _moves_ahead(verb):
        return True
    if not _rate(verb):
        return False
    if _complement_of_forecast(verb, ahead) or _forecast_object(verb, ahead) or _will_change(verb):
        return True
    host = place.host if place.host is not None and place.host.pos_ == "NOUN" else None
    return _marked(host) or _marked(_subject(verb))
