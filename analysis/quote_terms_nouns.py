"""A quoted noun phrase the article uses as its own name for a thing, not someone's words:
"Google claims “zero net carbon emissions” … to reach net zero carbon", "what it calls “digital
terrorism” … The characterisation of digital terrorism".

Two to four words that are one bare noun phrase (a noun with only adjectives, nouns or numbers
before it: no article, pronoun, verb or preposition inside the marks) are a term when the
article writes the same words again without quotation marks: a speaker's phrase is quoted each
time it is theirs, while a term is set off once and then used plainly, whatever speech verb
stands near its quoted use. A speaker's own phrase is written once ("harboured a “personal
grudge”") or repeated inside quotations, and a piece of a speaker's sentence keeps its small
words ("“the clear underdogs”", "“failed to listen”"): both stay quotes.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.quote_context import QuoteContext
from analysis.quote_spans import QuoteSpan

_MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "nummod"})
_MOST_WORDS = 4


def noun_term(span: QuoteSpan, ctx: QuoteContext) -> bool:
    """Whether the quoted words are a bare noun phrase the article also writes without marks."""
    words = _bare_noun_phrase(span, ctx)
    return words is not None and _written_plainly(words, ctx)


def _bare_noun_phrase(span: QuoteSpan, ctx: QuoteContext) -> list[Token] | None:
    """The quoted words when they are two to four words of one bare noun phrase, else None."""
    words = [t for t in ctx.tokens(span.start, span.end) if not (t.is_punct or t.is_space)]
    if not 2 <= len(words) <= _MOST_WORDS:
        return None
    roots = [t for t in words if t.head not in words or t.head == t]
    if len(roots) != 1 or roots[0].pos_ != "NOUN":
        return None
    modifiers = [t for t in words if t != roots[0]]
    if not all(t.pos_ in _MODIFIER_POS and t.dep_ in _MODIFIER_DEPS for t in modifiers):
        return None
    return words


def _written_plainly(words: list[Token], ctx: QuoteContext) -> bool:
    """Whether the article writes the same words (in any case) elsewhere outside quotations."""
    phrase = [t.lower_ for t in words]
    doc, n = ctx.doc, len(phrase)
    for first in range(len(doc) - n + 1):
        if first == words[0].i or doc[first].lower_ != phrase[0]:
            continue
        run = doc[first : first + n]
        if [t.lower_ for t in run] == phrase and not any(t.i in ctx.quoted for t in run):
            return True
    return False
