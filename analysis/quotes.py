"""Quotes and their speakers: `extract_quotes(doc, analysis)`.

Three kinds of quote are found:

- "direct": a quoted sentence or clause with its attribution before or after it ("…," Putin
  said / Putin said: "…" / said Putin / "…," he said / according to X); a bare quoted sentence
  right after an attributed one continues it, across sentences and paragraphs;
- "partial": quoted words inside reported speech, kept only when a speech verb governs them in
  the parse ("Putin called the document "truly ground-breaking"");
- "block": an unquoted paragraph introduced by a speaker line ("Here is how Maria Zakharova
  … explained the purpose of the meeting" or a line ending in a colon).

Not quotes, and dropped: quotation marks in headline-like lines (no closing punctuation), titles
in Title Case, one quoted word that is not a verb (a term: a "crisis"), words mentioned rather
than said ("words like "breakthrough"", "so-called"), words a possessor said that someone else
reports ("Putin's pledge to "…""), and quoted words that no speech verb governs (document
wording, scare quotes).

Attribution policy: a quote with no speaker expression is dropped. A quote whose speaker is a
person or group that is not a canonical PERSON/ORG entity ("Richmond police", "they") is kept
with `speaker_name` and `speaker_key` None; the product lists only quotes with a key.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from analysis.pronouns import PERSONAL, SUBJECT_DEPS
from analysis.quote_clauses import (
    closes_sentence,
    cue_sets_off,
    quoted_clause,
    trailed_by_cue,
)
from analysis.quote_described import sentence_before
from analysis.quote_inverted import INVERTING_VERBS, inverted_label
from analysis.quote_labels import labels_as, under_as
from analysis.quote_signed import quote_alone, signature_start, signing_name
from analysis.quote_spans import (
    ALL_MARKS,
    QuoteSpan,
    find_quote_spans,
    is_headline,
    is_insert,
    next_paragraph,
    split_lines,
)
from analysis.quote_speakers import SpeakerResolver
from analysis.quote_subjects import (
    gerund_subject,
    in_main_clause,
    name_before_colon,
    set_off_subject,
    shared_clause,
    shown_speaking,
)
from analysis.quote_trailers import trailing_verb
from analysis.quote_verbs import manner_verb, speech_idiom
from analysis.speaker_descriptions import description_kind
from analysis.speaker_names import person_shaped, title_full_stop
from analysis.speaker_words import NP_LEFT_DEPS, Speaker, np_text, word_set
from analysis.types import DocAnalysis, EntityKind, Quote

log = logging.getLogger(__name__)


CUE_VERBS = word_set(
    """say tell add call explain state declare insist warn note write ask describe urge hail reply
    respond answer claim concede admit argue assert announce acknowledge affirm comment complain
    confirm deny emphasize emphasise exclaim observe predict promise recall remark report reiterate
    stress suggest vow whisper shout tweet pledge conclude boast contend counter maintain quip
    proclaim laud lament caution demand dub term assure reveal recount testify mention joke plead
    muse scoff continue post agree laugh sigh marvel interject reason opine bark snap retort
    rebut remember allege accuse criticize criticise condemn denounce dismiss praise thank
    admonish estimate indicate"""
)
SENTENCE_END = frozenset({".", "!", "?"})
# Possessed nouns that make the quoted words the possessor's ("Putin's pledge to "…"").
SPEECH_NOUNS = word_set(
    """word words remark remarks statement statements pledge promise claim comment comments speech
    description assertion phrase call vow message warning slogan term expression"""
)
_MENTIONED = re.compile(
    r"\b(?:so-called|so called|words?|terms?|phrases?|expressions?|slogans?|labels?|dubbed"
    r"|labell?ed|nicknamed|branded|hashtag|titled|entitled)\b[^.!?;]{0,14}$",
    re.IGNORECASE,
)
_SMALL_WORDS = word_set("a an and as at by for from in of on or the to with")


@dataclass(frozen=True)
class _Cue:
    """A cue verb lemma and the speaker it gives."""

    lemma: str
    speaker: Speaker


@dataclass(frozen=True)
class _Found:
    """A quote attributed so far: its span, kind, cue and speaker."""

    span: QuoteSpan
    kind: str
    cue: _Cue
    frame_end: int


class _Document:
    """One document's text, lines, quote spans and token lookups, shared by the rules."""

    def __init__(self, doc: Doc, analysis: DocAnalysis) -> None:
        self.doc = doc
        self.text = doc.text
        self.lines = split_lines(self.text)
        self.spans = find_quote_spans(self.text)
        self.opens = [span.open_at for span in self.spans]
        self.quoted_lines = {span.line for span in self.spans}
        continued = self._continued_lines()
        self.headlines = {
            line.index
            for line in self.lines
            if is_headline(self.text, line) and line.index not in continued
        }
        self.line_starts = [line.start for line in self.lines]
        self.quoted = self._quoted_tokens()
        self.sentence_starts = [s.start for s in analysis.sentences]
        self.resolver = SpeakerResolver(doc, analysis.mentions, self.excluded, CUE_VERBS)

    def _continued_lines(self) -> set[int]:
        """Paragraphs a quotation runs on into: one of them without a full stop is still the
        speaker's words, not a headline."""
        found = set()
        for span in self.spans:
            if span.run_on:
                after = next_paragraph(self.text, self.lines, span.line)
                if after is not None:
                    found.add(after.index)
        return found

    def _quoted_tokens(self) -> dict[int, QuoteSpan]:
        """Token index -> the quote span (marks included) covering it."""
        covered: dict[int, QuoteSpan] = {}
        for span in self.spans:
            for token in self.tokens(span.open_at, span.close_at + 1):
                covered[token.i] = span
        return covered

    def tokens(self, start: int, end: int) -> Span | list[Token]:
        """The tokens overlapping a character range."""
        end = min(end, len(self.text))
        if start >= end:
            return []
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span if span is not None else []

    def line_of(self, char: int) -> int:
        """The index of the line holding a character offset."""
        return max(bisect.bisect_right(self.line_starts, char) - 1, 0)

    def excluded(self, char: int) -> bool:
        """True inside a quote or a headline: no antecedent or role comes from there."""
        if self.line_of(char) in self.headlines:
            return True
        i = bisect.bisect_right(self.opens, char) - 1
        return i >= 0 and char <= self.spans[i].close_at

    def sentence_of(self, char: int) -> int:
        """The index of the analysis sentence holding a character offset."""
        return max(bisect.bisect_right(self.sentence_starts, char) - 1, 0)


def _is_title(words: str) -> bool:
    """Title Case without closing punctuation, or with a full stop after three words or more (a
    heading or a book closing its sentence: 'All Bets Are Off.'): not speech. Capitals
    throughout ("THIS IS NOT OK.") and two sentences ("The Donald. Big Daddy.") are said."""
    tokens = re.findall(r"[A-Za-z][\w'’-]*", words)
    content = [w for w in tokens if w.lower() not in _SMALL_WORDS]
    if len(content) < 2 or not all(w[0].isupper() for w in content):
        return False
    stripped = words.rstrip()
    if stripped[-1:] not in {".", "!", "?"}:
        return True
    shouted = all(w.isupper() for w in content)
    sentences = re.search(r"[.!?]\s", stripped) is not None  # "The Donald. Big Daddy."
    if shouted or sentences or stripped.endswith(".."):
        return False
    return stripped[-1] == "." and len(content) >= 3


def _stops(token: Token, ctx: _Document) -> bool:
    """A sentence boundary when walking out from a quote: a full stop or a quote that ended one."""
    span = ctx.quoted.get(token.i)
    if span is None:
        return token.text in SENTENCE_END and not title_full_stop(token)  # "Navy Capt. Jeff"
    return token.idx == span.close_at and ctx.text[span.start : span.end].rstrip()[-1:] in "!?."


def _frame(span: QuoteSpan, ctx: _Document) -> tuple[int, int]:
    """Token bounds (inclusive) of the sentence around a quote, within its line."""
    inside = ctx.tokens(span.open_at, span.close_at + 1)
    if not inside:
        return 0, -1
    line = ctx.lines[span.line]
    left = inside[0].i
    while left > 0 and ctx.doc[left - 1].idx >= line.start and not _stops(ctx.doc[left - 1], ctx):
        left -= 1
    right = inside[-1].i
    if _ends_sentence(span, right, ctx):
        return left, right
    while right + 1 < len(ctx.doc) and ctx.doc[right + 1].idx < line.end:
        right += 1
        if _stops(ctx.doc[right], ctx):
            break
    return left, right


def _ends_sentence(span: QuoteSpan, last: int, ctx: _Document) -> bool:
    """ "“Families will pay more.” It is also unclear …": a quoted sentence closed by a full
    stop and followed by a capitalised word ends its sentence, so the next sentence's speech
    verbs are not the quote's; not when that word is a speech verb or its subject, an
    attribution typed after a full stop ("“….” Smith said", "“….” He said", "“….” Said Smith")."""
    if not ctx.text[span.start : span.end].rstrip().endswith(".") or last + 1 >= len(ctx.doc):
        return False
    after = ctx.doc[last + 1]
    while after.is_space and after.i + 1 < len(ctx.doc):
        after = ctx.doc[after.i + 1]
    if not after.text[:1].isupper() or _is_cue(after):
        return False
    head = after
    while head.dep_ in NP_LEFT_DEPS and head.head.i > head.i:  # "Mayor Jane Smith said"
        head = head.head
    return not (head.dep_ in SUBJECT_DEPS and _is_cue(head.head))


def _outside(ctx: _Document, left: int, right: int) -> list[Token]:
    """The frame's words that are not inside any quote."""
    return [
        t
        for t in ctx.doc[left : right + 1]
        if t.i not in ctx.quoted and not t.is_space and not t.is_punct
    ]


# Cue verbs that are speech only without a complement of their own.
_GOES_ON = frozenset({"continue"})
_PHRASAL_CUES = {"go": "on", "fire": "back", "shoot": "back", "hit": "back", "bark": "back"}


def _is_cue(token: Token) -> bool:
    """A speech verb: "said", "told", "insists", "called", "according", "went on", "shot back"."""
    if not token.tag_.startswith("VB"):
        return False
    lemma = token.lemma_.lower()
    if lemma in _GOES_ON and any(c.dep_ in {"xcomp", "dobj"} for c in token.children):
        return False  # "Acme will continue to raise prices": not "“…,” she continued"
    if lemma in CUE_VERBS:
        return True
    particle = _PHRASAL_CUES.get(lemma)
    if particle is not None and any(
        c.dep_ in {"prt", "advmod"} and c.lower_ == particle for c in token.children
    ):
        return True
    return speech_idiom(token)  # "As Vulture put it", "pointed out"


def _governing_cues(span: QuoteSpan, ctx: _Document, bounds: tuple[int, int]) -> list[Token]:
    """The speech verbs above the quoted words in the parse, nearest first; none if a possessor
    blocks them. A nearer one may have no speaker ("that calls for a pause were “not good
    enough”", "calls" parsed as a verb), so the caller tries each in turn."""
    inner = [t for t in ctx.tokens(span.start, span.end) if not t.is_punct]
    if not inner:
        return []
    roots = [t for t in inner if t.head.i < inner[0].i or t.head.i > inner[-1].i or t.head == t]
    found: list[Token] = []
    others: list[Token] = []  # "“…,” X charged.", "derided X as “…”": after the list's verbs
    for root in roots:
        head, steps = root, 0
        while head.head != head and steps < 25:
            below, head, steps = head, head.head, steps + 1
            if head.i in ctx.quoted or not bounds[0] <= head.i <= bounds[1]:
                continue
            if head.lemma_.lower() in SPEECH_NOUNS and any(c.dep_ == "poss" for c in head.children):
                return found + others
            if _is_cue(head) and head not in found:
                found.append(head)
            elif (
                trailing_verb(head, span, ctx.text)
                or labels_as(head, below, root)
                or manner_verb(head)
            ):
                others.append(head)
    return found + [t for t in others if t not in found]


ADDRESSEE_DEPS = frozenset({"dative", "iobj"})


def _named_first(children: list[Token]) -> list[Token]:
    """Subjects inside a PERSON/ORG name first: "study co-author Dr Milica Vasiljevic" is parsed
    with three subjects, and the name is the speaker."""
    return sorted(children, key=lambda t: t.ent_type_ not in {"PERSON", "ORG"})


def _subject(cue: Token, ctx: _Document, bounds: tuple[int, int]) -> Token | None:
    """The speaker of a speech verb: its subject, a shared subject, or the name beside it."""
    own = _own_or_shared_subject(cue, ctx, bounds)
    if own is not None:
        return own
    lost = set_off_subject(cue, bounds[0], ctx.quoted)  # "“…,” Ramos, 58, told AFP"
    lost = lost or gerund_subject(cue, bounds[0], ctx.quoted)  # "X shared it, writing “…”"
    if lost is not None and _usable(lost, ctx, bounds):
        return lost
    if cue.i > bounds[0] and _usable(ctx.doc[cue.i - 1], ctx, bounds):
        return ctx.doc[cue.i - 1]  # "Vladimir Putin says" parsed without a subject
    token = ctx.doc[min(cue.i + 1, len(ctx.doc) - 1)]
    while token.dep_ in NP_LEFT_DEPS and token.head.i > token.i:
        token = token.head
    if token.dep_ in ADDRESSEE_DEPS or cue.lemma_.lower() == "tell":
        return None  # "told AFP": the person spoken to is not the speaker
    if token.pos_ == "PRON" and token.dep_ == "dobj":
        return None  # "put it", "said it": what is said, not who says it
    return token if token.i > cue.i and _usable(token, ctx, bounds) else None  # "said Reuters"


def _own_or_shared_subject(cue: Token, ctx: _Document, bounds: tuple[int, int]) -> Token | None:
    """The person shown speaking ("footage of Hillary Clinton asking, “…”"), the verb's own
    subject, or the subject of the verb whose subject it shares."""
    shown = shown_speaking(cue, ctx.quoted)
    if shown is not None and _usable(shown, ctx, bounds):
        return shown
    verb = cue
    for _ in range(3):
        for child in _named_first(list(verb.children)):
            if child.dep_ in SUBJECT_DEPS and _usable(child, ctx, bounds):
                return child
        above = shared_clause(verb)  # "…, telling Reuters, '…'", "before saying, '…'"
        if above is None:
            break
        verb = above
    return None


def _usable(token: Token, ctx: _Document, bounds: tuple[int, int]) -> bool:
    """A possible speaker token: a noun or pronoun in the quote's sentence, not quoted."""
    in_frame = bounds[0] <= token.i <= bounds[1] and token.i not in ctx.quoted
    when = token.ent_type_ in {"DATE", "TIME"}  # "said Sunday": a time, not a speaker
    named = token.ent_type_ in {"PERSON", "ORG"}  # "said Steven Still": "Still" parsed ADV
    aged = token.lower_ == "old" and token.dep_ in {"nsubj", "nsubjpass"}  # "the 61-year-old"
    nominal = token.pos_ in {"PROPN", "NOUN", "PRON"}
    return in_frame and (aged or (not when and (named or nominal)))  # an age is tagged DATE


def _speaker_for(cue: Token, ctx: _Document, bounds: tuple[int, int]) -> Speaker | None:
    """The resolved speaker of a speech verb, if it can speak; a role description no rule
    linked ("the Conservative MP said") is the one person the text just before is about."""
    subject = _subject(cue, ctx, bounds)
    speaker = ctx.resolver.resolve(subject) if subject is not None else None
    if subject is None or (speaker is not None and speaker.key is not None):
        return speaker
    person = _described(subject, ctx, bounds[0])
    if person is None:
        return speaker
    return Speaker(np_text(subject), person.name, person.key)


def _described(subject: Token, ctx: _Document, first: int) -> Speaker | None:
    """ "Chris Grayling warned … / Speaking in the Commons, the Conservative MP said:": a
    singular role or trait noun with "the" or a possessor (`speaker_descriptions`), for the one
    person the paragraph before and the sentence's own paragraph so far are about
    (`_one_subject`); never its possessor ("his lawyer", "Obama's strategist" is not Obama)."""
    kind = description_kind(subject, ctx.resolver.mention_at(subject.idx) is not None)
    if kind is None:
        return None
    line = ctx.line_of(subject.idx)
    start = ctx.lines[line - 1].start if line > 0 else ctx.lines[line].start
    just_before = sentence_before(ctx.doc, first, ctx.lines[line].start)  # `quote_described`
    person = _one_subject(*just_before, ctx, main=True) if just_before else None
    person = person or _one_subject(start, subject.sent.start_char, ctx, main=True)
    if person is None or person.key is None or not _is_person(person.key, ctx):
        return None  # "the Lincoln actor" is no "Alternative PAC", however person-shaped
    if kind == "role" and not ctx.resolver.fits_role(person.key, subject.lemma_.lower()):
        return None  # "The Indiana governor" is not the nominee the paragraph is about
    for owner in (c for c in subject.children if c.dep_ == "poss"):
        owned = ctx.resolver.resolve(owner)
        if owned is None or owned.key == person.key:
            return None
    return person


def _is_person(key: str, ctx: _Document) -> bool:
    """Whether an entity key is a person's."""
    return any(m.key == key and m.kind == EntityKind.PERSON for m in ctx.resolver.mentions)


def _distance(token: Token, span: QuoteSpan) -> int:
    """Characters between a token and the nearer quotation mark."""
    return min(abs(token.idx - span.open_at), abs(token.idx - span.close_at))


def _nearest_cue(
    span: QuoteSpan, words: list[Token], ctx: _Document, bounds: tuple[int, int]
) -> _Cue | None:
    """The closest speech verb in the sentence whose subject can speak, else "according to X"."""
    for cue in sorted((t for t in words if _is_cue(t)), key=lambda t: _distance(t, span)):
        speaker = _speaker_for(cue, ctx, bounds)
        if speaker is not None:
            return _Cue(cue.lemma_.lower(), speaker)
    for token in words:
        if token.lower_ == "according" and token.i + 1 < len(ctx.doc):
            children = ctx.doc[token.i + 1].children
            objects = [c for c in children if c.dep_ == "pobj" and _usable(c, ctx, bounds)]
            speaker = ctx.resolver.resolve(objects[0]) if objects else None
            if speaker is not None:
                return _Cue("according to", speaker)
    return None


def _colon_cue(span: QuoteSpan, ctx: _Document, bounds: tuple[int, int]) -> _Cue | None:
    """ "Kelly also blasted: “You were …”", "She fumed on the podcast: “…": a quoted sentence
    after a colon is the words of the subject of the verb the colon ends, whatever that verb,
    when the subject is a named person or organisation (or a he/she standing for one)."""
    marks = ctx.tokens(span.open_at, span.open_at + 1)
    if not len(marks) or marks[0].i <= bounds[0]:
        return None
    colon = ctx.doc[marks[0].i - 1]
    opening = ctx.text[span.start : span.end][:1]
    if colon.text != ":" or colon.i in ctx.quoted or not opening.isupper():
        return None
    before = range(bounds[0], colon.i)
    tops = [t for t in ctx.doc[bounds[0] : colon.i] if t.head.i not in before or t.head == t]
    for verb in reversed(tops):  # the parser often hangs the lead-in clause on the quote's verb
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and child.i in before and _usable(child, ctx, bounds):
                speaker = ctx.resolver.resolve(child)
                if speaker is not None and speaker.key is not None:
                    return _Cue(verb.lemma_.lower(), speaker)
    return None


def _labelled(span: QuoteSpan, ctx: _Document) -> _Cue | None:
    """ "Clinton: “Our goal is …”": a named speaker alone before the colon (`name_before_colon`);
    not in the first line, a headline ("John Bolton: ‘…!’") whose words the story repeats."""
    marks = ctx.tokens(span.open_at, span.open_at + 1)
    if span.line == 0:
        return None
    name = name_before_colon(marks[0], ctx.quoted) if len(marks) else None
    if name is None:
        return None
    speaker = ctx.resolver.resolve(name[-1])
    if speaker is None or speaker.key is None:
        return None
    return _Cue("say", Speaker(name.text, speaker.name, speaker.key))


def _inverted(tokens: list[Token], ctx: _Document) -> _Cue | None:
    """ "Continued Stone: “…”", "Stated Stone:": a paragraph opening with a speech verb and a
    name before a colon (`quote_inverted`); the person the article names with that surname."""
    name = inverted_label(tokens)
    person = ctx.resolver.person_by_surname(name, INVERTING_VERBS) if name is not None else None
    return _Cue("say", person) if person is not None else None


def _kind(span: QuoteSpan, ctx: _Document, left: int) -> str:
    """ "direct" for a quoted sentence or clause set off by the attribution, else "partial"."""
    marks = ctx.tokens(span.open_at, span.open_at + 1)
    opening = marks[0].i if len(marks) else left
    before = [t for t in ctx.doc[left:opening] if t.i not in ctx.quoted and not t.is_space]
    first = ctx.text[span.start : span.end].lstrip("([…. ‘'\"")
    if not first[:1].isupper() and not first[:1].isdigit():
        return "direct" if _set_off(span, ctx, before) else "partial"
    if not before or before[-1].text in {":", ",", "—", "–", "-"} or _is_cue(before[-1]):
        return "direct"
    return "partial"


def _set_off(span: QuoteSpan, ctx: _Document, before: list[Token]) -> bool:
    """A quotation in lowercase set off by its attribution (`quote_clauses`): a speech verb and
    a comma before it, closing the sentence, or its speech verb right after it."""
    line_end = ctx.lines[span.line].end
    after = ctx.text[span.close_at + 1 : line_end]
    closes = closes_sentence(ctx.text[span.start : span.end], after, span.run_on)
    inner = [t for t in ctx.tokens(span.start, span.end) if not t.is_punct]
    if closes and (cue_sets_off(before, _is_cue) or quoted_clause(before, inner, _is_cue)):
        return True
    opens = not before or before[-1].text == ","
    stopped = ctx.text[span.start : span.end].rstrip().endswith(".")  # “… a failed candidate.”
    following = list(ctx.tokens(span.close_at + 1, line_end))
    return opens and not stopped and trailed_by_cue(following, _is_cue)


def _intro(line_index: int, ctx: _Document) -> _Cue | None:
    """A speaker line: "X said:" or "Here is how X explained …" introducing the next paragraph."""
    if line_index < 0 or line_index in ctx.quoted_lines:
        return None
    line = ctx.lines[line_index]
    raw = ctx.text[line.start : line.end].rstrip()
    if not raw.endswith(":") and not (
        line_index in ctx.headlines and re.match(r"(?i)(here|this)\b", raw.lstrip())
    ):
        return None
    tokens = list(ctx.tokens(line.start, line.end))
    bounds = (tokens[0].i, tokens[-1].i) if tokens else (0, -1)
    for cue in reversed([t for t in tokens if _is_cue(t)]):
        speaker = _speaker_for(cue, ctx, bounds)
        if speaker is not None and speaker.key is not None:
            return _Cue(cue.lemma_.lower(), speaker)
    return _inverted(tokens, ctx)  # "Stated Stone:" / "“…”"


def _continued(span: QuoteSpan, previous: _Found | None, ctx: _Document) -> _Cue | None:
    """The cue of the quote a bare quoted sentence continues, in its paragraph or the next
    (after a partial quote too: “getting ahead of themselves,” Wexton said. “I don’t know …”)."""
    if previous is None:
        return None
    between = range(previous.span.line + 1, span.line)
    if previous.span.run_on and all(is_insert(ctx.text, ctx.lines[i]) for i in between):
        return previous.cue  # “… (no closing mark) / read more in politics / “…
    gap = ctx.text[previous.frame_end : span.open_at]
    return previous.cue if not gap.strip() and span.line - previous.span.line <= 1 else None


def _second_half(span: QuoteSpan, previous: _Found | None, ctx: _Document) -> bool:
    """ "“By locking in China,” Mr. Obama said, “it now allowed me …”": a quotation split by
    its attribution goes on in lowercase, and is as direct as its first half."""
    if previous is None or previous.kind != "direct" or previous.span.line != span.line:
        return False
    first_tail = ctx.text[previous.span.end : previous.span.close_at]
    gap = ctx.text[previous.span.close_at + 1 : span.open_at].rstrip()
    return "," in first_tail and gap.endswith(",") and 0 < len(gap) <= 80 and "\n" not in gap


def _parenthetical(span: QuoteSpan, ctx: _Document, bounds: tuple[int, int]) -> _Cue | None:
    """ "Biden, he said, also was the first president “to stand …”": a speech verb set off in
    the middle of its sentence (parsed as parataxis) attributes the whole sentence, so the
    partial quotes in it too."""
    for token in ctx.doc[bounds[0] : bounds[1] + 1]:
        if token.dep_ != "parataxis" or token.i in ctx.quoted or not _is_cue(token):
            continue
        speaker = _speaker_for(token, ctx, bounds)
        if speaker is not None:
            return _Cue(token.lemma_.lower(), speaker)
    return None


def _according_to(span: QuoteSpan, ctx: _Document, bounds: tuple[int, int]) -> _Cue | None:
    """ "Rules ... are “hidden in plain sight”, according to Nicola Rollock": "according to" a
    named speaker on the clause that holds the partial quote, or on a clause above it, gives it
    to them."""
    inner = [t for t in ctx.tokens(span.start, span.end) if not t.is_punct]
    if not inner:
        return None
    clause = inner[0]
    while clause.head != clause and clause.pos_ not in {"VERB", "AUX"}:
        clause = clause.head
    above = {clause.i, *(t.i for t in clause.ancestors)}
    for token in ctx.doc[bounds[0] : bounds[1] + 1]:
        if token.lower_ != "according" or token.i in ctx.quoted or token.head.i not in above:
            continue
        objects = [c for t in token.subtree for c in t.children if c.dep_ == "pobj"]
        speaker = ctx.resolver.resolve(objects[0]) if objects else None
        if speaker is not None and speaker.key is not None:
            return _Cue("according to", speaker)
    return None


def _after_reported(span: QuoteSpan, ctx: _Document) -> _Cue | None:
    """A bare quote right after a sentence of reported speech in the same paragraph ("Mr.
    Ruano said timing remains his issue. “For me, …”"): that sentence's speaker goes on, when
    the speech verb is its main verb, or a parenthetical on it ("It's easy, she says, for people
    to …"), and its subject is a named speaker."""
    marks = ctx.tokens(span.open_at, span.open_at + 1)
    if not len(marks) or marks[0].i == 0:
        return None
    before = ctx.doc[marks[0].i - 1]
    while before.is_space and before.i > 0:
        before = ctx.doc[before.i - 1]
    line = ctx.lines[span.line]
    if before.idx < line.start or before.text not in SENTENCE_END or before.i in ctx.quoted:
        return None
    sentence = before.sent
    root = sentence.root
    if not _is_cue(root):  # "It's easy, she says, for people to marvel …": a parenthetical cue
        root = next((t for t in sentence if t.dep_ == "parataxis" and _is_cue(t)), root)
    if not _is_cue(root) or root.i in ctx.quoted or sentence.start_char < line.start:
        return None
    speaker = _speaker_for(root, ctx, (sentence.start, sentence.end - 1))
    if speaker is None or speaker.key is None:
        return None
    return _Cue(root.lemma_.lower(), speaker)


def _told_about(span: QuoteSpan, ctx: _Document) -> _Cue | None:
    """A paragraph that is only a quote, right after a paragraph about one person (the one
    person it names as a subject): that person speaks, as a reader takes it."""
    line = ctx.lines[span.line]
    whole = ctx.text[line.start : line.end].strip()
    if span.line == 0 or whole[:1] not in ALL_MARKS or span.close_at < line.end - 2:
        return None
    if ctx.text[line.start : span.open_at].strip():
        return None  # the second quote of a paragraph: “A,” said someone unnamed. “B.”
    if ctx.text.count(ctx.text[span.start : span.end].rstrip(".,!?…")) > 1:
        return None  # a pull quote: the same words are quoted, and attributed, in the body
    before = ctx.lines[span.line - 1]
    if span.line - 1 in ctx.quoted_lines or span.line - 1 in ctx.headlines:
        return None
    person = _one_subject(before.start, before.end, ctx)
    return _Cue("say", person) if person is not None else None


def _one_subject(start: int, end: int, ctx: _Document, main: bool = False) -> Speaker | None:
    """The one person a stretch of text is about: every clause subject in it that can speak
    resolves (names, surnames, he/she) to the same person, and there is one. None when two
    people, an organisation or an unresolved speaker ("Hale said …, and Pike said …", "the
    company said", "they") are subjects there too. With `main`, only the subjects of main
    clauses count ("When Clinton had trouble joining a club, Trump boasted that he …" is
    about Trump)."""
    organisations = {
        m.key
        for m in ctx.resolver.mentions
        if m.kind == EntityKind.ORG and not person_shaped(m.name)
    }
    chosen: Speaker | None = None
    for token in ctx.tokens(start, end):
        if token.dep_ not in SUBJECT_DEPS or ctx.excluded(token.idx):
            continue  # quoted words and a headline are no one the paragraph is about
        if main and not in_main_clause(token):
            continue
        if token.pos_ == "PRON" and token.lower_ not in PERSONAL:
            continue  # "someone", "it", "who": no one the paragraph is about
        speaker = ctx.resolver.resolve(token)
        if speaker is None:
            continue
        if speaker.key is None or speaker.key in organisations:
            return None
        if chosen is not None and chosen.key != speaker.key:
            return None
        chosen = chosen or speaker
    return Speaker(chosen.name or chosen.text, chosen.name, chosen.key) if chosen else None


def _dash_signed(span: QuoteSpan, ctx: _Document) -> _Cue | None:
    """A quotation that opens its paragraph, signed with a dash and a name after its closing
    mark, or in the next paragraph when it stands alone in its own (`quote_signed`)."""
    line = ctx.lines[span.line]
    if span.run_on or ctx.text[line.start : span.open_at].strip():
        return None
    start = signature_start(ctx.text, span.close_at + 1, line.end)
    alone = quote_alone(ctx.text, line.start, span.open_at, span.close_at, line.end)
    below = start is None and alone and span.line + 1 < len(ctx.lines)
    if below:
        line = ctx.lines[span.line + 1]  # "“…”" / "- Sanders."
        start = signature_start(ctx.text, line.start, line.end)
    if start is None:
        return None
    name = signing_name(ctx.tokens(start, line.end), ctx.text, line.end)
    speaker = ctx.resolver.resolve(name) if name is not None else None
    if speaker is None or (below and speaker.key is None):
        return None  # a line below signs for a known name only
    return _Cue("sign", speaker)


def _not_speech(span: QuoteSpan, ctx: _Document) -> bool:
    """Headline words, titles and words mentioned rather than said."""
    before = ctx.text[ctx.lines[span.line].start : span.open_at]
    text = ctx.text[span.start : span.end]
    return span.line in ctx.headlines or _is_title(text) or bool(_MENTIONED.search(before))


def _is_term(span: QuoteSpan, ctx: _Document) -> bool:
    """One word in quotation marks that is not a verb: a term or a label ("a “crisis”",
    students in “bubbles”, “annoying”), not someone's words; "the leaders “hailed” …" is."""
    if len(ctx.text[span.start : span.end].split()) != 1:
        return False
    words = [t for t in ctx.tokens(span.start, span.end) if not t.is_punct]
    return not any(t.pos_ in {"VERB", "AUX"} for t in words)


_WORD_STEPS = 2
# what a speech verb's clause says of something: "called X “scum”", "has lacked “empathy” and
# “humanity”", "would be “impossible”" (an object predicate, an object, a complement, a conjunct)
_WORD_ROLES = frozenset({"oprd", "xcomp", "dobj", "acomp", "attr", "ccomp", "conj", "appos"})


def _word_cue(span: QuoteSpan, ctx: _Document, bounds: tuple[int, int]) -> _Cue | None:
    """One quoted word is a named speaker's when a speech verb right above it in the parse
    gives it to them: "Haley called Ramaswamy “scum”", "called passage of the law “perverse”",
    "Sarwar said Starmer has lacked “empathy”", "said it would be “impossible”". Farther up,
    or with no named speaker, it stays a term ("students in “bubbles”")."""
    words = [t for t in ctx.tokens(span.start, span.end) if not t.is_punct]
    if len(words) != 1:
        return None
    head = words[0]
    if head.dep_ not in _WORD_ROLES and not under_as(head):
        return None  # "students in “bubbles”": a term; "derided X as “scum”": X is called so
    if any(c.dep_ == "det" for c in head.children):
        return None  # "the situation was a “crisis”": a term
    for _ in range(_WORD_STEPS):
        below, head = head, head.head
        if head.i in ctx.quoted or not bounds[0] <= head.i <= bounds[1]:
            return None
        if _is_cue(head) or labels_as(head, below, words[0]):
            return _active_speaker(head, ctx, bounds)
    return None


def _active_speaker(cue: Token, ctx: _Document, bounds: tuple[int, int]) -> _Cue | None:
    """The cue with its own active subject, when that subject is a named speaker: not "He's
    been called “annoying”" (passive) nor a subject borrowed from a verb above ("cautioned to
    call it a “crisis”")."""
    for child in cue.children:
        if child.dep_ == "nsubj" and _usable(child, ctx, bounds):
            speaker = ctx.resolver.resolve(child)
            if speaker is not None and speaker.key is not None:
                return _Cue(cue.lemma_.lower(), speaker)
    return None


def _attribute(span: QuoteSpan, previous: _Found | None, ctx: _Document) -> _Found | None:
    """The kind, cue and speaker of one quote span, or None when it is nobody's quote."""
    left, right = _frame(span, ctx)
    signed = _dash_signed(span, ctx)  # a signed line ends in a name, not like a sentence
    if right < left or (signed is None and _not_speech(span, ctx)):
        return None
    bounds, frame_end = (left, right), ctx.doc[right].idx + len(ctx.doc[right].text)
    kind = "direct" if _second_half(span, previous, ctx) else _kind(span, ctx, left)
    if kind == "partial" and _is_term(span, ctx):
        word = _word_cue(span, ctx, bounds)
        return _Found(span, kind, word, frame_end) if word is not None else None
    for governing in _governing_cues(span, ctx, bounds):
        speaker = _speaker_for(governing, ctx, bounds)
        if speaker is not None and (_is_cue(governing) or speaker.key is not None):
            return _Found(span, kind, _Cue(governing.lemma_.lower(), speaker), frame_end)
    if kind == "partial":
        aside = _parenthetical(span, ctx, bounds) or _according_to(span, ctx, bounds)
        return _Found(span, kind, aside, frame_end) if aside is not None else None
    words = _outside(ctx, left, right)
    if signed is not None:
        cue: _Cue | None = signed
    elif words:
        opening = list(ctx.tokens(ctx.lines[span.line].start, span.open_at))
        cue = (
            _inverted(opening, ctx)
            or _nearest_cue(span, words, ctx, bounds)
            or _colon_cue(span, ctx, bounds)
            or _labelled(span, ctx)
        )
    else:
        cue = (
            _continued(span, previous, ctx)
            or _after_reported(span, ctx)
            or _intro(span.line - 1, ctx)
            or _told_about(span, ctx)
        )
    return _Found(span, kind, cue, frame_end) if cue is not None else None


def _partial_end(text: str, start: int, end: int) -> int:
    """The end of a partial quote without the full stop of the sentence around it ("…" kept)."""
    if end - start > 1 and text[end - 1] == "." and text[end - 2] != ".":
        return end - 1
    return end


def _quote(found: _Found, ctx: _Document) -> Quote:
    """The record for an attributed quote."""
    span, speaker = found.span, found.cue.speaker
    end = span.end
    if found.kind == "partial":
        end = _partial_end(ctx.text, span.start, end)
    return Quote(
        text=ctx.text[span.start : end],
        kind=found.kind,
        speaker_text=speaker.text,
        speaker_name=speaker.name,
        speaker_key=speaker.key,
        cue=found.cue.lemma,
        start=span.start,
        end=end,
        sentence=ctx.sentence_of(span.start),
    )


def _block_quotes(ctx: _Document) -> list[Quote]:
    """Unquoted paragraphs a speaker line introduces, each the speaker's words."""
    quotes = []
    for line in ctx.lines[1:]:
        raw = ctx.text[line.start : line.end]
        if line.index in ctx.headlines or raw.lstrip()[:1] in ALL_MARKS:
            continue
        if line.index in ctx.quoted_lines:
            continue
        cue = _intro(line.index - 1, ctx)
        if cue is None:
            continue
        start = line.start + len(raw) - len(raw.lstrip())
        end = line.start + len(raw.rstrip())
        span = QuoteSpan(start, end, start, end, line.index)
        quotes.append(_quote(_Found(span, "block", cue, end), ctx))
    return quotes


def _without_repeats(quotes: list[Quote]) -> list[Quote]:
    """The same words quoted twice in one article are one quote, the first: pages repeat a
    body quote as a pull quote in large type, often with no attribution of its own."""
    seen: set[str] = set()
    kept = []
    for quote in quotes:
        words = " ".join(quote.text.rstrip(".,!?…").casefold().split())
        if words not in seen:
            seen.add(words)
            kept.append(quote)
    return kept


def extract_quotes(doc: Doc, analysis: DocAnalysis) -> tuple[Quote, ...]:
    """Every attributed quote of a parsed article, in text order: who said what, for answers."""
    ctx = _Document(doc, analysis)
    quotes: list[Quote] = []
    previous: _Found | None = None
    for span in ctx.spans:
        found = _attribute(span, previous, ctx)
        if found is not None:
            quotes.append(_quote(found, ctx))
            previous = found
        elif not (_is_term(span, ctx) or _is_title(ctx.text[span.start : span.end])):
            # a quoted term or title between two quotes breaks no run ('told ABC's "Good
            # Morning America." "When you …"')
            previous = None
    quotes = _without_repeats(quotes)
    quotes.extend(_block_quotes(ctx))
    log.debug("%d quotes in a document of %d characters", len(quotes), len(ctx.text))
    return tuple(sorted(quotes, key=lambda q: (q.start, q.end)))
