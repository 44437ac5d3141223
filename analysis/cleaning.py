"""Plain-text boilerplate cleaner: drop web furniture, keep every sentence of the article.

Text copied from a news page carries subscribe prompts, bylines, share and comment widgets,
"latest" link lists, captions and licensing footers. Every non-blank line gets a verdict with a
reason name, so `--explain` can show what was dropped and why; blank lines get no verdict row.

Two kinds of rules decide:
- line rules: regex families, each guarded by a word cap so that a body sentence which merely
  mentions "subscribe" or "comment" is never mistaken for the widget;
- structural rules: caption lines stacked above an image credit, short lines sandwiched between
  two prompts of one kind, author bios after an "Author:" or "Name, Outlet" line at the end of
  the text, and runs of link titles after the body has ended.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

from analysis.cleaning_rules import (
    _AUTHOR_LINE,
    _LINE_RULES,
    _ROLE_BYLINE,
    _SIGNATURE,
    BIO,
    BYLINE,
    CAPTION,
    COMMENTS,
    CREDIT,
    DONATION,
    DUPLICATE,
    INTEREST,
    JUNK,
    PAYWALL,
    PITCH_WORDS,
    RELATED,
    SHARE,
    SUBSCRIBE,
    WIDGET,
    _Rule,
)
from analysis.markdown import markdown_to_text

__all__ = ["CleanedText", "LineVerdict", "clean_article_text", "markdown_to_text"]

log = logging.getLogger(__name__)

TITLE = "title"
DATE_HEADER = "date header"

_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u2000-\u200a\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HEADER_DATE = re.compile(r"^date\s*:?\s*(\d{4}-\d{2}-\d{2})\b\s*(.*)$", re.IGNORECASE)
_HEADER_SCAN = 5
_TITLE_MAX_WORDS = 30


@dataclass(frozen=True)
class LineVerdict:
    """What the cleaner decided about one non-blank line of the raw text.

    `reason` is "" for a kept body line, "title" for the title line (kept, but set apart from
    the body) and a short rule name ("subscribe prompt", "author bio", ...) for a dropped line.
    """

    number: int
    text: str
    kept: bool
    reason: str


@dataclass(frozen=True)
class CleanedText:
    """The article as the analysis sees it: title, body paragraphs and the per-line verdicts."""

    title: str | None
    body: str
    verdicts: tuple[LineVerdict, ...]
    header_date: str | None

    @property
    def dropped(self) -> tuple[LineVerdict, ...]:
        """The lines removed as boilerplate, in text order, for `--explain`."""
        return tuple(v for v in self.verdicts if not v.kept)


def normalise_line(line: str) -> str:
    """Fold non-breaking and odd spaces to one space and drop invisible characters."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()


def clean_article_text(raw: str) -> CleanedText:
    """Split pasted article text into title and body, dropping web boilerplate line by line."""
    texts = [normalise_line(line) for line in raw.splitlines()]
    state = _State(texts)
    header_date = _take_header_date(state)
    _apply_line_rules(state)
    title = _take_title(state)
    _apply_structural_rules(state)
    body = _join_body(state)
    return CleanedText(title, body, _verdicts(texts, state), header_date)


def _take_header_date(state: _State) -> str | None:
    """Find a `date YYYY-MM-DD` header in the first lines; the rest of its line stays as text."""
    for i in state.nonblank()[:_HEADER_SCAN]:
        match = _HEADER_DATE.match(state.text[i])
        if match is None:
            continue
        try:
            found: str | None = date.fromisoformat(match.group(1)).isoformat()
        except ValueError:
            found = None
        rest = match.group(2).strip()
        state.text[i] = rest
        if not rest:
            state.text[i] = match.group(0)
            state.reason[i] = DATE_HEADER
        return found
    return None


def _take_title(state: _State) -> str | None:
    """Take the first kept line as the title when it is shaped like one (short, not prose)."""
    for i in state.nonblank():
        if state.reason[i]:
            continue
        text = state.text[i]
        words = len(text.split())
        if i in state.wrapped or words > _TITLE_MAX_WORDS or (words >= 8 and text.endswith(".")):
            return None
        state.reason[i] = TITLE
        return text
    return None


def _join_body(state: _State) -> str:
    """Join kept lines into paragraphs; a hard-wrapped line continues its paragraph."""
    paragraphs: list[str] = []
    previous = -2
    for i in state.nonblank():
        if state.reason[i]:
            continue
        text = strip_inline_inserts(state.text[i])
        if not text:
            continue
        same_block = i in state.wrapped and state.wrapped.get(previous) == state.wrapped[i]
        if paragraphs and previous == i - 1 and (same_block or _continues(paragraphs[-1], text)):
            paragraphs[-1] = f"{paragraphs[-1]} {text}"
        else:
            paragraphs.append(text)
        previous = i
    return "\n\n".join(paragraphs)


def _continues(before: str, text: str) -> bool:
    """A wrapped line: the line before has no closing punctuation and this one starts lowercase."""
    return not ends_sentence(before) and not before.endswith(":") and text[:1].islower()


def _verdicts(texts: list[str], state: _State) -> tuple[LineVerdict, ...]:
    """One verdict per non-blank raw line; a line emptied by inline-insert removal is dropped."""
    out: list[LineVerdict] = []
    for i in (i for i, t in enumerate(texts) if t):
        reason = state.reason[i]
        if not reason and state.text[i] and not strip_inline_inserts(state.text[i]):
            reason = RELATED
        out.append(LineVerdict(i + 1, texts[i], reason in ("", TITLE), reason))
    return tuple(out)


_SANDWICH = frozenset({SUBSCRIBE, COMMENTS, INTEREST, SHARE, DONATION, WIDGET})
_SANDWICH_MAX_WORDS = 30
_SANDWICH_MAX_LINES = 3
_LINK_TITLE_MAX_WORDS = 25
_BIO_MAX_WORDS = 200
_BIO_CUES = re.compile(
    r"\b(has (been|worked|written|reported|covered)|is (a|an|the) (\w+ ){0,3}(journalist|reporter"
    r"|writer|editor|correspondent|author|columnist|contributor|analyst|fellow)|author of|writes "
    r"(for|about|from|regularly)|joined .{0,40} in \d{4}|based in)\b",
    re.IGNORECASE,
)
_INLINE = re.compile(
    r"\s*[(\[]\s*(?:related|read more|see also|also read|read also|watch|listen|video|image credit"
    r"|photo credit|photo|image|credit)\s*:[^()\[\]]*[)\]]",
    re.IGNORECASE,
)
_SENTENCE_END = frozenset(".!?…")


class _State:
    """Working copy: the text each rule reads and the reason each line got ("" = kept)."""

    def __init__(self, texts: list[str]) -> None:
        self.text = list(texts)
        self.reason = ["" for _ in texts]
        self.wrapped: dict[int, int] = {}  # line -> first line of its hard-wrapped paragraph

    def nonblank(self) -> list[int]:
        """Indices of lines that carry text."""
        return [i for i, t in enumerate(self.text) if t]

    def is_body(self, i: int) -> bool:
        """A non-blank line no rule has claimed (the title is claimed)."""
        return bool(self.text[i]) and not self.reason[i]

    def is_open(self, i: int) -> bool:
        """A body line that rules may still claim: not part of a hard-wrapped paragraph."""
        return self.is_body(i) and i not in self.wrapped

    def blocks(self) -> list[list[int]]:
        """Runs of consecutive non-blank lines."""
        runs: list[list[int]] = []
        for i in self.nonblank():
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        return runs

    def is_dropped(self, i: int) -> bool:
        """A non-blank line some rule dropped."""
        return bool(self.text[i]) and self.reason[i] not in ("", TITLE)


def ends_sentence(text: str) -> bool:
    """Whether a line ends like a sentence (closing quotes and brackets aside)."""
    return text.rstrip(" )]\"”’'")[-1:] in _SENTENCE_END


def strip_inline_inserts(text: str) -> str:
    """Remove "(RELATED: …)"-style inserts and "(Image credit: …)" from a body line."""
    return _SPACES.sub(" ", _INLINE.sub("", text)).strip()


def _match_rules(text: str, rules: tuple[_Rule, ...]) -> str:
    """The reason of the first rule that matches the line, or ""."""
    words = len(text.split())
    sentence = ends_sentence(text)
    for rule in rules:
        fits = words <= rule.max_words and (rule.sentence_ok or not sentence)
        if fits and rule.pattern.search(text):
            return rule.reason
    return ""


def _is_junk(text: str) -> bool:
    """Fragments with no words to read: "in ,", "▸", "* * *"."""
    if not any(c.isalpha() for c in text):
        return True
    return len(text.split()) <= 2 and (text[0].islower() or text[-1] in ",;(-–—/|&")


def _is_wrapped_prose(lines: list[str]) -> bool:
    """A hard-wrapped paragraph: even line widths, broken mid-sentence, ending a sentence."""
    inner = lines[:-1]
    if not inner or not all(40 <= len(t) <= 100 for t in inner) or not ends_sentence(lines[-1]):
        return False
    if len(lines) == 2:
        return len(lines[0]) >= 60 and lines[1][:1].islower()
    return sum(not ends_sentence(t) for t in inner) * 2 >= len(inner)


def _protect_wrapped_prose(state: _State) -> None:
    """Lines of a hard-wrapped paragraph are judged as one paragraph, never one by one."""
    for block in state.blocks():
        if _is_wrapped_prose([state.text[i] for i in block]):
            state.wrapped.update(dict.fromkeys(block, block[0]))


def _apply_line_rules(state: _State) -> None:
    """First pass: regex families, isolated junk fragments and repeated lines."""
    _protect_wrapped_prose(state)
    seen: dict[str, int] = {}
    isolated = {block[0] for block in state.blocks() if len(block) == 1}
    for i in state.nonblank():
        if state.reason[i] or i in state.wrapped:
            continue
        text = state.text[i]
        junk = i in isolated and _is_junk(text)
        state.reason[i] = _match_rules(text, _LINE_RULES) or (JUNK if junk else "")
        key = text.casefold()
        if key in seen and not state.reason[i]:
            state.reason[i] = state.reason[seen[key]] or DUPLICATE
        seen.setdefault(key, i)


def _apply_structural_rules(state: _State) -> None:
    """Second pass, after the title is known: rules that need a line's neighbours."""
    for i in state.nonblank():
        if state.is_open(i):
            state.reason[i] = _match_rules(state.text[i], _ROLE_BYLINE)
    _mark_captions(state)
    _mark_sandwiches(state)
    _mark_related_runs(state)
    _mark_trailing_links(state)
    _mark_bios(state)
    _mark_trailing_links(state)
    _mark_pitch(state)


_PITCH_MAX_WORDS = 60


def _mark_pitch(state: _State) -> None:
    """The subscription pitch after a paywall notice that ends a page's teaser ("To view the
    full story, please subscribe …", then "When you join … you'll get unlimited digital
    access", a list of perks, "If you're already a subscriber, you can log in"): every line
    from the notice to the end goes, when body text stands before the notice, no line after
    it is longer than a pitch's paragraph and another line after it speaks of subscribing."""
    notices = [i for i in state.nonblank() if state.reason[i] == PAYWALL]
    if not notices:
        return
    last = notices[-1]
    after = [i for i in state.nonblank() if i > last and state.is_body(i)]
    if not after or not any(state.is_body(i) for i in state.nonblank() if i < last):
        return
    if any(len(state.text[i].split()) > _PITCH_MAX_WORDS for i in after):
        return
    if not any(PITCH_WORDS.search(state.text[i]) for i in after):
        return
    for i in after:
        state.reason[i] = PAYWALL


def _mark_captions(state: _State) -> None:
    """Caption lines stacked directly above an image credit (no blank line between)."""
    for i in state.nonblank():
        if state.reason[i] != CREDIT:
            continue
        j = i - 1
        while j >= 0 and j not in state.wrapped and state.reason[j] in ("", CAPTION):
            if not state.text[j] or ends_sentence(state.text[j]) or len(state.text[j].split()) > 40:
                break
            state.reason[j] = CAPTION
            j -= 1


def _mark_sandwiches(state: _State) -> None:
    """Short kept lines between two prompts of the same kind belong to that prompt."""
    lines = state.nonblank()
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and state.is_open(lines[end]):
            end += 1
        if end > start > 0 and end < len(lines):
            run = lines[start:end]
            above, below = state.reason[lines[start - 1]], state.reason[lines[end]]
            short = all(len(state.text[i].split()) <= _SANDWICH_MAX_WORDS for i in run)
            if above == below and above in _SANDWICH and short and len(run) <= _SANDWICH_MAX_LINES:
                for i in run:
                    state.reason[i] = above
        start = end + 1


def _is_link_title(state: _State, i: int) -> bool:
    """A kept line shaped like a headline: short and not ending like a sentence."""
    text = state.text[i]
    short = len(text.split()) <= _LINK_TITLE_MAX_WORDS
    return state.is_open(i) and short and not ends_sentence(text)


def _mark_related_runs(state: _State) -> None:
    """Headline-shaped lines directly under a "Latest" / "Related" header are link titles."""
    for i in state.nonblank():
        if state.reason[i] != RELATED:
            continue
        j = i + 1
        while j < len(state.text) and state.text[j] and _is_link_title(state, j):
            state.reason[j] = RELATED
            j += 1


def _mark_trailing_links(state: _State) -> None:
    """After the body has ended (a dropped line), trailing headline-shaped lines are links."""
    start = len(state.text)
    while start > 0:
        k = start - 1
        if state.text[k] and not state.is_dropped(k) and not _is_link_title(state, k):
            break
        start = k
    seen_drop = False
    for i in range(start, len(state.text)):
        if state.is_dropped(i):
            seen_drop = True
        elif seen_drop and state.is_body(i):
            state.reason[i] = RELATED


def _last_body(state: _State, below: int) -> int:
    """Index of the last kept body line before `below`, or -1."""
    for i in range(below - 1, -1, -1):
        if state.is_body(i):
            return i
    return -1


def _mark_bios(state: _State) -> None:
    """A bio: the paragraphs after an "Author:" or "Name, Outlet" line, once the body is over."""
    last = _last_body(state, len(state.text))
    for a in reversed(_author_lines(state)):
        block = _block_after(state, a)
        if not block:
            continue
        body_before = _last_body(state, a) >= 0
        if not (body_before and _is_tail_bio(state, a, block, last)):
            block = _first_paragraph(state, block)
            if not _bio_about(state, a, block):
                continue
        for i in block:
            state.reason[i] = BIO
        if not state.reason[a]:
            state.reason[a] = BYLINE
        last = _last_body(state, last + 1)


def _is_tail_bio(state: _State, a: int, block: list[int], last: int) -> bool:
    """A short block that ends the text, after furniture or reading like a bio."""
    words = sum(len(state.text[i].split()) for i in block)
    if last > block[-1] or words > _BIO_MAX_WORDS:
        return False
    before = next((i for i in range(a - 1, -1, -1) if state.text[i]), -1)
    text = " ".join(state.text[i] for i in block)
    return (before >= 0 and state.is_dropped(before)) or bool(_BIO_CUES.search(text))


def _author_lines(state: _State) -> list[int]:
    """Lines that name an author: "Author: X" bylines and "Name, Outlet" signatures."""
    found = []
    for i in state.nonblank():
        text = state.text[i]
        author = state.reason[i] == BYLINE and _AUTHOR_LINE.match(text)
        if author or (state.is_open(i) and _SIGNATURE.match(text)):
            found.append(i)
    return found


def _block_after(state: _State, a: int) -> list[int]:
    """The kept lines after line `a`, up to the next dropped line."""
    block = []
    for i in range(a + 1, len(state.text)):
        if state.is_dropped(i) or state.reason[i] == TITLE:
            break
        if state.text[i]:
            block.append(i)
    return block


def _first_paragraph(state: _State, block: list[int]) -> list[int]:
    """The leading lines of `block` up to the first blank line."""
    out = [block[0]]
    for i in block[1:]:
        if i != out[-1] + 1:
            break
        out.append(i)
    return out


def _bio_about(state: _State, a: int, block: list[int]) -> bool:
    """Whether `block` reads as a bio of the author named on line `a`."""
    name = re.sub(r"^(author|written by|about the author)\s*:?\s*", "", state.text[a], flags=re.I)
    first = name.split(",")[0].split()[:1]
    text = " ".join(state.text[i] for i in block)
    return bool(first) and text.startswith(first[0]) and bool(_BIO_CUES.search(text))
