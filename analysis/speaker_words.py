"""The words and small records every speaker rule shares: word lists, `Speaker`, `np_text`.

Kept apart from the resolver so the rule modules (`speaker_*`, `quote_*`) can read the same
lists without importing the resolver that imports them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from analysis.types import EntityKind, Mention


def word_set(text: str) -> frozenset[str]:
    """A word list written as one string, which reads better than a list of literals."""
    return frozenset(text.split())


SPEAKER_KINDS = frozenset({EntityKind.PERSON, EntityKind.ORG})
UNRESOLVED_PRONOUNS = frozenset({"i", "we", "they"})
RELATIVES = frozenset({"who", "that", "which", "whom"})
NP_LEFT_DEPS = frozenset({"compound", "amod", "det", "poss", "nmod", "flat", "case", "nummod"})
# Nouns that name people or bodies who can speak, when no entity is attached to them.
SPEAKER_NOUNS = word_set(
    """police official officials spokesman spokeswoman spokesperson minister president leader
    ministry agency source sources analyst expert diplomat officer detective government prosecutor
    lawyer attorney aide adviser advisor envoy ambassador chief secretary director professor
    researcher witness resident kremlin commander general senator governor mayor chairman
    counterpart premier king prince ayatollah cleric representative negotiator journalist reporter
    author observer critic activist person man woman dispatcher caller member voter worker
    student parent neighbor neighbour customer passenger economist economists"""
)
# Offices written by another word after the title before the name: "Rep. Ann Lee" (a
# representative, `ABBREVIATED`) is "the congresswoman".
SAME_OFFICE = {"congressman": "representative", "congresswoman": "representative"}
# People who speak for an organisation named after them ("a spokesperson for X").
VOICES = word_set(
    """spokesperson spokesman spokeswoman representative official officials statement"""
)
# Writings that speak in reported speech ("says the letter", "the affidavit said"): kept,
# with no one behind them unless a rule names the body.
DOCUMENTS = word_set("letter report release affidavit complaint filing lawsuit memo statement")
# Writings that speak only for an author the text names with them ("a Times article hailed
# Trump … the article said", "Mariano's book … the book said", "his campaign sent out a
# fundraising email … read the email", "a Clinton ad … The ad says"); never kept unresolved.
AUTHORED = word_set(
    "book article piece column editorial memoir op-ed email e-mail newsletter ad commercial"
)
# Every writing that may say it is by someone ("a court document filed by X").
WRITINGS = DOCUMENTS | AUTHORED | word_set("document paper study survey analysis poll")
# Writings an organisation issues as its own voice (not "the lawsuit", a plaintiff's).
ANNOUNCEMENTS = word_set("statement release letter memo report")
# Bodies a definite description names ("the department"), matched to the organisation's name.
BODIES = word_set(
    """department ministry agency union campaign company committee commission council court
    party foundation charity university college hospital bank board office service government
    bureau institution institute authority association federation regulator tribunal
    parliament legislature"""
)
# Nouns for people that name no office: a name set off after one may be that person's ("a
# friend of the victim, Jane Roe,"), and what one of them does is a person's act, not a thing.
PEOPLE_NOUNS = word_set(
    """victim family man woman boy girl child children son daughter wife husband mother father
    brother sister friend client patient student people person parent parents widow lawyer
    attorney partner colleague neighbour neighbor"""
)
# Bodies named only by description, never kept unresolved: "the group" may be a crowd.
NAMED_ONLY_BODIES = word_set("group organization organisation firm network")


@dataclass(frozen=True)
class Speaker:
    """A speaker as written, with its canonical display name and key when it has one."""

    text: str
    name: str | None
    key: str | None
    place: bool = False  # a country or city speaking for its government ("Moscow said")


ABBREVIATED = {
    "sen": "senator",
    "sen.": "senator",
    "gov": "governor",
    "gov.": "governor",
    "rep": "representative",
    "rep.": "representative",
    "pres": "president",
    "prof": "professor",
    "prof.": "professor",
}

# Titles capitalised before a name or at a sentence start: never a name alone.
TITLE_WORDS = word_set(
    """mr mrs ms miss dr prof sir madam president senator governor mayor judge justice chief
    general secretary minister chairman speaker rep sen gov pope king queen prince princess
    reps sens govs"""
)
PLACE_TYPES = frozenset({"GPE", "LOC", "ORG", "NORP"})
HONORIFIC_WORDS = word_set("mr mrs ms miss dr prof madam")


def np_text(token: Token) -> str:
    """The noun phrase a head token ends, without its clauses: "the Russian president"."""
    start = token.i
    for child in token.lefts:
        if child.dep_ in NP_LEFT_DEPS:
            start = min(start, child.left_edge.i)
    return token.doc[start : token.i + 1].text


def the_one(found: Iterable[Mention]) -> Mention | None:
    """The one entity these mentions name, or None when they name none or several."""
    by_key = {m.key: m for m in found}
    return next(iter(by_key.values())) if len(by_key) == 1 else None


def definite(noun: Token) -> bool:
    """Whether the noun has "the" for its determiner: "the campaign", not "a campaign"."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def earlier_nouns(
    noun: Token,
    sentences: int,
    excluded: Callable[[int], bool],
    lemmas: frozenset[str] = frozenset(),
) -> Iterator[Token]:
    """The nouns with the noun's lemma (or one of `lemmas`) before it, latest first, in its
    sentence and the `sentences` before it, none inside `excluded` (quoted) text: where "the
    campaign" or "the release" was last named."""
    doc = noun.doc
    sentence = noun.sent
    for _ in range(sentences):
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent
    wanted = lemmas | {noun.lemma_.lower()}
    for token in reversed(doc[sentence.start : noun.i]):
        if token.lemma_.lower() in wanted and token.pos_ == "NOUN" and not excluded(token.idx):
            yield token
