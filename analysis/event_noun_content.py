"""Three shapes whose date is no day of a happening the sentence tells (issue 12, session 27).

- A clause inside a noun's preposition: "the first estimate of how much pollution the country
  released last year is already in", "considers the effects of the plan at build out in 2037".
  The parser hangs the clause on the preposition ("of", "at") as its complement (`pcomp`), and
  the preposition on a noun: the clause tells what the noun is about or describes it, and its
  date names that content, as a date on a noun nested under another noun does. A finite
  clause counts when it asks an amount ("how much", "how many": the date is the period the
  amount covers); "an account of what happened on Saturday" tells a happening. A clause with
  no subject of its own ("the chances of passing the bill on Monday") may hold the main verb's
  time the parser hung low ("explained about the chances of passing the bill on Monday"), so
  it counts only in a sentence another date already dates (a second date).
- A possession told in the past of a thing ahead: "the deceased had a scheduled court
  appearance next month". "Had" with its object is a state described; a past state cannot take
  place after the day of writing, and the date only describes the thing held.
- A year's measured amount foreseen: "the firm expects to release 16 million metric tons of
  carbon in 2020". A quantity with its unit (tons, barrels) as the object of a clause a verb of
  expecting or forecasting governs, for a whole year not over at the writing, is a figure given
  for that year (`analysis.event_forecast` reads rates; this reads measured amounts), not a
  happening. A count of things ("expects to release a dozen cases in December"), a month or a
  day, and a plan without a measure ("expects to open two stores in 2026") keep their dates.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from analysis.clause_kinds import auxes
from analysis.event_attach import Place

_PREPS = frozenset({"ADP", "SCONJ"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_YEAR_DAYS = 364  # a whole year or longer: last day less first day
_EXPECTING = frozenset(
    {"expect", "forecast", "project", "predict", "estimate", "anticipate", "foresee"}
)
_OBJECTS = frozenset({"dobj", "attr"})


def _clause_on_noun(place: Place) -> Token | None:
    """The verb of the date's own clause when that clause is the complement of a preposition
    on a noun ('the estimate of how much it released', 'the costs of widening the harbour');
    not on a verb ('after meeting him on Monday, she left'), nor an absolute 'with' clause."""
    if not place.links or place.host is None:
        return None
    own = place.links[0]
    verb = own.verb
    if own.dep != "pcomp" or place.host.i != verb.i or verb.pos_ not in ("VERB", "AUX"):
        return None
    prep = verb.head
    if prep.pos_ not in _PREPS or prep.lower_ == "with" or prep.dep_ != "prep":
        return None  # 'with the museum closing in May' is read by the absolute-clause rule
    noun = prep.head
    if noun.pos_ not in _NOUNS or noun.ent_type_ in ("DATE", "TIME"):
        return None
    return verb


def _finite(verb: Token) -> bool:
    """A clause with its own tense and subject: 'how much the country released'."""
    told = verb.tag_ in ("VBD", "VBZ", "VBP")
    return told and any(kid.dep_ in ("nsubj", "nsubjpass") for kid in verb.children)


def _amount(verb: Token) -> bool:
    """Whether a clause asks an amount: 'how much pollution the country released', 'how many
    visitors the island welcomed' ('how' on 'much' or 'many' before the verb)."""
    return any(
        word.lower_ in ("much", "many")
        and word.i < verb.i
        and any(kid.lower_ == "how" for kid in (*word.children, word.head, *word.head.children))
        for word in verb.subtree
    )


def noun_clause(place: Place) -> bool:
    """Whether the date hangs on a finite clause asking an amount that is the complement of a
    preposition on a noun: 'the estimate of how much the country released last year' (the
    period the amount is counted over; 'an account of what happened on Saturday' tells a
    happening and keeps its day)."""
    verb = _clause_on_noun(place)
    return verb is not None and _finite(verb) and _amount(verb)


def noun_gerund(place: Place) -> bool:
    """Whether the date hangs on a clause without a subject of its own that is the complement
    of a preposition on a noun: 'sets out the costs of widening the harbour in 2040'. A date
    at such a clause may be the parser's misreading of the main verb's time ('explained about
    the chances of passing the bill on Monday'): the caller takes it only for a sentence
    another date already dates."""
    verb = _clause_on_noun(place)
    return verb is not None and not _finite(verb)


def _objects(verb: Token) -> list[Token]:
    return [kid for kid in verb.children if kid.dep_ in _OBJECTS]


def had_ahead(place: Place, first: int, published: date | None) -> bool:
    """Whether a date wholly after the day of writing dates a clause 'had' + object, told in
    the simple past: 'the deceased had a scheduled court appearance next month'."""
    verb = place.verb
    if verb is None or published is None or not first or first <= published.toordinal():
        return False
    if place.host is None or place.host.i != verb.i or place.thing is not None:
        return False
    if verb.lemma_.lower() != "have" or verb.tag_ != "VBD" or auxes(verb):
        return False
    return bool(_objects(verb))


def _measured(verb: Token) -> bool:
    """Whether the verb's object is a quantity with its unit: '16 million metric tons'."""
    return any(
        noun.ent_type_ == "QUANTITY" and noun.pos_ == "NOUN" and noun.tag_ == "NNS"
        for noun in _objects(verb)
    )


def _foreseen(verb: Token) -> bool:
    """'expects to release', 'is projected to produce', or the forecasting verb itself
    ('forecasts 2 million tons')."""
    if verb.lemma_.lower() in _EXPECTING:
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _EXPECTING


def measured_forecast(place: Place, first: int, last: int, published: date | None) -> bool:
    """Whether a whole year not over at the writing is the period of a measured amount an
    expectation gives: 'expects to release 16 million metric tons of carbon in 2020'."""
    verb = place.verb
    if verb is None or published is None or not first or last - first < _YEAR_DAYS:
        return False
    if last < published.toordinal() or place.host is None or place.host.i != verb.i:
        return False
    if verb.tag_ in ("VBD", "VBN"):
        return False  # 'released 5 million tons in 2020': told as done
    return _foreseen(verb) and _measured(verb)
