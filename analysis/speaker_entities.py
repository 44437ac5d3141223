"""Speaker rules for a subject that is, or is beside, a name (the first rules tried).

A tagged PERSON/ORG mention or one in apposition, a surname tagged as a common noun, a name NER
missed, a title whose place runs into its holder's name, "Mr Ng" for a family name first; a name
set off at the end of a role's phrase, which the parser hung on the phrase's last noun ("The
Palestinian ambassador to the Netherlands, Ammar Hadad, told"); a surname two people of the
article share, as the one of them named last ("Kelce shared" after "Swift and Travis …").
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.doc_text import doc_text
from analysis.entities import make_key
from analysis.speaker_index import MentionIndex
from analysis.speaker_lone import lone_name
from analysis.speaker_names import capitalised_noun, full_name_in, written_name
from analysis.speaker_words import (
    BODIES,
    DOCUMENTS,
    HONORIFIC_WORDS,
    NAMED_ONLY_BODIES,
    PEOPLE_NOUNS,
    PLACE_TYPES,
    SPEAKER_KINDS,
    SPEAKER_NOUNS,
    TITLE_WORDS,
    VOICES,
    Speaker,
    np_text,
)
from analysis.types import EntityKind, Mention


class EntityRules(MentionIndex):
    """The name rules of the speaker resolver."""

    def _entity(self, subject: Token) -> Speaker | None:
        """The PERSON/ORG mention the subject is, or stands in apposition to, or the name the
        article spells out for a proper noun the model did not tag (`speaker_names`)."""
        mention = self.mention_at(subject.idx)
        if mention is not None and mention.kind in SPEAKER_KINDS:
            shared = None
            if mention.kind == EntityKind.PERSON and mention.text == subject.text:
                shared = self._shared_surname(subject, subject.text)
            speaker = shared or mention
            return Speaker(np_text(subject), speaker.name, speaker.key)
        for child in subject.children:
            if child.dep_ != "appos" or (
                child.left_edge.i > subject.i + 2 and not self._closing_apposition(subject, child)
            ):
                continue  # not "the letter, signed by Sens. X, Y and Z": the name right after
            found = self.mention_at(child.idx)
            if found is not None and (
                found.kind in SPEAKER_KINDS or self._body_named(subject, found)
            ):
                return Speaker(np_text(subject), found.name, found.key)
        closing = self._name_closing_phrase(subject)
        if closing is not None:
            return Speaker(np_text(subject), closing.name, closing.key)
        # a name tagged as a work, product or event ("said senior guard Kayla Cooper" as a
        # WORK_OF_ART) is as untagged as one the model left alone
        untagged = mention is None or mention.kind == EntityKind.OTHER
        if subject.pos_ == "PROPN" and (named := self._untagged_name(subject, untagged)):
            return named
        if untagged and capitalised_noun(subject) and (named := self._surname_as_noun(subject)):
            return named
        return self._title_run_into_name(subject) if mention is None else None

    @staticmethod
    def _body_named(subject: Token, found: Mention) -> bool:
        """ "said the charity Oxfam" with "Oxfam" tagged a place: a body word in apposition
        to a name says the name is that body's."""
        lemma = subject.lemma_.lower()
        return found.kind == EntityKind.PLACE and lemma in BODIES | NAMED_ONLY_BODIES

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
        letter, signed by Sens. X, Y and Z") nor several people. The role may be written in
        capitals ("Palestinian Ambassador to the Netherlands, Ammar Hijazi, told"), a proper
        noun in no entity; a comma closing the apposition is no word of the subject."""
        if not self._describes(subject):
            return False
        if any(c.dep_ == "conj" for c in name.children) or name.right_edge.i != _last_word(subject):
            return False
        found = self.mention_at(name.idx)
        return found is not None and found.kind == EntityKind.PERSON

    def _describes(self, subject: Token) -> bool:
        """A role noun that may be set beside its holder's name: a common noun, or a proper
        noun in no entity ("Ambassador"); not a writing or a voice ("the letter, signed by",
        "a spokesperson for the family, Jane Doe")."""
        if subject.lemma_.lower() in DOCUMENTS | VOICES:
            return False
        if subject.pos_ == "NOUN":
            return True
        return subject.pos_ == "PROPN" and self.mention_at(subject.idx) is None

    def _name_closing_phrase(self, subject: Token) -> Mention | None:
        """ "The Palestinian ambassador to the Netherlands, Ammar Hadad, told": a role noun
        whose phrase (`for`/`to`/`in`/`of` a place or a field) ends in a person's name set off
        by a comma, which the parser hung on the phrase's last noun rather than on the role,
        names that person, as an apposition to the role would (`_closing_apposition`). Not when
        the noun the name hangs on is a person, a person's word or a pronoun ("a friend of the
        victim, Jane Roe,": the victim may be Jane Roe), nor a name joined with others."""
        if not self._describes(subject):
            return None
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children):
            return None  # "His former partner at Lenox, Lawrence Cummings,": two people
        last = _last_word(subject)
        for noun in _phrase_nouns(subject):
            for name in (c for c in noun.children if c.dep_ == "appos"):
                if name.right_edge.i != last or any(c.dep_ == "conj" for c in name.children):
                    continue
                if name.left_edge.i == 0 or self.doc[name.left_edge.i - 1].text != ",":
                    continue
                if not _impersonal(noun) or self._person_at(noun):
                    continue
                found = self.mention_at(name.idx)
                if found is not None and found.kind == EntityKind.PERSON:
                    return found
        return None

    def _person_at(self, noun: Token) -> bool:
        """Whether a noun is (part of) a person's name."""
        found = self.mention_at(noun.idx)
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
                place = [c.idx for c in name.lefts if c.ent_type_ in PLACE_TYPES]
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
            or self._shared_surname(subject, name)
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
        lone = lone_name(subject, SPEAKER_NOUNS | TITLE_WORDS, named) if " " not in name else None
        return Speaker(written, lone, make_key(lone)) if lone is not None else None

    def _shared_surname(self, subject: Token, word: str) -> Mention | None:
        """ "Kelce shared" in a story about Donna Kelce and her son Travis Kelce: a surname two
        people of the article share is the one of them the text names, by any of their names
        ("Swift and Travis recently attended …"), in the paragraph before and the speaker's
        own up to it, when it names only that one; none or both there ("Anna Novak runs the
        clinic; her brother Tom Novak runs the farm"), the surname is left to no one."""
        if " " in word:
            return None
        lower = word.lower()
        keys = {
            m.key
            for m in self.mentions
            if m.kind == EntityKind.PERSON and " " in m.name and m.name.lower().split()[-1] == lower
        }
        if len(keys) < 2:
            return None
        people = {m.key: m for m in self.mentions if m.key in keys}
        firsts: dict[str, set[str]] = {}
        for key, person in people.items():
            firsts.setdefault(person.name.split()[0], set()).add(key)
        begin = _paragraph_before(doc_text(self.doc), subject.idx)
        named: set[str] = set()
        for token in self.doc[: subject.i]:
            if token.idx < begin or self.excluded(token.idx) or token.pos_ != "PROPN":
                continue
            found = self.mention_at(token.idx)
            if found is not None and found.key in keys:
                named.add(found.key)
            elif found is None and len(owners := firsts.get(token.text, set())) == 1:
                named |= owners  # "Travis spoke …", untagged
        return people[named.pop()] if len(named) == 1 else None

    def _family_name_first(self, subject: Token, word: str) -> Mention | None:
        """ "Mr Ng said" after "Ng Yat Chung": with an honorific before it, a word that opens
        exactly one person's full name (family name first) and ends none is that person."""
        before = self.doc[subject.i - 1].lower_.rstrip(".") if subject.i > 0 else ""
        if before not in HONORIFIC_WORDS or " " in word:
            return None
        return self._by_first_name(word)


_PLACES_AND_BODIES = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC"})


def _paragraph_before(text: str, at: int) -> int:
    """Where the paragraph before the one holding an offset starts (0 when there is none)."""
    start = text.rfind("\n", 0, at) + 1
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return text.rfind("\n", 0, start) + 1 if start > 0 else 0


def _last_word(subject: Token) -> int:
    """The index of the subject phrase's last word, a closing comma or dash left aside."""
    end = subject.right_edge.i
    while end > subject.i and subject.doc[end].is_punct:
        end -= 1
    return end


def _phrase_nouns(subject: Token) -> list[Token]:
    """The nouns of the prepositional phrases after a subject ("to the Netherlands", "for
    legal affairs", "in both Florida and New York"), their conjuncts and phrases of their own
    ("of the Council of Europe") included."""
    found: list[Token] = []
    heads = [subject]
    while heads:
        head = heads.pop()
        for prep in (c for c in head.children if c.dep_ == "prep" and c.i > head.i):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                nouns = [obj, *(c for c in obj.conjuncts if c.i > obj.i)]
                found += nouns
                heads += nouns
    return found


def _impersonal(noun: Token) -> bool:
    """A noun no name set off after it could be the bearer of: a place, a body, a field; not
    a pronoun nor a word for people (`PEOPLE_NOUNS`, the role words)."""
    if noun.pos_ == "PRON":
        return False
    if noun.pos_ == "PROPN" and noun.ent_type_ not in _PLACES_AND_BODIES:
        return False  # "the family of Ana Ruiz, Jose Ruiz,": an untagged name may be a person's
    lemma = noun.lemma_.lower()
    return lemma not in PEOPLE_NOUNS and lemma not in SPEAKER_NOUNS | TITLE_WORDS
