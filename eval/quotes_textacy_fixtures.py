"""textacy's own 14 quote test cases, scored for our extractor and for textacy itself.

Run: `.venv/bin/python -m eval.quotes_textacy_fixtures`.
A case passes when the speaker words of all quotes found (conjunctions aside) equal the expected
ones and, where the case lists contents, the quoted texts (marks and a trailing comma stripped)
equal them too: the rule of tests/analysis/test_quotes.py. Both systems parse with the English
model (no Spanish model is installed), so the two Spanish cases are scored on an English parse.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc

from analysis.nlp import analyse_doc, load_nlp
from analysis.quotes import extract_quotes
from eval.common import DEFAULT_DATA, MODEL, emit, table

MARKS = "\"'“”‘’«»„‹›"
_JOINERS = frozenset({"and", ","})

Case = dict[str, object]
Found = tuple[list[str], list[str]]


def load_cases(path: Path) -> list[Case]:
    """The transcribed cases, one JSON object a line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def expected(case: Case) -> tuple[list[str], list[str] | None]:
    """(speaker words, contents without marks or None when the case gives only speakers)."""
    if "expected_speaker_tokens" in case:
        return [str(w) for w in case["expected_speaker_tokens"]], None  # type: ignore[attr-defined]
    rows: list[dict[str, object]] = case["expected"]  # type: ignore[assignment]
    speakers = [str(w) for row in rows for w in row["speaker"]]  # type: ignore[attr-defined]
    return speakers, [clean(str(row["content"])) for row in rows]


def clean(content: str) -> str:
    """A content without its quotation marks and trailing comma."""
    return content.strip(MARKS).rstrip(",")


def ours(doc: Doc) -> Found:
    """Our speaker words and quote texts for one parsed case."""
    quotes = extract_quotes(doc, analyse_doc(doc))
    speakers = [w for q in quotes for w in q.speaker_text.split() if w not in _JOINERS]
    return speakers, [clean(q.text) for q in quotes]


def textacy_found(doc: Doc) -> Found:
    """textacy's speaker words and quote texts; nothing when it refuses the text."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return [], []
    speakers = [t.text for q in triples for t in q.speaker if t.text not in _JOINERS]
    return speakers, [clean(q.content.text) for q in triples]


def passes(case: Case, found: Found) -> bool:
    """The case's rule: same speaker words, and same contents where it lists them."""
    speakers, contents = expected(case)
    return found[0] == speakers and (contents is None or found[1] == contents)


def main(argv: Sequence[str] | None = None) -> int:
    """Run both systems on textacy's quote fixtures and print one row per case and the totals."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    cases = load_cases(args.data / "textacy_quote_fixtures" / "direct_quotations.jsonl")
    nlp = load_nlp(MODEL)
    rows: list[list[object]] = []
    totals = [0, 0]
    for case in cases:
        doc = nlp(str(case["text"]))
        results = [passes(case, ours(doc)), passes(case, textacy_found(doc))]
        totals = [t + r for t, r in zip(totals, results, strict=True)]
        text = str(case["text"]).replace("\n", " ")[:48]
        rows.append([case["lang"], text, *("pass" if r else "miss" for r in results)])
    rows.append(["", "**total**", f"{totals[0]}/{len(cases)}", f"{totals[1]}/{len(cases)}"])
    emit(table(["lang", "case", "ours", "textacy"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
