"""A quotation whose speaker the article leaves unnamed on purpose is still a quotation.

"“Everyone is grieving,” one of the boy's uncles said", "said one party operative in the
state", "said a veteran strategist", "One user wrote: “…”", "Another added: “…”": a whole quoted
sentence that a speech verb in its own sentence gives to an indefinite description ("a"/"an"/
"one"/"another" before a common noun, or "one"/"another" alone) is the words of someone the
article does not name, and never will: no rule can link such a subject to a named person or
organisation. The quote is stored with its speaker as written and no key: the article's content
holds it, and `/quotes NAME` lists it under no one (`quotes` module policy for "Richmond
police", "they").

A definite description ("the doctors said", "the great-grandfather said") refers to someone the
article may name elsewhere, a writing ("the book said") speaks only for an author the article
names (`speaker_words.AUTHORED`), and a partial quote under an unnamed subject is too often the
article's own term: none of them is taken here.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.quote_context import Cue, QuoteContext
from analysis.quote_cue_speakers import usable
from analysis.quote_cues import is_cue
from analysis.quote_spans import QuoteSpan
from analysis.speaker_words import WRITINGS, Speaker, np_text

# Pronoun-like heads of a person left unnamed: "one of the keepers", "another"; and the
# determiners of an indefinite description ("a strategist", "one operative", "another user")
_SOMEONE = frozenset({"one", "another"})
_INDEFINITE = frozenset({"a", "an", "one", "another"})


def _distance(token: Token, span: QuoteSpan) -> int:
    """Characters between a token and the nearer quotation mark."""
    return min(abs(token.idx - span.open_at), abs(token.idx - span.close_at))


def _indefinite(subject: Token) -> bool:
    """ "one", "another", or a common noun (not a writing) after "a", "an", "one", "another"."""
    if subject.lower_ in _SOMEONE:
        return True
    if subject.pos_ != "NOUN" or subject.lemma_.lower() in WRITINGS:
        return False
    return any(c.dep_ in {"det", "nummod"} and c.lower_ in _INDEFINITE for c in subject.children)


def _possible(subject: Token, ctx: QuoteContext, bounds: tuple[int, int]) -> bool:
    """A subject that may be a speaker: a noun or pronoun, or "one" (a numeral to the parser)."""
    if subject.lower_ in _SOMEONE:
        return bounds[0] <= subject.i <= bounds[1] and subject.i not in ctx.quoted
    return usable(subject, ctx, bounds)


def unnamed_cue(
    span: QuoteSpan, words: list[Token], ctx: QuoteContext, bounds: tuple[int, int]
) -> Cue | None:
    """The nearest speech verb outside the quotation in its sentence with a subject, when that
    subject is an indefinite description no rule resolves, as an unnamed speaker; else None."""
    for verb in sorted((t for t in words if is_cue(t)), key=lambda t: _distance(t, span)):
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and _possible(c, ctx, bounds)]
        if not subjects:
            continue
        subject = subjects[0]
        if not _indefinite(subject):
            return None  # a name, a pronoun, a definite description: left to the rules before
        if ctx.resolver.resolve(subject) is not None:
            return None  # a speaker the rules before this one turned down
        written = np_text(subject)
        if subject.lower_ in _SOMEONE:  # "one of the boy's uncles": with whom it is one of
            written = ctx.doc[subject.left_edge.i : subject.right_edge.i + 1].text
        return Cue(verb.lemma_.lower(), Speaker(written, None, None))
    return None
