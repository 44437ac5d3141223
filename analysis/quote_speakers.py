"""Who a quote's speaker is: from the subject of a speech verb to a canonical entity.

A subject resolves, in this order, to:

1. the PERSON or ORG mention it is part of ("Putin", "Vladimir Putin", "Reuters"), or a
   PERSON/ORG in apposition ("the spokesman, Maria Zakharova,");
2. for he/she, the person it stands for as a reader follows the article (`pronouns`: a person
   named earlier in the sentence, else the latest subject, pronouns included), never one the
   article genders otherwise (`speaker_gender`);
3. for a role noun ("the Russian president", "his Iranian counterpart"), the latest person the
   article introduced with that role ("Russian President Vladimir Putin", "Maria Zakharova,
   the Russian Foreign Ministry's spokesman"); before anyone is named (a deck above the
   story), the one person the article introduces with it afterwards;
4. a mention spaCy mislabelled but whose single word is the surname of exactly one person.

A subject that is a person or group but none of these ("Richmond police", "they") keeps its text
with no canonical name or key. A country or city as the subject of its sentence's main verb
("“…,” Moscow said", "Russia said in a statement") speaks for its government and is stored
under the place (`Speaker.place`: for whole quotations only, `quotes`). A subject that cannot
speak ("the treaty", "it") is no speaker.

The resolver is built in layers, each a module of one kind of rule: `speaker_index` (look-ups
over the mentions), `speaker_entities` (names), `speaker_organisations` (organisations, the
press, campaigns), `speaker_writings` (statements, letters, spokespeople), `speaker_desc_titles`
(a run of titles before its holder's name), `speaker_desc_acronyms` (an organisation's acronym
the model did not tag as one); this module holds the order they are tried in, pronouns, roles,
ages and coordinated subjects.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from analysis.doc_text import doc_text
from analysis.pronouns import PERSONAL, PronounChain, root_of
from analysis.quote_subjects import in_main_clause
from analysis.speaker_callings import folded_calling
from analysis.speaker_desc_titles import holder_of, office_word
from analysis.speaker_descriptions import DESCRIBED_ROLES, DESCRIBED_TRAITS
from analysis.speaker_epithets import epithets_left_out, role_modifiers
from analysis.speaker_gender import genders
from analysis.speaker_group_introduced import introduced_body, kind_members_body
from analysis.speaker_group_members import members_body
from analysis.speaker_group_state import state_body
from analysis.speaker_group_voices import voice_at_place
from analysis.speaker_names import name_after_title
from analysis.speaker_office_acronyms import holds_office, office_acronym
from analysis.speaker_relatives import relative_of_named
from analysis.speaker_role_compounds import titled_holder
from analysis.speaker_words import (
    ABBREVIATED,
    BODIES,
    DOCUMENTS,
    HONORIFIC_WORDS,
    NP_LEFT_DEPS,
    RELATIVES,
    SAME_OFFICE,
    SPEAKER_KINDS,
    SPEAKER_NOUNS,
    TITLE_WORDS,
    UNRESOLVED_PRONOUNS,
    Speaker,
    np_text,
    the_one,
    word_set,
)
from analysis.speaker_writings import WritingRules
from analysis.types import EntityKind, Mention

__all__ = ["Speaker", "SpeakerResolver", "word_set"]  # word_set: eval.speaker_ranker reads it here

_AGE = re.compile(r"\b(\d{1,3})-year-old\b")


@dataclass(frozen=True)
class _Role:
    """The words that introduced a person: "Russian President", "Foreign Ministry's spokesman"."""

    start: int
    words: frozenset[str]
    mention: Mention


def _word_match(a: str, b: str, spelled: bool = False) -> bool:
    """Same word, or one a stem of the other ("russia"/"russian", "iran"/"iranian"); never an
    office and its adjective: a "presidential candidate" is no "former president", a
    "mayoral hopeful" no "mayor". With `spelled`, an abbreviated title matches its office
    written out ("Sen." and "senator")."""
    if spelled:
        a, b = ABBREVIATED.get(a, a), ABBREVIATED.get(b, b)
    if a == b or SAME_OFFICE.get(a) == b or SAME_OFFICE.get(b) == a:
        return True  # "the congresswoman" is the representative the article named
    if a in ROLE_NOUNS or b in ROLE_NOUNS:
        return False
    return min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a))


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
    return word in ABBREVIATED or word in TITLE_WORDS or word in _OFFICES


def _capitalised_office(token: Token) -> bool:
    """ "the Director", "the Minister": an office word in capitals after "the", tagged a proper
    noun and in no entity, with nothing else before it."""
    if token.pos_ != "PROPN" or token.ent_type_ or not token.text.istitle():
        return False
    lefts = list(token.lefts)
    return (
        token.lower_ in _OFFICES
        and len(lefts) == 1
        and lefts[0].lower_ == "the"
        and lefts[0].dep_ == "det"
    )


_OFFICES = word_set(
    """governor senator representative congressman congresswoman mayor president chairman
    chairwoman chair secretary minister director commissioner attorney"""
)


# Words for one running in an election: any of them describes one the article called another.
_RUNNING = word_set(
    "candidate nominee frontrunner front-runner runner contender hopeful challenger"
)
_LEADERS = word_set("leader")
# Words that say what someone is, for `fits_role`; party words count (a "Republican" is no
# "Democratic nominee"), other words around a name (a dateline, "Mr.", an initial) do not.
ROLE_NOUNS = (
    DESCRIBED_ROLES
    | DESCRIBED_TRAITS
    | _OFFICES
    | _RUNNING
    | SPEAKER_NOUNS
    | TITLE_WORDS
    | frozenset(ABBREVIATED.values())
    | word_set("republican democrat democratic independent gop libertarian conservative liberal")
)


class SpeakerResolver(WritingRules):
    """Resolves subject tokens of one document to speakers (see the module docstring)."""

    def __init__(
        self,
        doc: Doc,
        mentions: Sequence[Mention],
        excluded: Callable[[int], bool],
        speech_verbs: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__(doc, mentions, excluded)
        self.roles = [r for m in self.mentions if (r := self._role_of(m)) is not None]
        self.pronouns = PronounChain(
            doc, self.mentions, excluded, genders(doc, mentions, excluded), speech_verbs
        )

    def fits_role(self, key: str, lemma: str) -> bool:
        """Whether a role noun may describe the person with this key: yes when the article
        gives them no role words, else when one of them is that role ("Sen. Bernie Sanders" is
        "the senator"; "Republican nominee Donald Trump" is not "the Indiana governor"). For
        "the candidate", "the nominee" or "the leader", which an article seldom writes beside
        the name, words around the name that say no role ("WASHINGTON (AP) — Donald Trump",
        "Mr.", "Donald J. Trump", "Clinton's acceptance speech") rule nothing out. For any role,
        only words that say what someone is count: not a form of address ("Dr Keith Mitchell"
        may be "the Prime Minister"), a trait ("billionaire Michael R. Bloomberg" may be "the
        former mayor") nor other words the parse hung on the name."""
        words = {w for r in self.roles if r.mention.key == key for w in r.words}
        words |= {ABBREVIATED[w] for w in words if w in ABBREVIATED}
        words -= HONORIFIC_WORDS  # "Dr Keith Mitchell": a form of address, no role
        if lemma in _RUNNING and words & _RUNNING:
            return True  # "self-funded front-runner Donald Trump" is "the candidate"
        if lemma in _RUNNING | _LEADERS:  # an article seldom writes these beside the name
            words &= ROLE_NOUNS
        else:  # "billionaire Michael R. Bloomberg" holds no office: "the former mayor" may be him
            words &= ROLE_NOUNS - (DESCRIBED_TRAITS - _RUNNING)
        return not words or any(_word_match(lemma, w) for w in words)

    def fits_office(self, key: str, lemma: str) -> bool:
        """`fits_role` asked of the offices and callings the article gave the person only:
        "Governor Ann Burke" is no senator, while "a career politician" or "a constitutional
        conservative" rules nothing out (for a name in the quotation's own lead-in,
        `quote_cue_speakers._described`)."""
        words = {w for r in self.roles if r.mention.key == key for w in r.words}
        words |= {ABBREVIATED[w] for w in words if w in ABBREVIATED}
        offices = words & (DESCRIBED_ROLES | _OFFICES | _RUNNING | _LEADERS)
        return not offices or any(_word_match(lemma, w) for w in offices)

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
        name_words.discard(folded_calling(self.doc, mention) or "")  # "Striker Tom Reed"
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
        held = self._held_titles(subject, conjuncts)
        if held is not None:
            return held
        if conjuncts:
            return self._coordinated(subject, conjuncts)
        acronym = office_acronym(subject)
        if acronym is not None:
            return self._office_holder(subject, acronym)
        return (
            self._entity(subject)
            or state_body(subject)
            or self._members(subject)
            or self._short_form(subject)
            or self._press(subject)
            or self._campaign(subject)
            or self._written_by(subject)
            or self._speaking_for(subject)
            or self._voice_at(subject)
            or self._by_age(subject)
            or self._relative(subject)
            or self._hyphen_office(subject)
            or self._role(subject)
            or self._plain(subject)
        )

    def _members(self, subject: Token) -> Speaker | None:
        """ "the doctors warned" after "the Zimbabwe Hospital Doctors Association": the one
        organisation named after its members (`speaker_group_members`)."""
        body = (
            members_body(subject, self.mentions, self.excluded)
            or introduced_body(subject, self.mention_at, self.excluded)
            or kind_members_body(subject, self.mentions, self.excluded)
        )
        return Speaker(np_text(subject), body.name, body.key) if body is not None else None

    def _voice_at(self, subject: Token) -> Speaker | None:
        """ "officials at Etlaq said" with "Etlaq" tagged a place: the body they work at
        (`speaker_group_voices`)."""
        body = voice_at_place(subject, self.mention_at)
        return Speaker(np_text(subject), body.name, body.key) if body is not None else None

    def _short_form(self, subject: Token) -> Speaker | None:
        """ "BCHT said" with "BCHT" tagged as nothing, after "Bayshore Community Health Trust
        (BCHT)": the organisation an untagged acronym stands for (`speaker_desc_acronyms`)."""
        if subject.pos_ != "PROPN" or self.mention_at(subject.idx) is not None:
            return None
        found = self.short_forms.target(subject.text)
        return Speaker(subject.text, found.name, found.key) if found is not None else None

    def _by_age(self, subject: Token) -> Speaker | None:
        """ "the 61-year-old said": the one person the article gave that age ("Anna Novak,
        61," or "61-year-old Anna Novak") before it."""
        written = np_text(subject)
        age = _AGE.search(written)
        if age is None:
            return None
        years = age.group(1)
        text = doc_text(self.doc)
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

    def _office_holder(self, subject: Token, acronym: str) -> Speaker:
        """ "the CEO said": the latest person named before with that office, as the acronym
        or spelled out, else an unnamed speaker (`speaker_office_acronyms`)."""
        for role in reversed(self.roles):
            if role.start < subject.idx and holds_office(acronym, role.words):
                return Speaker(np_text(subject), role.mention.name, role.mention.key)
        return Speaker(np_text(subject), None, None)

    def _relative(self, subject: Token) -> Speaker | None:
        """ "Erik Lund's mother said": the one other person the article names with Erik
        Lund's family name (`speaker_relatives`)."""
        found = relative_of_named(subject, self.mentions, self.mention_at, self.excluded)
        return Speaker(np_text(subject), found.name, found.key) if found is not None else None

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

    def _held_titles(self, subject: Token, conjuncts: list[Token]) -> Speaker | None:
        """ "President and Chief Financial Officer of Super Value Debra Symonette said": a run
        of offices whose "of" phrase ends in one person's name, after the body's name, is that
        person (`speaker_desc_titles`)."""
        offices = [subject, *conjuncts]
        if not all(office_word(t) for t in offices):
            return None
        found = the_one(m for t in offices if (m := holder_of(t, self.mention_at)) is not None)
        if found is None:
            return None
        phrase = self.doc[subject.left_edge.i : max(t.right_edge.i for t in offices) + 1]
        people = {
            m.key
            for t in phrase
            if t.ent_type_ == "PERSON" and (m := self.mention_at(t.idx)) is not None
        }
        if people != {found.key}:
            return None  # "… of State Antony Blinken and Defense Secretary Lloyd Austin"
        return Speaker(phrase.text, found.name, found.key)

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

    def _hyphen_office(self, subject: Token) -> Speaker | None:
        """ "President Joe Biden met Governor-elect Mark Doyle … “…,” the governor-elect
        said": the one person the article gives that whole title
        (`speaker_role_compounds.titled_holder`), when that person is the last one named
        before the description, subject of the paragraph or not; not when someone else was
        named since ("President-elect Mark Doyle … President Anna Novak spoke …")."""
        holder = titled_holder(subject)
        found = self.mention_at(holder.idx) if holder is not None else None
        if found is None or found.kind != EntityKind.PERSON:
            return None
        people = [
            m
            for m in self.mentions
            if m.kind == EntityKind.PERSON and m.end <= subject.idx and not self.excluded(m.start)
        ]
        if not people or people[-1].key != found.key:
            return None
        return Speaker(np_text(subject), found.name, found.key)

    def _role(self, subject: Token) -> Speaker | None:
        """ "the Russian president" -> the latest person introduced as a Russian president; not
        a plural ("Scientists used a definition" is no one scientist). An office capitalised
        after "the" ("the Director noted") is the same noun, tagged a proper one."""
        if subject.pos_ != "NOUN" and not _capitalised_office(subject):
            return None
        if any(c.lower_ in {"a", "an"} for c in subject.lefts):
            return None
        if subject.tag_ == "NNS":
            return None
        if subject.lemma_.lower() in BODIES:  # "the ruling party" is no party leader
            return None
        modifiers = [c.lemma_.lower() for c in role_modifiers(subject)]
        lemma = subject.lemma_.lower()
        fits = self._fitting(lemma, modifiers, spelled=False)
        fits = fits or self._fitting(lemma, modifiers, spelled=True)  # "Sen. Ann Lee"
        for role in reversed(fits):
            if role.start < subject.idx:
                return Speaker(np_text(subject), role.mention.name, role.mention.key)
        return self._introduced_after(subject, fits) or self._without_colour(subject, lemma)

    def _without_colour(self, subject: Token, lemma: str) -> Speaker | None:
        """ "the brave singer" after "singer Linda Marsh": with its words of colour left out
        (`speaker_epithets`), the one person named before whose role words fit."""
        words = frozenset(w for r in self.roles for w in r.words)
        kept = epithets_left_out(role_modifiers(subject), words)
        if kept is None:
            return None
        fits = self._fitting(lemma, kept, spelled=False)
        found = the_one(r.mention for r in fits if r.start < subject.idx)
        return Speaker(np_text(subject), found.name, found.key) if found is not None else None

    def _fitting(self, lemma: str, modifiers: list[str], spelled: bool) -> list[_Role]:
        """The roles a role noun and its modifiers describe; with `spelled`, an abbreviated
        title counts as its office ("Sen. Ann Lee" is "the senator"), asked only when the
        article wrote no one with the office itself ("Montana senator Jon Tester" is the
        senator of a paragraph that also names a "Sen. Chris Murphy")."""
        return [
            role
            for role in self.roles
            if any(_word_match(lemma, w, spelled) for w in role.words)
            and all(any(_word_match(m, w, spelled) for w in role.words) for m in modifiers)
        ]

    def _introduced_after(self, subject: Token, fits: list[_Role]) -> Speaker | None:
        """ "The president urged Americans to apply …" in a deck above "…, President Joe Biden
        said on Monday": a role noun (`ROLE_NOUNS`) written before the article names anyone is
        the one person it introduces with that role afterwards."""
        if subject.lemma_.lower() not in ROLE_NOUNS:
            return None  # "says the letter, signed by Sen. …": a writing, no role
        if any(m.kind == EntityKind.PERSON and m.start < subject.idx for m in self.mentions):
            return None
        people = {role.mention.key: role.mention for role in fits}
        if len(people) != 1:
            return None
        (person,) = people.values()
        return Speaker(np_text(subject), person.name, person.key)

    def _plain(self, subject: Token) -> Speaker | None:
        """A proper name, a speaking noun or a writing with no entity behind it: text only."""
        lemma = subject.lemma_.lower()
        if subject.pos_ == "PROPN" or lemma in SPEAKER_NOUNS or lemma in BODIES | DOCUMENTS:
            mention = self.mention_at(subject.idx)
            if mention is not None and mention.kind == EntityKind.PLACE:
                return self._place(subject, mention)
            if mention is not None and mention.kind not in SPEAKER_KINDS:
                return None  # "the Republican said": a group word is no one
            return Speaker(np_text(subject), None, None)
        return None

    def _place(self, subject: Token, mention: Mention) -> Speaker | None:
        """ "“We will respond,” Moscow said", "Russia said in a statement": a country or city
        speaking for its government is stored under the place, where `/quotes russia` finds it
        (PolNeAR's Source is the place name too). Only a proper noun that is the place's own
        name, not a word one of the article's people bears ("Jordan said", "Georgia said" for a
        Georgia Smith), nor a dateline in capitals ("WASHINGTON — …"); and only as the subject
        of its sentence's main verb: a place in a clause under it is seldom the one speaking
        ("Regev told Collins that Israel warned … and said he was “happy to report”", "as
        Moscow strongly denies")."""
        written = subject.text
        if subject.pos_ != "PROPN" or mention.start > subject.idx or not written[:1].isupper():
            return None
        if written.isupper() or not in_main_clause(subject):
            return None
        words = {w.lower() for w in mention.name.split()}
        people = {
            w.lower() for m in self.mentions if m.kind == EntityKind.PERSON for w in m.name.split()
        }
        if words & people:
            return None
        return Speaker(np_text(subject), mention.name, mention.key, place=True)
