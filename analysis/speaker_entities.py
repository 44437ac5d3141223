"""Speaker rules for a subject that is, or is beside, a name (the first rules tried).

A tagged PERSON/ORG mention or one in apposition, a surname tagged as a common noun, a name NER
missed, a title whose place runs into its holder's name, "Mr Ng" for a family name first.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.entities import make_key
from analysis.speaker_index import MentionIndex
from analysis.speaker_lone import lone_name
from analysis.speaker_names import capitalised_noun, full_name_in, written_name
from analysis.speaker_words import (
    BODIES,
    DOCUMENTS,
    HONORIFIC_WORDS,
    NAMED_ONLY_BODIES,
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
            return Speaker(np_text(subject), mention.name, mention.key)
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

    def _family_name_first(self, subject: Token, word: str) -> Mention | None:
        """ "Mr Ng said" after "Ng Yat Chung": with an honorific before it, a word that opens
        exactly one person's full name (family name first) and ends none is that person."""
        before = self.doc[subject.i - 1].lower_.rstrip(".") if subject.i > 0 else ""
        if before not in HONORIFIC_WORDS or " " in word:
            return None
        return self._by_first_name(word)
