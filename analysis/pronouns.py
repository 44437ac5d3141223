"""Who "he" and "she" are, read in order through the article as a reader does.

A pronoun that is a clause's subject stands for, in this order:

1. a person named earlier in its own sentence as a subject, else as a possessor ("In Hajjaj’s
   case, she decided …" is Hajjaj; not one inside a clause of its own: "Describing a visit to
   Farrow's house, he acknowledges …"); a person named there as an object or beside another
   subject ("he and Farrow were apart") is not preferred over the story's subject, unless the
   sentence's subject before it is of the other gender: then the person that subject acts on
   ("Ms. Haley slammed Mr. DeSantis after he accused her …" is DeSantis);
2. else the latest subject before it, where subjects are the people named as subjects and the
   pronouns already read, each standing for whom it was resolved to ("she decided …" then "“…,”
   she continued" is still Hajjaj, though another woman was named in between as an object);
   a pronoun that speaks ("“…,” he said") takes, of the latest sentence with such subjects,
   the one that sentence is most about: a speaker, else a main clause's subject ("Tinsley walks
   …, while Phalen scours …"; not the subject of a clause that hangs on a word of the
   sentence: "Lopes went into detail about how Maxwell recruited …", "Saleh is aware of the
   effect Kareem may have"), and passes over a sentence that names people only inside someone
   else's reported words ("the airline said Capo was too big"; "And, DeSantis added, Trump
   promised …": Trump is what DeSantis said);
3. else the latest person named before it.

A pronoun that replies ("“…,” she replied") is the person asked just before ("a reporter
asked Montoya-Lewis, “…?”"), when the two sentences before it name one.

A role noun subject with a person's name in apposition ("The clinic's surgeon, Ravi Menon,
said") counts as that person named as a subject; so does a proper-noun subject the model did not
tag, when the article names one person in full with that surname or first name ("Meta
spokesperson Tolan disagrees. He points to …" after "Al Tolan"; "Rollock" after "Nicola Rollock"
tagged as an organisation), and the person after
"according to" ("…, according to Max Schrems. “…,” he says") counts as one who speaks.

A main clause whose subject is a thing one person named as its possessor owns ("Some details
of Giuffre's allegations have changed. She initially said …") is about that person, as if they
were its subject; a person's relative, colleague or voice is not ("Smith's lawyer said. He …").
A name the small model read as an adverb of the verb right after it ("In debates, Connolly has
repeatedly batted away …") is that verb's subject. "according to Blinken's explanations" makes
Blinken one who speaks, as "according to Blinken" does. A surname tagged as an organisation
of its own ("Jaafar is also pushing …") is the one person-shaped name it ends ("Abdulaziz
Jaafar", tagged ORG too). A person the model did not tag, whom `speaker_gender` never saw, is
gendered by their first name ("Ana Escrogima" is no "he").

Some speakers the parser did not make a speech verb's subject are links all the same:
- a name hung on the quotation's verb after its closing mark ("“…,” Ramos, 58, told AFP",
  `pronoun_trailing_names`);
- an untagged lone surname that speaks ("“…,” Castillo said", `pronoun_lone_speakers`), not a
  misspelling of a named person;
- a name made the subject of the clause its subjectless speech verb reports ("DeMoro, …, a
  union that has been busing …, also said", `pronoun_misattached`);
- a name the parser made its sentence's root ("Rep. Devin Nunes (R-Calif.), …, didn't
  second-guess …", `pronoun_root_names`);
- a description's person after "named" ("a worker named Luis Arroyo", `pronoun_named_after`).

A person named inside a subjectless participle clause of the pronoun's own verb is not the
pronoun ("Asked whether Clinton would win, she replied", `pronoun_controlled`).

A speaking pronoun whose nearest subjects are all of the other gender is the one person of its
gender named beside them ("McDonough was responding to a message from Wendy Sherman. “…,” she
wrote", `pronoun_beside`).

The subject of a parenthetical speech verb ("Biden, he said, also …") skips rule 1: it is not
the person its sentence is about, but the latest person named as the subject of a speech verb
before its sentence (who is still speaking), else as rule 2 and 3 say.

A person the article genders otherwise (`speaker_gender`) is passed over, also when no one
else is left (the pronoun then stays unresolved: a "she" is never a man the article calls
"he"), and a one-word
"person" that is a word of a place or organisation of the article ("Keys" beside "Florida
Keys") is not a person here: the small model tags such words PERSON; nor is a "person" whose
name opens with the whole name of one of the article's organisations ("Arcade Publishing"
beside "Arcade"), unless the article also calls that person by the surname alone, tagged as a
person ("Khan also alleged …" beside "Imran's ouster" tagged ORG: a first name mistagged).
Nor is a one-word "person" the article never uses as one (`pronoun_persons`: "Brexit came as a
blow to him", "Bedouin women looked on"). A name glued to a stray symbol the parser took for
the subject ("Rep. Jane Roe\ufffdof Maine … voiced frustration") is that sentence's subject,
and a body sentence that lost its full stop between two paragraphs is read, not hidden as a
headline (`pronoun_lines`).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from analysis import pronoun_lines, pronoun_persons
from analysis.entities import ROLE_WORDS, make_key
from analysis.pronoun_beside import one_of_gender
from analysis.pronoun_controlled import inside_controlled
from analysis.pronoun_lone_speakers import lone_speaker
from analysis.pronoun_misattached import misattached
from analysis.pronoun_named_after import named_after
from analysis.pronoun_root_names import root_name
from analysis.pronoun_trailing_names import trailing_speaker
from analysis.speaker_descriptions import DESCRIBED_ROLES, DESCRIBED_TRAITS
from analysis.speaker_first_names import name_gender
from analysis.speaker_gender import PRONOUN_GENDER, ROLE_GENDER
from analysis.speaker_names import full_name_in, glued_name, person_shaped
from analysis.speaker_words import PEOPLE_NOUNS, SPEAKER_NOUNS, VOICES
from analysis.types import EntityKind, Mention

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative"})
PERSONAL = frozenset({"he", "she"})
REPLIES = frozenset({"reply", "respond", "answer", "retort"})
# Clauses that hang on a word of another clause, not the sentence's own: an adverbial clause,
# a relative one ("the effect Sinwar may have"), one under a preposition ("about how Maxwell
# recruited …"), a clause modifying a noun, a clause as subject.
_EMBEDDED = frozenset({"advcl", "relcl", "acl", "pcomp", "csubj"})
ASKS = frozenset({"ask", "question"})
# People who speak unnamed ("a spokesperson for X", "a senior official", "one source").
UNNAMED_VOICES = frozenset(
    """spokesperson spokesman spokeswoman official officer source aide adviser advisor
    representative strategist operative insider""".split()  # noqa: SIM905
)


def _misparsed_subject(token: Token) -> bool:
    """ "In media interviews, Connolly has repeatedly batted away …", "Jaafar is also pushing
    …": a name the small model read as an adverb of the verb right after it ("Connolly",
    "Daly", "Jaafar"), with no subject of its own, is that verb's subject."""
    if token.dep_ not in {"advmod", "npadvmod"} or not token.text[:1].isupper():
        return False
    if token.pos_ != "PROPN" and not token.ent_type_:
        return False
    verb = token.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.i < token.i:
        return False
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children):
        return False
    between = token.doc[token.i + 1 : verb.i]
    return all(t.dep_ in {"aux", "auxpass", "advmod", "neg"} for t in between)


# Words for people that are no name (a relative, a colleague, an office, a voice): a subject
# such a word is, or a phrase holding one, is a person of its own.
_PERSON_WORDS = (
    PEOPLE_NOUNS
    | ROLE_WORDS
    | SPEAKER_NOUNS
    | VOICES
    | DESCRIBED_ROLES
    | DESCRIBED_TRAITS
    | frozenset(ROLE_GENDER)
    | UNNAMED_VOICES
)


def _personal_noun(token: Token) -> bool:
    """A pronoun or a word for a person that is no name (`_PERSON_WORDS`)."""
    return token.pos_ == "PRON" or token.lemma_.lower() in _PERSON_WORDS


# The chain's entry for such a speaker with no organisation: a he/she that stands for it is no
# one the article names.
UNNAMED = Mention("", EntityKind.PERSON, "", -1, -1, 0, "", "")


def root_of(doc: Doc, mention: Mention) -> Token | None:
    """The syntactic head of a mention's tokens."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def head_dep(doc: Doc, mention: Mention) -> str:
    """The dependency of the mention's head: nsubj, poss, dobj, conj, ... ("" if unaligned)."""
    root = root_of(doc, mention)
    return root.dep_ if root is not None else ""


class PronounChain:
    """Resolves he/she subjects of one document (see the module docstring)."""

    def __init__(
        self,
        doc: Doc,
        mentions: Sequence[Mention],
        excluded: Callable[[int], bool],
        genders: dict[str, str],
        speech_verbs: frozenset[str] = frozenset(),
    ) -> None:
        self.doc = doc
        self.speech_verbs = speech_verbs
        # a body sentence that lost its full stop is read, not hidden as a headline
        excluded = pronoun_lines.with_body_lines(doc, excluded)
        self.excluded = excluded
        self.genders = genders
        others = {
            w.lower()
            for m in mentions
            if m.kind in {EntityKind.PLACE, EntityKind.ORG}
            for w in m.name.split()
        }
        self.others = others
        # "according to Nicola Rollock, professor …" tagged ORG: a person's name all the same
        self.orgs = [m for m in mentions if m.kind == EntityKind.ORG and not excluded(m.start)]
        self.named_orgs = [
            m for m in mentions if m.kind == EntityKind.ORG and person_shaped(m.name)
        ]
        # "Arcade Publishing" tagged PERSON beside "Arcade" tagged ORG: a company, not a man;
        # but a person the article also calls by the surname alone, tagged PERSON ("Khan also
        # alleged …" beside "Imran's ouster" tagged ORG), is a person whose first name the model
        # took for an organisation
        org_names = {m.name for m in mentions if m.kind == EntityKind.ORG}
        # "Bedouin women …", "the Brexit transition": a word tagged PERSON the article never
        # uses as a person is no one a he/she stands for (`pronoun_persons`)
        no_ones = pronoun_persons.no_ones(doc, mentions, excluded, speech_verbs)
        by_surname = {
            m.key
            for m in mentions
            if m.kind == EntityKind.PERSON
            and m.label == "PERSON"
            and " " in m.name
            and m.text == m.name.split()[-1]
        }
        self.people = sorted(
            (
                m
                for m in mentions
                if m.kind == EntityKind.PERSON
                and not excluded(m.start)
                and m.key not in no_ones
                and (" " in m.name or m.name.lower() not in others)
                and (
                    m.key in by_surname
                    or not any(m.name.startswith(f"{org} ") for org in org_names)
                )
            ),
            key=lambda m: m.start,
        )
        self.starts = [m.start for m in self.people]
        self.known = {m.key for m in mentions if m.kind == EntityKind.PERSON}
        self.chain: list[tuple[int, Mention]] = []
        self.ranks: dict[int, int] = {}  # chain position -> how much its sentence is about it
        self.sentence_of: dict[int, int] = {}  # chain position -> its sentence's first token
        self.speakers: list[tuple[int, Mention]] = []  # subjects of speech verbs
        self.resolved: dict[int, Mention | None] = {}
        self._read()

    def _person_at(self, char: int) -> Mention | None:
        i = bisect.bisect_right(self.starts, char) - 1
        if i >= 0 and self.people[i].start <= char < self.people[i].end:
            return self.people[i]
        return None

    def _read(self) -> None:
        """Walk the subjects in order, resolving each pronoun against what came before."""
        for token in self.doc:
            if token.lower_ == "according" and not self.excluded(token.idx):
                self._according_to(token)
                continue
            subject = token.dep_ in SUBJECT_DEPS or _misparsed_subject(token) or root_name(token)
            if not subject and not self.excluded(token.idx):
                self._trailing_name(token)
            if not subject or self.excluded(token.idx):
                continue
            named = (
                self._person_at(token.idx)
                or self._apposed_person(token)
                or self._untagged_person(token)
                or self._name_before_symbol(token)
            )
            if named is not None:
                self.chain.append((token.idx, named))
                self._rank(token)
                if self._speaks(token):
                    self.speakers.append((token.idx, named))
            elif (lone := self._lone_speaker(token)) is not None:
                self.chain.append((token.idx, lone))
                self._rank(token)
                self.speakers.append((token.idx, lone))
            elif (voice := self._unnamed_voice(token)) is not None:
                self.chain.append((token.idx, voice))
                self._rank(token)
                self.speakers.append((token.idx, voice))
            elif token.lower_ in PERSONAL:
                found = self._resolve_at(token)
                self.resolved[token.i] = found
                if found is not None:
                    self.chain.append((token.idx, found))
                    self._rank(token)
            elif (owner := self._owner_of_subject(token)) is not None:
                self.chain.append((token.idx, owner))
                self._rank(token)

    def _lone_speaker(self, subject: Token) -> Mention | None:
        """ "“…,” Castillo told AFP" with "Castillo" untagged and never written in full: the
        speaker as written is a link of the chain (`pronoun_lone_speakers`), so the next "he
        said" is that speaker, not someone named before."""
        if not self._speaks(subject):
            return None
        named = {w.lower() for m in self.people for w in m.name.split()}
        name = lone_speaker(subject, self.others, named)
        if name is None:
            return None
        start = subject.idx + len(subject.text) - len(name)
        end = subject.idx + len(subject.text)
        return Mention(name, EntityKind.PERSON, "", start, end, 0, name, make_key(name))

    def _trailing_name(self, token: Token) -> None:
        """ "“…,” Ramos, 58, told AFP" with "Ramos" hung on the quotation's verb: the speaker
        named after the closing mark speaks, as a speech verb's subject does
        (`pronoun_trailing_names`)."""
        named = self._person_at(token.idx)
        if named is None or token.idx + len(token.text) != named.end:
            return
        written = self.doc.char_span(named.start, named.end, alignment_mode="expand")
        if written is None or not trailing_speaker(written[0], token, self.speech_verbs):
            return
        self.chain.append((token.idx, named))
        self.ranks[token.idx] = 3
        self.sentence_of[token.idx] = token.sent.start
        self.speakers.append((token.idx, named))

    def _name_before_symbol(self, subject: Token) -> Mention | None:
        """ "Rep. Jane Roe\ufffdof Maine … voiced frustration": a stray symbol a page left
        where a space or mark was (U+FFFD) glued to a name is read as the subject, with the name
        as its modifier; the name is the subject."""
        name = glued_name(subject)
        return self._person_at(name.idx) if name is not None else None

    def _unnamed_voice(self, subject: Token) -> Mention | None:
        """ "A spokesperson for X said …", "a senior official said …": an unnamed person who
        speaks is who the next "he said" is, so it passes over people named before; it stands
        for the organisation named with it ("for X", "a State Department spokesperson"), else
        for no one (`UNNAMED`)."""
        if subject.pos_ != "NOUN" or subject.tag_ != "NN" or not self._speaks(subject):
            return None
        if subject.lemma_.lower() not in UNNAMED_VOICES:
            return None
        for prep in (c for c in subject.children if c.lower_ in {"for", "of", "at", "from"}):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if (body := self._org_at(obj.idx)) is not None:
                    return body
        for modifier in (c for c in subject.lefts if c.dep_ in {"compound", "nmod"}):
            if (body := self._org_at(modifier.left_edge.idx)) is not None:
                return body
        indefinite = any(c.lower_ in {"a", "an", "one"} for c in subject.lefts)
        return UNNAMED if indefinite else None

    def _owner_of_subject(self, subject: Token) -> Mention | None:
        """ "Some details of Giuffre's allegations have changed. She initially said …": a main
        clause whose subject is a thing one person named as its possessor owns (her
        allegations, his plan, Smith's account) is about that person, as a sentence with
        them as its subject would be. Not a person's relative, colleague or voice ("Smith's
        lawyer said. He added …": the lawyer), nor a phrase naming a second person ("Smith's
        account of Jones's visit") or standing in quoted words; the possessor only, through
        nouns and prepositions."""
        if subject.pos_ != "NOUN" or subject.ent_type_ or subject.head.dep_ != "ROOT":
            return None
        if _personal_noun(subject):
            return None
        owners: list[Mention] = []
        others = 0
        stack = [subject]
        while stack:
            node = stack.pop()
            for child in node.children:
                if child.dep_ == "poss" and child.pos_ == "PROPN":
                    found = self._person_at(child.idx)
                    if found is not None:
                        owners.append(found)
                elif child.dep_ in {"prep", "pobj", "compound", "amod"}:
                    if child.dep_ == "pobj" and (
                        _personal_noun(child) or self._person_at(child.idx) is not None
                    ):
                        others += 1
                    stack.append(child)
        keys = {m.key for m in owners}
        return owners[-1] if len(keys) == 1 and not others else None

    def _org_at(self, char: int) -> Mention | None:
        return next((m for m in self.orgs if m.start <= char < m.end), None)

    def _according_to(self, token: Token) -> None:
        """ "…, according to Max Schrems, founder of NOYB.": the person named after "according
        to" speaks in that sentence, as a speech verb's subject does; so does the one whose
        words follow it ("according to Blinken's explanations"), not a person's relative or
        voice ("according to Smith's lawyer")."""
        objects = [c for t in token.subtree for c in t.children if c.dep_ == "pobj"]
        named = self._person_at(objects[0].idx) if objects else None
        if named is None and objects and not _personal_noun(objects[0]):
            # "according to Blinken's explanations": the one whose words they are speaks
            owners = [c for c in objects[0].children if c.dep_ == "poss" and c.pos_ == "PROPN"]
            named = self._person_at(owners[0].idx) if len(owners) == 1 else None
        if named is None:
            return
        at = objects[0].idx
        self.chain.append((at, named))
        self.ranks[at] = 3
        self.sentence_of[at] = objects[0].sent.start
        self.speakers.append((at, named))

    def _untagged_person(self, subject: Token) -> Mention | None:
        """ "Meta spokesperson Tolan disagrees. He points to …": a proper-noun subject the model
        did not tag is the person the article names in full with that surname or first name
        (one person), or by the one full name it writes for it (`speaker_names`), so the next
        he/she is that person, not someone named earlier."""
        text = subject.text
        if not text[:1].isupper() or (subject.pos_ != "PROPN" and not subject.ent_type_):
            return None
        shaped = {m.key: m for m in self.named_orgs if m.name.split()[-1] == text}
        lone = len(shaped) == 1 and not any(m.name.split()[-1] == text for m in self.people)
        if subject.ent_type_:
            # "Jaafar is also pushing …" after "the company's CEO, Abdulaziz Jaafar," with
            # both tagged ORG: the surname alone, tagged an organisation of its own, is still
            # the one person-shaped name it ends
            tagged = self._org_at(subject.idx)
            alone = tagged is not None and tagged.name == text and subject.ent_type_ == "ORG"
            return next(iter(shaped.values())) if alone and lone else None
        if lone:
            return next(iter(shaped.values()))  # "Nicola Rollock" tagged ORG, then "Rollock"
        if text.lower() in self.others or not text.isalpha():
            return None
        return self._named_in_full(subject)

    def _named_in_full(self, subject: Token) -> Mention | None:
        """The one person named in full with this word as surname (of several, the one the
        surname written alone folds onto: `entity_relatives`), else as first name, else the
        one full name the article writes for it."""
        text = subject.text
        for place in (-1, 0):  # the surname, else the first name
            found = {
                m.key: m for m in self.people if " " in m.name and m.name.split()[place] == text
            }
            if len(found) == 1:
                return next(iter(found.values()))
            # of several, the one the entity rules fold the name written alone onto
            # ("Fischer's mother, Adrianne Fischer" leaves "Fischer" to Tanner Fischer)
            folded = {m.key: m for m in self.people if m.text == text and m.key in found}
            if len(folded) == 1 and place == -1:
                return next(iter(folded.values()))
            if found:
                return None
        full = full_name_in(self.doc, text)
        if full is None:
            return None
        end = subject.idx + len(text)
        return Mention(text, EntityKind.PERSON, "PERSON", subject.idx, end, 0, full, make_key(full))

    def _apposed_person(self, subject: Token) -> Mention | None:
        """ "“Parasite” director Bong Joon Ho said": a role noun subject whose name stands in
        apposition to it (or ends a coordinated role: "surgeon and study co-lead David N."), also
        a person's name the model tagged as an organisation after a job word ("union
        president, Tawanda Zvakada said")."""
        if subject.pos_ != "NOUN":
            return None
        named = named_after(subject)  # "a worker named Luis Arroyo" (`pronoun_named_after`)
        if named is not None and (found := self._person_at(named.idx)) is not None:
            return found
        heads = [subject, *(c for c in subject.children if c.dep_ == "conj")]
        for head in heads:
            for child in head.children:
                if child.dep_ != "appos":
                    continue
                found = self._person_at(child.idx)
                if found is None and head.lemma_.lower() in ROLE_WORDS:
                    # "ZHDA president, Tawanda Zvakada said" with the name tagged ORG
                    found = next((m for m in self.named_orgs if m.start <= child.idx < m.end), None)
                if found is not None:
                    return found
        return None

    def _rank(self, subject: Token) -> None:
        """How much a subject's sentence is about it: 3 for the subject of a speech verb, 2 for
        a main clause's, 1 for a subordinate clause's ("Tinsley walks …, while Phalen scours
        …", or a clause under another person's verb: "She appeared to imply that Trump could
        lead …"), 0 for the subject of a clause another's words report ("the airline said Capo
        was too big")."""
        verb = subject.head
        if self._speaks(subject):
            rank = 3
        elif self._reported(subject) or self._told_by_aside(subject):
            rank = 0
        else:
            rank = 1 if verb.dep_ in _EMBEDDED or self._under_someone(verb) else 2
        self.ranks[subject.idx] = rank
        self.sentence_of[subject.idx] = subject.sent.start

    def _under_someone(self, verb: Token) -> bool:
        """A clause another person's verb governs ("She appeared to imply that Trump could
        lead …"): the sentence is about her, whose verb it is, not about Trump."""
        if verb.dep_ != "ccomp":
            return False
        governor = verb.head
        while governor.dep_ == "xcomp":
            governor = governor.head
        return any(
            c.dep_ in SUBJECT_DEPS
            and (
                c.lower_ in PERSONAL
                or self._person_at(c.idx) is not None
                or self._apposed_person(c) is not None
                or self._untagged_person(c) is not None
            )
            for c in governor.children
        )

    def _speaks(self, subject: Token) -> bool:
        """The subject of a speech verb outside quotes that no other speech verb reports
        ("Larkin noted Biden “called …”": Larkin speaks, Biden does not)."""
        verb = subject.head
        if misattached(subject, self.speech_verbs) and not self.excluded(verb.head.idx):
            return True  # "DeMoro, ..., a union that has been busing ..., also said"
        if verb.lemma_.lower() not in self.speech_verbs or self.excluded(verb.idx):
            return False
        return not self._reported(subject) and not self._told_by_aside(subject)

    def _reported(self, subject: Token) -> bool:
        """The subject of a clause another speech verb reports ("the airline said Capo …")."""
        verb = subject.head
        if misattached(subject, self.speech_verbs):
            return False  # the speech verb's own speaker, misparsed (`pronoun_misattached`)
        return verb.dep_ in {"ccomp", "xcomp"} and verb.head.lemma_.lower() in self.speech_verbs

    def _told_by_aside(self, subject: Token) -> bool:
        """A subject inside the words of a parenthetical speaker ("And, DeSantis added, Trump
        promised …": Trump is what DeSantis said, he does not speak): its sentence's root has
        a speech verb set off by commas as an aside, with a subject of its own, and the
        subject is not that one."""
        root = subject.sent.root
        for aside in root.children:
            if aside.dep_ != "parataxis" or aside.lemma_.lower() not in self.speech_verbs:
                continue
            speakers = [c for c in aside.children if c.dep_ in SUBJECT_DEPS]
            if not speakers or self.excluded(aside.idx) or subject in speakers:
                continue
            first, after = speakers[0].i - 1, aside.i + 1
            set_off = (first < subject.sent.start or self.doc[first].text == ",") and (
                after >= subject.sent.end or self.doc[after].text in {",", "."}
            )
            if set_off:
                return True
        return False

    def _fits(self, mention: Mention, gender: str) -> bool:
        """Whether a pronoun of this gender may stand for the person: the article's genders
        (`speaker_gender`); for one the model did not tag, whom `speaker_gender` never saw
        ("Escrogima told …" after an untagged "Ana Escrogima"), their first name's usual
        gender."""
        if mention.key in self.genders or mention.key in self.known:
            return self.genders.get(mention.key, gender) == gender
        return name_gender(mention.name) in {None, gender}

    def _resolve_at(self, token: Token) -> Mention | None:
        gender = PRONOUN_GENDER[token.lower_]
        sentence = token.sent
        # "Biden, he said, also …": the subject of a parenthetical speech verb is not the
        # person its sentence is about, so the sentence's own people are passed over
        # (not "“A,” she said, “B”": a sentence that opens with a quote is the speaker's own)
        opening = next((t for t in sentence if not (t.is_punct or t.is_space)), token)
        aside = token.head.dep_ == "parataxis" and not self.excluded(opening.idx)
        same = [
            m
            for m in self.people
            if sentence.start_char <= m.start
            and m.end <= token.idx
            and self._fits(m, gender)
            and not aside
        ]
        subjects = [m for m in same if head_dep(self.doc, m) in SUBJECT_DEPS or self._root(m)]
        # "Asked whether Clinton would win, she replied": not Clinton (`pronoun_controlled`)
        subjects = [m for m in subjects if not self._controlled(m, token)]
        owners = [m for m in same if head_dep(self.doc, m) == "poss" and self._near(m, token)]
        # "Ms. Haley slammed Mr. DeSantis after he accused her …": whom she acts on
        objects = [m for m in same if head_dep(self.doc, m) in OBJECT_DEPS]
        if objects and not (subjects or owners) and self._subject_of_other_gender(token, gender):
            owners = objects
        if subjects or owners:
            return (subjects or owners)[-1]
        # "…asked Montoya-Lewis. “…,” she replied"; "a message from Wendy Sherman. “…,” she wrote"
        nearby = self._asked(token, gender) or (None if aside else self._one_beside(token, gender))
        if nearby is not None:
            return nearby
        limit = sentence.start_char if aside else token.idx
        said = [m for at, m in self.speakers if at < limit and self._fits(m, gender)]
        if aside and said:
            return said[-1]  # "LaBolt noted Biden …. Biden, he said, …": the last one to speak
        before = [
            (at, m) for at, m in self.chain if at < limit and not self._controlled_at(at, token)
        ]
        chain = [(at, m) for at, m in before if self._fits(m, gender)]
        if chain and self._speaks(token):
            return self._most_about(chain)  # "“…,” he said": who the story was just about
        if chain:
            return chain[-1][1]
        earlier = [m for m in self.people if m.end <= token.idx]
        fitting = [m for m in earlier if self._fits(m, gender)]  # a "she" is never a known man
        return fitting[-1] if fitting else None

    def _controlled(self, mention: Mention, token: Token) -> bool:
        """A name inside a subjectless participle clause of the pronoun's verb."""
        root = root_of(self.doc, mention)
        return root is not None and inside_controlled(root, token.head)

    def _controlled_at(self, at: int, token: Token) -> bool:
        """A subject of the chain at this character inside a subjectless participle clause of
        the pronoun's own verb ("Asked whether Clinton would win, she replied")."""
        if at < token.sent.start_char:
            return False
        written = self.doc.char_span(at, at + 1, alignment_mode="expand")
        return written is not None and inside_controlled(written[0], token.head)

    def _root(self, mention: Mention) -> bool:
        """A name the parser made its sentence's root (`pronoun_root_names`): a subject."""
        root = root_of(self.doc, mention)
        return root is not None and root_name(root)

    def _near(self, owner: Mention, token: Token) -> bool:
        """A possessor that hangs on the pronoun's own verb through nouns and prepositions only
        ("In Hajjaj's case, she decided"), not one inside a clause of its own ("Describing a
        visit to Farrow's house, he acknowledges …": the visit is his, Farrow is its place)."""
        root = root_of(self.doc, owner)
        verb = token.head
        if root is None:
            return True
        node = root.head
        while node.i not in (node.head.i, verb.i):
            if node.pos_ in {"VERB", "AUX"}:
                return False
            node = node.head
        return node.i == verb.i or node.pos_ not in {"VERB", "AUX"}

    def _subject_of_other_gender(self, token: Token, gender: str) -> bool:
        """Whether the pronoun's sentence names, before it, a subject the article genders
        otherwise: that subject is not the pronoun, so the person that subject acts on is."""
        sentence = token.sent
        return any(
            sentence.start_char <= m.start
            and m.end <= token.idx
            and head_dep(self.doc, m) in SUBJECT_DEPS
            and self.genders.get(m.key, gender) != gender
            for m in self.people
        )

    def _one_beside(self, token: Token, gender: str) -> Mention | None:
        """ "McDonough was responding to a message from Wendy Sherman, reporting that …. “…,”
        she wrote.": when every subject from the sentence of the latest subject before a
        speaking pronoun (its own sentence or one of the two before) is of the other gender,
        the one person of the pronoun's gender named in their clauses, as an object or after a
        preposition, is who speaks, not a subject of an older sentence (`pronoun_beside`);
        not one named in a sentence with no person as subject ("But what if Clinton wins?
        Don't Republicans run the risk of … more liberal nominees than Obama? “…,” he said")."""
        before = [at for at, _ in self.chain if at < token.idx]
        if not before or not self._speaks(token):
            return None
        first = self.sentence_of[before[-1]]
        near = [token.sent.start]
        while len(near) < 3 and near[-1] > 0:  # the two sentences before, a quote's included
            near.append(self.doc[near[-1] - 1].sent.start)
        if first not in near:
            return None
        start = self.doc[first].idx
        subjects = [(at, m) for at, m in self.chain if start <= at < token.idx]
        if any(self._fits(m, gender) for _, m in subjects):
            return None
        verbs = {self._verb_at(at) for at, _ in subjects}
        named = [
            m
            for m in self.people
            if start <= m.start and m.end <= token.idx and self._hangs_on(m, verbs)
        ]
        return one_of_gender(named, gender, self.genders)

    def _verb_at(self, at: int) -> int:
        """The index of the verb whose subject the chain read at this character."""
        written = self.doc.char_span(at, at + 1, alignment_mode="expand")
        return written[0].head.i if written is not None else -1

    def _hangs_on(self, mention: Mention, verbs: set[int]) -> bool:
        """Whether a person's name stands in the clause of one of these verbs (its object, a
        phrase after a preposition of it), not in a sentence of its own."""
        root = root_of(self.doc, mention)
        return root is not None and any(a.i in verbs for a in root.ancestors)

    def _asked(self, token: Token, gender: str) -> Mention | None:
        """ "A reporter asked Montoya-Lewis, “…?” “…,” she replied": who replies is the person
        just asked, in the two sentences before the reply."""
        if token.head.lemma_.lower() not in REPLIES or token.sent.start == 0:
            return None
        previous = self.doc[token.sent.start - 1].sent
        start = self.doc[previous.start - 1].sent.start if previous.start > 0 else 0
        for verb in reversed(self.doc[start : token.sent.start]):
            if verb.lemma_.lower() not in ASKS or self.excluded(verb.idx):
                continue
            for child in verb.children:
                found = self._person_at(child.idx) if child.dep_ in {"dobj", "dative"} else None
                if found is not None and self._fits(found, gender):
                    return found
        return None

    def _most_about(self, chain: list[tuple[int, Mention]]) -> Mention:
        """Of the latest sentence with candidates, the one it is most about (`_rank`: a speaker,
        else a main clause's subject, else a subordinate clause's); when that sentence names
        people only inside someone else's reported words, the same from up to two such
        sentences before it ("“…,” he said. The airline said Capo was too big. “…,” he said":
        he is the man who spoke, not the dog), else the latest."""
        groups: list[list[tuple[int, Mention]]] = []
        for at, mention in reversed(chain):
            if groups and self.sentence_of[groups[-1][0][0]] == self.sentence_of[at]:
                groups[-1].append((at, mention))
            elif len(groups) < 3:
                groups.append([(at, mention)])
            else:
                break
        for group in groups:
            best = max(group, key=lambda entry: (self.ranks[entry[0]], entry[0]))
            if self.ranks[best[0]] > 0:
                return best[1]
        return chain[-1][1]

    def resolve(self, token: Token) -> Mention | None:
        """The person a he/she token stands for, or None when no one was named before it (or
        it is an unnamed speaker: "a senior official said …. “…,” he said")."""
        found = self.resolved[token.i] if token.i in self.resolved else self._resolve_at(token)
        return None if found is UNNAMED else found
