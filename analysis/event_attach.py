"""Where a date sits in the parse of its sentence: what it dates and how deep that lies.

A date either dates a clause ("met on Monday": the verb `met`) or names a thing ("the 2020
election", "Hamas's October 7 attack": the noun). A thing belongs in turn to a clause, reached
through the noun's own attachment ("At a June 25 hearing, Hice pushed": `pushed`). Between that
clause and the sentence's root lie clause links (`relcl`, `advcl`, `ccomp`...) which say whether
the clause is the sentence's own happening, its setting, what a speaker said, or a description
of something mentioned in passing. `analysis.event_roles` judges these facts; this module only
reads the parse spaCy already made (no second pass).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span, Token

OLD_DAYS = 365  # a thing of a year or more before the day of writing


def long_before(last: int, published: date) -> bool:
    """Whether a date whose last day is `last` (an ordinal) lies OLD_DAYS or more before the
    day of writing: history the rules read as a thing named, not the clause's time."""
    return last < published.toordinal() - OLD_DAYS


VERBS = frozenset({"VERB", "AUX"})
SET_OFF = frozenset({",", "—", "–", "--"})  # marks that set a clause off: "Khan, killed ..."
NOUNS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X", "SYM"})
_PREPS = frozenset({"ADP", "SCONJ"})
_TWO_WORD = frozenset(
    {"ahead", "prior", "compared", "according", "due", "as", "instead", "aside", "apart"}
)
_FORWARD = frozenset({"ahead", "forward"})  # "looking ahead to", "looking forward to"
_ASIDE = frozenset({"aside", "apart"})  # "Aside from Tuesday night, ...": a sibling adverb
BESIDE = "beside "  # marks a two-word preposition the walk passed beside, not through
# A noun under another noun through one of these is a different thing mentioned in passing:
# "questions about Saturday's crash", "songs from 1979's debut album", "the response to ...";
# a thing a date names also under "for": "the map for the 2020 [election]".
_NESTING = frozenset(
    {"about", "from", "to", "against", "over", "regarding", "concerning", "on", "toward"}
    | {"towards", "into", "than", "like", "unlike", "versus", "following", "after", "before"}
    | {"since", "by", "including", "amid", "despite", "behind"}
)
_MARKS = frozenset(
    {"if", "unless", "whether", "since", "until", "till", "when", "while", "as", "after"}
    | {"before", "because", "although", "though", "than", "like", "once", "where", "whenever"}
    | {"that"}
)
_AMOUNTS = frozenset({"PERCENT", "MONEY", "QUANTITY", "CARDINAL"})
_CLOCK = re.compile(r"\d{1,2}[:.]\d\d")
_MAX_STEPS = 60  # real parse trees are shallow; this bounds a pathological one


@dataclass(frozen=True)
class Link:
    """One clause on the way up to the root: its head verb, dependency and subordinator."""

    verb: Token
    dep: str  # "ROOT", "ccomp", "relcl", "advcl"...
    mark: str  # "if", "since", "when", "as"; "" when none


@dataclass(frozen=True)
class Place:
    """What a date attaches to in its sentence.

    `prep` introduces the date itself ("since", "on", "ahead of"; "" when none). `thing` is the
    noun the date names ("the 2020 election") or describes ("a rally on May 1"), `thing_prep`
    the preposition bringing that noun's phrase to its clause ("At a June 25 hearing": "at").
    `nested` says the thing hangs under another noun through a preposition such as "about" or
    "to" ("the response to the October 7 attack"); `person` that it describes a person ("X,
    who ... another one Monday"). `links` are the clauses from the date's own up to the root.
    """

    root: Token
    prep: str
    thing: Token | None
    thing_prep: str
    nested: bool
    person: bool
    links: tuple[Link, ...]
    crossed: tuple[str, ...] = ()  # every preposition between the date and its clause
    host: Token | None = None  # the word the date's own phrase hangs on

    @property
    def verb(self) -> Token | None:
        """The head of the clause the date belongs to (None in a verbless fragment)."""
        return self.links[0].verb if self.links else None

    @property
    def names(self) -> bool:
        """Whether the date names a thing ("the 2020 election") rather than dating a clause."""
        if self.thing is None:
            return False
        return self.root.dep_ not in ("pobj", "prep", "npadvmod") or owner(self.root) is not None


def prep_words(prep: Token) -> str:
    """A preposition with the word that makes it two words: 'ahead of', 'compared to', 'as in';
    'looking ahead to' (the adverb a sibling of the preposition)."""
    head = prep.head
    if head != prep and head.lower_ in _TWO_WORD and head.i == prep.i - 1:
        return f"{head.lower_} {prep.lower_}"
    before = prep.doc[prep.i - 1] if prep.i > 0 else prep
    beside = before.dep_ == "advmod" and before.head.i == head.i
    if beside and before.lower_ in _ASIDE and prep.lower_ == "from":  # "Aside from Tuesday night"
        return f"{before.lower_} from"
    forward = before.lower_ in _FORWARD and beside
    return f"ahead {prep.lower_}" if prep.lower_ == "to" and forward else prep.lower_


def _above_prep(prep: Token) -> Token:
    """What a preposition's phrase hangs on, above the first word of 'ahead of', 'as of'."""
    head = prep.head
    if head != prep and head.lower_ in _TWO_WORD and head.i == prep.i - 1:
        return head.head
    return head


def _is_date(token: Token) -> bool:
    """Whether a token is part of a date as the tagger sees it."""
    return token.ent_type_ in ("DATE", "TIME") or token.like_num


def owner(date: Token) -> Token | None:
    """The noun a possessive date names when the parser hung it elsewhere: in 'how this year's
    candidates are viewed' it made 'year' an adverb of 'viewed'; its "'s" still says whose."""
    if date.dep_ not in ("npadvmod", "advmod", "dep"):
        return None  # a possessive ("poss") or one listed ("2017's Irma and 2018's Michael")
    mark = next((kid for kid in date.children if kid.dep_ == "case" and kid.tag_ == "POS"), None)
    if mark is None or mark.i + 1 >= len(date.doc):
        return None
    noun = date.doc[mark.i + 1]
    for _ in range(4):  # "last year's 5.5 cents": from the number to its noun
        if noun.dep_ not in ("amod", "compound", "nummod", "quantmod") or noun.head.i < noun.i:
            break
        noun = noun.head
    return noun if noun.pos_ in ("NOUN", "PROPN") and noun.i > date.i else None


def held_by_preposition(span: Span) -> Token | None:
    """The preposition that opens a date (or its object, when the preposition is written just
    before the span) when the parser split the date: in 'ahead of the meeting on Sunday May 1'
    it made 'Sunday' the object of 'on' but hung 'May' on a verb further up, and the span's
    root is whichever lies higher. The preposition governs the whole date, so it stands for it
    (issue 12, round 23)."""
    outside = [t for t in span if t.head == t or not span.start <= t.head.i < span.end]
    if len(outside) < 2:  # not split: the span's root is the date's one head
        return None
    first = span[0]
    if first.pos_ in _PREPS and first in outside:
        held = any(kid.dep_ == "pobj" and kid.i < span.end for kid in first.children)
        return first if held else None
    if span.start == 0 or span.doc[span.start - 1].pos_ not in _PREPS:
        return None
    prep = span.doc[span.start - 1]
    return next((t for t in outside if t.head == prep and t.dep_ == "pobj"), None)


def _entry(span: Span) -> tuple[Token, str, Token]:
    """The date's root, its preposition, and the token its phrase hangs on.

    A date coordinated with another ("in 2017 and 2018") hangs where the first one does; a
    possessive date the parser misread hangs on the noun it names (`owner`).
    """
    root = held_by_preposition(span) or span.root
    for _ in range(_MAX_STEPS):
        if root.dep_ not in ("conj", "appos") or root.head == root or not _is_date(root.head):
            break
        root = root.head
    named = owner(root)
    if named is not None:
        return root, "", named
    if root.pos_ in _PREPS and root.dep_ in ("prep", "agent", "mark", "dative"):
        return root, prep_words(root), _above_prep(root)
    if root.dep_ in ("pobj", "pcomp") and root.head.pos_ in _PREPS and root.head != root:
        return root, prep_words(root.head), _above_prep(root.head)
    return root, "", root.head


def is_clause(token: Token) -> bool:
    """Whether a token heads a clause: a verb, or the root of a verbless sentence."""
    return token.pos_ in VERBS or token.dep_ == "ROOT" or token.head == token


def _person(token: Token) -> bool:
    """Whether a noun is a person, as the entity recogniser or the pronoun says."""
    return token.ent_type_ == "PERSON" or token.lower_ in ("he", "she", "who", "him", "her")


@dataclass
class Climb:
    """The walk from a noun up to its clause: where it ends and what it crossed."""

    top: Token
    prep: str = ""
    crossed: tuple[str, ...] = ()  # every preposition on the way: "ahead of", "for"
    nested: bool = False
    person: bool = False


def climb(thing: Token, named: bool = False) -> Climb:
    """From a noun up to the clause head it belongs to, noting what the walk crossed. A noun a
    date `named` ("the 2020 race") nests under a noun through "for" too."""
    walk = Climb(thing)
    for _ in range(_MAX_STEPS):
        token = walk.top
        if is_clause(token):
            return walk
        head = token.head
        if head.pos_ in _PREPS and token.dep_ in ("pobj", "pcomp"):
            word, above = prep_words(head), _above_prep(head)
            nesting = word in _NESTING or (named and word == "for" and token.i == thing.i)
            walk.nested = walk.nested or (above.pos_ in NOUNS and nesting)
            walk.prep, walk.top, walk.crossed = word, above, (*walk.crossed, word)
            continue
        if token.dep_ == "appos" and (_person(head) or head.pos_ == "PROPN"):
            walk.person = True
        if token.lower_ in ("ahead", "prior"):  # "ahead of the deadline at noon on Dec. 20"
            walk.crossed = (*walk.crossed, *_two_word_of(token))
        if token.dep_ not in ("conj", "appos", "compound"):
            walk.prep = ""
        walk.top = head
    return walk


def _two_word_of(adverb: Token) -> tuple[str, ...]:
    """'ahead of', 'prior to' (marked `BESIDE`) when an adverb the walk passes holds its
    preposition beside what the parser hung on it ('ahead [of the deadline] [at noon on Dec.
    20]'): the date is the time of what the clause comes ahead of."""
    return tuple(
        f"{BESIDE}{adverb.lower_} {kid.lower_}"
        for kid in adverb.children
        if kid.dep_ == "prep" and kid.lower_ in ("of", "to")
    )


def _mark(verb: Token) -> str:
    """The subordinator of a clause: 'if', 'since', 'when'; a preposition over a gerund."""
    for kid in verb.children:
        if kid.dep_ in ("mark", "advmod") and kid.i < verb.i and kid.lower_ in _MARKS:
            return kid.lower_
    if verb.dep_ == "pcomp" and verb.head.pos_ in _PREPS:
        return verb.head.lower_
    return ""


def _links(verb: Token) -> tuple[Link, ...]:
    """The clauses from `verb` up to the sentence's root, each with how it hangs on the next."""
    links: list[Link] = []
    token = verb
    for _ in range(_MAX_STEPS):
        links.append(Link(token, token.dep_, _mark(token)))
        if token.head == token or token.dep_ == "ROOT":
            break
        above = token.head
        for _ in range(_MAX_STEPS):
            if is_clause(above):
                break
            above = above.head
        token = above
    return tuple(links)


def place(span: Span) -> Place:
    """Where the date covering `span` attaches in its sentence's parse."""
    root, prep, host = _entry(span)
    if root.head == root or is_clause(host):
        return Place(root, prep, None, "", False, False, _links(host), (prep,), host)
    walk = climb(host, named=root.dep_ not in ("pobj", "prep", "npadvmod"))
    if host.pos_ in ("ADJ", "ADV", "ADP", "PART", "SCONJ"):
        over = host.lower_ if host.pos_ == "ADP" and _quantity(host) else ""
        crossed = (prep, over, *walk.crossed)
        return Place(
            root, prep, None, over, walk.nested, walk.person, _links(walk.top), crossed, host
        )
    crossed = (prep, *walk.crossed)
    return Place(
        root, prep, host, walk.prep, walk.nested, walk.person, _links(walk.top), crossed, host
    )


def _quantity(prep: Token) -> bool:
    """Whether a preposition's object is an amount: 'from 54% in November', 'from the record
    high of 799 the day before' (not a time: 'from 21:00 local time on Thursday')."""
    words = [word for kid in prep.children if kid.dep_ == "pobj" for word in kid.subtree]
    if any(_CLOCK.fullmatch(word.text) or word.ent_type_ == "TIME" for word in words):
        return False
    return any(word.like_num or word.ent_type_ in _AMOUNTS or word.text == "%" for word in words)


def compares_values(host: Token | None) -> bool:
    """Whether a clause compares amounts: 'costs down 60% from a year ago'."""
    return host is not None and any(
        kid.lower_ in ("down", "up", "higher", "lower") or kid.ent_type_ in _AMOUNTS
        for kid in host.children
        if kid.dep_ in ("advmod", "npadvmod", "dobj", "acomp")
    )
