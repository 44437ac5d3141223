"""A line in Title Case creates no person from words that are no name in the story's body.

"Clinton Hid Past Health Problems From Public, Former White House Doctor Says." is tagged
PERSON "Clinton Hid Past Health": a headline capitalises every word, so the small model cannot
tell where the name ends. A reader takes the name the story itself uses. So:

- `title_case_lines(doc)`: the character ranges of lines (a paragraph of one sentence or more)
  whose words are nearly all capitalised, one of them (not the first) a word the article
  writes in lowercase elsewhere ("hid", "health"), as a line of names does not;
- `holds_common_words(name, doc)`: within such a line, a PERSON none of whose words the article
  writes in lowercase is a name as it stands ("Ann Coulter: And Then There Was the One.",
  a byline; "— Hillary Clinton Says …" in a list of links), even when the body never names it;
- `name_in_body(words, body)`: any other PERSON there keeps the longest run of its words
  that names a person of the body (the same name, or a shorter form of it with the same
  surname: "Clinton" for "Hillary Clinton"; not a longer one, as "Hillary Clinton Slams Donald
  Trump" is of "Donald Trump"); "" when no run does, and the line creates no one.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from spacy.tokens import Doc

from analysis.doc_text import doc_text
from analysis.entity_names import lowercase_words

_MINOR = frozenset(
    """a an the of to in on at for and or but by with from as is be are was vs""".split()  # noqa: SIM905
)
_SHARE = 0.8
_FEWEST = 4


def title_case_lines(doc: Doc) -> tuple[tuple[int, int], ...]:
    """Character ranges of the article's Title Case lines (the module docstring's rule): read
    once per document, as entity reading asks for them in three places."""
    cached = doc.user_data.get(_TITLE_LINES)
    if cached is None:
        text = doc_text(doc)
        lowered = lowercase_words(doc)
        lines, start = [], 0
        for line in text.split("\n"):
            if _title_case(line, lowered):
                lines.append((start, start + len(line)))
            start += len(line) + 1
        cached = doc.user_data[_TITLE_LINES] = tuple(lines)
    return cached


_TITLE_LINES = "analysis.entity_headlines.title_case_lines"


def _title_case(line: str, lowered: Collection[str]) -> bool:
    """Nearly every word capitalised, one of them besides the first a word the article writes
    in lowercase (or its plain form: "Meets" beside "met")."""
    words = [w.strip("\"'“”‘’.,:;!?()") for w in line.split()]
    words = [w for w in words if w.isalpha() and w.lower() not in _MINOR]
    if len(words) < _FEWEST:
        return False
    capital = [w for w in words if w[:1].isupper()]
    if len(capital) < _SHARE * len(words):
        return False
    return any(w.lower() in lowered or _plain(w.lower()) in lowered for w in capital[1:])


def _plain(word: str) -> str:
    """A headline verb's plain form: "meets" -> "meet", "slams" -> "slam"."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def name_in_body(
    words: list[str],
    body: Collection[str],
    same: Callable[[str, str], bool],
    key: Callable[[str], str],
) -> str:
    """The longest run of `words` naming a person of the body (`body`: their keys; `same(a, b)`
    says whether `a` is a shorter form of `b`; `key` makes a key); "" when none does."""
    for size in range(len(words), 0, -1):
        for begin in range(len(words) - size + 1):
            run = " ".join(words[begin : begin + size])
            run_key = key(run)
            if run_key in body or any(same(run_key, b) for b in body):
                return run
    return ""


def holds_common_words(name: str, doc: Doc) -> bool:
    """A word of the name after its first is one the article writes in lowercase ("Hid",
    "Slams"): the name ran into the headline's words. A first name may be such a word ("Will
    Dunham", "Mark Landler" in a credit line)."""
    lowered = lowercase_words(doc)
    words = [w.lower() for w in name.split()[1:] if w.isalpha() and w.lower() not in _MINOR]
    return any(w in lowered or _plain(w) in lowered for w in words)
