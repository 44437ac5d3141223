"""Speaker rules for writings and voices: whose a statement, letter, book or spokesperson is.

"a spokesperson for X", "His statement continued:", "the DOJ release", "“…,” the statement said"
after "Obama released a statement", "a court document filed by X", "the book said" for its
author only. The rule bodies live in `speaker_documents`; this layer ties them to the mentions.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.speaker_bodies import bare_noun
from analysis.speaker_documents import issuer_of, written_by
from analysis.speaker_organisations import OrganisationRules
from analysis.speaker_words import (
    ANNOUNCEMENTS,
    AUTHORED,
    BODIES,
    DOCUMENTS,
    VOICES,
    WRITINGS,
    Speaker,
    np_text,
)
from analysis.types import EntityKind


class WritingRules(OrganisationRules):
    """The writing and voice rules of the speaker resolver."""

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

    def _owner_of(self, subject: Token) -> Speaker | None:
        """ "His statement continued:", "Day's letter said": a writing someone owns speaks for
        them (he/she as the chain reads it, a name as written, a body as described:
        `_owning_body`)."""
        if subject.lemma_.lower() not in DOCUMENTS:
            return None
        for owner in (c for c in subject.children if c.dep_ == "poss"):
            if owner.lower_ in {"his", "her"}:
                person = self.pronouns.resolve(owner)
                return Speaker(np_text(subject), person.name, person.key) if person else None
            named = self._entity(owner) or self._owning_body(owner)
            if named is not None and named.key is not None:
                return Speaker(np_text(subject), named.name, named.key)
        return None

    def _owning_body(self, owner: Token) -> Speaker | None:
        """ "The party's letter said:" after "the Green Party": a body written as a description
        owns the writing as the organisation it stands for (`_speaking_for`); "The
        Conservatives' letter said:", a party written as its members in the plural, speaks
        for them as the group the article names (one of them, "a Conservative", would not)."""
        if owner.pos_ == "NOUN" and owner.lemma_.lower() in BODIES:
            return self._speaking_for(owner)
        mention = self.mention_at(owner.idx)
        if mention is None or mention.kind != EntityKind.GROUP or owner.tag_ != "NNPS":
            return None
        return Speaker(np_text(owner), mention.name, mention.key)

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
            owned = self._owner_of(earlier[-1])  # "The Conservatives' letter said …"
            if owned is not None:
                return Speaker(np_text(subject), owned.name, owned.key)
            speaking = earlier[-1].dep_ == "nsubj" and bare_noun(earlier[-1])
            found = self._issued_just_before(earlier[-1]) if speaking else None
            return Speaker(np_text(subject), found.name, found.key) if found else None
        body = self._org_subject_before(subject)  # or the one that spoke just before
        if body is not None:
            return Speaker(np_text(subject), body.name, body.key)
        campaign = self._campaign_subject_before(subject)
        return Speaker(np_text(subject), campaign.name, campaign.key) if campaign else None
