"""An interview lead: the writer or the outlet spoke with one person, whose words follow.

"The Gazette spoke to Maria Alvarez, who runs the bakery." / "“It has been a hard year.”": the
person talked to is the one quoted next, not the one who did the talking (a reader of an
interview takes the quoted paragraphs as the interviewee's answers). `interview_lead` finds
such a paragraph a few paragraphs before a quote-only paragraph, with nothing between but
narration that names no one else (`quote_run_kept`).
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.quote_context import Cue, QuoteContext
from analysis.quote_cues import is_cue
from analysis.quote_frames import is_term
from analysis.quote_run_kept import (
    MAX_NARRATION,
    not_an_answer,
    quote_only,
    repeated,
    someone_else,
)
from analysis.quote_spans import QuoteSpan
from analysis.speaker_words import Speaker, word_set
from analysis.types import EntityKind

# Verbs of a conversation whose object, or whose "to"/"with" phrase, is the one who answered;
# and nouns of one ("an interview with", "a conversation with").
_TALK_VERBS = word_set("speak talk chat interview meet sit catch")
_TALK_NOUNS = word_set("interview conversation chat")
_TALKED_TO = word_set("to with")
# The asker: the writer, the outlet, or no one named (a passive, "asked by the Gazette")
_WRITER = word_set("i we")
_THIRD_PERSON = word_set("he she they")


def interview_lead(span: QuoteSpan, ctx: QuoteContext) -> Cue | None:
    """ "We sat down with Omar Haddad, who farms near the dam." / "“The river rose fast.”": a
    paragraph that is only a quotation, after a paragraph where the writer or an outlet talks
    with one person (no other quotation nor speech verb there), and nothing between but
    narration naming no one else, is that person's."""
    if not quote_only(span, ctx) or repeated(span, ctx) or not_an_answer(span, ctx):
        return None  # words with it, a pull quote, or the interviewer's question
    for index in range(span.line - 1, max(span.line - 2 - MAX_NARRATION, -1), -1):
        line = ctx.lines[index]
        if any(s.line == index and not is_term(s, ctx) for s in ctx.spans):
            return None  # a quotation between: its own speaker or none
        person = _talked_to(line.start, line.end, ctx)
        if person is not None and person.key is not None:
            if someone_else(line.end, ctx.lines[span.line].start, person.key, ctx):
                return None
            return Cue("say", person)
    return None


def _talked_to(start: int, end: int, ctx: QuoteContext) -> Speaker | None:
    """The one person a paragraph says the writer or an outlet talked with, when nobody else
    speaks there."""
    chosen: Speaker | None = None
    for token in ctx.tokens(start, end):
        if token.i in ctx.quoted or ctx.excluded(token.idx):
            continue
        person = _answerer(token, ctx)
        if person is not None:
            if chosen is not None and chosen.key != person.key:
                return None
            chosen = person
        elif is_cue(token) and not _asking(token):
            return None  # someone speaks in the lead itself: "Reed said he met Alvarez"
    return chosen


def _asking(token: Token) -> bool:
    """A verb of the conversation itself ("spoke to", "asked"), no report of words."""
    return token.lemma_.lower() in _TALK_VERBS or token.lemma_.lower() == "ask"


def _answerer(token: Token, ctx: QuoteContext) -> Speaker | None:
    """The person a verb or noun of conversation has as its partner, when the one talking to
    them is the writer, an outlet or no one named."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in _TALK_VERBS | {"ask"}:
        if not _asker_ok(token, ctx):
            return None
        objects = [c for c in token.children if c.dep_ == "dobj" and lemma != "speak"]
        objects += _partners(token)
        objects += [p for c in token.children if c.dep_ == "prt" for p in _partners(c)]
    elif token.pos_ == "NOUN" and lemma in _TALK_NOUNS:
        verb = _clause_verb(token)
        if verb is not None and not _asker_ok(verb, ctx):
            return None  # "In an interview with the Gazette, Alvarez talked …": her words
        objects = _partners(token)
    else:
        return None
    people = [p for t in objects if (p := _person(t, ctx)) is not None]
    return people[0] if len(objects) == 1 and len(people) == 1 else None


def _clause_verb(token: Token) -> Token | None:
    """The verb of the clause a word stands in ("In an interview with X, Y talked": talked)."""
    while token.head is not token:
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            return token
    return None


def _partners(head: Token) -> list[Token]:
    """The objects of a "to"/"with" phrase on a word ("spoke to X", "an interview with X")."""
    return [
        obj
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in _TALKED_TO
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _asker_ok(verb: Token, ctx: QuoteContext) -> bool:
    """Whether the verb's subject is the writer, an outlet, a thing ("This is our conversation
    with …") or no one (a passive): not a person, whose talk with another would leave either
    one the speaker."""
    for subject in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}):
        if subject.dep_ == "nsubjpass" or subject.lower_ in _WRITER:
            continue
        mention = ctx.resolver.mention_at(subject.idx)
        if mention is not None and (mention.kind == EntityKind.ORG or _the_name(subject)):
            continue
        if mention is not None or subject.lower_ in _THIRD_PERSON:
            return False
        if ctx.resolver.resolve(subject) is not None:
            return False  # "Police spoke to a witness": either could be the one quoted
    return True


def _the_name(token: Token) -> bool:
    """One capitalised word after "the" ("The Herald", "the Gazette"): a paper's name, which
    the model may tag as a person's; a person's name takes no article."""
    words = [c for c in token.children if c.dep_ in {"det", "compound", "amod"}]
    return [c.lower_ for c in words] == ["the"] and token.pos_ == "PROPN"


def _person(token: Token, ctx: QuoteContext) -> Speaker | None:
    """The named person a token is, alone (no "and" joining another)."""
    if any(c.dep_ == "conj" for c in token.children):
        return None
    mention = ctx.resolver.mention_at(token.idx)
    if mention is None or mention.kind != EntityKind.PERSON:
        return None
    return Speaker(mention.name, mention.name, mention.key)
