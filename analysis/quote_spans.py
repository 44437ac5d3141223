"""Where the quotations are: paired quotation marks in raw text, before any attribution.

Pairing rules (after textacy's `direct_quotations`, made stricter):

- double marks “…”, "…", «…», „…“ are paired first; single marks ‘…’, '…', ‹…› only outside
  them, so a quote nested inside another is never reported on its own;
- an opening mark is followed by a non-space and preceded by the line start, a space or an
  opening bracket; a closing mark is preceded by a non-space and followed by a non-letter, so
  the apostrophes of "Russia’s" and "rock 'n' roll" open or close nothing; a curly double mark
  typed with no space also counts: “ after a comma or colon opens ("she said,“Look"), ” after a
  comma or sentence stop and before a letter closes ("“We won,”Holt said");
- a quotation never crosses a line break, except a paragraph left open whose next paragraph
  opens with a quotation mark (the newspaper convention for a quote running on);
- a mark left unpaired (odd count, mismatched styles) yields nothing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

DOUBLE_OPEN = frozenset("“«„")
DOUBLE_CLOSE = frozenset("”»“")
SINGLE_OPEN = frozenset("‘‹")
SINGLE_CLOSE = frozenset("’›")
# U+FFFD: a page's curly quotes decoded as replacement characters (cp1252 bytes read as UTF-8)
# pair like straight double quotes; inside a word ("Russia\ufffds") they open and close nothing
STRAIGHT = frozenset("\"'\ufffd")
ALL_MARKS = DOUBLE_OPEN | DOUBLE_CLOSE | SINGLE_OPEN | SINGLE_CLOSE | STRAIGHT
_BEFORE_OPEN = frozenset("([{—–-/")
_FAMILIES = {"double": frozenset('“”«»„"\ufffd'), "single": frozenset("‘’‹›'")}
_TERMINAL = ".!?…:;)]\"'”’»›"
# Left at the end of a paragraph by a mis-decoded page (a no-break space or closing mark become
# U+FFFD) or by the editor (zero-width spaces): they do not make a sentence a headline.
_INVISIBLE = "\ufffd\u00a0\u200b\u200c\u200d\u2060\ufeff "


@dataclass(frozen=True)
class QuoteSpan:
    """One paired quotation: `start`/`end` bound the quoted words, `line` is its paragraph."""

    open_at: int
    close_at: int  # index of the closing mark; the end of the paragraph when `run_on`
    start: int
    end: int
    line: int
    run_on: bool = False

    def text(self, source: str) -> str:
        """The quoted words."""
        return source[self.start : self.end]


@dataclass(frozen=True)
class Line:
    """One paragraph (a line of the text) with its offsets."""

    index: int
    start: int
    end: int


def split_lines(text: str) -> list[Line]:
    """Every line of the text with content, as offsets; quotes and frames never cross them."""
    lines: list[Line] = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            lines.append(Line(len(lines), match.start(), match.end()))
    return lines


def is_headline(text: str, line: Line) -> bool:
    """A title, caption or standfirst: a line that does not end like a sentence does, and is
    no paragraph cut inside a quotation (`cut_in_quote`)."""
    stripped = text[line.start : line.end].rstrip().rstrip(_INVISIBLE)
    if stripped[-1:] == "“" and stripped[:-1].rstrip()[-1:] in tuple(".!?…’"):
        return False  # “… to silence him.“ / “… a second!’ “: a closer typed as an opener
    return not stripped or (stripped[-1] not in _TERMINAL and not cut_in_quote(text, line))


_CUT_QUOTE = re.compile(r"[.!?,][”\"]?\s+[^.!?\n]*?[.!?]\s+“[^”\n]*$")


def cut_in_quote(text: str, line: Line) -> bool:
    """A paragraph cut by a line break inside a quotation ("“…,” he says. “But also do
    something that was" / "special to me.”"): it has told a sentence and ends inside a
    quotation opened after it, so it is no headline for its lack of a full stop."""
    return _CUT_QUOTE.search(text, line.start, line.end) is not None


# Direction marks some pages put before a paragraph (U+202A before "”Sorry Sarah, …” posted X"): as
# invisible as a space, so a quotation mark after one still opens.
FORMATTING = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# A straight mark typed with no space after a comma or colon and before a word ('Gowdy
# (R-S.C.):"I have …', 'said,"Look'): it opens when no quotation is open, else it closes one
# ('"Look,"he said').
EITHER = "either"
# What follows a paragraph's opening mark that smart-quote software turned into a closing one
# because a space came next: an ellipsis taking the quotation up in mid-sentence ("” … he
# delivered a mix …,” Barabak wrote"); a closing mark never starts a paragraph before one.
_TURNED_OPEN = re.compile(r" +(?:…|\.\.\.) ?\w")


def _role(text: str, i: int, start: int, end: int) -> str | None:
    """'open', 'close', `EITHER` or None for the mark at `i`, judged by its neighbours within
    the line."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    before = " " if before in FORMATTING else before
    char = text[i]
    if char == '"' and before in ",:" and after.isalpha():
        return EITHER
    if char == "”" and _TURNED_OPEN.match(text, i + 1) and not text[start:i].strip():
        return "open"  # smart-quote software turned a paragraph's opener spaced before "…"
    glued_open = char == "“" and before in ",:"  # 'she said,“Look …': no space typed
    glued_close = char == "”" and before in ",.!?" and after.isalpha()  # '“…,”Holt said'
    can_open = not after.isspace() and (before.isspace() or before in _BEFORE_OPEN or glued_open)
    can_close = not before.isspace() and (not after.isalnum() or glued_close)
    if can_open and can_close:
        can_open = char in DOUBLE_OPEN | SINGLE_OPEN or (char in STRAIGHT and not before.isalnum())
        can_close = not can_open
    if can_open and char not in DOUBLE_CLOSE - DOUBLE_OPEN and char not in SINGLE_CLOSE:
        return "open"
    if can_open and not can_close and char == "”" and (i == start or before.isspace()):
        return "open"  # ”Fear. I am afraid …” — a closing mark typed where the opening belongs
    if can_close and char not in (DOUBLE_OPEN - DOUBLE_CLOSE) | SINGLE_OPEN:
        return "close"
    return None


def _pair_family(
    text: str,
    line: Line,
    family: frozenset[str],
    blocked: list[tuple[int, int]],
    mend: bool = False,
) -> list[tuple[int, int]]:
    """(open, close) mark positions of one family in one line, outside the `blocked` ranges.

    A second opener abandons an unclosed first one, unless a closing mark with nothing open
    comes after the second's pair: then the words were quoted inside the first quotation in
    the same marks (tweeted: “People wearing “Settle For Hillary” shirts … ouch.”), and the
    first pairs with that last mark, the inner pair dropped.
    """
    mask = bytearray(line.end - line.start)
    for a, b in blocked:
        mask[a - line.start : b - line.start + 1] = b"\x01" * (b - a + 1)
    pairs: list[tuple[int, int]] = []
    opened: int | None = None
    abandoned: int | None = None
    left_open: dict[int, int] = {}  # an abandoned opener -> the opener that abandoned it
    for i in range(line.start, line.end):
        if text[i] not in family or mask[i - line.start]:
            continue
        role = _role(text, i, line.start, line.end)
        if role == EITHER:
            role = "open" if opened is None else "close"
        if role == "close" and opened is not None:
            pairs.append((opened, i))
            opened = None
        elif role == "close" and abandoned is not None and pairs and pairs[-1][0] > abandoned:
            pairs[-1] = (abandoned, i)  # the nested pair's outer quotation closes
            left_open.pop(abandoned, None)
            abandoned = None
        elif role == "open":
            abandoned = opened  # a fresh quotation (nothing open) forgets an older one
            if opened is not None:
                left_open[opened] = i
            opened = i
    if not mend:
        left_open.clear()
    if opened is not None and mend and text[opened] == "“":
        single = (
            _single_closer(text, line, opened)
            or _question_closer(text, opened, line.end)
            or _trailing_opener(text, line, opened)
        )
        if single is not None:
            pairs.append((opened, single))
            opened = None
    if opened is not None:
        pairs.append((opened, -1))
    pairs.extend(_lost_closers(text, left_open))
    pairs.extend(_unclosed(text, a, b) for a, b in left_open.items() if _ends_sentence(text, a, b))
    return sorted(pairs, key=lambda pair: pair[0])


# The fewest words a quotation left open before the next opener holds to stand on its own: a
# sentence of its own, not a stub a stray mark opens ("“Foo bar. “Baz qux,” he said.").
_LEFT_OPEN_WORDS = 4


def _ends_sentence(text: str, start: int, opener: int) -> bool:
    """ "He added, “We have tried. You need to be aware. “Because you need to secure …”": a
    quotation whose closing mark is left off before the next quotation of its paragraph opens;
    it ends a sentence right before that opener (a full stop, a space), so the opener starts a
    quotation of its own, not words quoted inside the first ("“It is over. “Winning” is …”"
    closes the first with a mark after the inner pair, and keeps it)."""
    words = text[start + 1 : opener]
    long = len(words.split()) >= _LEFT_OPEN_WORDS
    return long and words.endswith(" ") and words.rstrip()[-1:] in ".!?…"


def _unclosed(text: str, start: int, opener: int) -> tuple[int, int]:
    """(open, close) for a quotation left open before the next opener: it closes at the space
    after its last sentence stop."""
    return start, start + 1 + len(text[start + 1 : opener].rstrip())


def _single_closer(text: str, line: Line, opened: int) -> int | None:
    """ "“This approach is based on … cutting the rate of transmission,’ he says.": a curly
    double opening mark closed with a curly single one, typed after a comma or a sentence stop,
    with no single quotation open before it inside (“… ‘fake news,’ we …” closes a nested
    one); straight marks are left alone (an apostrophe lost for “ often opens such words)."""
    depth = 0
    for i in range(opened + 1, line.end):
        if text[i] not in _FAMILIES["single"]:
            continue
        role = _role(text, i, line.start, line.end)
        if role == "open":
            depth += 1
        elif role == "close" and depth:
            depth -= 1
        elif role == "close" and text[i] == "’" and text[i - 1] in ",.!?…":
            return i
    return None


# A closing mark a page's encoding lost and printed as "?": right after the full stop or comma
# ending a word of letters, before a space or the paragraph's end (“… the dead vote.? In …")
_LOST_CLOSER = re.compile(r"([A-Za-z.]+)[.,]\?(?=\s|$)")


def _question_closer(text: str, opened: int, end: int) -> int | None:
    """ "as “poppycock, unless you count the dead vote.? In 2013, …": a curly opening mark left
    open whose closing mark came out as a question mark after the sentence's stop (a "?" never
    follows a full stop or a comma in English, but after an abbreviation: "the U.S.?"); the
    first such mark closes it, when no double mark lies between."""
    for match in _LOST_CLOSER.finditer(text, opened + 1, end):
        if any(c in _FAMILIES["double"] for c in text[opened + 1 : match.start()]):
            return None
        if "." not in match.group(1) and match.group(1)[-1].islower():
            return match.end() - 1
    return None


def _trailing_opener(text: str, line: Line, opened: int) -> int | None:
    """ "He added: “But … ‘Hang on a second!’ “": a quotation left open whose paragraph ends
    in an opening mark typed after the last sentence's stop and a space, where the closing
    mark belongs."""
    end = line.start + len(text[line.start : line.end].rstrip())
    last = end - 1
    if last - 2 <= opened or text[last] != "“" or text[last - 1] != " ":
        return None
    return last if text[last - 2] in ".!?…’" else None


def _lost_closers(text: str, left_open: dict[int, int]) -> list[tuple[int, int]]:
    """(open, close) for curly quotations left open before the next opener whose closing mark
    came out as "?" (`_question_closer`); each is taken out of `left_open`."""
    pairs = []
    for start, opener in list(left_open.items()):
        lost = _question_closer(text, start, opener) if text[start] == "“" else None
        if lost is not None:
            pairs.append((start, lost))  # “… vote.? In 2013, he wrote that … “whined” …
            del left_open[start]
    return pairs


def _head(text: str, line: Line) -> int:
    """The offset of a paragraph's first non-space character."""
    raw = text[line.start : line.end]
    return line.start + len(raw) - len(raw.lstrip())


def _starts_with_quote(text: str, line: Line) -> bool:
    """True when the paragraph opens with a quotation mark."""
    head = text[line.start : line.end].lstrip()
    return bool(head) and head[0] in DOUBLE_OPEN | {'"'}


def _mark_between(marks: list[int], a: int, b: int) -> bool:
    """True when a double mark lies strictly between a and b: the single quotes straddle it."""
    i = bisect.bisect_right(marks, a)
    return i < len(marks) and marks[i] < b


def _opening_nests(
    text: str, line: Line, doubles: list[tuple[int, int]], next_line: Line | None
) -> list[tuple[int, int]] | None:
    """A paragraph that opens a quotation and quotes words inside it in the same marks
    (“Families were moved “temporarily”, and …): the pairing abandons the first mark at the
    second opener. The paragraph is one quotation with the words nested in it, closed by its
    last mark when that ends the paragraph, or running on when the marks are odd in number and
    the next paragraph opens with a mark (a quotation over several paragraphs). None when the
    pairing kept the first mark."""
    head = line.start + len(text[line.start : line.end]) - len(text[line.start : line.end].lstrip())
    if head >= line.end or text[head] not in _FAMILIES["double"]:
        return None
    if any(a == head for a, _ in doubles):
        return None
    marks = [
        i
        for i in range(head, line.end)
        if text[i] in _FAMILIES["double"] and _role(text, i, line.start, line.end) is not None
    ]
    if len(marks) < 3:
        return None
    if len(marks) % 2:
        running = next_line is not None and _starts_with_quote(text, next_line)
        return [(head, -1)] if running else None
    end = line.start + len(text[line.start : line.end].rstrip())
    last = marks[-1]
    if last == end - 1 and _role(text, last, line.start, line.end) == "close":
        return [(head, last)]
    return None


def _line_spans(
    text: str, line: Line, next_line: Line | None, continued: bool = False
) -> list[QuoteSpan]:
    """The quotations of one paragraph, double marks first, single marks outside them; a
    paragraph a quotation runs on into (`continued`) that opens with its one mark and is never
    closed is the quotation's last paragraph, the mark left off at its end."""
    doubles = _pair_family(text, line, _FAMILIES["double"], [])
    nests = _opening_nests(text, line, doubles, next_line)
    doubles = nests or _pair_family(text, line, _FAMILIES["double"], [], mend=True)
    closed = [(a, b) for a, b in doubles if b >= 0]
    open_tail = [a for a, b in doubles if b < 0]
    run_on = bool(open_tail) and next_line is not None and _starts_with_quote(text, next_line)
    end = len(text[line.start : line.end].rstrip()) + line.start
    if continued and not run_on and doubles == [(_head(text, line), -1)]:
        return [QuoteSpan(doubles[0][0], end - 1, doubles[0][0] + 1, end, line.index)]
    blocked = [*closed, (open_tail[0], end - 1)] if run_on else closed  # ‘…’ inside “… runs on
    singles = [(a, b) for a, b in _pair_family(text, line, _FAMILIES["single"], blocked) if b >= 0]
    marks = sorted(x for pair in closed for x in pair)
    singles = [(a, b) for a, b in singles if not _mark_between(marks, a, b)]
    spans = []
    for a, b in sorted(closed + singles):
        spans.append(QuoteSpan(a, b, a + 1, b, line.index))
    if run_on:
        spans.append(QuoteSpan(open_tail[0], end, open_tail[0] + 1, end, line.index, True))
    return spans


def _trim(span: QuoteSpan, text: str) -> QuoteSpan | None:
    """Drop the spaces and the comma before the attribution; None when no words remain."""
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    if not any(c.isalnum() for c in text[start:end]):
        return None
    return QuoteSpan(span.open_at, span.close_at, start, end, span.line, span.run_on)


_DOUBLED = re.compile(r"’’|''|‘‘|``")
_SPACED_OPEN = re.compile(r"(?:(?<=\s)|^)([“«„]) +(?=\w|… ?\w)", re.MULTILINE)
_SPACED_CLOSE = re.compile(r"(?<=[\w.,!?…'’]) +([”»])(?=[^\w]|$)", re.MULTILINE)
# A straight mark with a space on both sides right after a clause's punctuation ('"I think it's a
# disgrace that he is doing this, " Trump said'; "'Title Sponsor,' " Eric Trump wrote'): it
# cannot open (an opening mark is followed by a word), so it closes, and the space moves after it.
_SPACED_STRAIGHT = re.compile(r"(?<=[,.!?…'’]) +(\")(?= )")
# A straight mark after a comma or colon and a space, with spaces inside it before a word
# ('He added, " A devaluation …"'): `_spaced_straight_open` judges it.
_SPACED_STRAIGHT_OPEN = re.compile(r'(?<=[,:] )"( +)(?=\w)')


# An apostrophe opening a quotation whose first closing mark is a double one, with no straight
# mark between them that closes anything: wire copy's “ lost to ' (`'We don't …,'' he said`).
_LOST_OPEN = re.compile(
    r"(?:(?<=[\s(\[])|^)'(?=[^\s'\"“”\n](?:[^'\"“”\n]|'(?=\w))*”)", re.MULTILINE
)


def _lost_opens(text: str) -> str:
    """The text with `_LOST_OPEN` apostrophes made “, except inside a double quotation already
    open on their line ("“Back in the '80s we …”": an elision)."""
    matches = list(_LOST_OPEN.finditer(text))
    if not matches:
        return text
    chars = list(text)
    for match in matches:
        line = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
        if line.count("“") <= line.count("”"):
            chars[match.start()] = "“"
    return "".join(chars)


def _two_mark(match: re.Match[str]) -> str:
    """A double mark typed as two single ones: an opener after a space, else a closer; one
    with a space after it never opens (''…, '' said Mr. Gunnels; 'Primates of Park Avenue,'
    '' Ms. Ferriss noted)."""
    text, at = match.string, match.start()
    opens = at == 0 or text[at - 1].isspace() or text[at - 1] in _BEFORE_OPEN
    spaced = at + 2 >= len(text) or text[at + 2].isspace()
    return " “" if opens and not spaced else "” "


def _mended(text: str) -> str:
    """The text with the marks as they were meant, same length so offsets hold: ’’ or '' for a
    closing ” (and `` for an opening “), an apostrophe that opens what '' closes for “, and
    the spaces some sites leave inside the marks (“ I love it ”) moved outside them."""
    text = _lost_opens(_DOUBLED.sub(_two_mark, text))
    text = _SPACED_OPEN.sub(lambda m: m.group(0)[1:] + m.group(1), text)
    text = _SPACED_CLOSE.sub(lambda m: m.group(1) + m.group(0)[:-1], text)
    text = _SPACED_STRAIGHT_OPEN.sub(_spaced_straight_open, text)
    return _SPACED_STRAIGHT.sub(lambda m: m.group(1) + m.group(0)[:-1], text)


def _spaced_straight_open(match: re.Match[str]) -> str:
    """A straight mark after a comma or colon with a space inside it before a word ('He
    added, " A devaluation will …"'): with no quotation open on its line (an even count of
    straight marks before it) it opens one, the space moved before it; else it is left to
    `_SPACED_STRAIGHT`, which closes ('"…, " Trump said')."""
    text, at = match.string, match.start()
    line = text[text.rfind("\n", 0, at) + 1 : at]
    if line.count('"') % 2:
        return match.group(0)
    return match.group(1) + '"'


_INSERT_WORDS = 6


def is_insert(text: str, line: Line) -> bool:
    """A site's insert between two paragraphs of one quotation ("read more in politics", "Most
    read in News"): a short line that does not end like a sentence and opens with no mark."""
    words = text[line.start : line.end].split()
    return (
        0 < len(words) <= _INSERT_WORDS and is_headline(text, line) and words[0][0] not in ALL_MARKS
    )


def next_paragraph(text: str, lines: list[Line], i: int) -> Line | None:
    """The paragraph after line i, passing over at most two inserts."""
    for line in lines[i + 1 : i + 4]:
        if not is_insert(text, line):
            return line
    return None


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All paired quotations in the text, in order, with their paragraph index. A paragraph
    that ends inside a quotation runs on when the next paragraph opens with a mark, also past a
    site's insert lines between them ("read more in politics")."""
    text = _mended(text)
    lines = split_lines(text)
    spans: list[QuoteSpan] = []
    continued: set[int] = set()  # paragraphs a quotation runs on into
    for i, line in enumerate(lines):
        next_line = next_paragraph(text, lines, i)
        for span in _line_spans(text, line, next_line, i in continued):
            if span.run_on and next_line is not None:
                continued.add(next_line.index)
            trimmed = _trim(span, text)
            if trimmed is not None:
                spans.append(trimmed)
    return spans
