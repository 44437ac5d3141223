"""Dates that tell the state of things at a time, or describe a thing someone speaks of now.

Issue 12, round 26: two shapes of news writing whose date is not the time of the sentence's
happening, each read from the parse spaCy already made.

- a cut-off of a present state: "As of July 2025, the planet has 22 active spaceports", "the
  fund holds $3 billion as of March": the date says when the count was true, and the clause,
  a simple present, tells no happening. A tally told in a perfect ("As of Thursday, the
  department has brought back 6,000 people") or in the past ("there were 762 patients as of
  Saturday") keeps its date, the report's;
- a thing described in what someone says now: "Smith says the project contradicts the plan
  adopted by the ministry in 2020", "the mayor argues the rules passed in 2019 are too weak":
  the sentence's happening is the saying, told in the present and undated; the older date
  only says which plan or rules. A date of the last days ("the plan announced this week") is
  the news the saying answers and stays with the rules that adopt it.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis import clause_kinds as kinds
from analysis.event_attach import Link, Place
from analysis.event_words import REPORTING

_CUTOFF_WORDS = ("as of ", "as at ")
_CUTOFFS = frozenset({"as of", "as at"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})


def present_cutoff(place: Place, written: str) -> bool:
    """An 'as of' date on a clause told in the simple present ('As of July, the city has 40
    shelters'): the time a state is counted at, no happening."""
    verb = place.verb
    if verb is None:
        return False
    cut = written.lower().startswith(_CUTOFF_WORDS)
    cut = cut or place.prep in _CUTOFFS or place.thing_prep in _CUTOFFS
    return cut and kinds.simple_present(verb) and place.thing is None


def _says_now(verb: Token) -> bool:
    """A reporting verb in the simple present: 'says', 'writes', 'argue'."""
    return verb.lemma_ in REPORTING and kinds.simple_present(verb)


def said_now(main: Link, noun: Token) -> bool:
    """Whether the clause a describing clause hangs on (through `noun`) is a saying told in the
    present ('he writes of Previn, whom he married in 1997') or a present state such a saying
    reports ('Smith says the project contradicts the plan adopted in 2020'). A source that
    speaks ('A study published in 2023 shows ...') is the saying's subject, not a thing it
    speaks of."""
    if _says_now(main.verb):
        return noun.dep_ not in _SUBJECTS
    # what is said is itself a present state ("contradicts", "are too weak"); an ongoing
    # happening ("police are investigating the riots that began in March") is news of its own
    state = kinds.simple_present(main.verb)
    return main.dep == "ccomp" and state and _says_now(main.verb.head)
