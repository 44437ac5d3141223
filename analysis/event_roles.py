"""Which dates of a sentence date its event, and what the others are.

A timeline line says "on DATE: SENTENCE", so a date is kept only when the sentence's happening
took place (or, for a plan, will take place) then. Read from where each date attaches
(`analysis.event_attach`):

- a reference point or no happening at all ("since 2004", "if ... in March", a negated plan)
  is read by `analysis.event_reference`;
- a date that describes a thing mentioned in passing is a descriptor: inside a relative or
  participle clause ("whom he married in 1997", "figures released in May 2017"), naming a noun
  that hangs under another noun ("songs from 1979's debut album", "questions about Saturday's
  crash"), naming a work ("the 2016 film", "her 2005 memoir"), naming a thing brought in by a
  preposition that makes it no setting to a clause telling a state ("the goal under the 2015
  Paris Agreement is", "who is the most qualified to replace Trump on the 2024 ticket"; not "in
  the 2020 election", nor "contributed to the 1998 acquisitions") or describing a person ("the 2020
  Democratic candidate");
- a date inside what a dated frame reports is the frame's content: in "Macron pledged this week
  that ... from next year", the pledge is the event; so is a date after the colon of a dated
  clause ("released new data this week: ... reported in 2022");
- of two dates of one clause, the coarser one holding the finer is its context ("In 2005, ...
  made landfall on July 10" is July 10, 2005).

Two exceptions keep a describing date when no date of the sentence is its event: a sentence
whose own clause tells a state ("has yet to report", "is widely regarded", a present tense)
takes the dated happening of a relative clause on its subject or object ("The group, which was
created this month, has yet to report"), or of any clause when the date counts from the day of
publication; and a recent day in a participle clause ("issued nine press releases blasting
Republicans on Wednesday") dates the sentence's own happening.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from spacy.tokens import Token

from analysis import clause_kinds as kinds
from analysis.event_ahead_of import ahead_of_thing
from analysis.event_announced import announced
from analysis.event_attach import SET_OFF, VERBS, Link, Place, climb
from analysis.event_background import (
    example,
    named_under_state,
    of_date_now,
    stays_description,
    talked_about,
)
from analysis.event_mention_second import (
    after_object_of_state,
    lifted_relative,
    purpose_content,
)
from analysis.event_misparsed import based_on, relative_complement, topic_participle
from analysis.event_misparsed_clauses import second_object
from analysis.event_named_earlier import in_phrase
from analysis.event_passing import (
    moved_from,
    named_below,
    named_in_passing,
    new_time,
    noun_setting,
    rescheduled,
    same_clause,
    told,
)
from analysis.event_reference import (
    RECENT,
    Dated,
    Role,
    by_noun,
    conditional,
    main_at,
    negated,
    negated_or_nowadays,
    reference,
    sequenced,
)
from analysis.event_said_now import said_now
from analysis.event_sources import present_source
from analysis.event_topic import spoken_on, talked_of
from analysis.event_weather import forecast_state
from analysis.event_words import PLANS, PUBLISHING, RELATIONS, REPORTING, STATES

_RANGE_ENDS = frozenset({"through", "until", "till", "to"})  # "from January 2015 through May"
_TOPIC_PREPS = frozenset({"about", "regarding", "concerning"})
_CONCESSIVE = frozenset({"despite", "notwithstanding"})
_POSSIBLE = frozenset({"could", "might", "may", "would"})
_SETTINGS = frozenset({"at", "during", "in", "on"})  # "spoke at Tuesday night's meeting"
_CORE = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "appos", "conj", "ROOT"})
_DEICTIC = re.compile(
    r"(?i)\b(?:this|last|next|ago|today|tonight|yesterday|tomorrow|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday)\b"
)


def _circumstance(link: Link) -> bool:
    """An absolute 'with' clause describing a thing in passing: 'with the painting classified
    as a national treasure in 2020'."""
    verb = link.verb
    return link.dep == "pcomp" and verb.head.lower_ == "with" and verb.tag_ in ("VBN", "VBG")


def _describes(dated: Dated) -> bool:
    """A date describing a thing or a person in passing.

    A sentence the parser did not read as a clause (its root is no verb: "A total of 39
    senators ... signed", "Only after pressure during his 2016 campaign did Trump disavow") is
    not trusted to say which clause or noun describes what.
    """
    place = dated.place
    if medium(place) is not None:
        return False
    trusted = bool(place.links) and place.links[-1].verb.pos_ in VERBS
    # "will cover the 2012 crisis", "was announced as host of next month's gala"
    if (place.nested and trusted) or place.person or dated.other_side:
        return True
    year_thing = place.names and _a_year(dated) and _passing_prep(place)
    # "linked to last month's bombings"
    year_thing = year_thing or named_under_state(place, dated.last - dated.first)
    if (place.thing is not None and kinds.person(place.thing)) or year_thing:
        return True  # a person; "the goal under the 2015 Paris Agreement", "on the 2024 ticket"
    topic = (place.names and place.thing_prep in _TOPIC_PREPS) or topic_participle(place)
    despite = place.thing is not None and place.thing_prep in _CONCESSIVE
    talked = talked_of(place) or spoken_on(place)  # "pointing to Tuesday's results"
    moved = rescheduled(place, dated.text)  # "Obama's June 15 event was postponed"
    moved = moved or moved_from(place)  # "was postponed from its usual first Saturday in May"
    if (
        topic
        or despite
        or talked
        or moved
        or _completes_name(dated)
        or named_in_passing(place, dated.text)
        or talked_about(place)  # "the statistics about where we were ... in 2009"
        or of_date_now(place)  # "the bombings of July 7 provide no such opportunities"
        or example(place)  # "such as the partial core meltdown ... in 1979"
        or based_on(place)  # "Based on a survey of nurses in 2019, the report warns"
        or present_source(place, dated.last - dated.first)  # "Last year's statistics show"
    ):
        # "asked about the minister's March 3 letter"; "despite a diagnosis in 2012, he had
        # landed a job" (background); "the Communications Decency Act of 1996"
        return True
    if place.names and place.thing is not None and kinds.work(place.thing):
        return dated.text.isdigit()  # "the 2016 film", "her 2005 memoir"; not "a May 3 report"
    return trusted and (
        _tense_clash(place.links)
        or any(kinds.describing(link) or _circumstance(link) for link in place.links)
        or any(relative_complement(link) for link in place.links[:-1])
    )


_FUTURE_AUX = frozenset({"will", "shall", "'ll", "’ll"})


def _tense_clash(links: tuple[Link, ...]) -> bool:
    """A past when-clause on a clause set in the future cannot tell its time: it describes
    something the sentence mentions ('will cover the price of a work that set records when
    Artcurial sold it last March', the when-clause hung on 'will cover')."""
    first = links[0]
    if len(links) < 2 or first.dep != "advcl" or first.mark != "when" or first.verb.tag_ != "VBD":
        return False
    return any(aux.lower_ in _FUTURE_AUX for aux in kinds.auxes(_main_clause(links).verb))


_YEAR_SETTINGS = frozenset({"in", "at", "during", "throughout"})
# Entities whose names may end in "of YEAR": a law, a work, an organisation, a product, a place.
_NAMED = frozenset({"LAW", "WORK_OF_ART", "ORG", "PRODUCT", "FAC"})


def _completes_name(dated: Dated) -> bool:
    """A bare year after "of" ending a name: 'the Communications Decency Act of 1996' (the
    entity recogniser names the law), not 'the summer of 2020' (a time)."""
    place, thing = dated.place, dated.place.thing
    if thing is None or place.prep != "of" or not dated.text.isdigit():
        return False
    return thing.pos_ == "PROPN" and thing.ent_type_ in _NAMED


def _a_year(dated: Dated) -> bool:
    """A year, written ('2016') or relative ("this year's", "last year's")."""
    return dated.text.isdigit() or (dated.first > 0 and dated.last - dated.first >= 364)


def _passing_prep(place: Place) -> bool:
    """A thing a bare year names, brought by a preposition that makes it no setting ("under the
    2015 agreement", "on the 2024 ticket"; "in the 2020 election" is one) or by none ("is
    showing off its Fall/Winter 2020 collections", "The 2016 election remains a sore point") to
    a clause that tells a state ("The goal under the 2015 agreement is to curb"), not a
    happening ("contributed to the 1998 acquisitions", "Trump lost the 2016 election")."""
    prep, of_noun = next((p for p in place.crossed if p), ""), noun_setting(place)
    if (prep in _YEAR_SETTINGS and not of_noun) or not place.links:
        return False  # a setting of the clause; "her rise in the 2024 race" sets a noun
    verb = place.links[0].verb  # and only on a clause that tells no happening of its own
    been = of_noun and verb.lemma_ == "be"  # "In a sign of her rise in ..., she was in the news"
    return been or kinds.state(verb) or kinds.infinitive(verb) or verb.lemma_ in RELATIONS


def medium(place: Place) -> Token | None:
    """The reporting clause that speaks through a document this date dates: 'In a letter dated
    Oct. 12, the agency said', 'a report published on Wednesday shows'. Not a source named in
    passing ('according to an affidavit unsealed Wednesday')."""
    links = place.links
    if len(links) < 2 or links[0].dep not in ("acl", "relcl") or place.names:
        return None
    if links[0].verb.lemma_ not in PUBLISHING:
        return None
    noun, frame = links[0].verb.head, links[1].verb
    if frame.lemma_ not in REPORTING or negated(frame):
        return None
    for _ in range(3):  # "in an interview with Playbook that published on Dec. 19"
        if noun.dep_ != "pobj" or noun.head.lower_ not in ("with", "of", "by"):
            break
        noun = noun.head.head
    said_by = noun.dep_ == "nsubj" and noun.head.i == frame.i
    said_in = noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.i == frame.i
    return frame if said_by or said_in else None


def _count(dated: Dated) -> bool:
    """A four-digit number counting things, not a year: 'around 1800 houses' (the number is a
    numeric modifier of a plural noun, and the entity recogniser does not call it a date)."""
    root = dated.place.root
    if not dated.text.isdigit() or root.dep_ != "nummod" or root.ent_type_ == "DATE":
        return False
    return root.head.tag_ == "NNS"


def _forecast_state(dated: Dated) -> bool:
    """A forecast of the weather or of a day's state ('Wednesday is forecast to be colder')."""
    return forecast_state(dated.place)


_CHECKS: tuple[tuple[Callable[[Dated], bool], Role], ...] = (
    (_count, Role.COUNT),
    (reference, Role.REFERENCE),
    (conditional, Role.CONDITION),
    (negated_or_nowadays, Role.CONDITION),
    (_forecast_state, Role.CONDITION),
    (_describes, Role.DESCRIPTOR),
)


def _own_role(dated: Dated) -> Role:
    """The role a date has on its own, before the other dates of the sentence are seen."""
    if dated.restates:
        return Role.CONTEXT
    return next((role for check, role in _CHECKS if check(dated)), Role.EVENT)


def _content(dated: Dated, events: Sequence[Dated]) -> bool:
    """Whether the date lies inside what a clause dated by another date reports; a date naming
    the frame's setting dates it too ('in Wednesday night's episode, the audience was told')."""
    others = [other for other in events if other is not dated]
    if dated.after_colon and any(not other.after_colon for other in others):
        return True
    framed = {
        frame.i
        for other in others
        if (frame := medium(other.place) or other.place.verb)
        and (not other.place.names or other.place.thing_prep in _SETTINGS)
    }
    # "As the drills began yesterday, the government announced that ...": a clause of the same
    # time dates the clause it hangs on, the frame
    framed |= {
        other.place.links[1].verb.i
        for other in others
        if not other.place.names and _same_time_clause(other.place.links)
    }
    links = dated.place.links
    return any(
        kinds.reports(below, above)
        and (kinds.active(above.verb) or told(below, above))
        and any(link.verb.i in framed for link in links[k + 1 :])
        for k, (below, above) in enumerate(itertools.pairwise(links))
    )


_SAME_TIME = frozenset({"as", "when", "while"})


def _same_time_clause(links: tuple[Link, ...]) -> bool:
    """Whether a date's own clause is an adverbial clause of the same time ('as', 'when',
    'while') on the clause above it: 'As the drills began yesterday, the government said'."""
    return len(links) >= 2 and links[0].dep == "advcl" and links[0].mark in _SAME_TIME


def _adopted(dated: Dated) -> bool:
    """Whether a relative clause's date is the event of a sentence whose clause is a state.

    A date written from the day of publication ("this month", "Thursday") may sit at any depth
    under a present state ("Putin is in Iran ... following deadly attacks in Paris this month");
    an older one only on a relative clause of the main clause's subject or object.
    """
    place = dated.place
    if place.nested or place.person or (place.names and place.thing_prep not in _SETTINGS):
        return False
    links = place.links
    describing = [k for k, link in enumerate(links) if kinds.describing(link)]
    if not describing or describing[-1] + 1 >= len(links):
        return False
    clause, main = links[describing[-1]], links[describing[-1] + 1]
    possible = any(aux.lower_ in _POSSIBLE for aux in kinds.auxes(clause.verb))
    # "asking for prices they might have gotten six months ago": never got (counterfactual)
    unreal = kinds.counterfactual(clause.verb)
    # "has not ruled out resigning, which could prompt an election next year"; "a tower
    # scheduled to open this year", "founded in 2007, has raised" (`stays_description`)
    if (
        unreal
        or (possible and negated(_main_clause(links).verb))
        or stays_description(
            links[0], clause, _main_clause(links), bool(_DEICTIC.search(dated.text))
        )
    ):
        return False
    noun = clause.verb.head
    background = _about_person(clause, noun) and not RECENT.search(dated.text)
    if climb(noun).nested or background:
        # "a retreat from the plan announced four months ago"; "Smith, who announced last
        # year ..." (not "Smith, who was arrested on Tuesday, remains in custody")
        return False
    if _DEICTIC.search(dated.text):
        return _no_happening(_main_clause(links).verb, deictic=True)
    near = noun.dep_ in _CORE and noun.head.i == main.verb.i  # not "for people born in 1960"
    near = near and not second_object(noun)  # "the end of X, a set of rules adopted in 2015"
    own = not place.names and not kinds.infinitive(clause.verb)  # not "more to come in 2026"
    # not what is said now: "Smith says it contradicts the plan adopted in 2020"
    told = main.dep in ("ROOT", "ccomp", "conj") and not said_now(main, noun)
    return near and own and told and (_no_happening(main.verb) or _outcome(dated, clause, main))


def _outcome(dated: Dated, clause: Link, main: Link) -> bool:
    """A day on what the object of an undated past happening did, the object itself the doer:
    'The two sides reached a deal that ended the strike on Sept. 26' (the deal and its outcome
    fall on that day). Not a passive ('bought a house that was built in 1920'), a year or a
    month ('read a book that described the war in 1944')."""
    verb, noun = clause.verb, clause.verb.head
    if clause.dep != "relcl" or verb.tag_ != "VBD" or main.verb.tag_ != "VBD":
        return False
    if main.verb.lemma_ in REPORTING:
        return False  # "He recalled a storm that hit the town on Aug. 29, 2005": a memory
    if not dated.first or dated.last != dated.first or negated(main.verb) or kinds.auxes(verb):
        return False
    subject = [kid for kid in verb.children if kid.dep_ == "nsubj"]
    by_itself = len(subject) == 1 and subject[0].tag_ == "WDT"  # "that", "which"
    return by_itself and noun.dep_ == "dobj"


_WHO = frozenset({"who", "whom", "whose"})


def _about_person(clause: Link, noun: Token) -> bool:
    """Whether a relative clause set off by a comma or a dash tells about a person ('Smith, who
    announced last year'): background unless it tells the last days' news ('Smith, who was
    arrested on Tuesday, remains in custody'), where one without a comma says which people the
    story is about ('members who spoke at Tuesday's meeting are concerned'). A past participle
    set off the same way is such a clause without its 'who was' ('The governor, elected in
    2014, faces a recall vote', as 'The governor, who was elected in 2014, faces ...'; round 17).
    """
    verb = clause.verb
    start = verb.left_edge.i
    reduced = clause.dep == "acl" and verb.tag_ == "VBN" and verb.i > noun.i  # "elected in 2014"
    if (clause.dep != "relcl" and not reduced) or start == 0:
        return False
    if verb.doc[start - 1].text not in SET_OFF:
        return False  # a comma or a dash: "Kagan — who was an architect of the surge in 2007 —"
    return (
        kinds.person(noun)
        or noun.ent_type_ == "PERSON"
        or any(kid.lower_ in _WHO for kid in verb.children)
    )


def _no_happening(verb: Token, deictic: bool = False) -> bool:
    """A main clause that tells no happening: a state ('has been', 'is'), or a negated one
    ('never took up'). Against a date of the last days, a perfect ('Spain has recorded') is a
    happening."""
    if negated(verb):
        return True
    if deictic and kinds.perfect(verb) and verb.lemma_ not in STATES:
        return False
    return kinds.state(verb)


def _main_clause(links: tuple[Link, ...]) -> Link:
    """The sentence's own clause: the root, or what a reporting root reports."""
    return links[main_at(links)]


def _recent_participle(dated: Dated) -> bool:
    """A recent day in a participle clause: 'press releases blasting Republicans on Wednesday'."""
    place = dated.place
    clause = place.links[0] if place.links else None
    if clause is None or place.names or place.nested or place.person:
        return False
    if clause.dep != "acl" or clause.verb.tag_ not in ("VBG", "VBN"):
        return False
    if clause.verb.lemma_ in PLANS or any(kid.dep_ == "nsubj" for kid in clause.verb.children):
        return False  # "a protest set for Friday" is a plan mentioned in passing
    if any(link.verb.lower_ == "according" for link in place.links):
        return False  # "according to an affidavit unsealed Wednesday" names a source
    if _after_what(clause.verb.head):
        return False  # "following ... a firearm arrest made earlier this week": a reference
    return bool(RECENT.search(dated.text))


_SEQUENCE_PREPS = frozenset({"following", "after", "before", "since"})


def _after_what(noun: Token) -> bool:
    """Whether a noun (or the first of the nouns it is listed with) is what a preposition of
    sequence brings: 'designate the community a hotspot following the homicide and a firearm
    arrest made earlier this week' (round 21): what the happening comes after is its reference
    point, not its day."""
    for _ in range(4):
        if noun.dep_ != "conj":
            break
        noun = noun.head
    return noun.dep_ == "pobj" and noun.head.lower_ in _SEQUENCE_PREPS


def _subject_setting(dated: Dated) -> bool:
    """Where the subject was on a recent day dates what it did: 'Senator Miller, outside the
    Capitol on Monday, told reporters', 'The uncle, who was at the house Wednesday, said'."""
    place = dated.place
    if not place.links or not RECENT.search(dated.text):
        return False
    subject = place.thing
    if subject is not None and not place.names and place.prep in _SETTINGS | {""}:
        return (
            subject.dep_ == "nsubj"
            and subject.head.i == place.links[0].verb.i
            and (kinds.person(subject))
        )
    links = place.links
    if subject is not None or len(links) < 2:
        return False
    clause = links[0]
    noun = clause.verb.head
    there = clause.dep == "relcl" and clause.verb.lemma_ == "be"
    return there and noun.dep_ == "nsubj" and noun.head.i == links[1].verb.i


def _state_apposition(dated: Dated) -> bool:
    """A recent date in an apposition describing what a state lists: 'Those left out include
    the film "1917," the big winner at the guild awards on Saturday'."""
    place, thing = dated.place, dated.place.thing
    if thing is None or thing.dep_ != "appos" or not place.links or len(place.links) > 1:
        return False
    if not _DEICTIC.search(dated.text) or place.prep not in _SETTINGS | {""}:
        return False
    verb, listed = place.links[0].verb, thing.head
    for _ in range(3):  # 'the film "1917," the big winner ...': up the appositions
        if listed.dep_ != "appos":
            break
        listed = listed.head
    core = listed.dep_ in ("dobj", "attr", "nsubj") and listed.head.i == verb.i
    return core and kinds.state(verb) and not negated(verb)


def _contains(outer: Dated, inner: Dated) -> bool:
    """Whether one known period holds another, strictly wider."""
    if not (outer.first and inner.first):
        return False
    wider = outer.last - outer.first > inner.last - inner.first
    return wider and outer.first <= inner.first and inner.last <= outer.last


def _context(dated: Dated, events: Sequence[Dated]) -> bool:
    """Whether a finer date of the same clause lies inside this one ('In 2005, ... on July 10';
    'In 2019, the company tried to sell the plant on March 3')."""
    verb = dated.place.verb
    return verb is not None and any(
        other.place.verb is not None
        and same_clause(other.place.verb, verb)
        and _contains(dated, other)
        and not in_phrase(other.place)  # "Last week, ... in connection with an April 8 shooting"
        for other in events
    )


def _names_beside(dated: Dated, events: Sequence[Dated]) -> bool:
    """Whether a year naming a thing ('the 2024 election cycle') shares its clause with a finer
    date that dates the clause itself ('will face off Wednesday evening in the third debate of
    the 2024 election cycle', 'The 2022 Games are scheduled to be held on July 27'): the clause
    happens on that date, the year only names the thing.
    Years listed side by side ('in 2016, followed by 2017's Irma') each stay. A day or month
    modifying its thing ('The minister's March 3 letter was read at the hearing on Tuesday')
    gives way to a date of the clause as fine as itself."""
    place, verb = dated.place, dated.place.verb
    year = dated.text.isdigit()
    if not place.names or verb is None or not (year or _argument_modifier(place)):
        return False
    width = dated.last - dated.first
    return any(
        other is not dated
        and other.place.thing is None
        and other.place.verb is not None
        and same_clause(other.place.verb, verb)
        and (other.last - other.first < width if year else other.first > 0 and _finer(other, width))
        for other in events
    )


_THING_MODIFIERS = frozenset({"poss", "compound", "nmod"})  # "the March 3 letter", "May's vote"


def _argument_modifier(place: Place) -> bool:
    """A date modifying a subject or object of its clause: 'The minister's March 3 letter was
    read' (not 'The results of Thursday's vote will be known', a thing under another noun)."""
    thing = place.thing
    if thing is None or place.root.dep_ not in _THING_MODIFIERS or place.root.head.i != thing.i:
        return False
    return thing.dep_ in _ARGUMENTS and place.verb is not None and thing.head.i == place.verb.i


_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _finer(other: Dated, width: int) -> bool:
    """Whether a known date is as fine as a period `width` days long (less one), or finer."""
    return other.last - other.first <= width


def _range_start(dated: Dated, dates: Sequence[Dated]) -> int | None:
    """The start of a range this date ends, in the same clause: 'from 2015 through 2019'."""
    verb = dated.place.verb
    if dated.place.prep not in _RANGE_ENDS or verb is None:
        return None
    return next(
        (
            k
            for k, other in enumerate(dates)
            if other.place.prep == "from" and other.place.verb is not None
            if other.place.verb.i == verb.i
        ),
        None,
    )


def _on_main_clause(dated: Dated) -> bool:
    """Whether the date dates the sentence's own clause."""
    links = dated.place.links
    return bool(links) and links[0].verb.i == _main_clause(links).verb.i


def _coordinated(dates: Sequence[Dated], found: Sequence[Role]) -> bool:
    """Whether every event date of the sentence dates a clause coordinated with its root, not
    the root: "Republicans never took up the bill the House passed in May, and the offering was
    blocked on Sept. 10" tells two happenings, each with its own date."""
    events = [dated for dated, role in zip(dates, found, strict=True) if role is Role.EVENT]
    return all(
        len(dated.place.links) == 2 and dated.place.links[0].dep == "conj" for dated in events
    )


def _dated_root(dated: Dated, dates: Sequence[Dated], found: Sequence[Role]) -> bool:
    """Whether an event date of the sentence dates its root (then no describing date is
    adopted)."""
    links = dated.place.links
    root = links[-1].verb.i if links else -1
    return any(
        role is Role.EVENT and other.place.verb is not None and other.place.verb.i == root
        for other, role in zip(dates, found, strict=True)
    )


def _moved_beside(dated: Dated, dates: Sequence[Dated]) -> bool:
    """Whether another date of the clause is the old time a thing was moved from ("This year's
    Derby was postponed from its usual first Saturday in May"): the moving has its own time,
    which the sentence does not give, so a date naming the thing is not adopted for it (round
    32)."""
    verb = dated.place.verb
    return verb is not None and any(
        other is not dated and other.place.verb is not None and other.place.verb.i == verb.i
        for other in dates
        if moved_from(other.place)
    )


def _ahead_of_point(dated: Dated) -> bool:
    """A describing clause's date that is the time of a thing the clause comes 'ahead of' ('has
    announced two nominees running for the chair ahead of the meeting on Sunday May 1'): a
    point the sentence's happening lies before, not its time, so it is not adopted as the
    sentence's event (a copula's 'The stakes are high ahead of Tuesday's debate' is no sequence:
    `sequenced`). Issue 12, round 23."""
    return ahead_of_thing(dated.place) and sequenced(dated)


def _second(dated: Dated, events: Sequence[Dated]) -> bool:
    """A later date inside what a dated happening brings about: its purpose ('approved the
    facility in December 2020 to enable allocations during 2021') or a relative clause the
    parser made the root ('announced on Wednesday fresh lockdown ..., that will come into force
    later this week'), or a bare date after the object of a state's preposition when another
    clause has its own date ('seemed to have more swagger tonight, and that's correlated to the
    endorsement this week'). Round 27 (`analysis.event_mention_second`)."""
    others = [(other.place, other.last) for other in events if other is not dated]
    return (
        purpose_content(dated.place, dated.last, others)
        or lifted_relative(dated.place, dated.last, others)
        or after_object_of_state(dated.place, [place for place, _ in others])
    )


def roles(dates: Sequence[Dated]) -> list[Role]:
    """The role of each date of one sentence, seeing them together.

    A dated happening before or after the sentence's own is a reference point only when the
    sentence's own clause has no date: "held two elections in 2019 before undergoing
    redistricting in November" tells two dated happenings.
    """
    found = [_own_role(dated) for dated in dates]
    before_after = [
        role is Role.EVENT and sequenced(dated) for dated, role in zip(dates, found, strict=True)
    ]
    dated_main = any(
        role is Role.EVENT and not seq and _on_main_clause(dated)
        for dated, role, seq in zip(dates, found, before_after, strict=True)
    )
    if not dated_main:
        found = [
            Role.REFERENCE if seq else role for role, seq in zip(found, before_after, strict=True)
        ]
    else:  # "After denying rumors in the summer of 2004, he resigned in mid-August"
        mains = [
            dated
            for dated, role, seq in zip(dates, found, before_after, strict=True)
            if role is Role.EVENT and not seq and _on_main_clause(dated)
        ]
        found = [
            Role.CONTEXT
            if seq and any(_contains(dated, main) for main in mains)
            else Role.REFERENCE
            if seq and by_noun(dated)
            else role
            for dated, role, seq in zip(dates, found, before_after, strict=True)
        ]
    starts = [_range_start(dated, dates) for dated in dates]
    found = [
        found[start] if role is Role.REFERENCE and start is not None else role
        for role, start in zip(found, starts, strict=True)
    ]
    events = [dated for dated, role in zip(dates, found, strict=True) if role is Role.EVENT]
    found = [
        Role.CONTENT
        if role is Role.EVENT
        and (
            _content(dated, events)
            or new_time(dated.place, [e.place for e in events])
            # "the MTA's announcement on Thursday that it will suspend ... on Wednesday, May 6"
            or announced(dated.place, [e.place for e in events if e is not dated])
        )
        else role
        for dated, role in zip(dates, found, strict=True)
    ]
    events = [dated for dated, role in zip(dates, found, strict=True) if role is Role.EVENT]
    found = [
        Role.CONTENT if role is Role.EVENT and _second(dated, events) else role
        for dated, role in zip(dates, found, strict=True)
    ]
    events = [dated for dated, role in zip(dates, found, strict=True) if role is Role.EVENT]
    # the old time a thing was moved from still sets a coarser date as its context ("This
    # year's Derby was postponed from its usual first Saturday in May": not this year's event)
    finer = events + [dated for dated in dates if moved_from(dated.place)]
    found = [
        Role.CONTEXT if role is Role.EVENT and _context(dated, finer) else role
        for dated, role in zip(dates, found, strict=True)
    ]
    events = [dated for dated, role in zip(dates, found, strict=True) if role is Role.EVENT]
    found = [
        Role.DESCRIPTOR
        if role is Role.EVENT
        and (
            _names_beside(dated, events)
            or named_below(
                dated.place,
                _main_clause(dated.place.links).verb,
                [(e.place, e.last - e.first) for e in events],
                dated.last - dated.first,
            )
        )
        else role
        for dated, role in zip(dates, found, strict=True)
    ]
    if Role.EVENT in found and not _coordinated(dates, found):
        return found
    return [
        Role.EVENT
        if role is Role.DESCRIPTOR
        and not _dated_root(dated, dates, found)
        and not _ahead_of_point(dated)
        and not _moved_beside(dated, dates)
        and (
            _adopted(dated)
            or _recent_participle(dated)
            or _subject_setting(dated)
            or _state_apposition(dated)
        )
        else role
        for dated, role in zip(dates, found, strict=True)
    ]
