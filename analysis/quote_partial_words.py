"""Who one quoted word belongs to when its speech verb has no subject of its own, or sits a
clause above it (`quote_lead_ins.word_cue` takes the word only right under a verb with its own
named subject).

- a verb in coordination, a trailing participle or an open clause under a verb that is not a
  speech verb shares its subject: "Wilson criticized the law and called its passage
  “perverse”", "Munir repeated his concerns, stating that …", "The Fed continued to describe
  that pace as “gradual”";
- a word inside the clause a speech verb reports is the speaker's: "He warned that social media
  was being used to spread “anarchy”" (the clause is the verb's complement, "that" or none);
  a second word coordinated with the first is climbed through ("Sarwar said Starmer lacked
  “empathy” and “humanity”"), and a hyphenated word is its head word ("“short-sighted”"); a
  word with an article only when it ends the sentence ("was an “option.”", not "was a
  “crisis” for students": `quote_lead_ins.word_cue`);
- an adjective parsed as the object of a preposition at the end of a speech verb's object is
  what the verb calls that object ("called passage of that law “perverse”").

A scare-quoted term keeps failing them: no speech verb above it, a speech verb whose subject is
no named speaker ("officials", a passive "is called"), or a word farther down than the
reported clause's own verbs (`_CLAUSE_STEPS`).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from analysis.quote_context import Cue, QuoteContext
from analysis.quote_cue_speakers import usable
from analysis.quote_cues import is_cue
from analysis.quote_labels import under_as

_PASSIVE = frozenset({"nsubjpass", "auxpass"})
_VERBS = frozenset({"VERB", "AUX"})


def shared_subject(cue: Token) -> Token | None:
    """The subject a subjectless active speech verb shares: a conjunct's first verb's ("X
    criticized … and called …"), or the verb a trailing participle follows ("X repeated …,
    stating that …"), or the verb an open clause completes ("continued to describe …"). Not
    under a speech verb or an object ("cautioned to call it a “crisis”", "urged the council
    to call …": the one told to call it so is someone else) nor a passive's ("was called")."""
    if any(c.dep_ in _PASSIVE or c.dep_ == "nsubj" for c in cue.children):
        return None
    head = cue.head
    if head == cue or head.pos_ not in _VERBS:
        return None
    conjunct = cue.dep_ == "conj"
    # "The bank continued to describe …": the one who continues describes
    completes = cue.dep_ == "xcomp" and not is_cue(head) and not _object_before(head, cue)
    trailing = cue.dep_ == "advcl" and cue.tag_ == "VBG" and cue.i > head.i
    if not (conjunct or completes or trailing):
        return None
    if any(c.dep_ in _PASSIVE for c in head.children):
        return None
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    if subjects:
        return subjects[0]
    return shared_subject(head) if head.dep_ == "conj" else None


def _object_before(head: Token, verb: Token) -> bool:
    """ "urged the council to call …": an object before the open clause is who does it."""
    return any(c.dep_ in {"dobj", "dative", "iobj"} and c.i < verb.i for c in head.children)


_CLAUSE_STEPS = 4
# the edges a quoted word climbs to the verb of the clause a speech verb reports: its role in
# that clause, then the clause's own verbs ("was being exploited to propagate “anarchy”")
_CLAUSE_DEPS = frozenset({"dobj", "attr", "acomp", "oprd", "xcomp", "advcl", "conj"})


def reported_word_cue(
    word: Token,
    ctx: QuoteContext,
    bounds: tuple[int, int],
    speaker_of: Callable[[Token], Cue | None],
) -> Cue | None:
    """One quoted word inside the clause a speech verb reports (its complement) is the words of
    that verb's named speaker: "Ishiba said that joining was an “option”", "He warned that
    social media was exploited to spread “anarchy”". `speaker_of(cue)` gives the cue's named
    speaker or None."""
    if not word.text[:1].islower():
        return None  # "had watched “Parasite”": a capitalised word is a name or a title
    head = word
    if under_as(word):
        head = word.head.head  # "X is seen as a “hard-liner”": from the verb "as" hangs on
    for _ in range(_CLAUSE_STEPS):
        if head.dep_ == "ccomp" and is_cue(head.head):
            cue = head.head
            if cue.i in ctx.quoted or not bounds[0] <= cue.i <= bounds[1]:
                return None
            return speaker_of(cue)
        if head.dep_ not in _CLAUSE_DEPS or head.head == head:
            return None
        head = head.head  # quoted itself in "“empathy” and “humanity”": climbed through
        if not bounds[0] <= head.i <= bounds[1]:
            return None
    return None


_OBJECT_STEPS = 7
_PARTICIPLES = frozenset({"VBG", "VBN"})


def misparsed_predicate(word: Token, ctx: QuoteContext, bounds: tuple[int, int]) -> Token | None:
    """ "called passage of that law “perverse”": an adjective the parser made the object of a
    preposition (which no adjective is) at the end of a speech verb's object is what the verb
    calls that object (its object predicate); the verb, or None. So is an adjective the parser
    hung after a noun before it (English puts its adjectives first) at the end of a phrase
    after the verb's object ("called his claims in the face of the facts “absurd”"), or made
    the object predicate of a participle modifying that object ("called her comments
    suggesting a parallel “absurd”": no participle takes one)."""
    if word.pos_ != "ADJ" or not word.text[:1].islower():
        return None
    misplaced = word.dep_ == "amod" and word.head.i < word.i  # English puts adjectives first
    if not (misplaced or word.dep_ == "pobj" or _participle_complement(word)):
        return None
    head = word.head if misplaced else word
    for _ in range(_OBJECT_STEPS):
        verb = head.head
        after_object = head.dep_ == "prep" and _object_before(verb, head)
        modifier = verb.dep_ == "acl" and verb.tag_ in _PARTICIPLES  # climbed through
        if (head.dep_ == "dobj" or after_object) and is_cue(verb) and not modifier:
            last = [t for t in head.subtree if not t.is_punct and t.dep_ not in {"cc", "conj"}][-1]
            inside = bounds[0] <= verb.i <= bounds[1] and verb.i not in ctx.quoted
            return verb if last == word and inside else None
        if _participle_complement(head):
            head = verb.head  # through the participle to the noun it modifies
        elif head.dep_ in {"pobj", "prep"} or (head.dep_ == "acl" and head.tag_ in _PARTICIPLES):
            head = verb  # up a phrase after the object, or from a participle to its noun
        else:
            return None
    return None


def _participle_complement(token: Token) -> bool:
    """The object or object predicate of a participle that modifies a noun ("comments
    suggesting a parallel", "the man wearing a hat")."""
    verb = token.head
    return token.dep_ in {"dobj", "oprd"} and verb.dep_ == "acl" and verb.tag_ in _PARTICIPLES


def named_cue(
    cue: Token, subject: Token | None, ctx: QuoteContext, bounds: tuple[int, int]
) -> Cue | None:
    """The cue under its subject's name when that subject is a named speaker."""
    if subject is None or not usable(subject, ctx, bounds):
        return None
    speaker = ctx.resolver.resolve(subject)
    if speaker is None or speaker.key is None:
        return None
    return Cue(cue.lemma_.lower(), speaker)
