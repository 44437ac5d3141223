"""Attributions in a quote's own sentence that no governing speech verb gives.

The nearest speech verb, "according to X", a colon after a verb ("Kelly blasted: “…”"), a name
before a colon, "Stated Stone:", a parenthetical "he said", and the speaker of one quoted word.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.pronouns import SUBJECT_DEPS
from analysis.quote_context import Cue, QuoteContext
from analysis.quote_cue_speakers import speaker_for, usable
from analysis.quote_cues import is_cue
from analysis.quote_inverted import INVERTING_VERBS, inverted_label
from analysis.quote_labels import labels_as, under_as
from analysis.quote_partial_words import (
    misparsed_predicate,
    named_cue,
    reported_word_cue,
    shared_subject,
)
from analysis.quote_spans import QuoteSpan
from analysis.quote_subjects import name_before_colon
from analysis.quote_verbs import manner_verb
from analysis.speaker_words import Speaker
from analysis.types import EntityKind


def _distance(token: Token, span: QuoteSpan) -> int:
    """Characters between a token and the nearer quotation mark."""
    return min(abs(token.idx - span.open_at), abs(token.idx - span.close_at))


def nearest_cue(
    span: QuoteSpan, words: list[Token], ctx: QuoteContext, bounds: tuple[int, int]
) -> Cue | None:
    """The closest speech verb in the sentence whose subject can speak, else "according to X".
    A verb of manner ("“…?” Beck questioned", `quote_verbs.manner_verb`) counts for a named
    speaker only, as when it governs the quote."""
    verbs = (t for t in words if is_cue(t) or manner_verb(t))
    for cue in sorted(verbs, key=lambda t: _distance(t, span)):
        speaker = speaker_for(cue, ctx, bounds)
        if speaker is not None and (is_cue(cue) or speaker.key is not None):
            return Cue(cue.lemma_.lower(), speaker)
    for token in words:
        if token.lower_ == "according" and token.i + 1 < len(ctx.doc):
            children = ctx.doc[token.i + 1].children
            objects = [c for c in children if c.dep_ == "pobj" and usable(c, ctx, bounds)]
            speaker = ctx.resolver.resolve(objects[0]) if objects else None
            if speaker is not None:
                return Cue("according to", speaker)
    return None


def colon_cue(span: QuoteSpan, ctx: QuoteContext, bounds: tuple[int, int]) -> Cue | None:
    """ "Kelly also blasted: “You were …”", "She fumed on the podcast: “…": a quoted sentence
    after a colon is the words of the subject of the verb the colon ends, whatever that verb,
    when the subject is a named person or organisation (or a he/she standing for one)."""
    marks = ctx.tokens(span.open_at, span.open_at + 1)
    if not len(marks) or marks[0].i <= bounds[0]:
        return None
    colon = ctx.doc[marks[0].i - 1]
    while colon.is_space and colon.i > bounds[0]:  # "Kasich resisted:  “…”": two spaces typed
        colon = ctx.doc[colon.i - 1]
    opening = ctx.text[span.start : span.end][:1]
    if colon.text != ":" or colon.i in ctx.quoted or not opening.isupper():
        return None
    before = range(bounds[0], colon.i)
    tops = [t for t in ctx.doc[bounds[0] : colon.i] if t.head.i not in before or t.head == t]
    for verb in reversed(tops):  # the parser often hangs the lead-in clause on the quote's verb
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and child.i in before and usable(child, ctx, bounds):
                speaker = ctx.resolver.resolve(child)
                if speaker is not None and speaker.key is not None:
                    return Cue(verb.lemma_.lower(), speaker)
    return None


def labelled(span: QuoteSpan, ctx: QuoteContext) -> Cue | None:
    """ "Clinton: “Our goal is …”": a named speaker alone before the colon (`name_before_colon`);
    not in the first line, a headline ("John Bolton: ‘…!’") whose words the story repeats."""
    marks = ctx.tokens(span.open_at, span.open_at + 1)
    if span.line == 0:
        return None
    name = name_before_colon(marks[0], ctx.quoted) if len(marks) else None
    if name is None:
        return None
    speaker = ctx.resolver.resolve(name[-1])
    if speaker is None or speaker.key is None:
        return None
    return Cue("say", Speaker(name.text, speaker.name, speaker.key))


def inverted(tokens: list[Token], ctx: QuoteContext) -> Cue | None:
    """ "Continued Stone: “…”", "Stated Stone:": a paragraph opening with a speech verb and a
    name before a colon (`quote_inverted`); the person the article names with that surname."""
    name = inverted_label(tokens)
    person = ctx.resolver.person_by_surname(name, INVERTING_VERBS) if name is not None else None
    return Cue("say", person) if person is not None else None


def parenthetical(span: QuoteSpan, ctx: QuoteContext, bounds: tuple[int, int]) -> Cue | None:
    """ "Biden, he said, also was the first president “to stand …”": a speech verb set off in
    the middle of its sentence (parsed as parataxis) attributes the whole sentence, so the
    partial quotes in it too."""
    for token in ctx.doc[bounds[0] : bounds[1] + 1]:
        if token.dep_ != "parataxis" or token.i in ctx.quoted or not is_cue(token):
            continue
        speaker = speaker_for(token, ctx, bounds)
        if speaker is not None:
            return Cue(token.lemma_.lower(), speaker)
    return None


def according_to(span: QuoteSpan, ctx: QuoteContext, bounds: tuple[int, int]) -> Cue | None:
    """ "Rules ... are “hidden in plain sight”, according to Nicola Rollock": "according to" a
    named speaker on the clause that holds the partial quote, or on a clause above it, gives it
    to them."""
    inner = [t for t in ctx.tokens(span.start, span.end) if not t.is_punct]
    if not inner:
        return None
    clause = inner[0]
    while clause.head != clause and clause.pos_ not in {"VERB", "AUX"}:
        clause = clause.head
    above = {clause.i, *(t.i for t in clause.ancestors)}
    for token in ctx.doc[bounds[0] : bounds[1] + 1]:
        if token.lower_ != "according" or token.i in ctx.quoted or token.head.i not in above:
            continue
        objects = [c for t in token.subtree for c in t.children if c.dep_ == "pobj"]
        speaker = _source(objects[0], ctx) if objects else None
        if speaker is not None and speaker.key is not None:
            return Cue("according to", speaker)
    return None


def _source(obj: Token, ctx: QuoteContext) -> Speaker | None:
    """Who "according to" names: its object ("according to Nicola Rollock"), or, when that is
    no one ("according to Blinken’s explanations", "according to Kerr's remarks"), its
    possessor; a person noun keeps its own reading ("according to Smith's lawyer")."""
    speaker = ctx.resolver.resolve(obj)
    if speaker is not None or obj.pos_ != "NOUN":
        return speaker
    owners = [c for c in obj.children if c.dep_ == "poss"]
    return ctx.resolver.resolve(owners[0]) if owners else None


_WORD_STEPS = 2
# what a speech verb's clause says of something: "called X “scum”", "has lacked “empathy” and
# “humanity”", "would be “impossible”" (an object predicate, an object, a complement, a conjunct)
_WORD_ROLES = frozenset({"oprd", "xcomp", "dobj", "acomp", "attr", "ccomp", "conj", "appos"})


def word_cue(span: QuoteSpan, ctx: QuoteContext, bounds: tuple[int, int]) -> Cue | None:
    """One quoted word is a named speaker's when a speech verb right above it in the parse
    gives it to them: "Haley called Ramaswamy “scum”", "called passage of the law “perverse”",
    "Sarwar said Starmer has lacked “empathy”", "said it would be “impossible”", or reports
    the clause it is in ("said that joining was an “option”"; `quote_partial_words`). Farther
    up, or with no named speaker, it stays a term ("students in “bubbles”")."""
    words = [t for t in ctx.tokens(span.start, span.end) if not t.is_punct]
    if len(words) > 1:
        words = [t for t in words if t.head not in words]  # "hard-liner": its head word
    if len(words) != 1:
        return None
    head = words[0]
    misparsed = misparsed_predicate(head, ctx, bounds)
    if misparsed is not None:
        return _active_speaker(misparsed, ctx, bounds)
    if head.dep_ not in _WORD_ROLES and not under_as(head):
        return None  # "students in “bubbles”": a term; "derided X as “scum”": X is called so
    determined = any(c.dep_ == "det" for c in head.children)
    if not determined:
        for _ in range(_WORD_STEPS):
            below, head = head, head.head
            through = below.dep_ == "conj" and head.i in ctx.quoted  # "“perverse” and “unfair”"
            if (head.i in ctx.quoted and not through) or not bounds[0] <= head.i <= bounds[1]:
                break
            if is_cue(head) or labels_as(head, below, words[0]):
                return _active_speaker(head, ctx, bounds)
    if determined and not _ends_sentence(span, ctx, bounds):
        return None  # "said the situation was a “crisis” for students": a term
    return reported_word_cue(words[0], ctx, bounds, lambda cue: _active_speaker(cue, ctx, bounds))


def _ends_sentence(span: QuoteSpan, ctx: QuoteContext, bounds: tuple[int, int]) -> bool:
    """Whether only punctuation follows the quoted word in its sentence: "Ishiba said joining
    was an “option.”" ends on the speaker's word, the point of what he said."""
    inner = ctx.tokens(span.start, span.end)
    if not len(inner):
        return False
    return all(t.is_punct or t.is_space for t in ctx.doc[inner[-1].i + 1 : bounds[1] + 1])


def _active_speaker(cue: Token, ctx: QuoteContext, bounds: tuple[int, int]) -> Cue | None:
    """The cue with its own active subject, or the subject it shares with the verb before it
    ("X criticized … and called …", `quote_partial_words.shared_subject`), when that subject
    is a named speaker: not "He's been called “annoying”" (passive) nor a subject borrowed
    from a speech verb above ("cautioned to call it a “crisis”")."""
    for child in cue.children:
        if child.dep_ == "nsubj" and (found := named_cue(cue, child, ctx, bounds)) is not None:
            return found
    return named_cue(cue, shared_subject(cue), ctx, bounds)


_TRAILER_CLOSED = frozenset({",", "!", "?"})
_TRAILER_TENSES = frozenset({"VBD", "VBZ"})
_TRAILER_NAME_WORDS = 4  # "Mr. Gary Scott", "Dr. Anna Maria Novak"


def inverted_trailer(span: QuoteSpan, ctx: QuoteContext) -> Cue | None:
    """ "“…,” shared Mr. Scott.": a quotation closed by a comma, then a verb in the past or
    present (whichever: in that slot it is the attribution, as `quote_trailers` takes one
    before its subject) and a name ending the sentence or set off by a comma ("shared Gary
    Scott, the director"). The parser reads such a verb many ways (a conjunct of the quote's
    verb, a name as its object), so the words are read in order; only a person the article
    names takes the quote."""
    if span.run_on or ctx.text[span.start : span.close_at].rstrip()[-1:] not in _TRAILER_CLOSED:
        return None
    after = [t for t in ctx.tokens(span.close_at + 1, ctx.lines[span.line].end) if not t.is_space]
    if len(after) < 2 or after[0].idx - span.close_at > 2:
        return None
    verb, name = after[0], _trailer_name(after[1:], ctx)
    if verb.tag_ not in _TRAILER_TENSES or not verb.text.isalpha() or not verb.text.islower():
        return None
    speaker = ctx.resolver.resolve(name) if name is not None else None
    if speaker is None or speaker.key is None:
        return None
    people = (m for m in ctx.resolver.mentions if m.kind == EntityKind.PERSON)
    return Cue(verb.lemma_.lower(), speaker) if any(m.key == speaker.key for m in people) else None


def _trailer_name(words: list[Token], ctx: QuoteContext) -> Token | None:
    """The last word of the proper nouns opening `words` ("Mr. Scott"), when at most
    `_TRAILER_NAME_WORDS` of them end the sentence or come before a comma; else None."""
    name: list[Token] = []
    for token in words:
        if token.tag_ != "NNP" or token.i in ctx.quoted:
            break
        name.append(token)
    end = words[len(name)] if len(words) > len(name) else None
    if not name or len(name) > _TRAILER_NAME_WORDS:
        return None
    if end is not None and end.text not in {".", ","}:
        return None
    return name[-1]
