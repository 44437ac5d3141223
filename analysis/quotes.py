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
in Title Case, one quoted word that is not a verb (a term: a "crisis"), a bare noun phrase the
article uses as its own term ("reach "net zero emissions"", `quote_terms_nouns`), words
mentioned rather than said ("words like "breakthrough"", "so-called"), words a possessor said
that someone else reports ("Putin's pledge to "…""), and quoted words that no speech verb
governs (document wording, scare quotes).

Attribution policy: a quote with no speaker expression is dropped. A quote whose speaker is a
person or group that is not a canonical PERSON/ORG entity ("Richmond police", "they") is kept
with `speaker_name` and `speaker_key` None; the product lists only quotes with a key.

This module tries the rules in order; each kind lives in a module of its own: `quote_spans`
(the quotation marks), `quote_frames` (a quote's sentence and kind), `quote_cue_speakers` (from
a speech verb to its speaker), `quote_lead_ins` (other attributions in the quote's sentence),
`quote_possessed` (a quoted sentence after what a named person said: "X's response was:"),
`quote_runs` (attributions from outside it), `quote_speakers` (who a subject is),
`quote_unnamed_speakers` (a whole quotation a speech verb gives to "one user", "a strategist":
stored with no key), `quote_coordinated` (quoted words joined by "and" to a partial quote of the
sentence: the same speaker's).
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc

from analysis.quote_context import Cue, Found, QuoteContext
from analysis.quote_coordinated import coordinated
from analysis.quote_cue_speakers import governing_cues, speaker_for
from analysis.quote_cues import is_cue
from analysis.quote_frames import (
    is_term,
    is_title,
    not_speech,
    outside_words,
    quote_frame,
    quote_kind,
)
from analysis.quote_lead_ins import (
    according_to,
    colon_cue,
    inverted,
    inverted_trailer,
    labelled,
    nearest_cue,
    parenthetical,
    word_cue,
)
from analysis.quote_possessed import possessed_cue
from analysis.quote_runs import (
    continued,
    continued_before_aside,
    dash_signed,
    intro,
    outside_attribution,
    second_half,
)
from analysis.quote_spans import ALL_MARKS, QuoteSpan
from analysis.quote_terms_nouns import noun_term
from analysis.quote_unnamed_speakers import unnamed_cue
from analysis.quote_verbless import verbless_name
from analysis.types import DocAnalysis, Quote

log = logging.getLogger(__name__)
# eval.speaker_ranker reads the rules' own view of an article under this name
_Document = QuoteContext


def _whole_only(cue: Cue | None) -> Cue | None:
    """A partial quote's cue, unless its speaker is a place: a place speaks in whole quotations
    only (`quote_speakers`); the words a country is said to use inside a sentence are mostly its
    name for a thing ("Moscow calls it a “special military operation”") or a figure of speech."""
    return None if cue is not None and cue.speaker.place else cue


def _attribute(span: QuoteSpan, previous: Found | None, ctx: QuoteContext) -> Found | None:
    """The kind, cue and speaker of one quote span, or None when it is nobody's quote."""
    left, right = quote_frame(span, ctx)
    signed = dash_signed(span, ctx)  # a signed line ends in a name, not like a sentence
    if right < left or (signed is None and not_speech(span, ctx)):
        return None
    bounds, frame_end = (left, right), ctx.doc[right].idx + len(ctx.doc[right].text)
    kind = "direct" if second_half(span, previous, ctx) else quote_kind(span, ctx, left)
    if kind == "partial" and noun_term(span, ctx):
        return None  # the article's name for a thing ("reach “net zero emissions”"), no one's words
    if kind == "partial" and is_term(span, ctx):
        word = _whole_only(word_cue(span, ctx, bounds))
        return Found(span, kind, word, frame_end) if word is not None else None
    for governing in governing_cues(span, ctx, bounds):
        speaker = speaker_for(governing, ctx, bounds)
        if speaker is not None and kind == "partial" and speaker.place:
            continue  # a place's partial quote (`_whole_only`): the next verb up may have one
        if speaker is not None and (is_cue(governing) or speaker.key is not None):
            return Found(span, kind, Cue(governing.lemma_.lower(), speaker), frame_end)
    if kind == "partial":
        aside = _whole_only(parenthetical(span, ctx, bounds) or according_to(span, ctx, bounds))
        return Found(span, kind, aside, frame_end) if aside is not None else None
    words = outside_words(ctx, left, right)
    if signed is not None:
        cue: Cue | None = signed
    elif words:
        opening = list(ctx.tokens(ctx.lines[span.line].start, span.open_at))
        cue = (
            inverted(opening, ctx)
            or nearest_cue(span, words, ctx, bounds)
            or colon_cue(span, ctx, bounds)
            or labelled(span, ctx)
            or possessed_cue(span, ctx, bounds)
            or continued_before_aside(span, previous, words, ctx)
            or inverted_trailer(span, ctx)
            or (verbless_name(span, ctx) if kind == "direct" else None)
            or (unnamed_cue(span, words, ctx, bounds) if kind == "direct" else None)
        )
    else:
        cue = continued(span, previous, ctx) or outside_attribution(span, previous, ctx, _attribute)
    return Found(span, kind, cue, frame_end) if cue is not None else None


def _partial_end(text: str, start: int, end: int) -> int:
    """The end of a partial quote without the full stop of the sentence around it ("…" kept)."""
    if end - start > 1 and text[end - 1] == "." and text[end - 2] != ".":
        return end - 1
    return end


def _quote(found: Found, ctx: QuoteContext) -> Quote:
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


def _block_quotes(ctx: QuoteContext) -> list[Quote]:
    """Unquoted paragraphs a speaker line introduces, each the speaker's words."""
    quotes = []
    for line in ctx.lines[1:]:
        raw = ctx.text[line.start : line.end]
        if line.index in ctx.headlines or raw.lstrip()[:1] in ALL_MARKS:
            continue
        if line.index in ctx.quoted_lines:
            continue
        cue = intro(line.index - 1, ctx)
        if cue is None:
            continue
        start = line.start + len(raw) - len(raw.lstrip())
        end = line.start + len(raw.rstrip())
        span = QuoteSpan(start, end, start, end, line.index)
        quotes.append(_quote(Found(span, "block", cue, end), ctx))
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
    ctx = QuoteContext(doc, analysis)
    quotes: list[Quote] = []
    previous: Found | None = None
    attributed: list[Found] = []
    missed: list[QuoteSpan] = []
    for span in ctx.spans:
        found = _attribute(span, previous, ctx)
        if found is not None:
            quotes.append(_quote(found, ctx))
            attributed.append(found)
            previous = found
        elif not (
            is_term(span, ctx) or noun_term(span, ctx) or is_title(ctx.text[span.start : span.end])
        ):
            # a quoted term or title between two quotes breaks no run ('told ABC's "Good
            # Morning America." "When you …"')
            previous = None
        if found is None:
            missed.append(span)
    # a quotation coordinated with a partial quote of its sentence, before or after it
    for span in missed:
        joined = coordinated(span, attributed, ctx)
        if joined is not None:
            quotes.append(_quote(joined, ctx))
    quotes = _without_repeats(sorted(quotes, key=lambda q: (q.start, q.end)))
    quotes.extend(_block_quotes(ctx))
    log.debug("%d quotes in a document of %d characters", len(quotes), len(ctx.text))
    return tuple(sorted(quotes, key=lambda q: (q.start, q.end)))
