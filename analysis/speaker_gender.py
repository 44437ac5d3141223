"""Which people of an article "he" or "she" can stand for, from the article's own words.

"she described this as …" was given to the man named just before, because a pronoun took the
last person made a subject whoever that was. A reader knows better from the text itself: an
honorific ("Mr. Marcus", "Ms. Lopez"), a gendered role beside the name ("spokeswoman Maria
Zakharova", "Tom Keller, her husband"), or the pronouns used in a sentence that names only that
person ("Renada Chisholm said she is still researching"; a name beside a role a pronoun owns,
"her husband Tom", is a second person there). `genders` counts those votes per person
key; a person with no evidence, or evidence both ways, has no gender and any pronoun may stand
for them. A first name's usual gender (`speaker_first_names`: "Oprah Winfrey" is a woman, "Jean"
or "Kim" says nothing) weighs in where the article does not say plainly: it decides a person the
article gives no vote or split votes, and stands against a stray pronoun vote; an honorific or a
gendered role always wins over it (`_decide`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from analysis.doc_text import doc_text
from analysis.speaker_first_names import name_gender
from analysis.types import EntityKind, Mention

MALE, FEMALE = "male", "female"
PRONOUN_GENDER = {"he": MALE, "him": MALE, "his": MALE, "himself": MALE}
PRONOUN_GENDER |= {"she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE}
_HONORIFICS = {"mr": MALE, "mr.": MALE, "mrs": FEMALE, "mrs.": FEMALE, "ms": FEMALE}
_HONORIFICS |= {"ms.": FEMALE, "miss": FEMALE, "sir": MALE, "dame": FEMALE, "lady": FEMALE}
_MALE_ROLES = """spokesman chairman congressman businessman councilman actor father husband son
    brother uncle grandfather king prince boy man gentleman nephew widower"""
_FEMALE_ROLES = """spokeswoman chairwoman congresswoman businesswoman councilwoman actress mother
    wife daughter sister aunt grandmother queen princess girl woman lady niece widow"""
ROLE_GENDER = dict.fromkeys(_MALE_ROLES.split(), MALE)
ROLE_GENDER |= dict.fromkeys(_FEMALE_ROLES.split(), FEMALE)
_NAME_WEIGHT = 3  # a first name's usual gender, in pronoun votes (`_decide`)


def _sentence_votes(sentence: Span, excluded: Callable[[int], bool]) -> Counter[str]:
    """The genders of the third-person pronouns in a sentence, quotes left out."""
    return Counter(
        PRONOUN_GENDER[t.lower_]
        for t in sentence
        if t.lower_ in PRONOUN_GENDER and not excluded(t.idx)
    )


def _owned_by_name(child: Token) -> bool:
    """ "Haley's daughter": a role someone named possesses is that someone's relative."""
    return child.dep_ == "poss" and child.pos_ in {"PROPN", "NOUN"}


def _role_votes(doc: Doc, mention: Mention) -> Counter[str]:
    """An honorific just before the name, or a gendered role word in the few words around it."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return Counter()
    votes: Counter[str] = Counter()
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in _HONORIFICS:
        votes[_HONORIFICS[before]] += 2
    first = span[0].lower_
    if first in _HONORIFICS:
        votes[_HONORIFICS[first]] += 2
    near = doc[max(span.start - 3, 0) : min(span.end + 5, len(doc))]
    votes.update(
        ROLE_GENDER[t.lower_]
        for t in near
        if t.lower_ in ROLE_GENDER
        and not any(_owned_by_name(c) for c in t.children)
        and not _in_other_name(t, span)
    )
    return votes


def _in_other_name(token: Token, span: Span) -> bool:
    """ "Kelly Osbourne has blasted Prince Harry": a title inside someone else's name."""
    head = token.head
    return (
        token.dep_ == "compound"
        and head.pos_ == "PROPN"
        and not span.start <= head.i < span.end
        and not span.start <= token.i < span.end
    )


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_SUBJECT_PRONOUNS = frozenset({"he", "she"})
_REFLEXIVES = frozenset({"himself", "herself"})
_ADDRESSEES = frozenset({"dobj", "dative", "iobj"})


def _clause_votes(doc: Doc, mention: Mention, excluded: Callable[[int], bool]) -> Counter[str]:
    """A person's own clause: "As Tom Keller played down the boos he faced" (he is Keller).
    Subject pronouns under the person's verb, and reflexives, vote twice; a clause with a
    subject of its own that is not a pronoun ("said Maria Lopez knew she …") is someone else's,
    and a verb with someone as its object ("told her she …") gives no vote at all; an
    organisation as its object ("told Reuters he …") is no one a pronoun stands for."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.dep_ not in _SUBJECTS:
        return Counter()
    verb = span.root.head
    if any(c.dep_ in _ADDRESSEES and _addressed_person(c) for c in verb.children):
        return Counter()
    votes: Counter[str] = Counter()
    stack = [c for c in verb.children if c.i != span.root.i]
    while stack:
        token = stack.pop()
        if token.i != verb.i and any(
            c.dep_ in _SUBJECTS and c.pos_ != "PRON" and c.lower_ not in {"who", "that"}
            for c in token.children
        ):
            continue  # another actor's clause
        lower = token.lower_
        counts = (lower in _SUBJECT_PRONOUNS and token.dep_ in _SUBJECTS) or lower in _REFLEXIVES
        if counts and not excluded(token.idx):
            votes[PRONOUN_GENDER[lower]] += 2
        stack.extend(token.children)
    return votes


def _addressed_person(addressee: Token) -> bool:
    """Whether a verb's object may be a person a pronoun after it stands for ("told her she …",
    "told Maria Lopez she …"); an organisation is not ("Graham told The Associated Press he was
    worried", "told Reuters she": the he/she is the subject's own)."""
    if addressee.pos_ == "PRON":
        return True
    return addressee.pos_ == "PROPN" and addressee.ent_type_ not in _BODY_TYPES


_BODY_TYPES = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"})
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative", "poss", "appos", "conj"})


def _untagged_name(sentence: Span, starts: list[int], ends: list[int]) -> bool:
    """A name the model tagged as no one ("KELLY Osbourne has blasted “whinger” Prince Harry for
    portraying himself …": "Prince Harry" untagged): the sentence may name a second person, so
    its pronouns say nothing of the one it names. `starts`/`ends`: the mentions' offsets, by
    start."""
    for t in sentence:
        if t.pos_ != "PROPN" or t.dep_ not in _ARGUMENTS or t.ent_type_ not in {"", "PERSON"}:
            continue
        k = bisect_right(starts, t.idx) - 1
        if k < 0 or t.idx >= ends[k]:
            return True
    return False


# Speech verbs set as an aside ("A launch, he said, requires care"): see `_next_subject`.
_ASIDE_VERBS = frozenset({"say", "add", "explain", "note", "insist", "argue", "tell", "write"})


def _next_subject(
    doc: Doc, text: str, mention: Mention, after: Span, named: set[int]
) -> Counter[str]:
    """ "Hafiz, from Pakistan, has created water kits. He has reached 11,000 people": the he/she
    subject of the next sentence of the paragraph, when that sentence names no one, is the
    person the sentence before was about (its subject)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.dep_ not in _SUBJECTS:
        return Counter()
    gap = text[mention.end : after.start_char]
    if "\n" in gap or any(after.start_char <= start < after.end_char for start in named):
        return Counter()
    subjects = [c for c in after.root.children if c.dep_ in _SUBJECTS]
    if len(subjects) == 1 and subjects[0].lower_ in _SUBJECT_PRONOUNS:
        return Counter({PRONOUN_GENDER[subjects[0].lower_]: 1})
    # "Al-Riyami chatted with engineers. A launch, he said, requires care": the he/she of a
    # speech verb set in the next sentence as an aside is the person just written about too
    asides = [
        s
        for c in after.root.children
        if c.dep_ == "parataxis" and c.lemma_.lower() in _ASIDE_VERBS
        for s in c.children
        if s.dep_ in _SUBJECTS
    ]
    if len(asides) == 1 and asides[0].lower_ in _SUBJECT_PRONOUNS:
        return Counter({PRONOUN_GENDER[asides[0].lower_]: 1})
    return Counter()


def _kin_of_someone(doc: Doc, mention: Mention) -> bool:
    """ "her late husband Tom", "His wife Mary Jones": a name beside a role noun a pronoun owns
    is that pronoun's relative or colleague, so the sentence is about two people."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    roles = [c for c in root.children if c.dep_ in {"compound", "appos"} and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        roles.append(root.head)
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for r in roles for c in r.children)


def genders(
    doc: Doc,
    mentions: Sequence[Mention],
    excluded: Callable[[int], bool],
    *,
    first_names: bool = True,
) -> dict[str, str]:
    """Person key -> "male" / "female" where the article's words agree; others are left out.
    A first name's usual gender weighs in (`_decide`) unless `first_names` is False (the
    article's own votes alone, as tests of those votes ask)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    people = [m for m in mentions if m.kind == EntityKind.PERSON and not excluded(m.start)]
    by_sentence: dict[int, set[str]] = defaultdict(set)
    for mention in people:
        by_sentence[mention.sentence].add(mention.key)
        roles[mention.key].update(_role_votes(doc, mention))
        votes[mention.key].update(_clause_votes(doc, mention, excluded))
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else []
    starts = [s.start_char for s in sentences]
    named = {m.start for m in people}
    text = doc_text(doc)
    spans = sorted((m.start, m.end) for m in mentions)
    named_at, named_to = [a for a, _ in spans], [b for _, b in spans]
    untagged: dict[int, bool] = {}
    for mention in people:
        if len(by_sentence[mention.sentence]) != 1 or not sentences:
            continue  # two people in the sentence: its pronouns could be either's
        if _kin_of_someone(doc, mention):
            continue  # "her late husband Tom's roses, she …": she is the second person
        at = max(bisect_right(starts, mention.start) - 1, 0)
        if at not in untagged:
            untagged[at] = _untagged_name(sentences[at], named_at, named_to)
        if not untagged[at]:
            votes[mention.key].update(_sentence_votes(sentences[at], excluded))
        if at + 1 < len(sentences):
            votes[mention.key].update(_next_subject(doc, text, mention, sentences[at + 1], named))
    names = _longest_names(people)
    for key, counted in _titled(text, names).items():
        if not +roles[key]:
            roles[key] = counted
    decided = {}
    for key, name in names.items():
        if (gender := _decide(roles[key], votes[key], name if first_names else "")) is not None:
            decided[key] = gender
    return decided


def _agreed(counted: Counter[str]) -> str | None:
    """The gender the votes agree on: one side at least three times the other."""
    male, female = counted[MALE], counted[FEMALE]
    if male != female and min(male, female) * 3 <= max(male, female):
        return MALE if male > female else FEMALE
    return None


def _decide(roles: Counter[str], pronouns: Counter[str], name: str) -> str | None:
    """A person's gender from the article's votes and their first name (`speaker_first_names`).

    An honorific or a gendered role beside the name ("Mr.", "spokeswoman") is the article's
    plain word: the votes decide as they did, the name list stays out. Pronoun votes are read
    from sentences and clauses the person shares with others' pronouns, and one such vote can
    be another's ("So I asked him then, if you do end up endorsing Hillary Clinton …" votes
    "he" for Hillary Clinton), so the first name's usual gender counts against them as
    `_NAME_WEIGHT` votes: it decides a person with no vote at all, outweighs a lone stray vote,
    and against more it leaves the person ungendered rather than flipping them. Votes both ways
    that do not agree by themselves ("When Winfrey asked if he could share …, he declined"; "her
    interview with Winfrey she spoke") are the article not deciding: the first name does."""
    if +roles:
        return _agreed(roles + pronouns)
    listed = name_gender(name)
    if listed is None:
        return _agreed(pronouns)
    weighed = _agreed(pronouns + Counter({listed: _NAME_WEIGHT}))
    if weighed is None and _agreed(pronouns) is None:
        return listed
    return weighed


_NOBLE = {"prince": MALE, "princess": FEMALE, "king": MALE, "queen": FEMALE, "duke": MALE}
_NOBLE |= {"duchess": FEMALE}
_TITLED = re.compile(
    r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Prince|Princess|King|Queen|Duke|Duchess)\.? +"
    r"([A-Z][\w'’-]+)"
)


def _titled(text: str, names: dict[str, str]) -> dict[str, Counter[str]]:
    """ "KELLY Osbourne has blasted “whinger” Prince Harry …": a title the model left untagged
    with the name still says who is a man. Each "Mr. Surname" / "Prince First" of the text
    votes for the one person of the article with that surname / first name (a word two people
    share, "Mr. Clinton" beside "Hillary Clinton", votes for no one)."""
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, name in names.items():
        words = name.split()
        owners["last", words[-1]].add(key)
        owners["first", words[0]].add(key)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for match in _TITLED.finditer(text):
        title, word = match.group(1).lower(), match.group(2)
        noble = _NOBLE.get(title)
        keys = owners.get(("first", word), set()) if noble else owners.get(("last", word), set())
        if len(keys) == 1:
            votes[next(iter(keys))][noble or _HONORIFICS[title]] += 2
    return votes


def _longest_names(people: Sequence[Mention]) -> dict[str, str]:
    """Each person key's longest name in the article (the one that holds a first name)."""
    longest: dict[str, str] = {}
    for mention in people:
        if len(mention.name.split()) > len(longest.get(mention.key, "").split()):
            longest[mention.key] = mention.name
    return longest
