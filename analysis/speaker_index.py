"""The mentions of one document, looked up the ways the speaker rules need them.

The base of `quote_speakers.SpeakerResolver`: where a mention is, who a surname or first name
is, which organisation a common noun ends, and who was just a subject. The rule layers
(`speaker_entities`, `speaker_organisations`, `speaker_writings`) build on it.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from analysis.pronouns import SUBJECT_DEPS, PronounChain, head_dep
from analysis.speaker_desc_acronyms import ShortForms
from analysis.speaker_names import person_shaped
from analysis.speaker_words import Speaker, the_one
from analysis.types import EntityKind, Mention


class MentionIndex:
    """A document's mentions in text order, with the look-ups the speaker rules share."""

    pronouns: PronounChain  # set by the resolver, which knows the speech verbs

    def __init__(
        self, doc: Doc, mentions: Sequence[Mention], excluded: Callable[[int], bool]
    ) -> None:
        self.doc = doc
        self.short_forms = ShortForms(doc, mentions)  # "PSPC said": the organisation in full
        self.mentions = sorted(self.short_forms.rewrite(mentions), key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.excluded = excluded

    def resolve(self, subject: Token) -> Speaker | None:
        """The speaker a subject token stands for (`quote_speakers.SpeakerResolver`)."""
        raise NotImplementedError

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

    def _is_person(self, key: str) -> bool:
        """Whether an entity key is a person's."""
        return any(m.key == key and m.kind == EntityKind.PERSON for m in self.mentions)

    def _by_surname(self, word: str) -> Mention | None:
        """The one person whose canonical name ends with this word; of several, the one the
        article's entity rules fold the surname written alone onto ("Fischer's mother, Adrianne
        Fischer" leaves "Fischer" to Tanner Fischer: `entity_relatives`)."""
        lower = word.lower()
        people = [
            m
            for m in self.mentions
            if m.kind == EntityKind.PERSON and m.name.lower().split()[-1:] == [lower]
        ]
        one = the_one(people)
        if one is not None:
            return one
        return the_one(m for m in people if m.text.lower() == lower and " " in m.name)

    def _by_first_name(self, word: str) -> Mention | None:
        """The one person named in full whose first name is this word (tried after surnames)."""
        return the_one(
            m
            for m in self.mentions
            if m.kind == EntityKind.PERSON and " " in m.name and m.name.split()[0] == word
        )

    def person_by_surname(self, name: Token, not_first: frozenset[str]) -> Speaker | None:
        """The one person whose name ends with this word ("Stone" in "Continued Stone:"), among
        names not opening with a word of `not_first` (NER's "Continued Stone" is no one)."""
        lower = name.text.lower()
        person = the_one(
            m
            for m in self.mentions
            if m.kind == EntityKind.PERSON
            and m.name.lower().split()[-1:] == [lower]
            and m.name.lower().split()[0] not in not_first
        )
        return Speaker(name.text, person.name, person.key) if person is not None else None

    def _org_opening_with(self, word: str) -> Mention | None:
        """The one organisation whose name starts with this word."""
        return the_one(
            m
            for m in self.mentions
            if m.kind == EntityKind.ORG and m.name.split()[:1] == [word] and " " in m.name
        )

    def _name_tagged_org(self, word: str) -> Mention | None:
        """ "according to Nicola Rollock, professor …" tagged ORG, then "Rollock says": the one
        organisation written "First Surname" (two or three capitalised words, none an
        organisation word) that ends with the surname a speech verb's subject is."""
        return the_one(
            m
            for m in self.mentions
            if m.kind == EntityKind.ORG and person_shaped(m.name) and m.name.split()[-1] == word
        )

    def _org_ending_with(self, word: str, before: int) -> Mention | None:
        """The one organisation named before this point whose name ends with this common noun
        ("zoo" -> "Oakland Zoo"), or None when none or several do."""
        return the_one(
            m
            for m in self.mentions
            if m.kind == EntityKind.ORG
            and m.end <= before
            and not self.excluded(m.start)
            and " " in m.name
            and m.name.lower().split()[-1] == word
        )

    def _orgs_before(self, token: Token) -> list[Mention]:
        """The organisations named before the token in its sentence and the one before, in
        text order, none inside quoted text."""
        sentence = token.sent
        previous = self.doc[sentence.start - 1].sent if sentence.start > 0 else sentence
        return [
            m
            for m in self.mentions
            if m.kind == EntityKind.ORG
            and previous.start_char <= m.start
            and m.end <= token.idx
            and not self.excluded(m.start)
        ]

    def _org_subject_before(self, token: Token) -> Mention | None:
        """The latest organisation that is a subject in this sentence or the one before: "The
        Writers Guild of America welcomed the deal. “…,” the union said"."""
        subjects = [m for m in self._orgs_before(token) if head_dep(self.doc, m) in SUBJECT_DEPS]
        return subjects[-1] if subjects else None
