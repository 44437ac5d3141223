"""Dates that date no happening of their sentence: reference points, conditions, negations.

Read from where each date attaches (`analysis.event_attach`); `analysis.event_roles` combines
these tests with the descriptors and the dated frames into one role per date.

- a reference point is not a happening: "since 2004", "until July 28" (but "was booming until
  today" ends a past state then), "compared to 2020", "dates back to July 2020", "would match
  the estimate for deaths between October 2019 to March 2020", "as of Wednesday" on a
  happening, a dated happening before or after an undated one ("After earning her degree in
  1995, she went on to ..."), "through October", "before the Nov. 3 election", "a deadline of
  November 6", "for the next year", "fell from 54% in November", "costs down 60% from a year
  ago", "a tenth less than in 2009";
- nor is a date inside an if/unless clause or what could happen then ("if she wins, she could
  re-nominate him in 2017"), a comparison ("as we did in March", "as in"), a
  negated clause, "today" meaning nowadays ("Today he carries ...", "the challenges facing
  our country today") or a speculation someone
  reports ("said there may be no cavalry this year").

`Dated` (a date with its place) and `Role` (what it does) live here, the first module of the
role reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from spacy.tokens import Token

from analysis import clause_kinds as kinds
from analysis.event_ahead_of import ahead_of_thing
from analysis.event_analogy import likened
from analysis.event_attach import BESIDE, VERBS, Link, Place, compares_values
from analysis.event_background import under_reference
from analysis.event_bounds import after_date, change_start, points_ahead, target
from analysis.event_mention_effect import foretold_effect
from analysis.event_mention_measure import measured_by
from analysis.event_now import day_as_noun, denied, possible_today, todays_setting
from analysis.event_offsets import counted_from, likened_thing, then_and_now
from analysis.event_passing import analogy, compared_amount, done_by
from analysis.event_words import STATES

_REFERENCE_PREPS = frozenset(
    {"since", "until", "till", "through", "compared to", "compared with", "than", "versus"}
    | {"throughout", "instead of", "before", "prior to"}
)
# "Aside from Tuesday night, Christie appears to embrace his duties": the time left out (a thing
# so brought keeps its date: "Apart from a brief visit in 2009, he has never been there")
_EXCEPTING = frozenset({"aside from", "apart from"})
_OBLIGATION = frozenset({"must", "should", "required", "obliged", "ought"})
_OBLIGING = frozenset({"have", "need", "require", "oblige"})
_DEADLINES = frozenset({"deadline", "cutoff", "cut-off", "expiry", "expiration"})
_VALUE_RANGE = frozenset({"from", "to"})  # "fell from 54% in November to 35%"
_REFERENCE_MARKS = frozenset({"since", "until", "till"})
_CONDITION_MARKS = frozenset({"if", "unless", "whether", "than", "like"})
_COMPARING_PREPS = frozenset({"as in", "like", "unlike"})
_ENDS = frozenset({"until", "till"})
_COMPARING_VERBS = frozenset(
    {"match", "exceed", "surpass", "equal", "rival", "eclipse", "outpace"}
    # "The ratings beat the 2003 premiere of ...": what is beaten is measured against (round 30)
    | {"beat", "top", "outstrip", "outsell", "outperform", "overtake"}
)
_SPANS = frozenset({"between", "to"})
_HEDGES = frozenset({"perhaps", "possibly", "maybe"})
_ASSUMING = frozenset({"assume", "suppose", "provide"})  # "assuming they will win in November"
_GRANTING = frozenset({"give", "grant", "extend", "allow", "postpone", "delay", "punt", "defer"})
_CUTOFFS = frozenset({"as of", "as at"})
_SEQUENCE = frozenset({"after", "before", "ahead of", "ahead to", "following", "prior to"})
_SEQUENCE_MARKS = frozenset({"after", "before"})
_AHEAD = frozenset({"ahead of", "ahead to", "prior to", "in advance of"})
_SEQUENCING = frozenset({"come", "follow"})  # "the response came after ...": a relation
_DAY_PARTS = frozenset({"midnight", "noon", "dawn", "dusk", "morning", "afternoon", "evening"})
_DURATION = re.compile(r"(?i)^(?:the\s+)?(?:next|past|last|coming|following)\s")
_DURATION_PREPS = frozenset({"for", "over", "within", "in"})
RECENT = re.compile(
    r"(?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday"
    r"|this\s+(?:morning|afternoon|evening|week)|last\s+(?:night|week))\b"
)


class Role(StrEnum):
    """What a date does in its sentence; only EVENT dates become events."""

    EVENT = "event"
    REFERENCE = "reference point"
    CONDITION = "not a happening"
    DESCRIPTOR = "descriptor"
    CONTENT = "content of a dated statement"
    CONTEXT = "context of a finer date"
    COUNT = "a number, not a date"


@dataclass(frozen=True)
class Dated:
    """A date of the sentence with what `roles` needs: its place, words, period and position."""

    place: Place
    text: str
    first: int  # ordinal of the period's first day; 0 when the date is unknown
    last: int
    after_colon: bool = False  # the date follows a colon of its sentence
    restates: bool = False  # in apposition to another date: "on Dec. 18, a Wednesday"
    other_side: bool = False  # names a thing across the day of writing from its clause's tense


def _bare(dated: Dated) -> str:
    """The date's words without its preposition: 'the next year' of 'for the next year'."""
    words = dated.text.split(maxsplit=1)
    prep = dated.place.prep.split()[-1] if dated.place.prep else ""
    return words[1] if len(words) > 1 and words[0].lower() == prep else dated.text


def reference(dated: Dated) -> bool:
    """'since 2004', 'until July 28', 'for the next year', 'from 54% in November', 'as of
    Wednesday' on a happening."""
    place = dated.place
    if _ended(dated):
        return False
    return (
        _cutoff(dated)
        or place.prep in _REFERENCE_PREPS | _EXCEPTING
        or place.thing_prep in _REFERENCE_PREPS
        or (place.thing is None and place.thing_prep in _VALUE_RANGE)
        or (place.prep == "from" and compares_values(place.host))
        or (place.thing is not None and place.thing.lemma_.lower() in _DEADLINES)
        or (place.prep == "by" and _obliged(place))
        or _duration(dated)
        or any(link.mark in _REFERENCE_MARKS for link in place.links)
        or "since" in place.crossed  # "holding 200 people captive since its attack last month"
        or any(word.removeprefix(BESIDE) in _AHEAD for word in _beside(place))
        or any(_from_clause(link) for link in place.links)
        or (place.prep == "to" and place.host is not None and place.host.lower_ == "back")
        or _compared(dated)
        or _ranked(dated)
        or _standard(dated)
        or (place.prep == "by" and place.thing is not None and not place.names)
        or compared_amount(place, dated.text)
        or done_by(place, dated.text)
        or _after_than(place)
        or after_date(place)  # "Shortly after September 11 2001, Rice got to work"
        or target(place, dated.last - dated.first)  # "may raise the wage to $15 by 2022"
        or change_start(place)  # "rose from 40 percent on July 14 to 42 percent"
        or under_reference(place)  # "Since the assaults that killed 130 ... last November"
        or counted_from(place)  # "two weeks after the March 3 fire"
        or likened_thing(place)  # "reminiscent of one from January 2013"
        or then_and_now(place)  # "Prices are back where they were six years ago"
        or measured_by(place)  # "Judged by last year's turnover, the lockdown cost ..."
    )


def _after_than(place: Place) -> bool:
    """A date phrase 'than' brings in: what a figure or a choice is set against ('a tenth less
    than in 2009', 'higher than in 2018', 'in June rather than in May')."""
    host = place.host
    return bool(place.prep) and host is not None and host.lower_ == "than" and host.pos_ == "ADP"


def _beside(place: Place) -> list[str]:
    """Two-word prepositions the date's walk passed beside: 'ahead of the filing deadline at
    noon on Dec. 20' (the parser hangs 'at noon' on 'ahead')."""
    return [word for word in place.crossed if word.startswith(BESIDE)]


def _phrase_start(place: Place) -> Token:
    """The first word of the date's phrase: its preposition, or the date's own first word."""
    start = place.root.left_edge
    if place.thing is not None and place.thing_prep:
        start = min(start, place.thing.left_edge, key=lambda token: token.i)
        head = place.thing.head
        if head.pos_ == "ADP" and head.i < start.i:
            start = head
    return start


def _ranked(dated: Dated) -> bool:
    """The period of a ranking: 'the best ensemble cast of this year', 'bringing the second
    award this year' (not 'for the first time on Wednesday', 'the biggest rally on Saturday')."""
    place = dated.place
    if dated.first and dated.last - dated.first < 27:
        return False  # a day or a week dates the happening ranked: 'the biggest rally on Saturday'
    noun = place.thing
    if noun is None:
        edge = place.root.left_edge
        noun = edge.doc[edge.i - 1] if edge.i > 0 else None
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() == "time":
        return False
    if any(kid.dep_ == "poss" for kid in noun.children):
        return False  # "his second birthday last month" counts his years, ranks nothing
    before = noun.doc[noun.left_edge.i : noun.i]  # "the best ensemble cast"
    return any(
        ((word.ent_type_ == "ORDINAL" or word.tag_ == "JJS") and word.lower_ not in _MOST)
        or _most_adjective(word, noun)
        for word in before
    )


_MOST = frozenset({"least", "most"})


def _most_adjective(word: Token, noun: Token) -> bool:
    """'most' or 'least' grading an adjective of the noun: 'one of the most expensive Senate
    races of 2024' ranks the races of that year, as 'the biggest rally' does (round 27); not
    'most' as a determiner ('most people this year')."""
    if word.lower_ not in _MOST or word.dep_ != "advmod":
        return False
    graded = word.head
    return graded.dep_ == "amod" and graded.i < noun.i and word.i < graded.i


def _hedged(dated: Dated) -> bool:
    """A date put as a mere possibility: 'perhaps even already at the end of this year'."""
    start = _phrase_start(dated.place)
    doc = start.doc
    k = start.i - 1
    while k >= 0 and doc[k].pos_ == "ADV":
        if doc[k].lower_ in _HEDGES:
            return True
        k -= 1
    return False


def _from_clause(link: Link) -> bool:
    """The starting point of a change: 'a change from where we were a month ago'."""
    return link.dep == "pcomp" and link.verb.head.lower_ == "from"


def _compared(dated: Dated) -> bool:
    """A date of what a clause compares with: 'would match the estimate for flu deaths between
    October 2019 to March 2020' (not 'sales topped forecasts on Tuesday')."""
    place, verb = dated.place, dated.place.verb
    if verb is not None and verb.dep_ == "dobj" and verb.head.lemma_ in _COMPARING_VERBS:
        return True  # "could eclipse the 1871 Chicago blaze", the object read as a verb
    if verb is None or verb.lemma_ not in _COMPARING_VERBS:
        return False
    if place.prep in _SPANS:
        return True
    objects = [kid for kid in verb.children if kid.dep_ in ("dobj", "attr")]
    if any(obj.i == place.root.i for obj in objects) and not place.prep:
        return True  # "threatens to eclipse the 1989 Exxon Valdez spill", the year read as it
    thing = place.thing
    return thing is not None and any(obj.i == thing.i or thing in obj.subtree for obj in objects)


_LIKENESS = frozenset({"similar", "comparable", "identical", "akin", "equivalent", "analogous"})


def _likened(noun: Token) -> bool:
    """Whether a noun is what something is likened to: 'similar to one struck last week', 'the
    same one Obama enjoyed in 2008' (round 16)."""
    prep = noun.head
    if any(kid.dep_ == "amod" and kid.lower_ == "same" for kid in noun.children):
        return True
    return (
        noun.dep_ == "pobj"
        and prep.lower_ in ("to", "with")
        and prep.head.lemma_.lower() in _LIKENESS
    )


def _standard(dated: Dated) -> bool:
    """A date of the thing a clause likens its subject to: 'The deal is similar to one struck
    earlier this week', 'comparable to the 2019 contract'."""
    place = dated.place
    if place.thing is not None and _likened(place.thing):
        return True
    return any(kinds.describing(link) and _likened(link.verb.head) for link in place.links[:-1])


def negated(verb: Token) -> bool:
    """'had not filed', 'never took up'."""
    return any(kid.dep_ == "neg" for kid in verb.children)


def _ended(dated: Dated) -> bool:
    """A past state that ended then: 'business was booming until today', 'lived there until
    last year'. Not a deadline ('has given him until July 28'), a period still running ('the
    ban lasts until May 3'), a delay ('punt the talks until Dec. 11') or a 'not before'."""
    place, verb = dated.place, dated.place.verb
    if place.prep not in _ENDS or verb is None or place.thing is not None:
        return False
    if verb.lemma_ in _GRANTING or negated(verb):
        return False
    helpers = kinds.auxes(verb)
    if not helpers:
        return verb.tag_ == "VBD"
    return verb.tag_ == "VBG" and all(aux.tag_ == "VBD" for aux in helpers)


def _cutoff(dated: Dated) -> bool:
    """'as of Wednesday' on a happening ('had not filed charges as of Wednesday', 'as of last
    week said') is a cut-off; on a state or a tally ('as of Thursday, it has brought back
    6,000') it dates the report."""
    place, verb = dated.place, dated.place.verb
    if verb is None or (place.prep not in _CUTOFFS and place.thing_prep not in _CUTOFFS):
        return False
    return negated(verb) or (verb.tag_ == "VBD" and verb.lemma_ not in STATES)


def sequenced(dated: Dated) -> bool:
    """A dated happening before or after the one the sentence tells: 'After earning her degree
    in 1995, she went on to ...', 'staff asked for them well ahead of a Nov. 29 meeting'. A
    state ('are testing residents after two cases were reported on Saturday') or a sequence
    ('the response came after ...') takes that date as its news; a time ('shortly after
    midnight on Oct. 19') sets the clause's own, and so does a day of the story's last days
    ('Before flying to Tehran on Monday morning, Putin signed a decree')."""
    place, thing = dated.place, dated.place.thing
    links = place.links
    by_noun = (
        place.thing_prep in _SEQUENCE
        and thing is not None
        and thing.ent_type_ not in ("TIME", "DATE")
        and thing.lemma_.lower() not in _DAY_PARTS
    )
    if not links or links[-1].verb.pos_ not in VERBS:
        return False  # a sentence the parser did not read as a clause ("Only after ... did")
    at = main_at(links)
    main = links[at]
    by_clause = any(link.mark in _SEQUENCE_MARKS for link in links[:at])
    ahead = by_noun and place.thing_prep in _AHEAD  # "Ahead of Tuesday's vote, crowds gathered"
    ahead = ahead or ahead_of_thing(place)  # "has a lead in the polls ahead of the May 3 primary"
    by_noun = by_noun or ahead
    # "when they meet on Wednesday after a preliminary decision last week": a dated thing a
    # plan comes after (not a gerund: "will visit the plant after meeting the mayor on Friday")
    recent = RECENT.search(dated.text) and not ahead and not (by_noun and points_ahead(main.verb))
    if not (by_noun or by_clause) or recent:
        return False  # "Before flying to Tehran on Monday morning, Putin signed": that morning
    own = links[0].verb.lemma_ != "be"  # "is outspoken as he campaigns ahead of the caucuses"
    if ahead and (main.verb.lemma_ != "be" or own):  # "is facing attack ads ahead of the primary"
        return True  # (an activity of now; "The stakes are high ahead of Tuesday's debate", a
        # copula, is judged on DEV as the debate's day)
    return not kinds.state(main.verb) and main.verb.lemma_ not in _SEQUENCING


def by_noun(dated: Dated) -> bool:
    """A dated thing a happening comes after or before: 'after the scandal of last month'."""
    place, thing = dated.place, dated.place.thing
    return (
        place.thing_prep in _SEQUENCE
        and thing is not None
        and thing.ent_type_ not in ("TIME", "DATE")
        and thing.lemma_.lower() not in _DAY_PARTS
    )


def _obliged(place: Place) -> bool:
    """A deadline: 'must be submitted by Friday', 'has to leave by 2030', 'need to file by ...'."""
    verb = place.verb
    if verb is None:
        return False
    if any(aux.lower_ in _OBLIGATION for aux in kinds.auxes(verb)):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and (head.lemma_ in _OBLIGING or head.lower_ in _OBLIGATION)


def _duration(dated: Dated) -> bool:
    """'for the next year', 'over the past week' (not 'scheduled for next month')."""
    place = dated.place
    if place.prep not in _DURATION_PREPS:
        return False
    the = any(kid.dep_ == "det" and kid.lower_ == "the" for kid in place.root.children)
    bare = _bare(dated)
    return bool(_DURATION.match(bare)) and (the or bare.lower().startswith("the "))


def conditional(dated: Dated) -> bool:
    """An if/unless clause, a comparison, or a speculation someone reports."""
    place = dated.place
    return (
        place.prep in _COMPARING_PREPS
        or place.thing_prep in _COMPARING_PREPS
        or any(link.mark in _CONDITION_MARKS for link in place.links)
        or any(link.mark == "as" and link.verb.lemma_ == "do" for link in place.links)
        or any(_assuming(link) for link in place.links)
        or _hedged(dated)
        or kinds.speculation(place.links)
        or analogy(place)
        or any(_consequence(link.verb) for link in place.links)
        or likened(place.links)  # "..., as it happened in the 1956 Hungarian Revolution"
        or foretold_effect(place)  # "the scandal could hurt Republicans in November"
    )


_POSSIBLE = frozenset({"could", "might", "would", "may"})
_CONDITIONS = frozenset({"if", "unless"})


def _consequence(verb: Token) -> bool:
    """What could, might or would happen if something else does: 'if Clinton wins in November,
    she could re-nominate him in 2017' (not 'if it rains, the final will be played on Sunday',
    a plan)."""
    if not any(aux.lower_ in _POSSIBLE for aux in kinds.auxes(verb)):
        return False
    clauses = (kid for kid in verb.children if kid.dep_ == "advcl" and kid.pos_ in VERBS)
    return any(_mark_of(clause) in _CONDITIONS for clause in clauses)  # not "if not better"


def _mark_of(verb: Token) -> str:
    """The subordinating word of a clause ('if', 'unless'), or ''."""
    return next((kid.lower_ for kid in verb.children if kid.dep_ == "mark"), "")


def _assuming(link: Link) -> bool:
    """A participle that states a condition: 'assuming they will win', 'provided it passes'."""
    verb = link.verb
    return link.dep == "advcl" and verb.tag_ in ("VBG", "VBN") and verb.lemma_ in _ASSUMING


def negated_or_nowadays(dated: Dated) -> bool:
    """A negated plan or infinitive ('threatened not to hold elections this year', 'will not
    meet on Friday'), or 'today' meaning nowadays. A negated past ('did not vote on Tuesday')
    still tells what happened that day."""
    place, verb = dated.place, dated.place.verb
    # "in today's world", "can see today", "a better tomorrow", "came not yesterday"
    if todays_setting(place) or possible_today(place) or day_as_noun(place) or denied(place):
        return True
    if verb is None or place.names:
        return False
    planned = kinds.infinitive(verb) or any(aux.tag_ == "MD" for aux in kinds.auxes(verb))
    if planned and any(kid.dep_ == "neg" for kid in verb.children):
        return True
    if planned and verb.lemma_ in STATES and any(kid.lower_ == "still" for kid in verb.children):
        return True  # "we will still have this June 1": a state predicted to last
    word = place.root.lower_ if place.root.dep_ in ("npadvmod", "advmod") else ""
    present = kinds.simple_present(verb) or kinds.do_present(verb)
    if word == "tonight":  # "Nothing tonight matters": an opinion, not a happening
        return present and verb.lemma_ in STATES and verb.lemma_ != "be"
    now = present or _describing_now(place) or _gradual_now(place) or _standing_passive(verb)
    return word == "today" and now


# Passives of a standing state: 'Today, it is owned by a nonprofit', 'is still used today'
# (not 'run', 'hold', 'lead', 'operate': 'the race is run today', 'the vote is held today')
_STANDING = frozenset(
    {"own", "control", "use", "know", "consider", "regard", "see", "house", "occupy"}
    | {"inhabit", "govern", "base", "locate"}
)


def _standing_passive(verb: Token) -> bool:
    """A present passive of a standing state ('Today, it is owned by a nonprofit company', 'the
    term is still used today', 'is seen today as'): nowadays, not the day of writing (round
    19); a passive of a happening ('is sold today to a rival') keeps the day."""
    if verb.tag_ != "VBN" or verb.lemma_ not in _STANDING:
        return False
    helpers = kinds.auxes(verb)
    passive = [aux for aux in helpers if aux.dep_ == "auxpass"]
    return len(passive) == 1 and len(helpers) == 1 and passive[0].tag_ in ("VBZ", "VBP")


_GRADUAL = frozenset({"begin", "start", "become", "grow", "continue", "come", "turn"})


def _gradual_now(place: Place) -> bool:
    """A change under way, told in the present progressive after an opening 'Today,': 'Today,
    those links are beginning to point toward China', 'Today, many are starting to leave'
    (nowadays; not 'Today, the senate is voting', nor 'The team is starting its season
    today')."""
    verb, root = place.verb, place.root
    if verb is None or verb.tag_ != "VBG" or verb.lemma_ not in _GRADUAL:
        return False
    if not any(aux.tag_ in ("VBZ", "VBP") for aux in kinds.auxes(verb)):
        return False
    opens = root.i == root.sent.start and root.i + 1 < len(root.doc) and root.nbor().text == ","
    return opens and any(kid.dep_ in ("xcomp", "acomp", "oprd") for kid in verb.children)


def _describing_now(place: Place) -> bool:
    """'today' on a participle that describes a thing of a present clause: 'one of the biggest
    challenges facing our country today' (nowadays), not 'workers facing layoffs today walked
    out'."""
    verb = place.verb
    if verb is None or verb.tag_ != "VBG" or verb.dep_ != "acl" or len(place.links) < 2:
        return False
    above = place.links[1].verb
    return not kinds.auxes(verb) and (kinds.simple_present(above) or kinds.do_present(above))


def main_at(links: tuple[Link, ...]) -> int:
    """Where the sentence's own clause is among `links`: the root, or what a reporting root
    reports."""
    if len(links) > 1 and kinds.reports(links[-2], links[-1]):
        return len(links) - 2
    return len(links) - 1
