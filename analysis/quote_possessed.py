"""A quoted sentence introduced by what someone said, with no speech verb: the possessor speaks.

- "Barrett's dictum to his interns was, “It's not a good story if …”", "Clinton's response
  was: “Is …?”": a noun of saying (`SAID_NOUNS`) that someone possesses, the subject of a
  "be" or "read" right before the quotation;
- "From Bush's Facebook post: “For the sake of …”": such a noun right before the comma or
  colon that opens the quotation.

Only a possessor the resolver links to an entity the article names speaks; a place
("Denmark's answer was:"), a "his" or "their", or a noun that is not words ("Marsh's favourite
show is:") gives no one. A partial quote ("Putin's pledge to “…”", a verb reporting it) is
not taken here: `quote_cue_speakers.governing_cues` keeps those out; nor a slogan, which
`quote_frames.not_speech` drops first.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.quote_context import Cue, QuoteContext
from analysis.quote_cue_speakers import SPEECH_NOUNS, usable
from analysis.quote_spans import QuoteSpan
from analysis.speaker_words import ANNOUNCEMENTS, word_set

SAID_NOUNS = (
    SPEECH_NOUNS
    | ANNOUNCEMENTS
    | word_set("dictum response reply answer retort motto mantra refrain post tweet quip advice")
)
_OPENING_PUNCT = frozenset({",", ":"})
_LINKING = frozenset({"be", "read"})  # "X's response was:", "X's post reads"


def _before_mark(span: QuoteSpan, ctx: QuoteContext, left: int) -> tuple[Token, bool] | None:
    """The word before the opening mark in the quote's sentence, and whether a comma or colon
    stands between them."""
    marks = ctx.tokens(span.open_at, span.open_at + 1)
    if not len(marks):
        return None
    i, punct = marks[0].i - 1, False
    while i >= left and (ctx.doc[i].is_space or ctx.doc[i].text in _OPENING_PUNCT):
        punct = punct or ctx.doc[i].text in _OPENING_PUNCT
        i -= 1
    if i < left or i in ctx.quoted:
        return None
    return ctx.doc[i], punct


def _said_noun(word: Token, punct: bool) -> Token | None:
    """The noun of saying that introduces the quotation: the subject of a linking verb right
    before it, else the noun itself right before a comma or colon."""
    if word.lemma_.lower() in _LINKING and word.pos_ in {"AUX", "VERB"}:
        subjects = [c for c in word.children if c.dep_ == "nsubj"]
        noun = subjects[0] if subjects else None
    else:
        noun = word if punct else None
    if noun is None or noun.lemma_.lower() not in SAID_NOUNS:
        return None
    return noun


def _possessor(noun: Token) -> Token | None:
    """Whose the noun is: its possessor ("Bush's post")."""
    return next((c for c in noun.children if c.dep_ == "poss"), None)


def possessed_cue(span: QuoteSpan, ctx: QuoteContext, bounds: tuple[int, int]) -> Cue | None:
    """The possessor of the noun of saying that introduces a quoted sentence (module
    docstring), when they are someone the article names."""
    before = _before_mark(span, ctx, bounds[0])
    noun = _said_noun(*before) if before is not None else None
    owner = _possessor(noun) if noun is not None else None
    if owner is None or not usable(owner, ctx, bounds):
        return None
    speaker = ctx.resolver.resolve(owner)
    if speaker is None or speaker.key is None:
        return None
    return Cue("say", speaker)
