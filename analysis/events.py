"""Dated events: sentences that say something happened at a date found by `analysis.dates`.

One event per distinct date in a sentence that dates the sentence's own happening: reference
points, dates describing things mentioned in passing, the content of a dated statement and the
like are left out (`analysis.event_roles`), and relative dates point the way the tense of their
clause says (`analysis.event_tense`), all read from the parse already made. Sentences without a
verb (captions, datelines) and dates that are metadata ("date 2024-10-15", "Updated Nov. 23,
2015", copyright lines) are not events.

A sentence longer than `MAX_TEXT` characters is trimmed to the clause that holds the date and,
when it fits, the main verb: outer inessential branches of the parse are dropped (trailing ones
first) and put back while they fit; failing that, a window around the date is taken. Cuts fall
between words and are marked with "…". A sentence longer than `MAX_CLAUSE_SENTENCE` characters
(only pathological input: no punctuation for hundreds of words) always takes the window: pruning
its parse costs time in proportion to the sentence for each date in it; its dates are all kept.

Work per article is linear: `doc.text` (rebuilt from the tokens on every access) is read once,
whether a sentence has a verb or a copyright line is decided once per sentence, not per date,
and where a date attaches once per date.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterable, Sequence
from datetime import date

from spacy.tokens import Doc, Span, Token

from analysis.date_anchor_stretch import stretch_scenes
from analysis.date_anchor_told_twice import told_twice_scenes
from analysis.date_comments import comment_scenes
from analysis.date_scenes import Scene, eve_scenes, night_scenes, tweet_scenes
from analysis.date_spoken import said_on_scenes, spoken_scenes
from analysis.dates import Anchored, read_dates
from analysis.doc_text import doc_text
from analysis.event_choice import Places, choose
from analysis.event_roles import Role
from analysis.event_stamps import (
    broadcast_stamp,
    clock_stamp,
    comment_stamp,
    photo_note,
    wire_dateline,
)
from analysis.types import DocAnalysis, Event, Mention, Precision, ResolvedDate, SentenceSpan

log = logging.getLogger(__name__)

MAX_TEXT = 240
MAX_CLAUSE_SENTENCE = 4000  # ~700 words: real sentences stay far below; past it, take the window
_ELLIPSIS = "…"
_VERB_POS = frozenset({"VERB", "AUX"})
_ESSENTIAL_DEPS = frozenset(
    {"nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass", "neg", "dobj", "attr", "acomp"}
    | {"dative", "prt", "ROOT", "xcomp", "ccomp", "compound", "det", "amod", "poss", "nummod"}
    | {"case", "flat"}
)
_METADATA_LEAD = re.compile(
    r"^\W*(?:date|dated|published|updated|posted|(?:last|first)\s+(?:updated|modified|published))"
    r"\b[\W\s]*(?:on\s+)?$",
    re.IGNORECASE,
)
# The writer's own question ("Still need convincing on why it's our top record this week?") tells
# no happening; a question quoted ("asked last week “Why has this taken so long?”") does not end
# the sentence with a bare mark.
_QUESTION = re.compile(r"[\w)]\?\s*$")
# "(Updated: 1:30 a.m. Monday", "Posted by: zippy | June 14, 2010 3:08 PM | Report abuse": an update
# or post stamp opening a bracket, a bar or a line, perhaps with its clock time before the date.
_STAMP_LEAD = re.compile(
    r"(?i)(?:(?:^|[(|]|-LRB-)\s*(?:updated|posted)|\bposted\s+by\W+[^|\n]{1,40}\|)\W*"
    r"(?:\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\W*)?(?:on\s+)?$"
)
_METADATA_ANYWHERE = re.compile(r"©|\bcopyright\b|\ball rights reserved\b", re.IGNORECASE)


def _sentence_of(
    found: ResolvedDate, sentences: Sequence[SentenceSpan], starts: Sequence[int]
) -> SentenceSpan | None:
    """The sentence whose characters hold the start of the date expression."""
    position = bisect.bisect_right(starts, found.start) - 1
    if position < 0 or found.start >= sentences[position].end:
        return None
    return sentences[position]


# "London, Jun 11 (efe-epa).- The pandemic has …", "PARIS, Jan. 5 (Reuters) — …": a place, the
# date, an agency in brackets and a dash open the first paragraph of a wire story.
_DATELINE_PLACE = re.compile(r"^[A-Z][\w .'’-]{0,40},\s*$")
_DATELINE_AFTER = re.compile(r"^,?\s*(?:\d{4}\s*)?(?:\([^)\n]{1,30}\)\s*)?\.?\s*[-–—]")
# "What's the secret to its recovery?Monday, 6 January 2020": a page's date stamp left at the
# end of a paragraph, after its last sentence.
_STAMP_BEFORE = re.compile(r"[.!?][\"”’]?\s*$")
# "- Movie Theaters Refuse To Open - October 9, 2020": a list of other pages, each headline
# with its own publication date after a dash, the date closing the line.
_LISTING_DASH = re.compile(r"\S\s+[-–—|]\s*$")
_WITH_YEAR = re.compile(r"\b(?:1[89]|20)\d\d$")
# "Today's Big Question Where does ... go from here? By Rafi Schwartz, The Week US Published": a
# card of another story (a list after the body), its teaser glued to its byline, outlet and a
# "Published" whose date the page lost. A credit alone ("Photo By Tom Keller") is no card.
_CARD_BYLINE = re.compile(
    r"\bBy\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|da|and))*"
    r"(?:\s*,\s*[^,.!?\n]{1,40}?(?:\s+(?:Published|Updated))?|\s+(?:Published|Updated))\s*$"
)


def _is_metadata(text: str, sentence: SentenceSpan, found: ResolvedDate, notice: bool) -> bool:
    """Whether the date is a dateline, a date stamp (after a paragraph's last sentence, after a
    dash closing a listed headline, or an update or post stamp), in the card of another story
    (its line ends with the card's byline) or in a copyright notice (`notice`) rather than an
    event's time."""
    if notice or _METADATA_LEAD.match(text[sentence.start : found.start]):
        return True
    line_start = text.rfind("\n", 0, found.start) + 1
    line_end = text.find("\n", found.end)
    before = text[line_start : found.start]
    after = text[found.end : len(text) if line_end < 0 else line_end]
    if _DATELINE_PLACE.match(before) and _DATELINE_AFTER.match(after):
        return True
    stamped = comment_stamp(found.text, before, after) or wire_dateline(before, after)
    if stamped or broadcast_stamp(before, after):  # "Aired February 3, 2011 - 12:00 ET"
        return True
    if _CARD_BYLINE.search(after) or _STAMP_LEAD.search(before) or photo_note(before):
        return True
    if not before.strip() or after.strip():
        return False
    listing = bool(_LISTING_DASH.search(before)) and bool(_WITH_YEAR.search(found.text))
    return listing or bool(_STAMP_BEFORE.search(before))


def _asks(doc: Doc, text: str, sentence: SentenceSpan) -> bool:
    """Whether a sentence is the writer's question: a bare '?' after a word ends it and hangs on
    its root, no quotation is left open before it (a page's lost closing mark: 'as “poppycock
    ... vote.?') and no colon brings it in ('wrote: Why ...?'). A run-on the splitter left ('will
    start from 29 June ... Did you soak up the news?') hangs its '?' elsewhere."""
    words = sentence.text
    if not _QUESTION.search(words) or words.count("“") > words.count("”") or ":" in words:
        return False
    span = _span(doc, len(text), sentence.start, sentence.end)
    if span is None or not doc.has_annotation("DEP"):
        return True
    mark = next((token for token in reversed(span) if token.text == "?"), None)
    return mark is not None and mark.head.i == span.root.i


def _span(doc: Doc, length: int, start: int, end: int) -> Span | None:
    """The tokens covering a character range, or None when it lies outside the Doc's `length`."""
    if start < 0 or end > length or start >= end:
        return None
    return doc.char_span(start, end, alignment_mode="expand")


class _Sentences:
    """What extraction asks of each dated sentence, worked out once per sentence, not per date."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.doc, self.text = doc, text
        self.tagged = doc.has_annotation("POS")
        self.verbs: dict[int, bool] = {}
        self.notices: dict[int, bool] = {}

    def has_verb(self, sentence: SentenceSpan) -> bool:
        """Whether the sentence has a verb (unknown without POS tags: then assume it does)."""
        if not self.tagged:
            return True
        if sentence.index not in self.verbs:
            span = _span(self.doc, len(self.text), sentence.start, sentence.end)
            found = span is not None and any(_verb(token) for token in span)
            self.verbs[sentence.index] = found
        return self.verbs[sentence.index]

    def notice(self, sentence: SentenceSpan) -> bool:
        """Whether the sentence is a copyright line, whose dates are never events."""
        if sentence.index not in self.notices:
            self.notices[sentence.index] = bool(_METADATA_ANYWHERE.search(sentence.text))
        return self.notices[sentence.index]


# a clock time's "am" the tagger reads as the verb "be" ("LONDON | Thu Apr 29, 2010 11:29 am EDT
# LONDON (Reuters) -", a stamp the splitter left as a sentence of its own): no verb (round 31)
_CLOCK_TIME = re.compile(r"\d{1,2}[:.]\d\d")
_MERIDIEM = frozenset({"am", "a.m.", "pm", "p.m."})


def _verb(token: Token) -> bool:
    """Whether a token is a verb, not a clock time's 'am' or 'pm' read as one."""
    if token.pos_ not in _VERB_POS:
        return False
    clock = token.i > 0 and _CLOCK_TIME.fullmatch(token.doc[token.i - 1].text) is not None
    return not (clock and token.lower_ in _MERIDIEM)


class _Pruner:
    """A clause head's subtree from which outer, inessential branches are cut off one by one."""

    def __init__(self, head: Token, date_tokens: set[int]) -> None:
        self.head = head
        self.date_tokens = date_tokens
        self.kids: dict[int, list[Token]] = {}

    def children(self, token: Token) -> list[Token]:
        """The children of `token` still kept."""
        return self.kids.setdefault(token.i, list(token.children))

    def extent(self, top: Token) -> tuple[int, int]:
        """Character range of what is kept under `top` (iterative: parse trees can be deep)."""
        start, end, stack = top.idx, top.idx + len(top.text), [top]
        while stack:
            token = stack.pop()
            start, end = min(start, token.idx), max(end, token.idx + len(token.text))
            stack.extend(self.children(token))
        return start, end

    def droppable(self, token: Token) -> bool:
        """Whether a branch can go: not a core argument and not holding the date."""
        if token.dep_ in _ESSENTIAL_DEPS:
            return False
        return not any(inner.i in self.date_tokens for inner in token.subtree)

    def outermost(self, rightwards: bool) -> tuple[Token, Token] | None:
        """The shallowest droppable branch (with its parent) on one edge of the kept span."""
        token = self.head
        while True:
            kids = [kid for kid in self.children(token) if (kid.i > token.i) == rightwards]
            if not kids:
                return None
            edge = (
                max(kids, key=lambda kid: kid.i) if rightwards else min(kids, key=lambda kid: kid.i)
            )
            if self.droppable(edge):
                return token, edge
            token = edge

    def fit(self) -> tuple[int, int]:
        """Drop outer branches, trailing ones first, until the clause fits; then put back what fits.

        Trailing material (appositions, "according to..." phrases) goes before leading material,
        which in news English usually holds the subject or its run-up. Branches are put back
        innermost first, and a side stops at its first branch that no longer fits, so the kept
        text stays contiguous.
        """
        dropped: list[tuple[Token, Token, bool]] = []
        while _width(self.extent(self.head)) > MAX_TEXT:
            side = self.outermost(rightwards=True) is not None
            found = self.outermost(rightwards=side)
            if found is None:
                break
            self.children(found[0]).remove(found[1])
            dropped.append((*found, side))
        blocked: set[bool] = set()
        for parent, branch, side in reversed(dropped):
            if side in blocked:
                continue
            self.children(parent).append(branch)
            if _width(self.extent(self.head)) > MAX_TEXT:
                self.children(parent).remove(branch)
                blocked.add(side)
        return self.extent(self.head)


def _width(extent: tuple[int, int]) -> int:
    """Length of a character range."""
    return extent[1] - extent[0]


def _clause(
    doc: Doc, length: int, sentence: SentenceSpan, found: ResolvedDate
) -> tuple[int, int] | None:
    """The widest verb clause around the date that fits, preferring the main verb's."""
    if sentence.end - sentence.start > MAX_CLAUSE_SENTENCE:
        return None
    date_span = _span(doc, length, found.start, found.end)
    if date_span is None or not doc.has_annotation("DEP"):
        return None
    date_tokens = {token.i for token in date_span}
    heads = [t for t in (date_span.root, *date_span.root.ancestors) if t.pos_ in _VERB_POS]
    for head in reversed(heads):
        start, end = _Pruner(head, date_tokens).fit()
        start, end = max(start, sentence.start), min(end, sentence.end)
        if end - start <= MAX_TEXT and start <= found.start and found.end <= end:
            return start, end
    return None


def _window(text: str, sentence: SentenceSpan, found: ResolvedDate) -> tuple[int, int]:
    """About MAX_TEXT characters centred on the date, cut between words, inside the sentence."""
    middle = (found.start + found.end) // 2
    start = max(sentence.start, min(middle - MAX_TEXT // 2, sentence.end - MAX_TEXT))
    end = min(sentence.end, start + MAX_TEXT)
    if start > sentence.start and not text[start - 1].isspace():
        gap = _next_space(text, start, found.start)
        start = gap + 1 if gap is not None else start
    if end < sentence.end and not text[end].isspace():
        gap = text.rfind(" ", found.end, end)
        end = gap if gap >= 0 else end
    return start, end


def _next_space(text: str, start: int, limit: int) -> int | None:
    """The first whitespace at or after `start` and before `limit`, if any."""
    for position in range(start, max(start, limit)):
        if text[position].isspace():
            return position
    return None


def _event_text(doc: Doc, text: str, sentence: SentenceSpan, found: ResolvedDate) -> str:
    """The sentence, or the part of it about the date when the sentence is long."""
    if len(sentence.text) <= MAX_TEXT:
        return " ".join(sentence.text.split())
    start, end = _clause(doc, len(text), sentence, found) or _window(text, sentence, found)
    body = " ".join(text[start:end].split())
    if end < sentence.end:
        body = body.rstrip(",;:–—- ") + " " + _ELLIPSIS
    if start > sentence.start:
        body = _ELLIPSIS + " " + body
    return body


def _keys_by_sentence(mentions: Iterable[Mention]) -> dict[int, tuple[str, ...]]:
    """Entity keys per sentence index, in order of first mention, without repeats."""
    keys: dict[int, dict[str, None]] = {}
    for mention in mentions:
        keys.setdefault(mention.sentence, {})[mention.key] = None
    return {index: tuple(found) for index, found in keys.items()}


def _event(
    doc: Doc,
    text: str,
    sentence: SentenceSpan,
    found: Anchored,
    keys: dict[int, tuple[str, ...]],
) -> Event:
    """One event record for a date in its sentence; the expression names any other anchor."""
    written = found.date
    expression = written.text if found.basis is None else f"{written.text} ({found.basis})"
    return Event(
        date=written.value,
        precision=written.precision,
        expression=expression,
        sentence=sentence.index,
        text=_event_text(doc, text, sentence, written),
        entity_keys=keys.get(sentence.index, ()),
    )


Dates = list[tuple[Anchored, Role]]


def _dated_sentences(
    doc: Doc, text: str, analysis: DocAnalysis, published: date | None, precision: Precision
) -> list[tuple[SentenceSpan, Dates]]:
    """Each sentence that may tell an event, with every date in it and that date's role.

    Datelines, copyright lines, verbless sentences and the writer's questions are left out;
    the roles say which dates are the sentence's event (`analysis.event_roles`). A quoted
    tweet's relative dates count from the tweet's day.
    """
    sentences = analysis.sentences
    starts = [sentence.start for sentence in sentences]
    known = _Sentences(doc, text)
    places = Places(doc, len(text), published)
    scenes = sorted([*tweet_scenes(text), *comment_scenes(text)], key=lambda scene: scene.start)
    if precision is Precision.DAY:  # a quotation inside a tweet keeps the tweet's day
        tweets = [tweet.start for tweet in scenes]
        said = said_on_scenes(text, published)  # a quotation's own dated attribution first
        taken = {scene.start for scene in said}
        nights = [night for night in night_scenes(text, published) if night.start not in taken]
        taken |= {night.start for night in nights}
        eves = [eve for eve in eve_scenes(text, published) if eve.start not in taken]
        taken |= {eve.start for eve in eves}  # a speaker's "yesterday" on the story's day
        eves += [placed for placed in spoken_scenes(text, published) if placed.start not in taken]
        for night in sorted([*said, *nights, *eves], key=lambda scene: scene.start):
            k = bisect.bisect_left(tweets, night.end) - 1
            if k < 0 or scenes[k].end <= night.start:
                scenes.append(night)
    read = read_dates(text, published, precision, direction=places.direction, scenes=scenes)
    if precision is Precision.DAY and (
        more := _told_scenes(doc, analysis, read, scenes, published)
    ):
        scenes = sorted([*scenes, *more], key=lambda scene: scene.start)
        read = read_dates(text, published, precision, direction=places.direction, scenes=scenes)
    grouped: dict[int, tuple[SentenceSpan, list[Anchored]]] = {}
    for found in read:
        sentence = _sentence_of(found.date, sentences, starts)
        if sentence is None or _is_metadata(text, sentence, found.date, known.notice(sentence)):
            continue
        if known.has_verb(sentence) and not _asks(doc, text, sentence):
            grouped.setdefault(sentence.index, (sentence, []))[1].append(found)
    return [
        (sentence, list(zip(kept, _roles(places, sentence, kept, text), strict=True)))
        for sentence, dates in grouped.values()
        if (kept := _without_stamps(text, dates, published))
    ]


def _told_scenes(
    doc: Doc,
    analysis: DocAnalysis,
    read: Sequence[Anchored],
    scenes: Sequence[Scene],
    published: date | None,
) -> list[Scene]:
    """Sentences whose relative dates the article's own dated words anchor (round 27): a
    happening told twice, by its day and by "yesterday", says the day the text was written
    (`date_anchor_told_twice`); a weekday of a dated stretch ahead counts from the stretch's
    first day (`date_anchor_stretch`). Each sentence once, none inside a scene already set."""
    spans = [(sentence.start, sentence.end) for sentence in analysis.sentences]
    found = [
        *told_twice_scenes(doc, read, spans, published),
        *stretch_scenes(doc_text(doc), read, spans, published),
    ]
    kept: list[Scene] = []
    for scene in found:
        if not any(s.start < scene.end and scene.start < s.end for s in [*scenes, *kept]):
            kept.append(scene)
    return kept


_STAMP_DAYS = 2  # a stamp this near the day of publication: the later dates count from that day


def _without_stamps(text: str, dates: list[Anchored], published: date | None) -> list[Anchored]:
    """A sentence's dates without a page's clock stamp that a later date of it follows
    ('RABAT | Sat Feb 26, 2011 12:58 pm EST RABAT (Reuters) - ... said on Saturday'). Only a
    stamp of about the day of publication goes: a listed story's stamp of another day ('Sun
    Oct 23 2011 17:08:00 Tunisians vote Sunday', in a February page) is the day its own
    relative dates count from, which the later date would lose."""
    last = max(found.date.start for found in dates)
    return [
        found
        for found in dates
        if found.date.start == last
        or not _stamp(text, found.date)
        or not _near(found.date.value, published)
    ]


def _near(day: date | None, published: date | None) -> bool:
    """Whether a date lies within `_STAMP_DAYS` of the day of publication."""
    return day is not None and published is not None and abs((day - published).days) <= _STAMP_DAYS


def _stamp(text: str, found: ResolvedDate) -> bool:
    """Whether a date is a page's clock stamp ('| Sat Feb 26, 2011 12:58 pm EST')."""
    line_start = text.rfind("\n", 0, found.start) + 1
    before, after = text[line_start : found.start], text[found.end : found.end + 40]
    return clock_stamp(found.text, before, after)


def _roles(places: Places, sentence: SentenceSpan, dates: list[Anchored], text: str) -> list[Role]:
    """The roles of a sentence's dates; every date is an event in a pathological sentence,
    whose parse is no guide (and would cost time in proportion to its dates squared)."""
    if sentence.end - sentence.start > MAX_CLAUSE_SENTENCE:
        return [Role.EVENT] * len(dates)
    return choose(places, sentence, [found.date for found in dates], text)


def extract_events(
    doc: Doc, analysis: DocAnalysis, published: date | None, precision: Precision
) -> tuple[Event, ...]:
    """Every dated sentence of one article, so the timeline never re-parses the corpus."""
    text = doc_text(doc)
    keys = _keys_by_sentence(analysis.mentions)
    events: list[Event] = []
    seen: set[tuple[int, date | None, Precision, str]] = set()
    for sentence, dates in _dated_sentences(doc, text, analysis, published, precision):
        for found, role in dates:
            written = found.date
            undated = written.text if written.value is None else ""
            identity = (sentence.index, written.value, written.precision, undated)
            if role is Role.EVENT and identity not in seen:
                seen.add(identity)
                events.append(_event(doc, text, sentence, found, keys))
    return tuple(events)
