"""A quotation signed by a name with no verb: “…,” Thomas Reed, chief of the agency.

Writers and press releases now and then drop the speech verb of a trailing attribution: the
quotation closes with a comma, and the speaker's name (with, often, the speaker's title set off
by a comma) ends the sentence where "said Thomas Reed" or "Thomas Reed said" would stand. The
comma inside the marks says the sentence goes on with its attribution, and a person's name with
nothing but its own description after it can only be that attribution. `verbless_name` reads it
off the parse: the name a PERSON entity straight after the closing mark, and every word after it
to the sentence's end inside the name's own phrase (an apposition and what hangs on it), so no
verb of the sentence takes the name as its subject or object ("“…,” Tom Reed, the mayor, told
the crowd" is read by the verb rules; "“…,” Tom Reed wrote" too). Only a person the article names
takes the quote, as `quote_lead_ins.inverted_trailer` asks for the verb-first form.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.quote_context import Cue, QuoteContext
from analysis.quote_spans import QuoteSpan
from analysis.types import EntityKind

_SENTENCE_ENDS = frozenset({".", "!", "?"})
_OPENING_MARKS = frozenset({"“", '"'})
_MAX_NAME = 4
_LEMMA = "sign"  # the cue lemma stored for a quotation whose attribution has no verb


def verbless_name(span: QuoteSpan, ctx: QuoteContext) -> Cue | None:
    """The named person signing a comma-closed quotation with no verb (module docstring)."""
    if span.run_on or ctx.text[span.start : span.close_at].rstrip()[-1:] != ",":
        return None
    after = [t for t in ctx.tokens(span.close_at + 1, ctx.lines[span.line].end) if not t.is_space]
    if not after or after[0].idx - span.close_at > 2:
        return None
    name = _person_name(after, ctx)
    if name is None:
        return None
    rest = _to_sentence_end(after[len(name) :])
    if rest is None or not _apposition(rest, name):
        return None
    speaker = ctx.resolver.resolve(name[-1])
    if speaker is None or speaker.key is None:
        return None
    people = (m for m in ctx.resolver.mentions if m.kind == EntityKind.PERSON)
    return Cue(_LEMMA, speaker) if any(m.key == speaker.key for m in people) else None


def _person_name(words: list[Token], ctx: QuoteContext) -> list[Token] | None:
    """The proper nouns of one PERSON entity opening `words` (at most `_MAX_NAME`), else None."""
    first = words[0]
    if first.ent_type_ != "PERSON" or first.ent_iob_ != "B" or first.i in ctx.quoted:
        return None
    name = [first]
    for token in words[1:]:
        if token.ent_iob_ != "I" or token.ent_type_ != "PERSON":
            break
        name.append(token)
    if len(name) > _MAX_NAME or any(t.pos_ != "PROPN" for t in name):
        return None
    return name


def _to_sentence_end(words: list[Token]) -> list[Token] | None:
    """The words after the name up to the sentence's full stop (or the paragraph's end, or a
    next quotation's opening mark), when the name ends there or a comma sets off what follows;
    None when anything else follows the name ("“…,” Tom Reed wrote")."""
    if not words:
        return []
    if words[0].text in _SENTENCE_ENDS:
        return []
    if words[0].text != ",":
        return None
    rest: list[Token] = []
    for token in words[1:]:
        if token.text in _SENTENCE_ENDS or token.text in _OPENING_MARKS:
            break
        rest.append(token)
    return rest or None


def _apposition(rest: list[Token], name: list[Token]) -> bool:
    """Whether the words after the name are its apposition and what hangs on it ("Thomas Reed,
    chief of the agency, a body that …"): every word under the name, and each word the name
    itself governs there an apposition or punctuation. A relative clause or a participle on the
    name ("Haley, who is calm on stage, barked back", "barked" parsed as a participle) tells
    more of the sentence than who spoke."""
    heads = {t.i for t in name}
    own = [t for t in rest if t.head.i in heads]
    if any(t.dep_ != "appos" and not t.is_punct for t in own):
        return False
    return all(_inside(token, name) for token in rest)


def _inside(token: Token, name: list[Token]) -> bool:
    """Whether `token` hangs, through its heads, on a word of the name: commas and punctuation
    aside, the apposition and its own clauses are the name's, a verb governing the name is not."""
    if token.is_punct:
        return True
    heads = {t.i for t in name}
    while token.head.i != token.i:
        token = token.head
        if token.i in heads:
            return True
    return False
