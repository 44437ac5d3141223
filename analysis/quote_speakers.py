"""Who a quote's speaker is: from the subject of a speech verb to a canonical entity.

A subject resolves, in this order, to:

1. the PERSON or ORG mention it is part of ("Putin", "Vladimir Putin", "Reuters"), or a
   PERSON/ORG in apposition ("the spokesman, Maria Zakharova,");
2. for he/she, the person it stands for as a reader follows the article (`pronouns`: a person
   named earlier in the sentence, else the latest subject, pronouns included), never one the
   article genders otherwise (`speaker_gender`);
3. for a role noun ("the Russian president", "his Iranian counterpart"), the latest person the
   article introduced with that role ("Russian President Vladimir Putin", "Maria Zakharova,
   the Russian Foreign Ministry's spokesman");
4. a mention spaCy mislabelled but whose single word is the surname of exactly one person.

A subject that is a person or group but none of these ("Richmond police", "they") keeps its text
with no canonical name or key. A subject that cannot speak ("the treaty", "it") is no speaker.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from analysis.entities import make_key
from analysis.pronouns import PERSONAL, SUBJECT_DEPS, PronounChain, head_dep, root_of
from analysis.speaker_bodies import bare_noun, described_body, lone_body_before
from analysis.speaker_campaigns import campaign_owner
from analysis.speaker_documents import issuer_of, written_by
from analysis.speaker_gender import genders
from analysis.speaker_lone import lone_name
from analysis.speaker_names import (
    capitalised_noun,
    full_name_in,
    name_after_title,
    person_shaped,
    written_name,
)
from analysis.speaker_press import latest_press, speaks_for_press
from analysis.speaker_press_named import called_press, latest_acting_press
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


_AGE = re.compile(r"\b(\d{1,3})-year-old\b")
# People who speak for an organisation named after them ("a spokesperson for X").
VOICES = word_set(
    """spokesperson spokesman spokeswoman representative official officials statement"""
)
# Writings that speak in reported speech ("says the letter", "the affidavit said"): kept,
# with no one behind them unless a rule names the body.
DOCUMENTS = word_set("letter report release affidavit complaint filing lawsuit memo statement")
# Writings that speak only for an author the text names with them ("a Times article hailed
# Trump … the article said", "Mariano's book … the book said"); never kept unresolved.
AUTHORED = word_set("book article piece column editorial memoir op-ed")
# Every writing that may say it is by someone ("a court document filed by X").
WRITINGS = DOCUMENTS | AUTHORED | word_set("document paper study survey analysis poll")
# Writings an organisation issues as its own voice (not "the lawsuit", a plaintiff's).
ANNOUNCEMENTS = word_set("statement release letter memo report")
# Bodies a definite description names ("the department"), matched to the organisation's name.
BODIES = word_set(
    """department ministry agency union campaign company committee commission council court
    party foundation charity university college hospital bank board office service government"""
)
# Bodies named only by description, never kept unresolved: "the group" may be a crowd.
NAMED_ONLY_BODIES = word_set("group organization organisation firm network")


@dataclass(frozen=True)
class Speaker:
    """A speaker as written, with its canonical display name and key when it has one."""

    text: str
    name: str | None
    key: str | None


@dataclass(frozen=True)
class _Role:
    """The words that introduced a person: "Russian President", "Foreign Ministry's spokesman"."""

    start: int
    words: frozenset[str]
    mention: Mention


def _word_match(a: str, b: str) -> bool:
    """Same word, or one a stem of the other ("russia"/"russian", "iran"/"iranian")."""
    if a == b:
        return True
    return min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a))


_ABBREVIATED = {
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
_TITLE_WORDS = word_set(
    """mr mrs ms miss dr prof sir madam president senator governor mayor judge justice chief
    general secretary minister chairman speaker rep sen gov pope king queen prince princess
    reps sens govs"""
)
_PLACE_TYPES = frozenset({"GPE", "LOC", "ORG", "NORP"})
_HONORIFIC_WORDS = word_set("mr mrs ms miss dr prof madam")
_GOVERNED = word_set("county city borough township province district parish")


def _governing_place(mention: Mention) -> bool:
    """A place named as a local government: "Santa Clara County", "Quezon City"."""
    words = mention.name.split()
    return mention.kind == EntityKind.PLACE and len(words) > 1 and words[-1].lower() in _GOVERNED


def np_text(token: Token) -> str:
    """The noun phrase a head token ends, without its clauses: "the Russian president"."""
    start = token.i
    for child in token.lefts:
        if child.dep_ in NP_LEFT_DEPS:
            start = min(start, child.left_edge.i)
    return token.doc[start : token.i + 1].text


def _joins_speakers(conjunct: Token) -> bool:
    """Whether a conjunct of a subject is a second speaker ("Putin and Rouhani said"), not the
    tail of the subject's apposition the parser hung on it ("Trump, the frontrunner nationally
    and current polling leader, said"; "Malkia Cyril, the director … and whose also featured
    in the film, told"): a verb, or a noun after an apposition of the subject, is not."""
    if conjunct.pos_ in {"VERB", "AUX"}:
        return False
    subject = conjunct.head
    return not any(c.dep_ == "appos" and c.i < conjunct.i for c in subject.children)


def _title(token: Token) -> bool:
    """A title standing alone as a conjunct ("Gov." in "Gov. and chairman Ed Rendell"): a
    title or office word with no name of its own."""
    word = token.lower_.rstrip(".")
    if token.ent_type_ == "PERSON" or any(c.ent_type_ == "PERSON" for c in token.lefts):
        return False
    return word in _ABBREVIATED or word in _TITLE_WORDS or word in _OFFICES


_OFFICES = word_set(
    """governor senator representative congressman congresswoman mayor president chairman
    chairwoman chair secretary minister director commissioner attorney"""
)


def _the_one(found: Iterable[Mention]) -> Mention | None:
    """The one entity these mentions name, or None when they name none or several."""
    by_key = {m.key: m for m in found}
    return next(iter(by_key.values())) if len(by_key) == 1 else None


class SpeakerResolver:
    """Resolves subject tokens of one document to speakers (see the module docstring)."""

    def __init__(
        self,
        doc: Doc,
        mentions: Sequence[Mention],
        excluded: Callable[[int], bool],
        speech_verbs: frozenset[str] = frozenset(),
    ) -> None:
        self.doc = doc
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.excluded = excluded
        self.roles = [r for m in self.mentions if (r := self._role_of(m)) is not None]
        self.pronouns = PronounChain(
            doc, self.mentions, excluded, genders(doc, mentions, excluded), speech_verbs
        )

    def fits_role(self, key: str, lemma: str) -> bool:
        """Whether a role noun may describe the person with this key: yes when the article
        gives them no role words, else when one of them is that role ("Sen. Bernie Sanders" is
        "the senator"; "Republican nominee Donald Trump" is not "the Indiana governor")."""
        words = {w for r in self.roles if r.mention.key == key for w in r.words}
        words |= {_ABBREVIATED[w] for w in words if w in _ABBREVIATED}
        return not words or any(_word_match(lemma, w) for w in words)

    def subjects_between(self, start: int, end: int) -> list[Mention]:
        """The mentions that are a clause's subject in a stretch of text, quotes aside."""
        return [
            m
            for m in self.mentions
            if start <= m.start < end
            and not self.excluded(m.start)
            and head_dep(self.doc, m) in SUBJECT_DEPS
        ]

    def mention_at(self, char: int) -> Mention | None:
        """The mention covering a character offset, if any."""
        i = bisect.bisect_right(self.starts, char) - 1
        while i >= 0 and self.mentions[i].start <= char:
            if char < self.mentions[i].end:
                return self.mentions[i]
            i -= 1
        return None

    def _role_of(self, mention: Mention) -> _Role | None:
        """The role words written around a person mention, if any."""
        if mention.kind != EntityKind.PERSON or self.excluded(mention.start):
            return None
        root = root_of(self.doc, mention)
        if root is None:
            return None
        tokens = [t for c in root.lefts if c.dep_ in NP_LEFT_DEPS for t in c.subtree]
        tokens += [t for c in root.children if c.dep_ == "appos" for t in c.subtree]
        if root.dep_ == "appos":
            tokens += [root.head, *(t for c in root.head.lefts for t in c.subtree)]
        written = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        tokens += list(written) if written is not None else []
        name_words = set(mention.name.lower().split())
        words = {
            t.lemma_.lower()
            for t in tokens
            if t.pos_ in {"NOUN", "PROPN", "ADJ"} and t.lower_ not in name_words
        }
        return _Role(mention.start, frozenset(words), mention) if words else None

    def resolve(self, subject: Token) -> Speaker | None:
        """The speaker a subject token stands for, or None when it cannot be a speaker."""
        if subject.lower_ in RELATIVES and subject.head.dep_ == "relcl":
            subject = subject.head.head
        if subject.pos_ == "PRON" or subject.lower_ in PERSONAL:
            return self._pronoun(subject)
        titled = name_after_title(subject)  # "Navy Capt. Jeff Davis said"
        person = self.mention_at(titled.idx) if titled is not None else None
        if person is not None and person.kind == EntityKind.PERSON:
            return Speaker(person.name, person.name, person.key)
        conjuncts = [c for c in subject.children if c.dep_ == "conj" and _joins_speakers(c)]
        if conjuncts:
            return self._coordinated(subject, conjuncts)
        return (
            self._entity(subject)
            or self._press(subject)
            or self._campaign(subject)
            or self._written_by(subject)
            or self._speaking_for(subject)
            or self._by_age(subject)
            or self._role(subject)
            or self._plain(subject)
        )

    def _by_age(self, subject: Token) -> Speaker | None:
        """ "the 61-year-old said": the one person the article gave that age ("Anna Novak,
        61," or "61-year-old Anna Novak") before it."""
        written = np_text(subject)
        age = _AGE.search(written)
        if age is None:
            return None
        years = age.group(1)
        text = self.doc.text
        people = {
            m.key: m
            for m in self.mentions
            if m.kind == EntityKind.PERSON
            and m.end <= subject.idx
            and (
                re.match(rf",? \(?{years}\)?(?:[,)]|\s|$)", text[m.end : m.end + 8])
                or re.search(rf"\b{years}-year-old,? $", text[max(m.start - 16, 0) : m.start])
            )
        }
        if len(people) != 1:
            return None
        (found,) = people.values()
        return Speaker(written, found.name, found.key)

    def _speaking_for(self, subject: Token) -> Speaker | None:
        """An organisation's voice: "a spokesperson for Sheffield University" is the university,
        "the department" the latest organisation named with that word ("the Energy
        Department"), as the reader takes them."""
        lemma = subject.lemma_.lower()
        if subject.pos_ == "PROPN" and lemma in BODIES and self.mention_at(subject.idx) is None:
            pass  # "The Government said": capitalised, still a description
        elif subject.pos_ != "NOUN":
            return None
        if lemma in AUTHORED:  # "the book said": its author's, or no one's
            return self._issued_by(subject, AUTHORED)
        if lemma in VOICES | DOCUMENTS:  # "a spokesperson for X", "the DOJ release"
            for prep in (c for c in subject.children if c.lower_ in {"for", "of", "at", "from"}):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    found = self.mention_at(obj.idx)
                    if found is not None and found.kind == EntityKind.ORG:
                        return Speaker(np_text(subject), found.name, found.key)
            return (
                self._owner_of(subject)
                or self._voice_of_modifier(subject)
                or self._issued_by(subject)
                or self._issued_just_before(subject)
            )
        if not any(c.lower_ == "the" for c in subject.lefts):
            return None
        return self._named_body(subject, lemma)

    def _named_body(self, subject: Token, lemma: str) -> Speaker | None:
        """ "the department": the latest organisation named with that word, else the one
        organisation subject just before; "the zoo": the one organisation named "… Zoo"."""
        if lemma in NAMED_ONLY_BODIES and not bare_noun(subject):
            return None  # "the group of U.N. rapporteurs": people, not an organisation
        if lemma not in BODIES | NAMED_ONLY_BODIES:  # "the zoo": one organisation named "… Zoo"
            body = self._org_ending_with(lemma, subject.idx) if subject.tag_ == "NN" else None
            return Speaker(np_text(subject), body.name, body.key) if body is not None else None
        named = [
            m
            for m in self.mentions
            if m.kind == EntityKind.ORG
            and m.end <= subject.idx
            and not self.excluded(m.start)
            and lemma in m.name.lower().split()
        ]
        if len({m.key for m in named}) != 1:
            return self._body_before(subject)
        return Speaker(np_text(subject), named[-1].name, named[-1].key)

    def _body_before(self, subject: Token) -> Speaker | None:
        """ "the union said", "the company tweeted" with no organisation named with that word:
        one the text just made a subject, else for a bare noun the one organisation named in
        the sentence before, or the latest described with that word (`speaker_bodies`)."""
        body = self._org_subject_before(subject)
        if body is None and bare_noun(subject):  # not "the rights group": some group
            body = lone_body_before(subject, self.mentions, self.excluded) or described_body(
                subject, self.mention_at, self.excluded
            )
        return Speaker(np_text(subject), body.name, body.key) if body is not None else None

    def _owner_of(self, subject: Token) -> Speaker | None:
        """ "His statement continued:", "Day's letter said": a writing someone owns speaks for
        them (he/she as the chain reads it, a name as written)."""
        if subject.lemma_.lower() not in DOCUMENTS:
            return None
        for owner in (c for c in subject.children if c.dep_ == "poss"):
            if owner.lower_ in {"his", "her"}:
                person = self.pronouns.resolve(owner)
                return Speaker(np_text(subject), person.name, person.key) if person else None
            named = self._entity(owner)
            if named is not None and named.key is not None:
                return Speaker(np_text(subject), named.name, named.key)
        return None

    def _press(self, subject: Token) -> Speaker | None:
        """ "the newspaper wrote", "the editorial board said": the latest publication named
        before it (`speaker_press`)."""
        if not speaks_for_press(subject):
            return None
        called = frozenset(called_press(self.doc, self.mention_at))
        paper = latest_press(self.mentions, subject.idx, self.excluded, called)
        paper = paper or latest_acting_press(self.doc, self.mentions, subject.idx, self.excluded)
        return Speaker(np_text(subject), paper.name, paper.key) if paper is not None else None

    def _campaign(self, subject: Token) -> Speaker | None:
        """ "the Trump campaign said", "a Clinton campaign spokesman": the candidate, when a
        person (`speaker_campaigns`)."""
        owner = campaign_owner(subject, VOICES, self.excluded)
        found = self.resolve(owner) if owner is not None else None
        if found is None or found.key is None or not self._is_person(found.key):
            return None
        return Speaker(np_text(subject), found.name, found.key)

    def _is_person(self, key: str) -> bool:
        """Whether an entity key is a person's."""
        return any(m.key == key and m.kind == EntityKind.PERSON for m in self.mentions)

    def _written_by(self, subject: Token) -> Speaker | None:
        """A writing said to be by someone where it is written ("according to a court document
        filed by state attorney X"), when that someone resolves to an entity."""
        if subject.tag_ != "NN" or subject.lemma_.lower() not in WRITINGS:
            return None  # not "documents from X's papers": what they hold may be anyone's
        author = written_by(subject)
        found = self.resolve(author) if author is not None else None
        if found is None or not any(m.key == found.key for m in self.mentions):
            return None  # an entity the article names, not a word taken for a name ("Sens.")
        return Speaker(np_text(subject), found.name, found.key)

    def _issued_by(self, subject: Token, kinds: frozenset[str] = DOCUMENTS) -> Speaker | None:
        """ "“…,” the statement said": whoever issued the statement the text last mentioned
        ("Obama released a statement", `speaker_documents`), when it resolves to an entity."""
        issuer = issuer_of(subject, kinds, self.excluded)
        if issuer is None or issuer.lemma_.lower() in DOCUMENTS | VOICES | AUTHORED:
            return None
        found = self.resolve(issuer)
        if found is None or found.key is None:
            return None
        return Speaker(np_text(subject), found.name, found.key)

    def _issued_just_before(self, subject: Token) -> Speaker | None:
        """ "The Wyoming party announced she was not coming. “…,” the release said": a writing
        the text never mentioned before is the organisation just made a subject's; not a
        lawsuit or complaint, which its plaintiff brings."""
        lemma = subject.lemma_.lower()
        if lemma not in ANNOUNCEMENTS or not bare_noun(subject):
            return None
        earlier = [t for t in self.doc[: subject.i] if t.lemma_.lower() == lemma]
        earlier = [t for t in earlier if t.pos_ == "NOUN"]
        if earlier:  # "the report" the text spoke of before: that one's, whoever wrote it,
            speaking = earlier[-1].dep_ == "nsubj" and bare_noun(earlier[-1])
            found = self._issued_just_before(earlier[-1]) if speaking else None
            return Speaker(np_text(subject), found.name, found.key) if found else None
        body = self._org_subject_before(subject)  # or the one that spoke just before
        if body is not None:
            return Speaker(np_text(subject), body.name, body.key)
        campaign = self._campaign_subject_before(subject)
        return Speaker(np_text(subject), campaign.name, campaign.key) if campaign else None

    def _campaign_subject_before(self, token: Token) -> Speaker | None:
        """The candidate whose campaign is a subject in this sentence or the one before: "The
        Trump campaign responded … “…,” the statement said"."""
        sentence = token.sent
        previous = self.doc[sentence.start - 1].sent if sentence.start > 0 else sentence
        for word in reversed(self.doc[previous.start : token.i]):
            campaign = word.dep_ in SUBJECT_DEPS and word.lemma_.lower() == "campaign"
            if campaign and not self.excluded(word.idx):
                return self._campaign(word)
        return None

    def _org_ending_with(self, word: str, before: int) -> Mention | None:
        """The one organisation named before this point whose name ends with this common noun
        ("zoo" -> "Oakland Zoo"), or None when none or several do."""
        return _the_one(
            m
            for m in self.mentions
            if m.kind == EntityKind.ORG
            and m.end <= before
            and not self.excluded(m.start)
            and " " in m.name
            and m.name.lower().split()[-1] == word
        )

    def _org_subject_before(self, token: Token) -> Mention | None:
        """The latest organisation that is a subject in this sentence or the one before: "The
        Writers Guild of America welcomed the deal. “…,” the union said"."""
        sentence = token.sent
        previous = self.doc[sentence.start - 1].sent if sentence.start > 0 else sentence
        subjects = [
            m
            for m in self.mentions
            if m.kind == EntityKind.ORG
            and previous.start_char <= m.start
            and m.end <= token.idx
            and not self.excluded(m.start)
            and head_dep(self.doc, m) in SUBJECT_DEPS
        ]
        return subjects[-1] if subjects else None

    def _voice_of_modifier(self, subject: Token) -> Speaker | None:
        """ "a State Department spokesperson", "Goldman Sachs economists": the organisation
        written before the noun speaks, when the modifier is exactly one such mention; so does
        a county or city ("Santa Clara County officials"), which is its government."""
        modifiers = [c for c in subject.lefts if c.dep_ in {"compound", "nmod", "amod"}]
        if not modifiers:
            return None
        first = min(t.i for c in modifiers for t in c.subtree)
        found = self.mention_at(self.doc[first].idx)
        lone = modifiers[0]
        common = lone.tag_ == "NN" or (lone.tag_ == "NNP" and lone.is_sent_start)
        if found is None and len(modifiers) == 1 and common:
            # "zoo officials said": the one organisation named "… Zoo"
            body = self._org_ending_with(lone.lower_, subject.idx)
            return Speaker(np_text(subject), body.name, body.key) if body is not None else None
        if found is None or not (found.kind == EntityKind.ORG or _governing_place(found)):
            return None
        if found.end < self.doc[subject.i - 1].idx + len(self.doc[subject.i - 1].text):
            return None  # more words between the name and the noun: "Gaza health officials"
        return Speaker(np_text(subject), found.name, found.key)

    def _pronoun(self, token: Token) -> Speaker | None:
        """he/she: the person it stands for (`pronouns`); "they" an organisation just named
        as a subject or speaking "in a statement"; I/we and other "they": kept, unresolved."""
        lower = token.lower_
        if lower in {"they", "it"}:
            body = self._they(token)
            if body is not None:
                return Speaker(token.text, body.name, body.key)
        if lower in {"someone", "somebody", "one"}:  # "said someone at the meeting": unnamed
            return Speaker(token.text, None, None)
        if lower in UNRESOLVED_PRONOUNS:
            return Speaker(token.text, None, None)
        if lower not in PERSONAL:
            return None
        chosen = self.pronouns.resolve(token)
        if chosen is None:
            return Speaker(token.text, None, None)
        return Speaker(token.text, chosen.name, chosen.key)

    def _they(self, token: Token) -> Mention | None:
        """The organisation "they" (or "it") speaks for: the latest organisation that is a
        subject in this sentence or the one before, or, when "they" speak in a statement or
        "it" speaks at all, the latest organisation named in those sentences."""
        sentence = token.sent
        previous = self.doc[sentence.start - 1].sent if sentence.start > 0 else sentence
        orgs = [
            m
            for m in self.mentions
            if m.kind == EntityKind.ORG
            and previous.start_char <= m.start
            and m.end <= token.idx
            and not self.excluded(m.start)
        ]
        subjects = [m for m in orgs if head_dep(self.doc, m) in SUBJECT_DEPS]
        if subjects:
            return subjects[-1]
        statement = any(t.lemma_.lower() == "statement" for t in token.head.subtree)
        speaks = token.lower_ == "it"  # "it said": no person, so the organisation just named
        return orgs[-1] if (statement or speaks) and orgs else None

    def _coordinated(self, subject: Token, conjuncts: list[Token]) -> Speaker | None:
        """ "Putin and Rouhani said": one speaker only when every conjunct is the same entity,
        or when all but one are titles of the one who is named ("former Pennsylvania Gov. and
        party chairman Ed Rendell said")."""
        parts = [self._entity(t) or self._plain(t) for t in [subject, *conjuncts]]
        keys = {p.key for p in parts if p is not None}
        text = self.doc[subject.left_edge.i : conjuncts[-1].i + 1].text
        if len(keys) == 1 and None not in keys and all(parts):
            first = parts[0]
            assert first is not None
            return Speaker(text, first.name, first.key)
        named = [p for t, p in zip([subject, *conjuncts], parts, strict=True) if not _title(t)]
        if len(named) == 1 and named[0] is not None and named[0].key is not None:
            return Speaker(text, named[0].name, named[0].key)  # "Gov. and chairman Ed Rendell"
        return Speaker(text, None, None)

    def _entity(self, subject: Token) -> Speaker | None:
        """The PERSON/ORG mention the subject is, or stands in apposition to, or the name the
        article spells out for a proper noun the model did not tag (`speaker_names`)."""
        mention = self.mention_at(subject.idx)
        if mention is not None and mention.kind in SPEAKER_KINDS:
            return Speaker(np_text(subject), mention.name, mention.key)
        for child in subject.children:
            if child.dep_ != "appos" or (
                child.left_edge.i > subject.i + 2 and not self._closing_apposition(subject, child)
            ):
                continue  # not "the letter, signed by Sens. X, Y and Z": the name right after
            found = self.mention_at(child.idx)
            if found is not None and found.kind in SPEAKER_KINDS:
                return Speaker(np_text(subject), found.name, found.key)
        # a name tagged as a work, product or event ("said senior guard Kayla Cooper" as a
        # WORK_OF_ART) is as untagged as one the model left alone
        untagged = mention is None or mention.kind == EntityKind.OTHER
        if subject.pos_ == "PROPN" and (named := self._untagged_name(subject, untagged)):
            return named
        if untagged and capitalised_noun(subject) and (named := self._surname_as_noun(subject)):
            return named
        return self._title_run_into_name(subject) if mention is None else None

    def _surname_as_noun(self, subject: Token) -> Speaker | None:
        """ "“…,” Hannity said" with "Hannity" tagged a common noun: the one person the article
        names with that surname, or writes in full mid-sentence ("Sean Hannity"); nothing else is
        guessed from a common noun."""
        person = self._by_surname(subject.text)
        if person is not None:
            return Speaker(subject.text, person.name, person.key)
        if subject.is_sent_start:  # "Police said": a sentence's first word is capitalised anyway
            return None
        full = full_name_in(self.doc, subject.text)
        return Speaker(subject.text, full, make_key(full)) if full is not None else None

    def _closing_apposition(self, subject: Token, name: Token) -> bool:
        """ "said head coach of the women's team, Dwayne Hollister": a role noun whose words run
        to one person's name set off at their end names that person; not a writing ("the
        letter, signed by Sens. X, Y and Z") nor several people."""
        if subject.pos_ != "NOUN" or subject.lemma_.lower() in DOCUMENTS | VOICES:
            return False
        if (
            any(c.dep_ == "conj" for c in name.children)
            or name.right_edge.i != subject.right_edge.i
        ):
            return False
        found = self.mention_at(name.idx)
        return found is not None and found.kind == EntityKind.PERSON

    def _title_run_into_name(self, subject: Token) -> Speaker | None:
        """ "acting U.S. Attorney for Massachusetts Joshua Levy said": a title whose place runs
        straight into the holder's name; not "a lawyer for John Smith" (no place before the
        name: the lawyer speaks, not his client)."""
        for prep in subject.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"for", "of"}:
                continue
            for name in (c for c in prep.children if c.dep_ == "pobj"):
                found = self.mention_at(name.idx)
                place = [c.idx for c in name.lefts if c.ent_type_ in _PLACE_TYPES]
                person = found is not None and found.kind == EntityKind.PERSON
                if found is not None and person and place and place[-1] < found.start:
                    return Speaker(np_text(subject), found.name, found.key)
        return None

    def _untagged_name(self, subject: Token, untagged: bool) -> Speaker | None:
        """ "Adam Schiff said" or "Long said" that NER missed (or tagged as a place): the person
        with that full name or surname in the article, or the full name it writes elsewhere;
        a lone word may also open exactly one organisation's name ("Arcade" -> "Arcade
        Publishing")."""
        written = np_text(subject)
        name = written_name(subject)
        if " " in name and untagged:
            key = make_key(name)
            known = next((m for m in self.mentions if m.key == key), None)
            return Speaker(written, known.name if known else name, key)
        person = (
            self._by_surname(name)
            or (self._name_tagged_org(name) if untagged else None)
            or self._family_name_first(subject, name)
        )
        if person is not None:
            return Speaker(written, person.name, person.key)
        full = full_name_in(self.doc, name)
        if full is not None:
            return Speaker(written, full, make_key(full))
        person = self._by_first_name(name) if untagged else None
        if person is not None:  # "Ronnie's mum, Emily Wraith … Emily wrote:"
            return Speaker(written, person.name, person.key)
        if untagged:
            org = self._org_opening_with(name)
            if org is not None:
                return Speaker(written, org.name, org.key)
        named = (m.name for m in self.mentions if m.kind in SPEAKER_KINDS)
        lone = lone_name(subject, SPEAKER_NOUNS | _TITLE_WORDS, named) if " " not in name else None
        return Speaker(written, lone, make_key(lone)) if lone is not None else None

    def _org_opening_with(self, word: str) -> Mention | None:
        """The one organisation whose name starts with this word."""
        return _the_one(
            m
            for m in self.mentions
            if m.kind == EntityKind.ORG and m.name.split()[:1] == [word] and " " in m.name
        )

    def _name_tagged_org(self, word: str) -> Mention | None:
        """ "according to Nicola Rollock, professor …" tagged ORG, then "Rollock says": the one
        organisation written "First Surname" (two or three capitalised words, none an
        organisation word) that ends with the surname a speech verb's subject is."""
        return _the_one(
            m
            for m in self.mentions
            if m.kind == EntityKind.ORG and person_shaped(m.name) and m.name.split()[-1] == word
        )

    def _family_name_first(self, subject: Token, word: str) -> Mention | None:
        """ "Mr Ng said" after "Ng Yat Chung": with an honorific before it, a word that opens
        exactly one person's full name (family name first) and ends none is that person."""
        before = self.doc[subject.i - 1].lower_.rstrip(".") if subject.i > 0 else ""
        if before not in _HONORIFIC_WORDS or " " in word:
            return None
        return self._by_first_name(word)

    def _by_first_name(self, word: str) -> Mention | None:
        """The one person named in full whose first name is this word (tried after surnames)."""
        return _the_one(
            m
            for m in self.mentions
            if m.kind == EntityKind.PERSON and " " in m.name and m.name.split()[0] == word
        )

    def person_by_surname(self, name: Token, not_first: frozenset[str]) -> Speaker | None:
        """The one person whose name ends with this word ("Stone" in "Continued Stone:"), among
        names not opening with a word of `not_first` (NER's "Continued Stone" is no one)."""
        lower = name.text.lower()
        person = _the_one(
            m
            for m in self.mentions
            if m.kind == EntityKind.PERSON
            and m.name.lower().split()[-1:] == [lower]
            and m.name.lower().split()[0] not in not_first
        )
        return Speaker(name.text, person.name, person.key) if person is not None else None

    def _by_surname(self, word: str) -> Mention | None:
        """The one person whose canonical name ends with this word."""
        lower = word.lower()
        return _the_one(
            m
            for m in self.mentions
            if m.kind == EntityKind.PERSON and m.name.lower().split()[-1:] == [lower]
        )

    def _role(self, subject: Token) -> Speaker | None:
        """ "the Russian president" -> the latest person introduced as a Russian president; not
        a plural ("Scientists used a definition" is no one scientist)."""
        if subject.pos_ != "NOUN" or any(c.lower_ in {"a", "an"} for c in subject.lefts):
            return None
        if subject.tag_ == "NNS":
            return None
        modifiers = [
            c.lemma_.lower()
            for c in subject.lefts
            if c.dep_ in {"amod", "compound", "nmod"} and c.pos_ in {"ADJ", "PROPN", "NOUN"}
        ]
        lemma = subject.lemma_.lower()
        for role in reversed(self.roles):
            if role.start >= subject.idx or not any(_word_match(lemma, w) for w in role.words):
                continue
            if all(any(_word_match(m, w) for w in role.words) for m in modifiers):
                return Speaker(np_text(subject), role.mention.name, role.mention.key)
        return None

    def _plain(self, subject: Token) -> Speaker | None:
        """A proper name, a speaking noun or a writing with no entity behind it: text only."""
        lemma = subject.lemma_.lower()
        if subject.pos_ == "PROPN" or lemma in SPEAKER_NOUNS or lemma in BODIES | DOCUMENTS:
            mention = self.mention_at(subject.idx)
            if mention is not None and mention.kind not in SPEAKER_KINDS:
                return None  # "Russia said": a place is not a speaker here
            return Speaker(np_text(subject), None, None)
        return None
