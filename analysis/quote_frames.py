"""The sentence around a quote, and whether its words are speech and set off as such.

`quote_frame` bounds the sentence a quote's attribution is looked for in; `quote_kind` tells a
"direct" quotation from a "partial" one; `not_speech` and `is_term` drop headlines, titles,
mentioned words and one-word terms.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from analysis.pronouns import SUBJECT_DEPS
from analysis.quote_clauses import closes_sentence, cue_sets_off, quoted_clause, trailed_by_cue
from analysis.quote_context import QuoteContext
from analysis.quote_cues import is_cue
from analysis.quote_spans import FORMATTING, QuoteSpan
from analysis.speaker_names import title_full_stop
from analysis.speaker_words import NP_LEFT_DEPS, word_set

SENTENCE_END = frozenset({".", "!", "?"})
_MENTIONED = re.compile(
    r"\b(?:so-called|so called|words?|terms?|phrases?|expressions?|slogans?|labels?|dubbed"
    r"|labell?ed|nicknamed|branded|hashtag|titled|entitled)\b[^.!?;]{0,14}$",
    re.IGNORECASE,
)
_SMALL_WORDS = word_set("a an and as at by for from in of on or the to with")
# An opening mark typed with a space after it ("reported, “ … if the primary …”"): the quotation
# starts after the space, and the mark is no word before it.
_OPENING_MARKS = frozenset({"“", '"', "„", "«"})


def is_title(words: str) -> bool:
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


def _stops(token: Token, ctx: QuoteContext) -> bool:
    """A sentence boundary when walking out from a quote: a full stop or a quote that ended one."""
    span = ctx.quoted.get(token.i)
    if span is None:
        if _abbreviation_ends(token, ctx):
            return True
        if token.text in SENTENCE_END and _stray_stop(token, ctx):
            return False  # "“…,” DeSantis. said": a typo inside the attribution
        return token.text in SENTENCE_END and not title_full_stop(token)  # "Navy Capt. Jeff"
    return token.idx == span.close_at and ctx.text[span.start : span.end].rstrip()[-1:] in "!?."


def _stray_stop(token: Token, ctx: QuoteContext) -> bool:
    """ "“We need to bring this war to an end,” DeSantis. said": a full stop typed before a
    speech verb in lower case ends no sentence (a sentence starts with a capital), so the verb
    still attributes the quotation before it."""
    after = token.i + 1
    while after < len(ctx.doc) and ctx.doc[after].is_space:
        after += 1
    if token.text != "." or after >= len(ctx.doc):
        return False
    verb = ctx.doc[after]
    return verb.text[:1].islower() and after not in ctx.quoted and is_cue(verb)


def _abbreviation_ends(token: Token, ctx: QuoteContext) -> bool:
    """ "said Rachel Woolard, 20, of Jacksonville, Fla. ''She definitely …''": an abbreviation's
    full stop right before a quotation that opens with a capital ends the sentence too (the
    tokenizer keeps it in the word, so it is no full stop of its own)."""
    if len(token.text) < 3 or not token.text.endswith(".") or token.text.endswith(".."):
        return False
    after = token.i + 1
    while after < len(ctx.doc) and ctx.doc[after].is_space:
        after += 1
    span = ctx.quoted.get(after) if after < len(ctx.doc) else None
    if span is None or ctx.doc[after].idx > span.open_at or span.run_on:
        return False
    words = ctx.text[span.start : span.end].lstrip("([…. ‘'\"")
    return words[:1].isupper()


def quote_frame(span: QuoteSpan, ctx: QuoteContext) -> tuple[int, int]:
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


def _ends_sentence(span: QuoteSpan, last: int, ctx: QuoteContext) -> bool:
    """ "“Families will pay more.” It is also unclear …": a quoted sentence closed by a full
    stop and followed by a capitalised word ends its sentence, so the next sentence's speech
    verbs are not the quote's; not when that word is a speech verb or its subject, an
    attribution typed after a full stop ("“….” Smith said", "“….” He said", "“….” Said Smith").
    A quotation ending in a nested one ("“… ‘ignore the science.’” Chairman X …") ends so too."""
    quoted = ctx.text[span.start : span.end].rstrip().rstrip("'’").rstrip()  # a nested close
    if not quoted.endswith(".") or last + 1 >= len(ctx.doc):
        return False
    after = ctx.doc[last + 1]
    while (after.is_space or after.is_quote) and after.i + 1 < len(ctx.doc):
        after = ctx.doc[after.i + 1]  # and past the outer mark of “… ‘…’” (a nested quote)
    if not after.text[:1].isupper() or is_cue(after):
        return False
    head = after
    while head.dep_ in NP_LEFT_DEPS and head.head.i > head.i:  # "Mayor Jane Smith said"
        head = head.head
    return not (head.dep_ in SUBJECT_DEPS and is_cue(head.head))


def outside_words(ctx: QuoteContext, left: int, right: int) -> list[Token]:
    """The frame's words that are not inside any quote."""
    return [
        t
        for t in ctx.doc[left : right + 1]
        if t.i not in ctx.quoted and not t.is_space and not t.is_punct
    ]


def not_speech(span: QuoteSpan, ctx: QuoteContext) -> bool:
    """Headline words, titles and words mentioned rather than said."""
    before = ctx.text[ctx.lines[span.line].start : span.open_at]
    text = ctx.text[span.start : span.end]
    if span.line in ctx.headlines and not _cut_paragraph(span, ctx):
        return True
    if _MENTIONED.search(before):
        return True
    return is_title(text) and not _cried(span, ctx)


# A told sentence: a full stop, "!" or "?" (a closing mark after it) and a space before the
# capital of the next sentence.
_TOLD = re.compile(r"[.!?][”\"’']?\s+[A-Z]")
_PARAGRAPH_WORDS = 12


def _cut_paragraph(span: QuoteSpan, ctx: QuoteContext) -> bool:
    """ "By March, Lopez said the fund has “lent … growers.” Lopez added" / "that …": a line
    that lacks a full stop at its end only because the page broke it is no headline: it tells
    a whole sentence of `_PARAGRAPH_WORDS` words or more, the quotation inside it, before the
    next sentence starts. A headline or caption is shorter ("Trump calls ruling “a disgrace.”
    Here is why"); a line that ends in a credit or a link after its sentence ("… homeless. –
    Additional reporting from Reuters", "… Trade." pic.twitter.com/…") is page furniture, and
    stays one."""
    line = ctx.lines[span.line]
    told = _TOLD.search(ctx.text, max(span.start, span.end - 1), line.end)  # “… growers.”
    if told is None:
        return False
    return len(ctx.text[line.start : told.start()].split()) >= _PARAGRAPH_WORDS


# Verbs of crying out: what they take in quotation marks is words, in capitals or not ("Amri
# screamed “Allah Akbar”", "the crowd chanted “Lock Her Up”"), never a title.
_CRIES = frozenset({"scream", "yell", "shout", "chant", "cry", "shriek", "holler"})


def _cried(span: QuoteSpan, ctx: QuoteContext) -> bool:
    """Whether the quoted words are what a verb of crying out takes: the head of their words,
    outside them, is such a verb."""
    inner = [t for t in ctx.tokens(span.start, span.end) if not t.is_punct]
    heads = {t.head for t in inner if t.head not in inner}
    return any(h.lemma_.lower() in _CRIES and h.pos_ == "VERB" for h in heads)


def is_term(span: QuoteSpan, ctx: QuoteContext) -> bool:
    """One word in quotation marks that is not a verb: a term or a label ("a “crisis”",
    students in “bubbles”, “annoying”), not someone's words; "the leaders “hailed” …" is."""
    if len(ctx.text[span.start : span.end].split()) != 1:
        return False
    words = [t for t in ctx.tokens(span.start, span.end) if not t.is_punct]
    return not any(t.pos_ in {"VERB", "AUX"} for t in words)


def quote_kind(span: QuoteSpan, ctx: QuoteContext, left: int) -> str:
    """ "direct" for a quoted sentence or clause set off by the attribution, else "partial"."""
    marks = ctx.tokens(span.open_at, span.open_at + 1)
    inside = ctx.tokens(span.start, span.end)  # "“ … if": the mark was moved onto a space
    opening = marks[0].i if len(marks) else (inside[0].i if len(inside) else left)
    before = [t for t in ctx.doc[left:opening] if t.i not in ctx.quoted and _visible(t)]
    before = [t for t in before if t.text.strip("'")]  # halves of '' marks ("''Title.'' ''It …")
    before = [t for t in before if t.text not in _OPENING_MARKS]  # “ typed a space early: “ …
    first = ctx.text[span.start : span.end].lstrip("([…. ‘'\"")
    if not first[:1].isupper() and not first[:1].isdigit():
        return "direct" if _set_off(span, ctx, before) else "partial"
    if not before or before[-1].text in {":", ",", "—", "–", "-", "("} or is_cue(before[-1]):
        return "direct"
    return "partial"


def _visible(token: Token) -> bool:
    """A token that is not blank: not a space nor only direction marks (`FORMATTING`)."""
    return not token.is_space and bool(token.text.strip("".join(FORMATTING)))


def _set_off(span: QuoteSpan, ctx: QuoteContext, before: list[Token]) -> bool:
    """A quotation in lowercase set off by its attribution (`quote_clauses`): a speech verb and
    a comma before it, closing the sentence, or its speech verb right after it."""
    line_end = ctx.lines[span.line].end
    after = ctx.text[span.close_at + 1 : line_end]
    closes = closes_sentence(ctx.text[span.start : span.end], after, span.run_on)
    inner = [t for t in ctx.tokens(span.start, span.end) if not t.is_punct]
    if closes and (cue_sets_off(before, is_cue) or quoted_clause(before, inner, is_cue)):
        return True
    opens = not before or before[-1].text == ","
    stopped = ctx.text[span.start : span.end].rstrip().endswith(".")  # “… a failed candidate.”
    following = list(ctx.tokens(span.close_at + 1, line_end))
    return opens and not stopped and trailed_by_cue(following, is_cue)
