"""Speaker rules for organisations and the people who speak for them.

"the newspaper", "the Trump campaign", "the department", "the company", "zoo officials", "a
State Department spokesperson", "they said": the organisation (or, for a campaign, the
candidate) as a reader takes it. The rule bodies live in `speaker_press`, `speaker_campaigns`
and `speaker_bodies`; this layer ties them to the document's mentions.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.pronouns import SUBJECT_DEPS
from analysis.speaker_bodies import bare_noun, described_body, lone_body_before
from analysis.speaker_campaigns import campaign_owner
from analysis.speaker_entities import EntityRules
from analysis.speaker_it_chain import previous_speaker, speaks, spoken_orgs
from analysis.speaker_press import latest_press, speaks_for_press
from analysis.speaker_press_named import called_press, latest_acting_press
from analysis.speaker_words import (
    BODIES,
    NAMED_ONLY_BODIES,
    VOICES,
    Speaker,
    np_text,
    word_set,
)
from analysis.types import EntityKind, Mention

_GOVERNED = word_set("county city borough township province district parish")


def _governing_place(mention: Mention) -> bool:
    """A place named as a local government: "Santa Clara County", "Quezon City"."""
    words = mention.name.split()
    return mention.kind == EntityKind.PLACE and len(words) > 1 and words[-1].lower() in _GOVERNED


# A legislature's members are its representatives: "Congress representatives said" are some
# of its members, each speaking for themselves, not the body.
_LEGISLATURES = word_set("congress parliament senate assembly legislature house")


def _members_of_legislature(subject: Token, body: Mention) -> bool:
    """ "Congress representatives said": representatives of a legislature are members
    speaking for themselves, unnamed; not the legislature."""
    words = body.name.lower().split()
    return subject.lemma_.lower() == "representative" and bool(words) and words[-1] in _LEGISLATURES


class OrganisationRules(EntityRules):
    """The organisation rules of the speaker resolver."""

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
            if body is None and lone.lemma_.lower() in BODIES | NAMED_ONLY_BODIES:
                return self._body_voice(subject, lone)
            return Speaker(np_text(subject), body.name, body.key) if body is not None else None
        if found is None or not (found.kind == EntityKind.ORG or _governing_place(found)):
            return None
        if found.end < self.doc[subject.i - 1].idx + len(self.doc[subject.i - 1].text):
            return None  # more words between the name and the noun: "Gaza health officials"
        if _members_of_legislature(subject, found):  # "Congress representatives": unnamed
            found = None
        return Speaker(np_text(subject), *((found.name, found.key) if found else (None, None)))

    def _body_voice(self, subject: Token, body: Token) -> Speaker | None:
        """ "a company spokesperson said", "union officials said": a voice of a body written by
        its kind speaks for the organisation "the company" or "the union" would be there (the
        one named with that word, else the one just made a subject, else for a noun any body
        answers to the one the sentence before names: `_named_body`)."""
        found = self._named_body(body, body.lemma_.lower())
        if found is None or found.key is None:
            return None
        return Speaker(np_text(subject), found.name, found.key)

    def _they(self, token: Token) -> Mention | None:
        """The organisation "they" (or "it") speaks for: the latest organisation that is a
        subject in this sentence or the one before, or, when "they" speak in a statement or
        "it" speaks at all, the latest organisation named in those sentences; a speaking "it"
        passes over one named only in reported words and, finding none, takes the one the
        previous speaking "it" stood for or the latest that spoke (`speaker_it_chain`)."""
        subject = self._org_subject_before(token)
        if subject is not None:
            return subject
        orgs = self._orgs_before(token)
        if token.lower_ == "it" and speaks(token):  # "it said": no person, so an organisation
            spoken = spoken_orgs(self.doc, orgs)  # not one named only in reported words
            if spoken:
                return spoken[-1]
            chained = previous_speaker(self.doc, token, self.mention_at, self.excluded, self._they)
            if chained is not None:  # the previous speaking "it"'s, or the latest that spoke
                return chained
        statement = any(t.lemma_.lower() == "statement" for t in token.head.subtree)
        speaks_it = token.lower_ == "it"  # "it said": no person, so the organisation just named
        return orgs[-1] if (statement or speaks_it) and orgs else None
