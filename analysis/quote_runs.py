"""Attributions from outside a quote's sentence: a quotation with no words of its own around it.

It goes on from the quote before, from a sentence of reported speech before it, from a speaker
line ending in a colon, from the one person the paragraph before is about, or from a dash
signature.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from analysis.pronouns import SUBJECT_DEPS
from analysis.quote_context import Cue, Found, QuoteContext
from analysis.quote_cue_speakers import one_subject, speaker_for
from analysis.quote_cues import is_cue
from analysis.quote_frames import SENTENCE_END, is_term, outside_words, quote_frame
from analysis.quote_lead_ins import inverted
from analysis.quote_run_interview import interview_lead
from analysis.quote_run_kept import kept_through_narration, repeated, someone_else
from analysis.quote_signed import quote_alone, signature_start, signing_name
from analysis.quote_spans import ALL_MARKS, Line, QuoteSpan, is_insert, next_paragraph
from analysis.quote_verbs import issues_statement, manner_verb
from analysis.speaker_words import RELATIVES, Speaker

# `quotes`' rule for one quotation (kind, cue, speaker), handed in: `quotes` imports this module
Attribute = Callable[[QuoteSpan, Found | None, QuoteContext], Found | None]


# A paragraph that ends by announcing the words below it with a full stop where a colon could
# stand: "Trump said the following.", "She responded as follows.", "He had this to say."
_ANNOUNCED = re.compile(r"(?i)\b(?:the following|as follows|this to say)\s*\.$")


def intro(line_index: int, ctx: QuoteContext) -> Cue | None:
    """A speaker line: "X said:", "X said the following." or "Here is how X explained …"
    introducing the next paragraph."""
    if line_index < 0 or line_index in ctx.quoted_lines:
        return None
    line = ctx.lines[line_index]
    raw = ctx.text[line.start : line.end].rstrip()
    if not (raw.endswith(":") or _ANNOUNCED.search(raw)) and not (
        line_index in ctx.headlines and re.match(r"(?i)(here|this)\b", raw.lstrip())
    ):
        return None
    tokens = list(ctx.tokens(line.start, line.end))
    bounds = (tokens[0].i, tokens[-1].i) if tokens else (0, -1)
    for cue in reversed([t for t in tokens if is_cue(t)]):
        speaker = speaker_for(cue, ctx, bounds)
        if speaker is not None and speaker.key is not None:
            return Cue(cue.lemma_.lower(), speaker)
    return inverted(tokens, ctx)  # "Stated Stone:" / "“…”"


def outside_attribution(
    span: QuoteSpan, previous: Found | None, ctx: QuoteContext, attribute: Attribute
) -> Cue | None:
    """The attribution of a bare quoted sentence that does not continue the quote before
    (`continued`): a named speaker written later in its run (`run_ahead`) first; else the rules
    that look before it (narration, reported speech, a speaker line, the one an interview lead
    talks with, the person the paragraph before is about, the speaker of a run the narration
    between leaves alone). When the run's own attribution is a pronoun (“…,” she said), the speaker
    the rules before name is kept when she is the same or the pronoun reaches no one."""
    ahead = run_ahead(span, ctx, attribute)
    if ahead is not None and ahead.speaker.key is not None and ahead.speaker.text[:1].isupper():
        return ahead
    before = (
        continued_after_narration(span, previous, ctx)
        or after_reported(span, ctx)
        or intro(span.line - 1, ctx)
        or interview_lead(span, ctx)
        or told_about(span, ctx)
        or about_before(span, ctx)
        or kept_through_narration(span, previous, ctx)
    )
    if ahead is None or (before is not None and ahead.speaker.key in {None, before.speaker.key}):
        return before
    return ahead


def run_ahead(span: QuoteSpan, ctx: QuoteContext, attribute: Attribute) -> Cue | None:
    """ "Novak spoke on Monday." / "“Novel interpretations will not end the war." / "“They
    will only delay it,” Novak concluded.": a quotation running over several paragraphs (each
    left open, the next opening with a mark) is one speaker's; a paragraph of it with no
    attribution of its own takes the one written in the sentence of a later paragraph of the
    run, the first that has words of its own outside the marks (a direct quote's attribution
    there, not a later quotation's), read by `attribute`, the rule for one quotation."""
    later = span
    while later.run_on:
        after = next_paragraph(ctx.text, ctx.lines, later.line)
        if after is None:
            return None
        raw = ctx.text[after.start : after.end]
        head = after.start + len(raw) - len(raw.lstrip())
        later_spans = [s for s in ctx.spans if s.line == after.index and s.open_at == head]
        if not later_spans:
            return None
        later = later_spans[0]
        left, right = quote_frame(later, ctx)
        if right >= left and outside_words(ctx, left, right):
            found = attribute(later, None, ctx)
            return found.cue if found is not None and found.kind == "direct" else None
    return None


def continued(span: QuoteSpan, previous: Found | None, ctx: QuoteContext) -> Cue | None:
    """The cue of the quote a bare quoted sentence continues, in its paragraph or the next
    (after a partial quote too: “getting ahead of themselves,” Wexton said. “I don’t know …”)."""
    if previous is None:
        return None
    between = range(previous.span.line + 1, span.line)
    if previous.span.run_on and all(is_insert(ctx.text, ctx.lines[i]) for i in between):
        return previous.cue  # “… (no closing mark) / read more in politics / “…
    gap = _without_first_apostrophe(ctx.text[previous.frame_end : span.open_at], span, ctx.text)
    gap = gap.strip().rstrip(_OPENING).rstrip()  # “ You know …”: the mark before a space
    return previous.cue if not gap and span.line - previous.span.line <= 1 else None


_OPENING = '“"„«'


def continued_after_narration(
    span: QuoteSpan, previous: Found | None, ctx: QuoteContext
) -> Cue | None:
    """ "“…,” said Jeff Eagan, president of the union. He is also an employee, but was
    speaking for the union. “I have received lots of calls …”": a bare quoted sentence in the
    same paragraph as a direct quotation, after narration about its speaker only (every
    subject there a he/she standing for that speaker, no speech verb, no other quotation),
    goes on from that quotation; also after narration that names no one else ("The bakery has
    been closed since March."), when the rest of the paragraph names no one else either."""
    if previous is None or previous.kind != "direct" or previous.span.line != span.line:
        return None
    key = previous.cue.speaker.key
    if key is None:
        return None
    words = [t for t in ctx.tokens(previous.frame_end, span.open_at) if not t.is_space]
    if not words or any(t.i in ctx.quoted or is_cue(t) or manner_verb(t) for t in words):
        return None
    subjects = [t for t in words if t.dep_ in SUBJECT_DEPS]
    if subjects and all(t.lower_ in {"he", "she"} for t in subjects):
        same = all((found := ctx.resolver.resolve(t)) and found.key == key for t in subjects)
        return previous.cue if same else None
    # "The decision angered John Reed. “…”" may be Reed's; "“…” Reed said later" is
    others = someone_else(previous.frame_end, span.open_at, key, ctx) or someone_else(
        span.close_at + 1, ctx.lines[span.line].end, key, ctx
    )
    return None if others else previous.cue


def continued_before_aside(
    span: QuoteSpan, previous: Found | None, words: list[Token], ctx: QuoteContext
) -> Cue | None:
    """ "''…,'' said Tad Devine. ''We could win …,'' which votes June 7.": a quoted sentence
    opening its own, after an attributed one, followed only by a relative clause or a gloss
    that says nothing of who speaks (no speech verb, no subject but "which"/"who"), goes on
    from that one. Not a quoted term the sentence is about ('"Containment" has been …')."""
    if previous is None or previous.kind != "direct" or any(t.idx < span.open_at for t in words):
        return None
    if ctx.text[span.start : span.close_at].rstrip("' ")[-1:] not in tuple(",.!?…"):
        return None
    subjects = [t for t in words if t.dep_ in SUBJECT_DEPS and t.lower_ not in RELATIVES]
    if subjects or any(is_cue(t) or manner_verb(t) for t in words):
        return None
    return continued(span, previous, ctx)


def _without_first_apostrophe(gap: str, span: QuoteSpan, text: str) -> str:
    """The gap before a quote without the first half of a two-apostrophe mark: a quote opened
    with ''…'' (New York Times style) has its mark at the second apostrophe, and the first is
    no word between two quotes ("''…,'' the Russian leader said. ''It is not …''")."""
    if text[span.open_at : span.open_at + 1] == "'" and gap.endswith("'"):
        return gap[:-1]
    return gap


def second_half(span: QuoteSpan, previous: Found | None, ctx: QuoteContext) -> bool:
    """ "“By locking in China,” Mr. Obama said, “it now allowed me …”": a quotation split by
    its attribution goes on in lowercase, and is as direct as its first half; also when the
    marks are two apostrophes (''For me,'' Mr. Bruner said, ''he was …''), and when the
    attribution between is long but one clause with its speech verb ("said Edward Leamer, an
    economist who is the director of …,")."""
    if previous is None or previous.kind != "direct" or previous.span.line != span.line:
        return False
    first_tail = ctx.text[previous.span.end : previous.span.close_at]
    start, end = previous.span.close_at + 1, span.open_at
    if ctx.text[start : start + 1] == "'" == ctx.text[start - 1 : start]:
        start += 1  # the second apostrophe of a closing ''
    gap = _without_first_apostrophe(ctx.text[start:end], span, ctx.text).strip()
    if "," not in first_tail or not gap.endswith(",") or not gap or "\n" in gap:
        return False
    return len(gap) <= 80 or (len(gap) <= SPLIT_ATTRIBUTION and _one_attribution(start, end, ctx))


# The longest attribution that may split a quotation in two when it holds its speech verb.
SPLIT_ATTRIBUTION = 200


def _one_attribution(start: int, end: int, ctx: QuoteContext) -> bool:
    """Words between two halves of a quotation that are one attribution: a speech verb, no
    full stop, no other quotation."""
    tokens = [t for t in ctx.tokens(start, end) if t.i not in ctx.quoted]
    if any(t.text in SENTENCE_END for t in tokens):
        return False
    return any(is_cue(t) for t in tokens)


def after_reported(span: QuoteSpan, ctx: QuoteContext) -> Cue | None:
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
    return _reported_by(before.sent, line.start, ctx)


def _reported_by(sentence: Span, start: int, ctx: QuoteContext) -> Cue | None:
    """The named speaker of a sentence of reported speech that starts at or after `start`:
    its main verb a speech verb, or a parenthetical one on it."""
    root = sentence.root
    if not is_cue(root):  # "It's easy, she says, for people to marvel …": a parenthetical cue
        root = next((t for t in sentence if t.dep_ == "parataxis" and is_cue(t)), root)
    if not is_cue(root) or root.i in ctx.quoted or sentence.start_char < start:
        return None
    speaker = speaker_for(root, ctx, (sentence.start, sentence.end - 1))
    if speaker is None or speaker.key is None:
        return None
    return Cue(root.lemma_.lower(), speaker)


def told_about(span: QuoteSpan, ctx: QuoteContext) -> Cue | None:
    """A paragraph that is only a quote, right after a paragraph about one person (the one
    person it names as a subject): that person speaks, as a reader takes it."""
    line = ctx.lines[span.line]
    whole = ctx.text[line.start : line.end].strip()
    if span.line == 0 or whole[:1] not in ALL_MARKS or span.close_at < line.end - 2:
        return None
    if ctx.text[line.start : span.open_at].strip():
        return None  # the second quote of a paragraph: “A,” said someone unnamed. “B.”
    if repeated(span, ctx):
        return None  # a pull quote: the same words are quoted, and attributed, in the body
    before = ctx.lines[span.line - 1]
    if span.line - 1 in ctx.headlines or not _terms_only(span.line - 1, ctx):
        return None
    person = one_subject(before.start, before.end, ctx)
    if person is not None:
        return Cue("say", person)
    cue = _statement_before(before.end, ctx) or _reported_last(before, ctx)
    person = _main_subject(before, ctx) if cue is None else None
    return Cue("say", person) if person is not None else cue


def about_before(span: QuoteSpan, ctx: QuoteContext) -> Cue | None:
    """ "Starmer was blunt. “The NHS is broken.”": a quoted sentence that ends its paragraph,
    after the writer's own sentences about one person there (its main clauses' one subject,
    no one else speaking, and the subject of the sentence right before it), is that person's,
    as `told_about` reads a quoted paragraph after such a paragraph; not a quotation the
    article repeats (a pull quote) nor one after other quotations in the paragraph."""
    line = ctx.lines[span.line]
    lead = ctx.text[line.start : span.open_at].rstrip()
    quoted = ctx.text[span.start : span.end]
    if span.run_on or not lead or lead[-1] not in SENTENCE_END or not quoted[:1].isupper():
        return None
    if ctx.text[span.close_at + 1 : line.end].strip() or ctx.text.count(quoted) > 1:
        return None  # words after it, or a pull quote
    earlier = (s for s in ctx.spans if s.line == span.line and s.open_at < span.open_at)
    if span.line in ctx.headlines or not all(is_term(s, ctx) for s in earlier):
        return None
    person = _main_subject(Line(line.index, line.start, span.open_at), ctx)
    marks = ctx.tokens(span.open_at, span.open_at + 1)
    last = ctx.doc[marks[0].i - 1].sent if len(marks) and marks[0].i > 0 else None
    named = one_subject(last.start_char, span.open_at, ctx, main=True) if last else None
    if person is None or named is None or named.key != person.key:
        return None  # the sentence right before names no one it is about, or someone else
    return Cue("say", person)


def _reported_last(before: Line, ctx: QuoteContext) -> Cue | None:
    """ "Tom Reyes met Jane Alvarez on Monday. Alvarez said the talks had gone well." /
    "“It was a productive meeting.”": a paragraph about two people that ends in one's
    reported speech introduces that one's quotation after it; not when several speak in that
    sentence ("Hale said …, and Pike said it was not")."""
    tokens = ctx.tokens(before.start, before.end)
    last = next((t for t in reversed(tokens) if not t.is_space), None)
    if last is None or last.text not in SENTENCE_END or last.i in ctx.quoted:
        return None
    subjects = [t for t in last.sent if t.dep_ in SUBJECT_DEPS]
    if _joined(subjects):
        return None  # "Matthews, Seitz-Wald and Lopez argued that …": no one of them
    cue = _reported_by(last.sent, before.start, ctx)
    if cue is None or _another_speaks(subjects, cue.speaker.key, ctx):
        return None  # "Hale said …, and Pike said …"
    return cue


def _terms_only(line: int, ctx: QuoteContext) -> bool:
    """A paragraph with no quotation but one-word terms in marks ("he hates the word
    “empire,”"): it says what someone did, not what someone else said."""
    return all(is_term(span, ctx) for span in ctx.spans if span.line == line)


def _main_subject(before: Line, ctx: QuoteContext) -> Speaker | None:
    """ "In 2013, the year RateBeer declared Pipeworks the best new brewery, Fox launched a
    Kickstarter …" / "“The craft beer boom was …”": the one person the paragraph's main
    clauses are about speaks, though a clause inside them has another subject; not when a
    subject joins several ("Matthews, Seitz-Wald and Lopez argued") nor when someone else
    speaks there ("The talks, Alvarez said, had gone well")."""
    tokens = ctx.tokens(before.start, before.end)
    subjects = [t for t in tokens if t.dep_ in SUBJECT_DEPS and not ctx.excluded(t.idx)]
    if _joined(subjects):
        return None
    person = one_subject(before.start, before.end, ctx, main=True)
    if person is None or _another_speaks(subjects, person.key, ctx):
        return None  # "The talks, Alvarez said, had …"
    return person


def _joined(subjects: list[Token]) -> bool:
    """Whether a subject joins several ("Matthews, Seitz-Wald and Lopez argued")."""
    return any(c.dep_ == "conj" for t in subjects for c in t.children)


def _another_speaks(subjects: list[Token], key: str | None, ctx: QuoteContext) -> bool:
    """Whether a subject of a speech verb is someone known other than `key`."""
    for token in (t for t in subjects if is_cue(t.head)):
        speaker = ctx.resolver.resolve(token)
        if speaker is not None and speaker.key not in {None, key}:
            return True
    return False


def _statement_before(end: int, ctx: QuoteContext) -> Cue | None:
    """ "The DNC issued a statement apologizing to Sanders …" / "“On behalf of everyone at the
    DNC, …”": a paragraph ending in a sentence whose main verb issues or releases a statement
    introduces the quoted paragraph after it, whoever issued it (an organisation too)."""
    tokens = ctx.tokens(end - 1, end)
    if not len(tokens):
        return None
    sentence = tokens[-1].sent
    root = sentence.root
    if not issues_statement(root):
        return None
    speaker = speaker_for(root, ctx, (sentence.start, sentence.end - 1))
    if speaker is None or speaker.key is None:
        return None
    return Cue(root.lemma_.lower(), speaker)


def dash_signed(span: QuoteSpan, ctx: QuoteContext) -> Cue | None:
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
    return Cue("sign", speaker)
