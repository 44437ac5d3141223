"""From a speech verb to its speaker: the verbs above a quote, their subjects, and who they are.

A subject the parser lost, shared or set off is still found (`quote_subjects`); a role
description no resolver rule linked is the one person the text just before is about.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.pronouns import ASKS, PERSONAL, REPLIES, SUBJECT_DEPS
from analysis.quote_context import QuoteContext
from analysis.quote_cues import is_cue
from analysis.quote_described import lead_in_before, sentence_before
from analysis.quote_labels import labels_as
from analysis.quote_spans import QuoteSpan
from analysis.quote_subjects import (
    as_object,
    controlled_object,
    gerund_subject,
    in_main_clause,
    name_before_role,
    set_off_subject,
    shared_clause,
    shown_speaking,
)
from analysis.quote_trailers import trailing_verb
from analysis.quote_verbs import manner_verb, reports_that
from analysis.speaker_descriptions import description_kind
from analysis.speaker_names import glued_name, person_shaped
from analysis.speaker_words import NP_LEFT_DEPS, RELATIVES, Speaker, np_text, word_set
from analysis.types import EntityKind

# Possessed nouns that make the quoted words the possessor's ("Putin's pledge to "…"").
SPEECH_NOUNS = word_set(
    """word words remark remarks statement statements pledge promise claim comment comments speech
    description assertion phrase call vow message warning slogan term expression"""
)


def governing_cues(span: QuoteSpan, ctx: QuoteContext, bounds: tuple[int, int]) -> list[Token]:
    """The speech verbs above the quoted words in the parse, nearest first; none if a possessor
    blocks them. A nearer one may have no speaker ("that calls for a pause were “not good
    enough”", "calls" parsed as a verb), so the caller tries each in turn."""
    inner = [t for t in ctx.tokens(span.start, span.end) if not t.is_punct]
    if not inner:
        return []
    roots = [t for t in inner if t.head.i < inner[0].i or t.head.i > inner[-1].i or t.head == t]
    found: list[Token] = []
    others: list[Token] = []  # "“…,” X charged.", "derided X as “…”": after the list's verbs
    for root in roots:
        head, steps = root, 0
        while head.head != head and steps < 25:
            below, head, steps = head, head.head, steps + 1
            if head.i in ctx.quoted or not bounds[0] <= head.i <= bounds[1]:
                continue
            if _replied_to(head, below):
                continue  # "helping allies respond to “any crisis”": what is met, not said
            if head.lemma_.lower() in SPEECH_NOUNS and any(c.dep_ == "poss" for c in head.children):
                return found + others
            if is_cue(head) and head not in found:
                found.append(head)
            elif (
                trailing_verb(head, span, ctx.text)
                or labels_as(head, below, root)
                or manner_verb(head)
                or reports_that(head, below)
            ):
                others.append(head)
    return found + [t for t in others if t not in found]


def _replied_to(verb: Token, below: Token) -> bool:
    """ "the drills help allies respond to “any crisis or contingencies”", "she replied to
    “grossly unfair” reports": words under the "to" of a reply verb are what it meets or
    answers, not what its subject says; a speech verb above may own them ("Glenn said the
    drills help allies respond to “…”")."""
    return verb.lemma_.lower() in REPLIES and below.dep_ == "prep" and below.lower_ == "to"


ADDRESSEE_DEPS = frozenset({"dative", "iobj"})


def _named_first(children: list[Token]) -> list[Token]:
    """Subjects inside a PERSON/ORG name first: "study co-author Dr Milica Vasiljevic" is parsed
    with three subjects, and the name is the speaker. A relative word last: in "its aims, which
    he said include …" the parser hangs "which" (the subject of "include") on "said" beside
    "he", and the one saying is "he"."""
    return sorted(
        children,
        key=lambda t: (t.ent_type_ not in {"PERSON", "ORG"}, t.lower_ in RELATIVES),
    )


def _subject(cue: Token, ctx: QuoteContext, bounds: tuple[int, int]) -> Token | None:
    """The speaker of a speech verb: its subject, a shared subject, or the name beside it."""
    own = _own_or_shared_subject(cue, ctx, bounds)
    if own is not None:
        return own
    lost = set_off_subject(cue, bounds[0], ctx.quoted)  # "“…,” Ramos, 58, told AFP"
    lost = lost or gerund_subject(cue, bounds[0], ctx.quoted)  # "X shared it, writing “…”"
    lost = lost or as_object(cue)  # "As X, …, put it," with X parsed the object of "as"
    if lost is not None and usable(lost, ctx, bounds):
        return lost
    if cue.i > bounds[0] and usable(ctx.doc[cue.i - 1], ctx, bounds):
        return ctx.doc[cue.i - 1]  # "Vladimir Putin says" parsed without a subject
    token = ctx.doc[min(cue.i + 1, len(ctx.doc) - 1)]
    while token.dep_ in NP_LEFT_DEPS and token.head.i > token.i:
        token = token.head
    if token.dep_ in ADDRESSEE_DEPS or cue.lemma_.lower() == "tell":
        return None  # "told AFP": the person spoken to is not the speaker
    if token.pos_ == "PRON" and token.dep_ == "dobj":
        return None  # "put it", "said it": what is said, not who says it
    return token if token.i > cue.i and usable(token, ctx, bounds) else None  # "said Reuters"


def _own_or_shared_subject(cue: Token, ctx: QuoteContext, bounds: tuple[int, int]) -> Token | None:
    """The person shown speaking ("footage of Hillary Clinton asking, “…”"), the verb's own
    subject, or the subject of the verb whose subject it shares."""
    shown = shown_speaking(cue, ctx.quoted)
    if shown is not None and usable(shown, ctx, bounds):
        return shown
    verb = cue
    for _ in range(3):
        for child in _named_first(list(verb.children)):
            name = _stray_stop_name(child) if child.dep_ in SUBJECT_DEPS else None
            if name is not None and usable(name, ctx, bounds):
                return name  # "“…,” Hale. said"
            if child.dep_ in SUBJECT_DEPS and usable(child, ctx, bounds):
                return name_before_role(child, bounds[0], ctx.quoted) or child
        told = controlled_object(verb)  # "That prompted Smith to say, '…'"
        if told is not None and usable(told, ctx, bounds) and _can_speak(told, ctx):
            return told
        above = shared_clause(verb)  # "…, telling Reuters, '…'", "before saying, '…'"
        if above is None:
            break
        verb = _reporter(verb, above) or above
    return None


def _stray_stop_name(subject: Token) -> Token | None:
    """ "“…,” Hale. said": a full stop typed inside the attribution, which the parser made the
    verb's subject, stands for the proper name it glued to (`speaker_names.glued_name`)."""
    name = glued_name(subject) if subject.text == "." else None
    return name if name is not None and name.pos_ == "PROPN" else None


def _reporter(verb: Token, above: Token) -> Token | None:
    """ "Lammy said the couple had accepted the gifts, adding that the US had a “huge
    budget”": a trailing participle of speech with no subject of its own, which the parser hung
    on the verb of a clause another speech verb reports, adds to that report: it shares the
    reporting verb's subject, not the reported clause's."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i < above.i:
        return None
    if above.dep_ != "ccomp" or not is_cue(above.head) or above.head.i > above.i:
        return None
    return above.head


def _can_speak(token: Token, ctx: QuoteContext) -> bool:
    """A name, "him"/"her", or a noun the article ties to someone ("led the mayor to
    declare"); not a thing ("took the stage to say": the subject speaks)."""
    if token.pos_ == "PROPN" or token.ent_type_ in {"PERSON", "ORG"}:
        return True
    if token.pos_ == "PRON":
        return token.lower_ in {"him", "her", "them"}
    speaker = ctx.resolver.resolve(token)
    return speaker is not None and speaker.key is not None


def usable(token: Token, ctx: QuoteContext, bounds: tuple[int, int]) -> bool:
    """A possible speaker token: a noun or pronoun in the quote's sentence, not quoted."""
    in_frame = bounds[0] <= token.i <= bounds[1] and token.i not in ctx.quoted
    when = token.ent_type_ in {"DATE", "TIME"}  # "said Sunday": a time, not a speaker
    named = token.ent_type_ in {"PERSON", "ORG"}  # "said Steven Still": "Still" parsed ADV
    aged = token.lower_ == "old" and token.dep_ in {"nsubj", "nsubjpass"}  # "the 61-year-old"
    nominal = token.pos_ in {"PROPN", "NOUN", "PRON"}
    return in_frame and (aged or (not when and (named or nominal)))  # an age is tagged DATE


def speaker_for(cue: Token, ctx: QuoteContext, bounds: tuple[int, int]) -> Speaker | None:
    """The resolved speaker of a speech verb, if it can speak; a role description no rule
    linked ("the Conservative MP said") is the one person the text just before is about."""
    subject = _subject(cue, ctx, bounds)
    if subject is not None and _asked(cue, subject) and _quoted_question(ctx, bounds):
        return _asker(cue, ctx)
    speaker = ctx.resolver.resolve(subject) if subject is not None else None
    if subject is None or (speaker is not None and speaker.key is not None):
        return speaker
    person = _described(subject, ctx, bounds[0])
    if person is None:
        return speaker
    return Speaker(np_text(subject), person.name, person.key)


def _asked(cue: Token, subject: Token) -> bool:
    """ "Ishiba was asked, “Do you feel any guilt?”", "When he was asked, “…?”": the subject of
    a passive "ask" is the one asked, not the one whose words the question is."""
    return (
        subject.dep_ == "nsubjpass"
        and subject.head.i == cue.i
        and cue.lemma_.lower() in ASKS
        and any(c.dep_ == "auxpass" for c in cue.children)
    )


def _quoted_question(ctx: QuoteContext, bounds: tuple[int, int]) -> bool:
    """Whether the sentence's quoted words hold a question mark: what was asked, not the answer
    ("“We have to increase the bombings,” the nominee told Fox after he was asked about …")."""
    return any(i in ctx.quoted and ctx.doc[i].text == "?" for i in range(bounds[0], bounds[1] + 1))


def _asker(cue: Token, ctx: QuoteContext) -> Speaker:
    """Who put a question a passive "ask" governs: the agent it names ("was asked by Maria
    Lopez"), else someone the text leaves unnamed (the quotation is kept, under no entity)."""
    for agent in (c for c in cue.children if c.dep_ == "agent"):
        for obj in (c for c in agent.children if c.dep_ == "pobj"):
            found = ctx.resolver.resolve(obj)
            if found is not None:
                return found
    first = min(c.i for c in cue.children if c.dep_ == "auxpass")
    return Speaker(ctx.doc[first : cue.i + 1].text, None, None)  # "was asked": by someone


def _described(subject: Token, ctx: QuoteContext, first: int) -> Speaker | None:
    """ "Chris Grayling warned … / Speaking in the Commons, the Conservative MP said:": a
    singular role or trait noun with "the" or a possessor (`speaker_descriptions`), for the one
    person the paragraph before and the sentence's own paragraph so far are about
    (`one_subject`); never its possessor ("his lawyer", "Obama's strategist" is not Obama).
    After the quotation, a lead-in of its own sentence that has subjects decides instead of the
    paragraphs ("Cruz defends …: “…,” the senator says"; `quote_described.lead_in_before`),
    and a role there need fit only the offices the article gave the person (`fits_office`)."""
    named = ctx.resolver.mention_at(subject.idx) is not None and subject.ent_type_ != "NORP"
    kind = description_kind(subject, named)  # "the Texan" is a people's word, not a name
    if kind is None:
        return None
    line = ctx.line_of(subject.idx)
    start = ctx.lines[line - 1].start if line > 0 else ctx.lines[line].start
    just_before = sentence_before(ctx.doc, first, ctx.lines[line].start)  # `quote_described`
    person = one_subject(*just_before, ctx, main=True) if just_before else None
    lead_in = lead_in_before(ctx.doc, first, subject, ctx.quoted)  # `quote_described`
    own = False
    if person is None and lead_in is not None and _has_subject(*lead_in, ctx):
        own, person = True, one_subject(*lead_in, ctx)  # "Cruz defends …: “…,” the senator says"
    elif person is None:
        person = one_subject(start, subject.sent.start_char, ctx, main=True)
    if person is None or person.key is None or not _is_person(person.key, ctx):
        return None  # "the Lincoln actor" is no "Alternative PAC", however person-shaped
    fits = ctx.resolver.fits_office if own else ctx.resolver.fits_role  # own: the same sentence
    if kind == "role" and not fits(person.key, subject.lemma_.lower()):
        return None  # "The Indiana governor" is not the nominee the paragraph is about
    for owner in (c for c in subject.children if c.dep_ == "poss"):
        owned = ctx.resolver.resolve(owner)
        if owned is None or owned.key == person.key:
            return None
    return person


def _has_subject(start: int, end: int, ctx: QuoteContext) -> bool:
    """Whether a stretch of text has a clause subject that can speak (a name, he/she, a
    description): then the person it is about, if one, is there and not farther back."""
    return any(
        token.dep_ in SUBJECT_DEPS
        and not ctx.excluded(token.idx)
        and (token.pos_ != "PRON" or token.lower_ in PERSONAL)
        and ctx.resolver.resolve(token) is not None
        for token in ctx.tokens(start, end)
    )


def _is_person(key: str, ctx: QuoteContext) -> bool:
    """Whether an entity key is a person's."""
    return any(m.key == key and m.kind == EntityKind.PERSON for m in ctx.resolver.mentions)


def one_subject(start: int, end: int, ctx: QuoteContext, main: bool = False) -> Speaker | None:
    """The one person a stretch of text is about: every clause subject in it that can speak
    resolves (names, surnames, he/she) to the same person, and there is one. None when two
    people, an organisation or an unresolved speaker ("Hale said …, and Pike said …", "the
    company said", "they") are subjects there too. With `main`, only the subjects of main
    clauses count ("When Clinton had trouble joining a club, Trump boasted that he …" is
    about Trump)."""
    organisations = {
        m.key
        for m in ctx.resolver.mentions
        if m.kind == EntityKind.ORG and not person_shaped(m.name)
    }
    chosen: Speaker | None = None
    for token in ctx.tokens(start, end):
        if token.dep_ not in SUBJECT_DEPS or ctx.excluded(token.idx):
            continue  # quoted words and a headline are no one the paragraph is about
        if main and not in_main_clause(token):
            continue
        if token.pos_ == "PRON" and token.lower_ not in PERSONAL:
            continue  # "someone", "it", "who": no one the paragraph is about
        speaker = ctx.resolver.resolve(token)
        if speaker is None:
            continue
        if speaker.key is None or speaker.key in organisations:
            return None
        if chosen is not None and chosen.key != speaker.key:
            return None
        chosen = chosen or speaker
    return Speaker(chosen.name or chosen.text, chosen.name, chosen.key) if chosen else None
