"""Bounded work per article: refuse text that is not prose, and cut what is too long to analyse.

A member can attach any file under the size cap, and spaCy's cost grows with the text: a page of
50,000 headings or 2 MB of one repeated sentence once took minutes and gigabytes. Both checks
here are linear in the text and run on the cleaned body before spaCy sees it.

Thresholds were measured on 6,191 real articles (the seeds, Timeline17, PolNeAR, the ScrapingHub
benchmark's ground truth and its extracted HTML, the Ukrainian addresses) and 970 pages of the
htmldate set, with none refused; the nearest real values are given beside each threshold.
Mangled pages (Vietnamese with its accents stripped, a 106,000-word page of reader comments, a
table of race results) are among them.
"""

from __future__ import annotations

import itertools
import re

# Tokens spaCy may see per article: words and punctuation marks, counted by `_PIECE`. The small
# English model peaks near 700 MiB (model included) on 25,000 tokens, which is about 21,000 words
# of prose. 99% of the real texts are under 9,000 words; the 11 longer ones (22,000 to 106,000
# words) are live blogs and pages carrying their reader comments: they are cut, not refused.
MAX_TOKENS = 25_000

_PIECE = re.compile(r"\w+|[^\w\s]")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s")
_CLOSED = re.compile(r"[.!?…:;][\"'”’)\]]*$")
_DIGITS = re.compile(r"\d+")

_JUDGE_FROM_WORDS = 1_000  # shorter texts cost little whatever they hold: only the word minimum
_BLOCK_WORDS = 200
_MIN_VARIETY = 25  # distinct words per 200, on average; real texts: 55 and up (prose: ~120)
_MAX_REPEATED = 0.5  # share of words in sentences said before; real texts: at most 0.24
_MAX_PARAGRAPH_WORDS = 10_000  # real texts: longest paragraph 2,060 words
_MIN_LIST_PARAGRAPHS = 1_000  # short lines not ending a sentence; real texts: at most 373
_MIN_LIST_SHARE = 0.9  # ... and their share of the paragraphs; real pages with 100+: up to 0.96
_LIST_ITEM_WORDS = 25


def prose_problem(text: str) -> str | None:
    """Why the text is not an article worth analysing (a user-facing reason), or None if it is."""
    words = text.split()
    if len(words) < _JUDGE_FROM_WORDS:
        return None
    return _few_words(words) or _list(text) or _endless(text) or _repeated(text, len(words))


def _few_words(words: list[str]) -> str | None:
    """The same few words over and over: distinct words per block of 200, averaged."""
    blocks = range(0, len(words) - _BLOCK_WORDS + 1, _BLOCK_WORDS)
    counts = [len({w.lower() for w in words[i : i + _BLOCK_WORDS]}) for i in blocks]
    variety = sum(counts) / len(counts)
    if variety >= _MIN_VARIETY:
        return None
    return f"not an article: the same few words over and over ({variety:.0f} different in 200)"


def _repeated(text: str, total: int) -> str | None:
    """Sentences said again and again (numbers ignored, so a templated line counts as one)."""
    seen: set[str] = set()
    repeated = 0
    for match in _SENTENCE.finditer(text):
        words = _DIGITS.sub("0", match.group().lower()).split()
        key = " ".join(words)
        if key in seen:
            repeated += len(words)
        else:
            seen.add(key)
    if repeated <= _MAX_REPEATED * total:
        return None
    return f"not an article: {repeated / total:.0%} of it repeats the same sentences"


def _endless(text: str) -> str | None:
    """One paragraph far longer than any article's: a dump, not prose."""
    longest = max(len(p.split()) for p in _PARAGRAPH_BREAK.split(text))
    if longest <= _MAX_PARAGRAPH_WORDS:
        return None
    return f"not an article: one paragraph of {longest:,} words with no breaks"


def _list(text: str) -> str | None:
    """A page of headings or list items: thousands of short lines that end no sentence."""
    paragraphs = [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]
    items = sum(
        1 for p in paragraphs if len(p.split()) < _LIST_ITEM_WORDS and not _CLOSED.search(p)
    )
    if items < _MIN_LIST_PARAGRAPHS or items < _MIN_LIST_SHARE * len(paragraphs):
        return None
    return f"not an article: {items:,} of {len(paragraphs):,} paragraphs are headings or list items"


def token_estimate(text: str) -> int:
    """Words and punctuation marks: close to (and rarely under) the tokens spaCy will make."""
    return sum(1 for _ in _PIECE.finditer(text))


def cap_words(text: str, max_tokens: int = MAX_TOKENS) -> str:
    """The text cut to `max_tokens` words and marks, at a paragraph or sentence end if one is
    in the last half; unchanged when it fits."""
    last = next(itertools.islice(_PIECE.finditer(text), max_tokens, None), None)
    if last is None:
        return text
    limit = last.start()
    cut = text.rfind("\n\n", limit // 2, limit)
    if cut < 0:
        ends = [m.end() for m in _SENTENCE_END.finditer(text, limit // 2, limit)]
        cut = ends[-1] if ends else limit
    return text[:cut].rstrip()
