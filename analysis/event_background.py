"""Dates in a clause describing a noun that stay descriptions, whatever the main clause tells.

`analysis.event_roles` lets a sentence whose own clause tells no happening take the date of a
relative or participle clause ("The group, which was created this month, has yet to report").
Not when the description is no news of the story:

- the noun it describes is a reference point ("Since the assaults that killed 130 in Paris last
  November, few areas have been more vigilant", "until the rules that took effect in May"): the
  date is a reference point too (`under_reference`);
- the description is a plan's participle mentioned in passing, the date on what it plans
  ("Trump Tower Manila, a tower scheduled to open this year"; not "The report, expected in
  June, is likely to ...", whose date is the plan's own, nor a finite plan "the fundraiser,
  which he was set to headline Tuesday, requires ...");
- for a date not written from the day of publication, the noun does not belong to the main
  clause (or one coordinated with it) but to a clause below it ("All those factors mean that
  a goal established by the governments of the world in 2009 ... remains far out of reach");
- the clause is what a topic preposition brings ("read the statistics about where we were at his
  first State of the Union address in 2009"): talked of, not told (`talked_about`);
- for such a date too, the main clause is a perfect that tells what was done ("His foundation,
  established in 2007, has raised $8 million"), not a state ("has been closed").
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis import clause_kinds as kinds
from analysis.event_attach import Link, Place, climb, owner, prep_words
from analysis.event_words import PLANS, RELATIONS, STATES

_NOUNS = frozenset({"NOUN", "PROPN"})
_BOUNDING = frozenset(
    {"since", "until", "till", "through", "compared to", "compared with", "than", "versus"}
    | {"throughout", "before", "prior to", "ahead of", "instead of"}
)


def under_reference(place: Place) -> bool:
    """A date in a clause describing a noun that a reference preposition brings: 'Since the
    assaults that killed 130 in Paris last November, ...', 'firmer than in a similar speech
    released on Wednesday'."""
    return any(kinds.describing(link) and _bounded(link.verb.head) for link in place.links[:-1])


def _bounded(noun: Token) -> bool:
    """Whether a reference preposition stands between a noun and its clause."""
    for above in noun.ancestors:
        if above.pos_ in ("VERB", "AUX"):
            return False
        if above.pos_ in ("ADP", "SCONJ") and prep_words(above) in _BOUNDING:
            return True
    return False


_NOT_NAMING = frozenset({"in", "at", "during", "throughout", "on", "since", "until", "till", "by"})
_MONTH_DAYS = 27  # a month or longer: the shortest month's length less one
_NOT_NAMING_SEQUENCE = frozenset({"after", "before", "ahead of", "ahead to", "following"})
_MODIFIERS = frozenset({"poss", "compound", "nmod", "nummod", "amod"})


def named_under_state(place: Place, days: int) -> bool:
    """A date naming a thing as its modifier ('last month's bombings', 'an October 2002
    estimate'), the thing brought by a preposition that makes it no setting to a clause telling
    a state: 'has been linked to last month's Amman hotel bombings', 'was central to an October
    2002 estimate'. Not 'spoke at last month's convention' (a setting), 'The stakes are high
    ahead of Tuesday's debate' (read by `sequenced`), 'contributed to the May 3 deal' (a
    happening), nor a dated day ('is exacerbated by ... a November 6 attack': the story's
    news) or a cause ('by').  `days` is the date's length less one (0 for a day)."""
    if not place.names or place.thing is None or not place.links or days < _MONTH_DAYS:
        return False
    if place.root.dep_ not in _MODIFIERS and owner(place.root) is None:
        return False
    prep = next((word for word in place.crossed if word), "")
    if not prep or prep in _NOT_NAMING | _NOT_NAMING_SEQUENCE:
        return False
    verb = place.links[0].verb
    return verb.lemma_ == "be" or verb.lemma_ in RELATIONS or kinds.state(verb)


def stays_description(own: Link, clause: Link, main: Link, deictic: bool) -> bool:
    """Whether the describing `clause` stays a description of a thing of the sentence's `main`
    clause: a plan in passing, a noun of a lower clause, a perfect main. `own` is the date's
    own clause. A date written from the day of publication (`deictic`: "this month") may sit
    at any depth under a present state ("Putin is in Iran ... making a show of closeness ...
    as world powers press for a renewed effort to end the war there following deadly attacks in
    Paris this month"): only a plan in passing keeps it a description."""
    if own.verb.i != clause.verb.i and _plan_participle(clause):
        return True  # "a tower scheduled to open this year" (not "which he was set to headline")
    if deictic:
        return False
    top = climb(clause.verb.head).top
    for _ in range(8):  # up the clauses coordinated with the main one ("..., but X is")
        if top.dep_ != "conj" or top.i == main.verb.i:
            break
        top = top.head
    if top.i != main.verb.i:
        return True  # the noun hangs on a clause below the main one
    verb = main.verb
    done = kinds.perfect(verb) and verb.lemma_ not in STATES and not _passive(verb)
    return done and any(kid.dep_ == "dobj" for kid in verb.children)


def _plan_participle(clause: Link) -> bool:
    """A participle of a plan describing a noun: 'scheduled to open', 'expected this year' (not
    a phrasal verb: 'the guidelines set out overnight')."""
    verb = clause.verb
    if clause.dep != "acl" or verb.tag_ not in ("VBN", "VBG") or verb.lemma_ not in PLANS:
        return False
    return not any(kid.dep_ == "prt" for kid in verb.children)


def _passive(verb: Token) -> bool:
    """A passive perfect ('has been closed') tells a state reached."""
    return any(kid.dep_ == "auxpass" for kid in verb.children)


_TOPICS = frozenset({"about", "regarding", "concerning", "on", "over"})


def talked_about(place: Place) -> bool:
    """A date in a free relative or a gerund that a topic preposition brings under a noun:
    'the statistics about where we were ... in 2009', 'questions over what happened on Monday'
    (not 'an account of what happened on Saturday')."""
    for link in place.links[:-1]:
        prep = link.verb.head
        if link.dep != "pcomp" or prep.lower_ not in _TOPICS or prep.head.pos_ not in _NOUNS:
            continue
        if any(kid.tag_ in ("WP", "WRB") for kid in link.verb.children):
            return True
    return False


_TIME_WORDS = frozenset(
    {"summer", "winter", "spring", "fall", "autumn", "week", "month", "year", "day", "night"}
    | {"morning", "afternoon", "evening", "weekend", "season", "quarter", "half", "end", "start"}
    | {"beginning", "middle", "time", "period", "class", "vintage", "model", "edition"}
)


def of_date_now(place: Place) -> bool:
    """A date after 'of' naming a happening a clause of now tells about: 'the bombings of July 7
    provide no such opportunities', 'consider the gender wars of 2016 a helpful point' (a simple
    present or a state; not 'the summer of 2020', a time, nor 'the attack of Tuesday killed')."""
    thing, verb = place.thing, place.verb
    if place.prep != "of" or thing is None or verb is None or thing.pos_ != "NOUN":
        return False
    if thing.lemma_.lower() in _TIME_WORDS or thing.ent_type_ in ("DATE", "TIME"):
        return False
    now = kinds.simple_present(verb) or kinds.do_present(verb)
    return now or (verb.lemma_ in STATES and verb.tag_ in ("VBZ", "VBP"))


def example(place: Place) -> bool:
    """A date inside an example 'such as' brings: 'changed the business before, such as the
    partial core meltdown ... in 1979'."""
    for above in place.root.ancestors:
        if above.pos_ in ("VERB", "AUX"):
            return False
        if above.lower_ == "as" and above.i > 0 and above.doc[above.i - 1].lower_ == "such":
            return True
    return False
