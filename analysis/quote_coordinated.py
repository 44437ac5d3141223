"""Quoted words coordinated with an attributed partial quote are the same speaker's words.

"She called the plan “fatuous” and his comments “absurd.”", "called the ruling “perverse” and
“illegitimate.”": the speech verb gives the first quoted words to its speaker; the second,
joined to them by "and"/"or" in the parse, are said in the same breath, though the parse may
hang them under a noun ("comments") rather than under the verb, or the first may be read as a
term ("the ruling “perverse”"). A quotation with no cue of its own takes the cue and speaker of
a partial quote of the same sentence when the head words of the two are conjuncts: one reaches
the other going up the parse through a "conj" link and at most a few links of a noun phrase or
a predicate ("comments" → "fatuous"), never through a verb or a preposition, which would start
a phrase of its own ("the review by “independent experts”").
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.quote_context import Found, QuoteContext
from analysis.quote_frames import not_speech, quote_frame
from analysis.quote_spans import QuoteSpan

# Links inside a coordinated predicate or noun phrase: the conjunct itself, and the words that
# carry the quoted one on either side of the "and" ("his comments “absurd”")
_PHRASE_LINKS = frozenset({"conj", "amod", "appos", "oprd", "acomp", "attr"})
_STEPS = 3


def _head_words(span: QuoteSpan, ctx: QuoteContext) -> list[Token]:
    """The quoted words whose parse head lies outside the quotation."""
    inner = [t for t in ctx.tokens(span.start, span.end) if not t.is_punct and not t.is_space]
    ids = {t.i for t in inner}
    return [t for t in inner if t.head.i not in ids or t.head == t]


def _reaches(word: Token, target: Token) -> bool:
    """Whether going up the parse from `word` meets `target` through phrase links only, one of
    them a conjunct's, and no verb between."""
    token, conj = word, False
    for _ in range(_STEPS):
        if token.dep_ not in _PHRASE_LINKS or token.head == token:
            return False
        conj = conj or token.dep_ == "conj"
        token = token.head
        if token == target:
            return conj
        if token.pos_ in {"VERB", "AUX"}:
            return False
    return False


def _coordinated(first: list[Token], second: list[Token]) -> bool:
    """Whether head words of two quotations are conjuncts, either reaching the other."""
    return any(_reaches(a, b) or _reaches(b, a) for a in first for b in second)


def coordinated(span: QuoteSpan, found: list[Found], ctx: QuoteContext) -> Found | None:
    """The attribution of an unattributed quotation from a partial quote it is coordinated with
    in the same sentence, or None."""
    left, right = quote_frame(span, ctx)
    if right < left or not_speech(span, ctx):
        return None
    words = _head_words(span, ctx)
    if not words:
        return None
    for other in found:
        if other.kind != "partial" or quote_frame(other.span, ctx) != (left, right):
            continue
        if _coordinated(words, _head_words(other.span, ctx)):
            frame_end = ctx.doc[right].idx + len(ctx.doc[right].text)
            return Found(span, "partial", other.cue, frame_end)
    return None
