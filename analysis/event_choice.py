"""Which dates of a parsed text are events: the parse read once per date, roles per sentence.

`Places` reads where each date attaches (`analysis.event_attach`) from the parse spaCy already
made, once per date, and tells `analysis.dates` which way each relative date points
(`analysis.event_tense`); `choose` then gives every date of a sentence its role
(`analysis.event_roles`). Without a dependency parse every date keeps the EVENT role, as
before these rules existed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from spacy.tokens import Doc, Span, Token

from analysis.date_context import future_cues, period_end
from analysis.doc_text import doc_text
from analysis.event_ahead import ahead
from analysis.event_alternatives import alternatives
from analysis.event_anchored import rests_on
from analysis.event_anniversary import anniversaries
from analysis.event_attach import Place, long_before, place
from analysis.event_characterised import characterising_opener, on_main_clause
from analysis.event_clash import other_side
from analysis.event_compared import compared
from analysis.event_deadline import future_deadline
from analysis.event_forecast import figure_forecast
from analysis.event_habit import habitual, yearly_season
from analysis.event_listed import listed, old_subject_now
from analysis.event_misparsed import opening_participle, participle_read_as_root
from analysis.event_misparsed_clauses import like_clause, possessive_misread
from analysis.event_month import coming_month
from analysis.event_named_earlier import named_earlier
from analysis.event_nested import old_thing_of
from analysis.event_noun_content import had_ahead, measured_forecast, noun_clause, noun_gerund
from analysis.event_old_description import old_year_described
from analysis.event_old_thing import old_thing_now
from analysis.event_plan_names import names_plan
from analysis.event_predicted import predicted_past
from analysis.event_prospect import prospect_aside
from analysis.event_recent_thing import ahead_in_past_description, recent_thing_now
from analysis.event_reference import RECENT
from analysis.event_result import result_ahead
from analysis.event_retold import retelling
from analysis.event_roles import Dated, Role, roles
from analysis.event_said_now import present_cutoff
from analysis.event_so_far import so_far, state_so_far
from analysis.event_tense import direction
from analysis.event_the_weekday import the_weekday
from analysis.event_vague_ago import bounded_years_ago
from analysis.types import ResolvedDate, SentenceSpan


class Places:
    """Where each date of one Doc attaches, worked out once per date."""

    def __init__(self, doc: Doc, length: int, published: date | None = None) -> None:
        self.doc, self.length, self.published = doc, length, published
        self.parsed = doc.has_annotation("DEP")
        self.found: dict[tuple[int, int], Place | None] = {}

    def at(self, start: int, end: int) -> Place | None:
        """The place of the date at these character offsets; None without a parse."""
        key = (start, end)
        if key not in self.found:
            self.found[key] = self._read(start, end)
        return self.found[key]

    def _read(self, start: int, end: int) -> Place | None:
        """Read one date's place from the parse."""
        if not self.parsed or start < 0 or end > self.length or start >= end:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return place(_governed(span)) if span is not None and len(span) else None

    def restates(self, start: int, end: int) -> bool:
        """Whether the date at these offsets stands in apposition to another date, restating
        it: 'on Dec. 18, a Wednesday'."""
        if not self.parsed or start < 0 or end > self.length or start >= end:
            return False
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        root = span.root
        return root.dep_ == "appos" and root.head.ent_type_ == "DATE" and root.head.i < root.i

    def direction(self, start: int, end: int) -> str | None:
        """Which way the date at these offsets points, by the tense of its clause; a caption's
        or a list entry's date ('May 2: A sign ... calls for help') either way, the nearest."""
        found = self.at(start, end)
        if found is not None and _entry_date(self.doc, start, end):
            return "nearest"
        if found is None:
            return None
        way = direction(found) or ahead(found)  # 'is hoping to'
        if way is not None:
            return way
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        month = coming_month(found, span.text, self.published)  # 'hearings in September'
        if month is None and _future_elsewhere(found, self.doc, start, end):
            return "past"  # "what the effects will be", not the date's clause: not its side
        return month


def _future_elsewhere(found: Place, doc: Doc, start: int, end: int) -> bool:
    """Whether the sentence's only words of the future ('will', 'is expected to', 'plans to')
    belong to a clause the date is not in: 'after the April 20 explosion, experts are trying to
    determine what the effects will be', 'a letter sent Tuesday warning him that he will be'.
    Without a reading of the date's own clause the sentence's words decide its side, and these
    sent a past day ahead."""
    cues = [
        doc.char_span(*cue, alignment_mode="expand")
        for cue in future_cues(doc_text(doc), start, end)
    ]
    if not cues or any(words is None for words in cues):
        return False
    chain = {verb.i for link in found.links for verb in _open_chain(link.verb)}
    # a clause of the date or of what it names ('on 27 July, when it will', 'November
    # elections in which X are expected to') speaks of its time too
    written = doc.char_span(start, end, alignment_mode="expand")
    own = {word.i for token in written or () for word in (token, token.head)}
    own |= {found.thing.i} if found.thing is not None else set()
    return not any(_tied(_cue_verb(words), chain, own) for words in cues if words is not None)


def _cue_verb(words: Span) -> Token:
    """The verb a future cue belongs to: 'know' of "they'll know", 'expected' of 'is expected'."""
    cue = next((word for word in words if word.tag_ == "MD"), words[0])
    return cue.head if cue.dep_ in ("aux", "auxpass") else cue


def _tied(verb: Token, chain: set[int], own: set[int]) -> bool:
    """Whether a cue's verb is of the date's clauses, of a clause of the date or its noun, or of
    a clause joined to the date's or modifying it ('should start Wednesday and they'll know',
    'reports its results on 27 July, when it will announce')."""
    joined = verb.dep_ in ("conj", "advcl") and verb.head.i in chain
    return verb.i in chain or verb.head.i in own or joined


def _open_chain(verb: Token) -> list[Token]:
    """A verb and the verbs it is the open complement of ('attend' in 'is expected to attend')."""
    chain = [verb]
    while chain[-1].dep_ == "xcomp" and len(chain) < 8:
        chain.append(chain[-1].head)
    return chain


# what follows an entry's date: a colon, or a dash set off by spaces ("April 25 - The Coast
# Guard approves a plan"); not a hyphen joining a range ("May 25-26")
_ENTRY_MARKS = frozenset({":", "-", "--", "–", "—"})


def _entry_date(doc: Doc, start: int, end: int) -> bool:
    """Whether a date opens its sentence and a colon or a spaced dash follows it: a caption's or
    a dated list's entry, told in the historical present whichever side of the writing it lies
    ('May 2: A sign ...', a timeline's 'May 5 - A barge begins towing a chamber to the leak',
    its infinitive no plan ahead; round 31)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or span.end >= len(doc) or span.start != span.sent.start:
        return False
    mark = doc[span.end]
    if mark.text == ":":
        return True
    return mark.text in _ENTRY_MARKS and bool(span[-1].whitespace_) and bool(mark.whitespace_)


def _governed(span: Span) -> Span:
    """The date's words without a leading preposition that governs the noun the date is a
    possessive of: in "results from Tuesday's elections" the date is "Tuesday" (naming the
    elections), not "from Tuesday" (a starting point of the results)."""
    first = span[0]
    if len(span) < 2 or first.pos_ not in ("ADP", "SCONJ"):
        return span
    rest = span[1:]
    owner = rest.root.head
    if rest.root.dep_ == "poss" and owner.dep_ == "pobj" and owner.head.i == first.i:
        return rest
    return span


def _dated(places: Places, found: ResolvedDate, sentence: SentenceSpan, text: str) -> Dated | None:
    """What the role rules need of one date, or None when it has no place in the parse."""
    where = places.at(found.start, found.end)
    if where is None:
        return None
    first = last = 0
    if found.value is not None:
        first = found.value.toordinal()
        last = period_end(found.value, found.precision).toordinal()
    colon = ":" in text[sentence.start : found.start]
    restates = places.restates(found.start, found.end)
    clash = other_side(where, first, last, places.published)
    clash = clash or predicted_past(where, first, last, places.published)
    clash = clash or old_thing_of(where, last, places.published)  # 'the aftermath of the 1988 ...'
    clash = clash or future_deadline(where, first, last, places.published)  # 'reaching it by 2026'
    clash = clash or listed(where, last, places.published)  # 'the attack in 1983, ... in 1996 and'
    clash = clash or old_subject_now(where, last, places.published)  # 'SARS in 2003 provides'
    clash = clash or old_thing_now(where, last, places.published)  # 'would preserve its 1979 peace'
    # 'would slow the pace following last year's moratorium'
    clash = clash or recent_thing_now(where, first, last, places.published)
    # 'laid plans for ... states holding contests on March 15'
    clash = clash or ahead_in_past_description(where, first, places.published)
    # 'Captain Khan, killed 12 years ago, was a hero' read as 'Khan killed ..., was'
    clash = clash or participle_read_as_root(where, bool(RECENT.search(found.text)))
    # 'Appointed chief justice in 1953, Earl Warren turned out to be a liberal'
    # not a whole date ('Born May 24, 1917, to Henry and Sophie Siegel': an obituary's birth)
    long_ago = first != last and long_before(last, places.published or date.max)
    clash = clash or opening_participle(where, long_ago)
    # 'considered likely to replace her when her term ends in early 2018, had not issued'
    clash = clash or prospect_aside(where, last, places.published)
    # 'a draft manufacturing policy 2021-2025': the years name the plan
    clash = clash or names_plan(text[sentence.start : found.start], found.text)
    return Dated(where, found.text, first, last, colon, restates, clash)


def _habit(item: Dated) -> bool:
    """A habit on the date's clause ('usually meets on Tuesday'), a day's or told now."""
    # "it runs from August through October" of a season: a habit of every year
    return habitual(item.place, item.first == item.last) or yearly_season(item.place, item.text)


def choose(
    places: Places, sentence: SentenceSpan, dates: Sequence[ResolvedDate], text: str
) -> list[Role]:
    """The role of each date of one sentence (all EVENT when the parse is missing)."""
    dated = [_dated(places, found, sentence, text) for found in dates]
    known = [item for item in dated if item is not None]
    judged = iter(roles(known))
    found = [Role.EVENT if item is None else next(judged) for item in dated]
    # 'is projected to grow 2.1 percent next year': the year a forecast gives a rate for, no
    # happening; after the roles, so no sentence without an event adopts it back
    forecasts = [
        item is not None and figure_forecast(item.place, item.first, item.last, places.published)
        for item in dated
    ]
    found = _demoted(found, forecasts, Role.DESCRIPTOR)
    # "was anchored on aggressive growth from 2017 to 2020": the years a plan rests on
    scope = [item is not None and rests_on(item.place, item.first, item.last) for item in dated]
    found = _demoted(found, scope, Role.DESCRIPTOR)
    # "As of July, the city has 40 shelters": the time a present state is counted at
    cutoffs = [item is not None and present_cutoff(item.place, item.text) for item in dated]
    found = _demoted(found, cutoffs, Role.REFERENCE)
    # "are up 13 percent so far in 2011"; "fell on Thursday, extending losses so far in August"
    found = _demoted(found, _tallied(dated, found), Role.REFERENCE)
    # "The council usually meets on Tuesday": a habit
    found = _demoted(found, [item is not None and _habit(item) for item in dated], Role.CONDITION)
    # "occurred more than 15 years ago": a bound on the years, too vague for the year it counts to
    found = _demoted(found, [bounded_years_ago(one.text) for one in dates], Role.DESCRIPTOR)
    # "will be held by those participants on the Monday": a Monday of the story's period
    weekdays = [
        the_weekday(text[sentence.start : one.start], one.text, text[one.end : one.end + 8])
        for one in dates
    ]
    found = _demoted(found, weekdays, Role.REFERENCE)
    # "late Wednesday or early Thursday": one happening, dated once; "five years ago this week"
    second = [
        a or b for a, b in zip(alternatives(text, dates), anniversaries(text, dates), strict=True)
    ]
    found = _demoted(found, second, Role.CONTEXT)
    # "Calling the return two months ago the test, the ministry said yesterday": a second date
    found = _demoted(found, _characterised(dated, found), Role.DESCRIPTOR)
    # "won the semi-final on Sunday, setting up a final next month": the result's thing ahead
    found = _demoted(found, _results_ahead(dated, found, places.published), Role.DESCRIPTOR)
    # 'Lacerda said Epstein told her: "... today"': the day of a retold scene, not the writing's
    found = _demoted(found, _retold(dated, dates), Role.REFERENCE)
    # "more in March than they did in February", "Whatever the outcome of the May 7 runoff"
    found = _demoted(found, compared(text, sentence.start, dates), Role.REFERENCE)
    # `analysis.event_misparsed_clauses`: "a report on last year’s shutdown reveals" read with
    # "’s" as the verb; "like the calendar turned out to be in 2012"
    found = _demoted(found, _flags(dated, possessive_misread), Role.DESCRIPTOR)
    found = _demoted(found, _flags(dated, like_clause), Role.CONDITION)
    # session 27 (`analysis.event_noun_content`): "the estimate of how much it released last
    # year"; "had a court appearance next month"; "expects to release 16 million tons in 2020"
    found = _demoted(found, _flags(dated, noun_clause), Role.DESCRIPTOR)
    found = _demoted(found, _second_gerunds(dated, found), Role.DESCRIPTOR)
    # "The ripple effects of last week's explosion widened Monday": an earlier thing named
    found = _demoted(found, named_earlier(dated, found), Role.DESCRIPTOR)
    # "the cycle which began in 1996 now appears to be over": a past year of a noun's history
    old = [
        item is not None and old_year_described(item.place, item.last, places.published)
        for item in dated
    ]
    found = _demoted(found, old, Role.DESCRIPTOR)
    return _demoted(found, _states_ahead(dated, places.published), Role.DESCRIPTOR)


def _tallied(dated: Sequence[Dated | None], found: Sequence[Role]) -> list[bool]:
    """Each 'so far' period (`analysis.event_so_far`) of a present state, or of a sentence
    another event date already dates."""
    events = [k for k, role in enumerate(found) if role is Role.EVENT]
    return [
        item is not None
        and so_far(item.place)
        and (state_so_far(item.place) or any(k != n for k in events))
        for n, item in enumerate(dated)
    ]


def _second_gerunds(dated: Sequence[Dated | None], found: Sequence[Role]) -> list[bool]:
    """Each date in a subjectless clause on a noun's preposition ('the costs of widening the
    harbour in 2040') when another date of the sentence is an event."""
    events = [k for k, role in enumerate(found) if role is Role.EVENT]
    return [
        item is not None and noun_gerund(item.place) and any(k != n for k in events)
        for n, item in enumerate(dated)
    ]


def _states_ahead(dated: Sequence[Dated | None], published: date | None) -> list[bool]:
    """Each date of a past possession of a thing ahead or of a year's foreseen amount."""
    return [
        item is not None
        and (
            had_ahead(item.place, item.first, published)
            or measured_forecast(item.place, item.first, item.last, published)
        )
        for item in dated
    ]


def _flags(dated: Sequence[Dated | None], check: Callable[[Place], bool]) -> list[bool]:
    """Whether each date's place passes `check` (False for a date with no place)."""
    return [item is not None and check(item.place) for item in dated]


def _characterised(dated: Sequence[Dated | None], found: Sequence[Role]) -> list[bool]:
    """Each date in an opening participle that characterises a thing ('Calling X two months ago
    as the test'), when another event date of the sentence dates the main clause."""
    mains = [
        item.place for item, role in zip(dated, found, strict=True) if item and role is Role.EVENT
    ]
    return [
        item is not None
        and characterising_opener(item.place)
        and any(on_main_clause(item.place, main) for main in mains)
        for item in dated
    ]


def _results_ahead(
    dated: Sequence[Dated | None], found: Sequence[Role], published: date | None
) -> list[bool]:
    """Each date after the day of writing in a trailing participle ('..., setting up a final
    next month') of a past clause another event date of the sentence, on or before that day,
    dates."""
    if published is None:
        return [False] * len(dated)
    today = published.toordinal()
    mains = [
        item.place
        for item, role in zip(dated, found, strict=True)
        if item and role is Role.EVENT and 0 < item.last <= today
    ]
    return [
        item is not None
        and item.first > today
        and any(result_ahead(item.place, main) for main in mains)
        for item in dated
    ]


def _retold(dated: Sequence[Dated | None], dates: Sequence[ResolvedDate]) -> list[bool]:
    """Each relative day inside a quotation retold from an undated scene: the inner reporting
    verb has no date of its own in the sentence ('told him on Monday: "..."' is dated)."""
    flags = []
    for item, one in zip(dated, dates, strict=True):
        inner = retelling(item.place, one.text) if item is not None else None
        told = inner is not None and any(
            other is not None and other is not item and other.place.verb == inner for other in dated
        )
        flags.append(inner is not None and not told)
    return flags


def _demoted(found: list[Role], flags: Sequence[bool], to: Role) -> list[Role]:
    """Each event whose flag is set takes the role `to`; other roles stay."""
    return [
        to if flag and role is Role.EVENT else role for role, flag in zip(found, flags, strict=True)
    ]
