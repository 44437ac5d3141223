"""A run of quoted paragraphs keeps its speaker across narration that names no one else.

Interviews and profiles quote one person paragraph after paragraph, with a line of the writer's
own between ("The bakery opened in 1998." / "“We will reopen in May.”"): a reader keeps the
speaker of the quotation before until someone else is named or speaks. `kept_through_narration`
gives a quote-only paragraph that speaker when every word between the two quotations is such
narration: no other quotation, no speech verb but the speaker's own, no person or organisation
named (an organisation's name modifying a noun aside: "the TT dollar"), no he/she/they standing
for anyone else.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from analysis.pronouns import SUBJECT_DEPS, root_of
from analysis.quote_context import Cue, Found, QuoteContext
from analysis.quote_cue_speakers import speaker_for
from analysis.quote_cues import is_cue
from analysis.quote_frames import is_term
from analysis.quote_spans import QuoteSpan
from analysis.quote_verbs import manner_verb
from analysis.types import EntityKind, Mention

# Paragraphs of narration a quoted run may pass over and keep its speaker.
MAX_NARRATION = 3
_SPEAKING_KINDS = frozenset({EntityKind.PERSON, EntityKind.ORG})
_MODIFIER_DEPS = frozenset({"compound", "poss", "amod", "nmod"})
_THIRD_PERSON = frozenset({"he", "she", "they", "him", "her", "them"})


def kept_through_narration(
    span: QuoteSpan, previous: Found | None, ctx: QuoteContext
) -> Cue | None:
    """ "“We gave them every chance,” Becker said." / "Wages have fallen by a tenth since
    2020." / "“Nobody can live on these wages.”": a paragraph that is only a quotation, a few
    paragraphs after an attributed quotation (a partial one too), is that speaker's while the
    narration between names no one who could speak instead (the speaker's own reported speech
    may stand there: "She repeated that …")."""
    if previous is None or previous.cue.speaker.key is None:
        return None
    lines_between = span.line - previous.span.line - 1
    if lines_between < 0 or lines_between > MAX_NARRATION or not quote_only(span, ctx):
        return None
    if span.line == previous.span.line or repeated(span, ctx) or not_an_answer(span, ctx):
        return None  # the same paragraph (`continued_after_narration`), a pull quote, a question
    start, end = previous.frame_end, ctx.lines[span.line].start
    if any(s.open_at >= start and s.open_at < end and not is_term(s, ctx) for s in ctx.spans):
        return None  # another quotation between: its own speaker or none
    if someone_else(start, end, previous.cue.speaker.key, ctx):
        return None
    return previous.cue


def not_an_answer(span: QuoteSpan, ctx: QuoteContext) -> bool:
    """A quoted question put to "you" ("“Do you regret it?”"), the interviewer's most likely,
    or a transcript's line that names its own speaker ("“WALLACE: Let's start …"): no
    answer of the one the run or the lead is about."""
    words = ctx.text[span.start : span.end].rstrip(" ”\"'")
    if _LABEL.match(words):
        return True
    return words.endswith("?") and re.search(r"(?i)\byou\b", words) is not None


# A speaker's label opening a transcript's line: one to three capitalised words and a colon
_LABEL = re.compile(r"\s*(?:[A-Z][\w.'’-]*\s){0,2}[A-Z][\w.'’-]*:\s")


def repeated(span: QuoteSpan, ctx: QuoteContext) -> bool:
    """Whether the quoted words stand elsewhere in the article too: a pull quote."""
    return ctx.text.count(_words(span, ctx)) > 1


def _words(span: QuoteSpan, ctx: QuoteContext) -> str:
    """The quoted words without their closing punctuation, to find a repeat of them."""
    return ctx.text[span.start : span.end].rstrip(".,!?… ")


def quote_only(span: QuoteSpan, ctx: QuoteContext) -> bool:
    """Whether the span's paragraph holds nothing but quotations (and punctuation)."""
    line = ctx.lines[span.line]
    rest = list(ctx.text[line.start : line.end])
    for other in (s for s in ctx.spans if s.line == span.line):
        rest[other.open_at - line.start : other.close_at + 1 - line.start] = [" "] * (
            min(other.close_at + 1, line.end) - other.open_at
        )
    return not any(ch.isalnum() for ch in rest)


def _modifier(mention: Mention, ctx: QuoteContext) -> bool:
    """An organisation's name used as a modifier of a noun ("the TT dollar", "TT's forex
    challenges"): no one who could speak in that sentence."""
    root = root_of(ctx.doc, mention)
    return mention.kind == EntityKind.ORG and root is not None and root.dep_ in _MODIFIER_DEPS


def _same_speaker(cue: Token, key: str, ctx: QuoteContext) -> bool:
    """Whether a speech verb's speaker is `key` ("He reiterated that …" of the one quoted)."""
    sentence = cue.sent
    speaker = speaker_for(cue, ctx, (sentence.start, sentence.end - 1))
    return speaker is not None and speaker.key == key


def someone_else(start: int, end: int, key: str, ctx: QuoteContext) -> bool:
    """Whether the words between name or speak for anyone but `key`: a speech verb, a person or
    organisation named, a subject who may speak ("the mayor"), a third-person pronoun or a name
    standing for someone else or for no one known."""
    for mention in ctx.resolver.mentions:
        if mention.kind not in _SPEAKING_KINDS or not start <= mention.start < end:
            continue
        if mention.key != key and not _modifier(mention, ctx):
            return True
    for token in ctx.tokens(start, end):
        if token.idx < start or token.i in ctx.quoted:
            continue
        if token.lower_ == "according" or manner_verb(token):
            return True
        if is_cue(token) and not _same_speaker(token, key, ctx):
            return True
        pronoun = token.lower_ in _THIRD_PERSON
        if pronoun or token.dep_ in SUBJECT_DEPS:
            found = ctx.resolver.resolve(token)
            if found is None and (pronoun or token.pos_ == "PROPN"):
                return True  # a he/she/they or a name standing for no one known
            if found is not None and found.key != key:
                return True  # "The mayor visited the site": someone who may speak
    return False
