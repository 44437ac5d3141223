"""The subject of a speech verb when the parser did not attach one, as a reader finds it.

- "Obama ended his list by saying “Too many.”", "McConnell deflected questions before saying,
  “…”": a speech verb in a clause of "by", "before", "after", "upon", "while" or "when" shares
  the subject of the verb that clause hangs on (`shared_clause`, beside the conjuncts and
  adverbial clauses `quote_cue_speakers._subject` already climbs). Not "quoted the president
  as saying": there the object speaks.
- "“…,” Ramos, 58, told AFP", "“…,” Gene Sperling, a Clinton adviser, said", "Her adviser,
  Jake Sullivan, said:": a name set off by commas before the verb, whose apposition (an age, a
  role, a participle clause) made the parser lose the subject. The nearest stretch between
  commas whose head is a name speaks, when every stretch after it is set off by commas up to the
  verb (`set_off_subject`); so does a name that ends its stretch after the word opening its
  clause ("after Mr. Trump, asked about …, had said": `_name_after_subordinator`).
- "That prompted Smith to say, “…”": a speech verb in the infinitive under a verb with an object
  is the object's (`controlled_object`).
- "the 43-year-old asked in the video", "Mitt Romney, the 2012 nominee, tweeted:": a speech verb
  in the past or present tense parsed as a clause modifying the noun before it; that noun speaks.
- "Clinton: “Our goal is …” Bush: “The mission is …”", "Poll overhype - HuffPollster: “…”": a
  name alone before a colon, opening its paragraph or set off by a dash or a closing mark, is
  the speaker with no verb at all, as in a transcript (`name_before_colon`); so is a
  capitalised word alone there that the model tagged a common noun ("Starmer: “…”"), when the
  resolver finds it among the article's people.
- "As Akhil Amar, …, author of ''America's Unwritten Constitution,'' put it, ''…''": the parser
  read "As" as a preposition with the name its object, not as the mark of a clause with the
  name its subject (the two apostrophes of a New York Times title mislead it); the name is the
  subject all the same (`as_object`).
"""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Doc, Span, Token

from analysis.speaker_names import capitalised_noun

# Prepositions whose clause shares the subject of the verb it hangs on ("before saying").
_SHARING_PREPOSITIONS = frozenset({"by", "before", "after", "upon", "while", "when", "on"})
_CLIMBED = frozenset({"conj", "xcomp", "advcl"})
_CONTROL_OBJECTS = frozenset({"dobj"})  # "prompted Smith to say": Smith speaks
_NAME_TYPES = frozenset({"PERSON", "ORG"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_BEFORE_VERB = frozenset({"aux", "neg", "advmod"})
_MAX_NAME = 6  # tokens in a set-off name ("Texas delegate Bill Eastland")


def shared_clause(verb: Token) -> Token | None:
    """The verb whose subject `verb` shares: the head of a conjunct or an adverbial or open
    clause, or the verb a "by/before/after … saying" clause hangs on; None otherwise."""
    if verb.dep_ in _CLIMBED:
        return verb.head
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep":
        return None
    if _quoted_as(prep):
        return prep.head  # "“…,” Braynard is quoted as saying": the one quoted speaks
    if prep.lower_ not in _SHARING_PREPOSITIONS:
        return None
    return prep.head if prep.head.pos_ in {"VERB", "AUX"} else None


def controlled_object(verb: Token) -> Token | None:
    """ "That prompted Smith to say, “…”", "The ruling led the mayor to declare: “…”": a speech
    verb in the infinitive, with no subject of its own, under a verb with an object before it
    says the words of that object, not of the verb's subject (`_CONTROL_OBJECTS`)."""
    if verb.dep_ != "xcomp" or verb.tag_ != "VB":
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    head = verb.head
    objects = [c for c in head.children if c.dep_ in _CONTROL_OBJECTS and c.i < verb.i]
    return objects[-1] if objects else None


def _quoted_as(prep: Token) -> bool:
    """ "is quoted as saying": "as" on a passive "quote", whose subject is who is quoted."""
    verb = prep.head
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    return prep.lower_ == "as" and verb.lemma_.lower() == "quote" and passive


def set_off_subject(cue: Token, left: int, quoted: Container[int]) -> Token | None:
    """The speaker of a subjectless speech verb from the words before it (module docstring):
    a noun the verb modifies, else a name set off by commas; `left` bounds the sentence and
    `quoted` holds the indices of quoted tokens."""
    head = cue.head
    modified = cue.dep_ == "acl" and cue.tag_ in _FINITE and left <= head.i < cue.i
    if (
        modified
        and head.i not in quoted
        and (head.pos_ in {"PROPN", "NOUN"} or head.lower_ == "old")
    ):
        return head
    return _name_before_commas(cue, left, quoted)


def name_before_role(subject: Token, left: int, quoted: Container[int]) -> Token | None:
    """ "“…,” Deborah Tamargo, the chairwoman of Florida’s Hillsborough County GOP, recalled":
    a role noun the parser made the subject, right after a name set off by a comma that opens
    the attribution (after the closing mark or at the sentence's start); the name speaks."""
    if subject.pos_ != "NOUN" or subject.ent_type_ in _NAME_TYPES:
        return None
    doc, edge = subject.doc, subject.left_edge.i
    if edge - 2 < left or doc[edge - 1].text != ",":
        return None
    last = first = edge - 2
    while first >= left and _name_word(doc[first], quoted) and last - first < _MAX_NAME:
        first -= 1
    if first == last or doc[last].ent_type_ != "PERSON":
        return None
    opened = first < left or first in quoted or doc[first].text in _NAME_OPENERS
    return doc[last] if opened else None


def as_object(cue: Token) -> Token | None:
    """ "As X put it" parsed with X the object of "as": X, when "as" opens the clause (nothing
    of the verb's before it) and the verb has no subject of its own."""
    for child in cue.lefts:
        if child.lower_ != "as" or child.dep_ not in {"mark", "prep"}:
            continue
        if any(c.i < child.i for c in cue.lefts):
            return None
        objects = [c for c in child.children if c.dep_ == "pobj"]
        return objects[0] if objects else None
    return None


def shown_speaking(cue: Token, quoted: Container[int]) -> Token | None:
    """ "The ad uses footage of Hillary Clinton asking, “…”": a speech verb in -ing right
    after a person shown "of" a picture or recording is that person's, however parsed."""
    if cue.tag_ != "VBG" or cue.i == 0 or any(c.dep_ == "nsubj" for c in cue.children):
        return None
    name = cue.doc[cue.i - 1]
    shown = name.dep_ == "pobj" and name.head.lower_ == "of"
    if not shown or name.ent_type_ != "PERSON" or name.i in quoted:
        return None
    return name


def gerund_subject(cue: Token, left: int, quoted: Container[int]) -> Token | None:
    """ "Flea shared the news on Tuesday, writing “…”" parsed with "writing" inside the
    quotation's clause: a speech verb in -ing right after a comma says the words of the subject
    of the clause before that comma."""
    if cue.tag_ != "VBG" or cue.i - 1 <= left or cue.doc[cue.i - 1].text != ",":
        return None
    before = range(left, cue.i - 1)
    verbs = [
        t
        for t in cue.doc[left : cue.i - 1]
        if t.pos_ in {"VERB", "AUX"}
        and t.i not in quoted
        and (t.head.i not in before or t.head == t)
    ]
    for verb in verbs:
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and child.i in before and child.i not in quoted:
                return child
    return None


def _name_before_commas(cue: Token, left: int, quoted: Container[int]) -> Token | None:
    """The name opening the comma-bounded stretches before the verb: the first stretch after
    any introductory phrase ("In a statement to the paper,"), or the name in apposition to it
    ("her adviser, Jake Sullivan,"); not a name inside a later stretch ("Mr. Slinker, whose
    start-up, Paradata, uses data, said" is Slinker)."""
    stretches = _stretches(cue, left, quoted)
    if stretches and stretches[0][0].dep_ == "mark":  # "As John Cornyn, …, put it:"
        stretches = [stretches[0][1:], *stretches[1:]] if len(stretches[0]) > 1 else stretches[1:]
    while stretches and stretches[0][0].pos_ == "ADP":
        stretches = stretches[1:]  # "In a statement to the Observer,"
    if len(stretches) < 2:  # the last stretch is set off: something stands between it and the verb
        return None
    first = _name_root(stretches[0]) or _name_after_subordinator(stretches[0])
    if first is not None:
        return first
    opener = _root(stretches[0])
    return _name_root(stretches[1]) if opener is not None and opener.pos_ == "NOUN" else None


def _stretches(cue: Token, left: int, quoted: Container[int]) -> list[list[Token]]:
    """The words between the start of the attribution (a closing mark or the sentence's start)
    and the verb, split at commas; [] unless a comma stands right before the verb."""
    doc = cue.doc
    start = min([cue.i, *(c.i for c in cue.lefts if c.dep_ in _BEFORE_VERB and c.i >= cue.i - 3)])
    if start - 1 <= left or doc[start - 1].text != ",":
        return []
    first = start - 1
    while first > left and _inside(doc[first - 1], quoted):
        first -= 1
    stretches: list[list[Token]] = [[]]
    for token in doc[first : start - 1]:
        if token.text == ",":
            stretches.append([])
        elif not token.is_space:
            stretches[-1].append(token)
    return [s for s in stretches if s]


# Words that open a clause whose subject the parser may take for their object ("after Trump, …,
# had said" parsed with "after" a preposition).
_SUBORDINATORS = frozenset(
    """after before when while since until once because as although though if""".split()  # noqa: SIM905
)


def _name_after_subordinator(stretch: list[Token]) -> Token | None:
    """ "The issue had come up after Mr. Trump, asked about …, had said, “…”": the name that
    ends the first stretch, right after the word opening its clause, is the subject of the
    speech verb after the set-off words."""
    opens = [i for i, t in enumerate(stretch) if t.lower_ in _SUBORDINATORS]
    if not opens or opens[-1] + 1 >= len(stretch):
        return None
    return _name_root(stretch[opens[-1] + 1 :])


def _inside(token: Token, quoted: Container[int]) -> bool:
    """A word that can belong to a stretch: not quoted, not a sentence's end."""
    return token.i not in quoted and token.text not in {".", "!", "?", ":", ";"}


def _name_root(stretch: list[Token]) -> Token | None:
    """The head of a stretch of words when the stretch is a name: a proper noun or a PERSON/ORG
    word heading it, no verb in it."""
    root = _root(stretch)
    if root is None or len(stretch) > _MAX_NAME:
        return None
    return root if root.pos_ == "PROPN" or root.ent_type_ in _NAME_TYPES else None


def _root(stretch: list[Token]) -> Token | None:
    """The one word of a stretch its other words hang on, when no verb is in it."""
    indices = {t.i for t in stretch}
    roots = [t for t in stretch if t.head.i not in indices or t.head == t]
    if len(roots) != 1 or any(t.pos_ in {"VERB", "AUX"} for t in stretch):
        return None
    return roots[0]


def in_main_clause(subject: Token) -> bool:
    """A subject of its sentence's main verb, or of a verb coordinated with it; not of a clause
    under it ("When Clinton had trouble …", "he found Trump to be charming")."""
    verb = subject.head
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


_NAME_OPENERS = frozenset({"-", "—", "–", ".", "!", "?", ")", "]"})
_MAX_LABEL = 5  # tokens in a name before a colon ("Michael P. McDonald")


def name_before_colon(opening: Token, quoted: Container[int]) -> Span | None:
    """The name standing alone before the colon that precedes a quotation's opening mark
    (module docstring), or None."""
    doc = opening.doc
    i = opening.i - 1
    while i >= 0 and doc[i].is_space and "\n" not in doc[i].text:
        i -= 1
    if i < 1 or doc[i].text != ":" or i in quoted:
        return None
    last = i - 1
    first = last
    while first >= 0 and last - first < _MAX_LABEL:
        named = _name_word(doc[first], quoted)
        # "Starmer: “…”" with the surname tagged a common noun: a capitalised last word, for
        # the resolver to find among the article's people (`speaker_entities`)
        if not named and not (first == last and capitalised_noun(doc[first])):
            break
        first -= 1
    if first == last:
        return None
    before = doc[first] if first >= 0 else None
    opened = (
        before is None or "\n" in before.text or before.text in _NAME_OPENERS or before.i in quoted
    )
    if not opened and before is not None and doc[first].ent_type_ != "PERSON":
        opened = _role_opens_line(doc, first, quoted)
    return doc[first + 1 : last + 1] if opened else None


_MAX_ROLE = 5  # words of a role before a label's name ("Former secretary of state")


def _role_opens_line(doc: Doc, last: int, quoted: Container[int]) -> bool:
    """ "Former secretary of state Hillary Rodham Clinton:“We learned …”": the words before
    the name open their paragraph and are a role, not a clause (no verb, none quoted)."""
    first = last
    while first > 0 and "\n" not in doc[first - 1].text and last - first < _MAX_ROLE:
        first -= 1
    if first > 0 and "\n" not in doc[first - 1].text:
        return False  # the paragraph opens farther back: a sentence, not a label
    words = doc[first : last + 1]
    return not any(t.pos_ in {"VERB", "AUX"} or t.i in quoted or t.is_punct for t in words)


def _name_word(token: Token, quoted: Container[int]) -> bool:
    """A word of a name: a proper noun or a PERSON/ORG word, not quoted."""
    named = token.pos_ == "PROPN" or token.ent_type_ in _NAME_TYPES
    return named and token.i not in quoted and not token.is_space
