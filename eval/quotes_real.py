"""Quotes on real pages, end to end: HTML in, the speaker a member reaches with `analyst quotes`.

Run: `.venv/bin/python -m eval.quotes_real [--split dev|test|all] [--fragments include|exclude]
[--errors] [--json FILE]` (`--keep FOLDER` keeps the pages and the database, to read with
`analyst --db ...`). `--split seventh` scores the seventh held-out batch, Mozilla Readability's
test pages, read from a clone or mirror of that repository (`--readability PATH`, else
$ANALYST_READABILITY, else the machine's mirror; see `eval.real_pages`). `--split eighth` scores
the eighth held-out batch, goose3's and newspaper4k's test pages, read the same way (`--goose3
PATH` / $ANALYST_GOOSE3, `--newspaper4k PATH` / $ANALYST_NEWSPAPER4K, else the machine's mirrors).
`--split ninth` scores the ninth batch, a development batch of trafilatura's test pages
(`--trafilatura PATH` / $ANALYST_TRAFILATURA, else the machine's mirror); `--errors` may be read.
`--split tenth` scores the tenth batch, another development batch, Postlight Parser's test pages
(`--postlight PATH` / $ANALYST_POSTLIGHT, else the machine's mirror); `--errors` may be read.
`--split eleventh` scores the eleventh batch, HELD OUT (more of Postlight Parser's pages, read the
same way): scored by the lead only, its errors not read. `--split twelfth` scores the twelfth, a
development batch of trafilatura's pages chosen for dated events (four quotations only).
`--split thirteenth` scores the thirteenth, a development batch of fundus's saved news pages
(`--fundus PATH` / $ANALYST_FUNDUS, else the machine's mirror); `--split fourteenth` the
fourteenth, fundus's pages of other sites, HELD OUT: scored by the lead only, its errors not read;
`--split fifteenth` the fifteenth, more of fundus's pages, a second development batch;
`--split sixteenth` the sixteenth, more of Postlight Parser's pages, a development batch;
`--split seventeenth` the seventeenth, newspaper's saved test pages (`--newspaper3k PATH` /
$ANALYST_NEWSPAPER3K, else the machine's mirror), HELD OUT: a blind measurement, its errors
not read; `--split eighteenth` the eighteenth, more of newspaper's pages, HELD OUT likewise;
`--split nineteenth` the nineteenth, pages of htmldate's archive no batch had used, chosen for
dated events, a development batch (three quotations only; read from the archive, like `dev`);
`--split twentieth` the twentieth, fundus's and Postlight Parser's pages no batch had read
(`--fundus PATH`, `--postlight PATH`), a development batch (79 quotations on 7 of 15 pages).
The split's pages (`eval.real_pages`) are written to a temporary folder and ingested by the real
CLI (`analyst ingest FOLDER --json`, in-process, on a temporary SQLite file); the gold is the
hand-labelled `eval/data/real_quotes/<page>.json` (its README has the rules).

Why each figure:
- a stored quote *matches* a gold quote when runs of words they share (lower case, marks and
  punctuation ignored; runs of three words or more, or the whole of a shorter gold) hold at least
  half of the gold's words, or when it is a piece of the gold (3+ words, 80% of them in such runs):
  a quotation split by "she said" and stored as two, or a pull quote repeating part of a body
  quote, still counts. A gold quote is *found* when its matches together hold half of its words.
  Runs rather than shared words, so a long quote holding "I" and "that" does not match "I keep
  hearing that"; the pieces rule, so a stored piece of a real quotation is not a false positive.
- fragments: gold quotes marked `"fragment": true` are short pieces of someone's words inside a
  sentence (Mahmood said Starmer had "failed to listen"). Issue 12 counts them as quotes (its
  definition: every quotation of someone's words, whatever its length), and so does
  `--fragments include`, the default; `--fragments exclude` turns them back into not_quotes, the
  labellers' first convention (rule 4 of their README then), so both figures can be reported. Each
  table's title line says which it uses. A fragment matches only a stored quote that is mostly the
  fragment (its words at least half of the stored quote's): a long quote that happens to hold
  the words (Sarwar's "That humanity and empathy is ..." and his fragment "empathy") neither finds
  the fragment nor becomes right through it.
- stored quotes matching only a label file's `single_mark_quotes` are left out of every count.
- content: every stored quote against every gold quote, speakers ignored.
- as-written speaker: stored quotes with a speaker text against gold quotes with a speaker; right
  when it matches and its speaker text holds a word of the gold name (not a particle such as
  "al" or "van") or the organisation's initials: "he" is wrong even when linked right.
- linked speaker (what a member sees): recall asks `analyst quotes "<gold speaker>" --json
  --limit 500` and counts a gold found when a returned quote of the same article matches it (an
  unknown or ambiguous name is a miss); precision is over the stored quotes linked to an entity
  (the ones a member can reach under a name; unlinked ones are counted apart), as `analyst
  article N --quotes --json` lists them: right when it matches a gold whose speaker resolves,
  through the same `analyst quotes` lookup, to the entity the quote is under (compared by name).
  Everything is read through the CLI, as a member would, not from the database.
- textacy `direct_quotations` runs on the same stored texts with the same model (per paragraph
  where it refuses the whole text) and is scored for content and as-written speaker.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from pathlib import Path

from eval.common import (
    DEFAULT_DATA,
    PRF,
    REPO_ROOT,
    SAMPLES,
    emit,
    interval_text,
    page_interval,
    pct,
    table,
)
from eval.real_pages import SPLITS, add_mirror_options, repos_given

LABELS = REPO_ROOT / "eval" / "data" / "real_quotes"
LIMIT = 500  # the most `analyst quotes --limit` allows
_WORD = re.compile(r"\w+")
_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})
_PARTICLES = frozenset({"al", "el", "abu", "bin", "ibn", "van", "von", "der", "den"}) | frozenset(
    {"de", "del", "da", "di", "la", "le"}
)
JOINER = " … "  # how a labeller may join the two parts of a split quotation in one entry
FRAGMENTS = {
    "include": "fragments included (short partial quotes marked fragment are quotes, issue 12)",
    "exclude": "fragments excluded (quotes marked fragment are not_quotes: first convention)",
}


@dataclass(frozen=True)
class Gold:
    """One hand-labelled quotation: its words, speaker (None when unnamed), kind, note, fragment."""

    text: str
    speaker: str | None
    kind: str = "person"
    note: str = ""
    fragment: bool = False  # a short piece of someone's words inside a sentence


@dataclass(frozen=True)
class PageGold:
    """The labels of one page: its quotes, its not-quotes, where its article body ends."""

    key: str
    quotes: tuple[Gold, ...]
    not_quotes: tuple[str, ...] = ()
    body_ends: str | None = None
    neutral: tuple[str, ...] = ()  # `single_mark_quotes`: neither quotes nor not_quotes


@dataclass(frozen=True)
class Stored:
    """One quote a system produced for a page's article (entity only for Analyst's)."""

    text: str
    speaker_text: str
    start: int = 0
    entity: str | None = None  # the name `analyst quotes` finds it under; None: unlinked


@dataclass(frozen=True)
class Resolved:
    """What `analyst quotes NAME` answered: the entity and its quotes, or the error line."""

    entity: str | None  # the resolved entity's name
    quotes: tuple[tuple[int, str], ...] = ()  # (article id, quote text)
    error: str = ""


def load_page(path: Path, fragments: str = "include") -> PageGold:
    """One label file as a PageGold, its fragments as quotes or as not_quotes (`exclude`)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    quotes = tuple(
        Gold(
            q["text"],
            q.get("speaker"),
            q.get("kind", "person"),
            q.get("note", ""),
            bool(q.get("fragment", False)),
        )
        for q in data["quotes"]
    )
    neutral = tuple(q["text"] for q in data.get("single_mark_quotes", []))
    not_quotes = tuple(data.get("not_quotes", []))
    page = PageGold(path.stem, quotes, not_quotes, data.get("body_ends"), neutral)
    return with_fragments(page, fragments)


def with_fragments(page: PageGold, fragments: str) -> PageGold:
    """The page under a convention: `include` keeps it; `exclude` makes fragments not_quotes."""
    if fragments not in FRAGMENTS:
        raise ValueError(f"fragments must be one of {sorted(FRAGMENTS)}, not {fragments!r}")
    if fragments == "include":
        return page
    kept = tuple(g for g in page.quotes if not g.fragment)
    moved = tuple(g.text for g in page.quotes if g.fragment and g.text not in page.not_quotes)
    return replace(page, quotes=kept, not_quotes=page.not_quotes + moved)


def load_labels(
    keys: Iterable[str], folder: Path = LABELS, fragments: str = "include"
) -> dict[str, PageGold]:
    """The label files of the given page keys that exist (a half may still be unlabelled)."""
    return {
        k: load_page(folder / f"{k}.json", fragments)
        for k in keys
        if (folder / f"{k}.json").is_file()
    }


def normalise(text: str) -> str:
    """Lower case, straight marks, single spaces: how texts are compared.

    U+FFFD (a mark or apostrophe a damaged page lost) counts as an apostrophe.
    """
    flat = text.translate(_MARKS).replace("\ufffd", "'").replace("''", '"')
    return " ".join(flat.lower().split())


def tokens(text: str) -> list[str]:
    """The word tokens of a text in order (marks and punctuation ignored)."""
    return _WORD.findall(normalise(text))


def held(s: Sequence[str], g: Sequence[str]) -> frozenset[int]:
    """The gold's word positions that runs shared with the stored quote cover.

    Runs of at least three words (or the whole of a shorter gold) count, so a long quote does not
    cover "I keep hearing that" by holding "I" and "that" somewhere.
    """
    least = max(1, min(3, len(g)))
    blocks = SequenceMatcher(None, s, g, autojunk=False).get_matching_blocks()
    return frozenset(b.b + k for b in blocks if b.size >= least for k in range(b.size))


def covers(s: Sequence[str], g: Sequence[str]) -> bool:
    """The stored quote holds at least half of the gold's words."""
    return bool(g) and len(held(s, g)) >= 0.5 * len(g)


def inside(s: Sequence[str], g: Sequence[str]) -> bool:
    """The stored quote is a piece of the gold: 3+ words, at least 80% of them in it."""
    return len(s) >= 3 and len(held(s, g)) >= 0.8 * len(s)


Pairs = dict[tuple[int, int], frozenset[int]]


def match_pairs(
    stored: Sequence[str], golds: Sequence[str], fragments: Collection[int] = frozenset()
) -> Pairs:
    """(stored, gold) index pairs that match (covering, or a piece), with the positions held.

    A gold whose index is in `fragments` matches only a stored quote that is mostly that gold:
    the words it holds are at least half of the stored quote's words.
    """
    st, gt = [tokens(s) for s in stored], [tokens(g) for g in golds]
    pairs: Pairs = {}
    for j, g in enumerate(gt):
        for i, s in enumerate(st):
            if not (covers(s, g) or inside(s, g)):
                continue
            positions = held(s, g)
            if j in fragments and len(positions) < 0.5 * len(s):
                continue
            pairs[i, j] = positions
    return pairs


def gold_pairs(stored: Sequence[str], golds: Sequence[Gold]) -> Pairs:
    """`match_pairs` against gold quotes, their fragments matched as fragments."""
    fragments = frozenset(j for j, g in enumerate(golds) if g.fragment)
    return match_pairs(stored, [g.text for g in golds], fragments)


def found_golds(pairs: Pairs, golds: Sequence[str]) -> set[int]:
    """The golds whose matching stored quotes together hold at least half of their words."""
    pooled: dict[int, set[int]] = {}
    for (_, j), positions in pairs.items():
        pooled.setdefault(j, set()).update(positions)
    return {j for j, held_ in pooled.items() if len(held_) >= 0.5 * len(tokens(golds[j]))}


def text_stored(gold: str, article_text: str) -> bool:
    """Whether the gold's words are in the stored article text at all (each part if joined)."""
    article = f" {' '.join(tokens(article_text))} "
    return all(f" {' '.join(tokens(part))} " in article for part in gold.split(JOINER))


def name_words(name: str) -> set[str]:
    """The words of a speaker name that identify it: no particles, no initials."""
    return {w for w in _WORD.findall(normalise(name)) if len(w) > 2 and w not in _PARTICLES}


def names_speaker(speaker_text: str, gold: Gold) -> bool:
    """The speaker as written names the gold speaker: a name word, or an org's initials."""
    if not gold.speaker or not speaker_text.strip():
        return False
    written = set(_WORD.findall(normalise(speaker_text)))
    if name_words(gold.speaker) & written:
        return True
    initials = "".join(w[0] for w in gold.speaker.split() if w[:1].isupper()).lower()
    return gold.kind == "org" and len(initials) > 1 and initials in written


@dataclass
class Tally:
    """Right predictions and found golds, summed over pages, for one system and criterion."""

    right: int = 0
    n_pred: int = 0
    found: int = 0
    n_gold: int = 0

    def add(self, right: int, n_pred: int, found: int, n_gold: int) -> None:
        """Add one page's counts."""
        self.right += right
        self.n_pred += n_pred
        self.found += found
        self.n_gold += n_gold

    def prf(self) -> PRF:
        """The tally as precision, recall and F1."""
        return PRF(self.right, self.n_pred, self.found, self.n_gold)


Accept = Callable[[int, int], bool]


def score(
    stored: Sequence[Stored], golds: Sequence[Gold], accept: Accept | None = None
) -> tuple[set[int], set[int]]:
    """(right stored indexes, found gold indexes) when a matching pair must also pass `accept`."""
    texts = [g.text for g in golds]
    pairs = gold_pairs([s.text for s in stored], golds)
    if accept is not None:
        pairs = {ij: held_ for ij, held_ in pairs.items() if accept(*ij)}
    return {i for i, _ in pairs}, found_golds(pairs, texts)


def countable(stored: Sequence[Stored], page: PageGold) -> list[Stored]:
    """The stored quotes that count: not those matching only a `single_mark_quotes` entry."""
    if not page.neutral:
        return list(stored)
    texts = [s.text for s in stored]
    golds = {i for i, _ in gold_pairs(texts, page.quotes)}
    neutral = {i for i, _ in match_pairs(texts, page.neutral)}
    return [s for i, s in enumerate(stored) if i in golds or i not in neutral]


def score_content(stored: Sequence[Stored], page: PageGold) -> tuple[int, int, int, int]:
    """Content counts of one page: right, stored, found, gold."""
    stored = countable(stored, page)
    right, found = score(stored, page.quotes)
    return len(right), len(stored), len(found), len(page.quotes)


def score_written(stored: Sequence[Stored], page: PageGold) -> tuple[int, int, int, int]:
    """As-written speaker counts: quotes with a speaker text against named golds."""
    preds = [s for s in countable(stored, page) if s.speaker_text.strip()]
    named = [g for g in page.quotes if g.speaker]
    right, found = score(preds, named, lambda i, j: names_speaker(preds[i].speaker_text, named[j]))
    return len(right), len(preds), len(found), len(named)


def score_linked(
    stored: Sequence[Stored], page: PageGold, article: int | None, names: dict[str, Resolved]
) -> tuple[int, int, int, int]:
    """Linked-speaker counts: linked stored quotes against named golds; recall via the CLI."""
    linked = [s for s in countable(stored, page) if s.entity is not None]
    named = [g for g in page.quotes if g.speaker]

    def same(i: int, j: int) -> bool:
        resolved = names.get(named[j].speaker or "")
        return resolved is not None and resolved.entity == linked[i].entity

    right, _ = score(linked, named, same)
    return len(right), len(linked), len(reachable(named, article, names)), len(named)


def reachable(named: Sequence[Gold], article: int | None, names: dict[str, Resolved]) -> set[int]:
    """The named golds a member finds: a quote `analyst quotes SPEAKER` returns matches it."""
    found: set[int] = set()
    for j, gold in enumerate(named):
        resolved = names.get(gold.speaker or "")
        if resolved is None or article is None:
            continue
        theirs = [Stored(text, "") for art, text in resolved.quotes if art == article]
        if score(theirs, [gold])[1]:
            found.add(j)
    return found


def body_end(page: PageGold, article_text: str) -> int | None:
    """Where the article body ends in the stored text (None: it runs to the end)."""
    if not page.body_ends:
        return None
    at = article_text.find(page.body_ends)
    return at + len(page.body_ends) if at >= 0 else None


@dataclass
class PageRun:
    """One page scored: its article, Analyst's and textacy's quotes, the name lookups."""

    page: PageGold
    article: int | None
    text: str
    ours: list[Stored]
    textacy: list[Stored] | None
    names: dict[str, Resolved] = field(default_factory=dict)


def short(text: str, n: int = 60) -> str:
    """The start of a text on one line."""
    flat = " ".join(text.split())
    return flat if len(flat) <= n else flat[: n - 1] + "…"


_PRONOUNS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "this",
        "that",
        "who",
        "which",
    ]
)


def written_kind(speaker_text: str, gold: Gold) -> str:
    """A word on how a speaker was written: pronoun, surname or first name only, or other."""
    words = _WORD.findall(normalise(speaker_text))
    if not words:
        return "no speaker"
    if words[0] in _PRONOUNS and len(words) == 1:
        return "pronoun"
    if len(words) == 1 and gold.speaker and words[0] in name_words(gold.speaker):
        return "one name word"
    return "other"


def miss_reason(run: PageRun, gold: Gold, mine: Sequence[Stored]) -> str:
    """Why a named gold that Analyst stored is not reachable by `analyst quotes SPEAKER`."""
    resolved = run.names.get(gold.speaker or "")
    if resolved is not None and resolved.error:
        return "name ambiguous" if "could be" in resolved.error else "name unknown"
    linked = [s for s in mine if s.entity is not None]
    if not linked:
        return f"unlinked ({written_kind(mine[0].speaker_text, gold)})"
    if resolved is None or all(s.entity != resolved.entity for s in linked):
        return "linked to another entity"
    return "not returned by quotes (over the limit?)"


def stored_desc(quotes: Iterable[Stored]) -> str:
    """What Analyst stored for a gold: each speaker as written and the entity it is under."""
    parts = [f"'{s.speaker_text}' → {s.entity or 'unlinked'}" for s in quotes]
    return "; ".join(parts) or "nothing"


def page_errors(run: PageRun) -> list[tuple[str, str]]:
    """(kind, line) per miss and false positive of Analyst on one page, golds first."""
    page, ours = run.page, countable(run.ours, run.page)
    pairs = gold_pairs([s.text for s in ours], page.quotes)
    found = found_golds(pairs, [g.text for g in page.quotes])
    named = [g for g in page.quotes if g.speaker]
    reached = {id(named[j]) for j in reachable(named, run.article, run.names)}
    out: list[tuple[str, str]] = []
    for j, gold in enumerate(page.quotes):
        mine = [ours[i] for i, k in sorted(pairs) if k == j]
        if j not in found:
            kind = "miss: only a piece extracted" if mine else "miss: not extracted"
            kind = kind if text_stored(gold.text, run.text) else "miss: text not stored"
        elif gold.speaker and id(gold) not in reached:
            kind = f"miss: {miss_reason(run, gold, mine)}"
        else:
            continue
        out.append((kind, _line(kind, page.key, gold.text, gold, stored_desc(mine))))
    out.extend(_false_positives(run, ours, pairs))
    return out


def _false_positives(run: PageRun, ours: Sequence[Stored], pairs: Pairs) -> list[tuple[str, str]]:
    """Stored quotes that match no gold, and linked ones under the wrong entity."""
    page, end = run.page, body_end(run.page, run.text)
    out: list[tuple[str, str]] = []
    for i, s in enumerate(ours):
        golds = [page.quotes[j] for k, j in pairs if k == i]
        if not golds:
            kind = "false: matches no gold"
            if end is not None and s.start >= end:
                kind = "false: outside the article body"
            elif any(covers(tokens(s.text), tokens(n)) for n in page.not_quotes):
                kind = "false: a not_quote"
        elif s.entity is not None and not any(_linked_right(run, s, g) for g in golds):
            kind = "false: linked to the wrong entity"
        else:
            continue
        gold = golds[0] if golds else None
        out.append((kind, _line(kind, page.key, s.text, gold, stored_desc([s]))))
    return out


def _linked_right(run: PageRun, s: Stored, gold: Gold) -> bool:
    resolved = run.names.get(gold.speaker or "")
    return resolved is not None and resolved.entity == s.entity


def _line(kind: str, key: str, text: str, gold: Gold | None, stored: str) -> str:
    speaker = (gold.speaker or "unnamed") if gold else "-"
    note = f" | note: {gold.note}" if gold and gold.note else ""
    return f"{kind} | {key} | “{short(text)}” | gold: {speaker} | stored: {stored}{note}"


# --- running Analyst and textacy -------------------------------------------------------------


def _invoke(url: str, *args: str) -> tuple[int, str]:
    """Run `analyst ARGS...` in-process on the database at `url`: (exit code, its output).

    The output is standard output when the command succeeds, else its error line (stderr).
    """
    from typer.testing import CliRunner

    from bot.cli import app

    result = CliRunner().invoke(app, list(args), env={"ANALYST_DATABASE_URL": url})
    return result.exit_code, result.stdout if result.exit_code == 0 else result.output


def ingest(folder: Path, url: str) -> dict[str, int | None]:
    """`analyst ingest FOLDER --json`: each page file's article number (None when it failed).

    A page Analyst cannot store makes `analyst ingest` exit with 1 after its JSON answer; its
    quotations then count as missed, as a member would get none of them."""
    from typer.testing import CliRunner

    from bot.cli import app

    args = ["ingest", str(folder), "--json"]
    result = CliRunner().invoke(app, args, env={"ANALYST_DATABASE_URL": url})
    if result.exit_code not in (0, 1) or not result.stdout.lstrip().startswith("{"):
        raise RuntimeError(f"analyst ingest failed ({result.exit_code}): {result.output[:300]}")
    return {
        Path(r["source"]).name: r.get("article_id") or r.get("duplicate_of")
        for r in json.loads(result.stdout)["results"]
    }


def resolve(names: Iterable[str], url: str) -> dict[str, Resolved]:
    """`analyst quotes NAME --json --limit 500` for each name: the entity and its quotes."""
    found: dict[str, Resolved] = {}
    for name in sorted(set(names)):
        code, out = _invoke(url, "quotes", name, "--json", "--limit", str(LIMIT))
        if code != 0:
            found[name] = Resolved(None, error=out.strip().splitlines()[0] if out.strip() else "")
            continue
        data = json.loads(out)
        quotes = tuple((int(q["article"]["id"]), str(q["text"])) for q in data["quotes"])
        found[name] = Resolved(str(data["speaker"]["name"]), quotes)
    return found


def read_article(url: str, article: int) -> tuple[str, list[Stored]]:
    """`analyst article N --quotes --json`: the stored text and every quote with its speaker."""
    code, out = _invoke(url, "article", str(article), "--quotes", "--json", "--no-dropped")
    if code != 0:
        raise RuntimeError(f"analyst article {article} failed ({code}): {out.strip()[:300]}")
    data = json.loads(out)
    text = str(data["text"])
    quotes = [
        Stored(
            q["text"], q.get("speaker_as_written") or "", max(text.find(q["text"]), 0), q["speaker"]
        )
        for q in data["quotes"]
    ]
    return text, quotes


def textacy_quotes(texts: dict[int, str]) -> dict[int, list[Stored]] | None:
    """textacy's direct quotations of each stored text (None when textacy is not installed)."""
    try:
        import textacy  # noqa: F401  (only asks whether it is installed)
    except ImportError:
        return None
    from analysis.nlp import load_nlp
    from eval.common import MODEL
    from eval.quotes_polnear import textacy_predictions

    nlp = load_nlp(MODEL)
    ids = list(texts)
    found: dict[int, list[Stored]] = {}
    for art, doc in zip(ids, nlp.pipe(texts[i] for i in ids), strict=True):
        preds, _ = textacy_predictions(doc, by_paragraph=True)
        found[art] = [Stored(doc.text[p.start : p.end], p.speaker_text, p.start) for p in preds]
    return found


def run_split(
    split: str,
    data: Path = DEFAULT_DATA,
    keep: Path | None = None,
    fragments: str = "include",
    repos: Mapping[str, Path | None] | None = None,
) -> tuple[list[PageRun], dict[str, str]]:
    """Ingest the split's labelled pages (in `keep` if given, to read later): one PageRun each.

    `repos` says where the mirrored batches' repositories are, by source (`eval.real_pages`:
    Readability's for the seventh batch, goose3's and newspaper4k's for the eighth, trafilatura's
    for the ninth and twelfth, Postlight Parser's for the tenth and eleventh, fundus's for the
    thirteenth and fourteenth, newspaper's for the seventeenth and eighteenth); a source not given
    is found by its variable or mirror."""
    from eval.real_pages import pages, write_pages

    chosen = pages(split, data)
    labels = load_labels((p.key for p in chosen), fragments=fragments)
    with tempfile.TemporaryDirectory(prefix="quotes_real_") as tmp:
        base = keep or Path(tmp)
        folder, url = base / "pages", f"sqlite+aiosqlite:///{base / 'analyst.db'}"
        if (base / "analyst.db").exists():
            raise SystemExit(f"{base / 'analyst.db'} exists: give --keep an empty folder")
        write_pages(folder, split, data, repos)
        articles = ingest(folder, url)
        ids = [a for p in chosen if (a := articles.get(p.name)) is not None]
        read = {a: read_article(url, a) for a in ids}
        texts, quotes = {a: t for a, (t, _) in read.items()}, {a: q for a, (_, q) in read.items()}
        names = resolve((g.speaker for k in labels.values() for g in k.quotes if g.speaker), url)
    theirs = textacy_quotes(texts)
    runs, splits = [], {}
    for p in chosen:
        if p.key not in labels:
            continue
        art = articles.get(p.name)
        text, ours = (texts.get(art, ""), quotes.get(art, [])) if art else ("", [])
        other = None if theirs is None else (theirs.get(art, []) if art else [])
        runs.append(PageRun(labels[p.key], art, text, ours, other, names))
        splits[p.key] = "dev" if p.name in _dev_names() else "test"
    return runs, splits


def _dev_names() -> frozenset[str]:
    from eval.real_pages import DEV

    return frozenset(DEV)


# --- figures and report ----------------------------------------------------------------------

ROWS = (
    ("Analyst", "content"),
    ("Analyst", "as-written speaker"),
    ("Analyst", "linked speaker"),
    ("textacy", "content"),
    ("textacy", "as-written speaker"),
)


def tally(runs: Sequence[PageRun]) -> dict[tuple[str, str], Tally]:
    """Counts per (system, criterion) over the pages (textacy rows only when it ran)."""
    out = {row: Tally() for row in ROWS}
    for run in runs:
        out["Analyst", "content"].add(*score_content(run.ours, run.page))
        out["Analyst", "as-written speaker"].add(*score_written(run.ours, run.page))
        out["Analyst", "linked speaker"].add(
            *score_linked(run.ours, run.page, run.article, run.names)
        )
        if run.textacy is not None:
            out["textacy", "content"].add(*score_content(run.textacy, run.page))
            out["textacy", "as-written speaker"].add(*score_written(run.textacy, run.page))
    if any(run.textacy is None for run in runs):
        del out["textacy", "content"], out["textacy", "as-written speaker"]
    return out


def counts(runs: Sequence[PageRun]) -> dict[str, int]:
    """What the figures rest on: pages, golds, speakers, stored quotes and how they fell."""
    speakers = {(r.page.key, g.speaker) for r in runs for g in r.page.quotes if g.speaker}
    names = {g.speaker for r in runs for g in r.page.quotes if g.speaker}
    errors = [r.names[n].error for n in names for r in runs[:1] if n in r.names]
    kinds = Counter(kind for r in runs for kind, _ in page_errors(r))
    return {
        "pages": len(runs),
        "stored articles": sum(r.article is not None for r in runs),
        "gold quotes": sum(len(r.page.quotes) for r in runs),
        "fragments": sum(1 for r in runs for g in r.page.quotes if g.fragment),
        "named": sum(1 for r in runs for g in r.page.quotes if g.speaker),
        "speakers": len(speakers),
        "names unknown": sum(1 for e in errors if e and "could be" not in e),
        "names ambiguous": sum(1 for e in errors if "could be" in e),
        "not_quotes": sum(len(r.page.not_quotes) for r in runs),
        "stored quotes": sum(len(r.ours) for r in runs),
        "linked": sum(1 for r in runs for s in r.ours if s.entity is not None),
        "outside body": kinds["false: outside the article body"],
        "not_quotes stored": kinds["false: a not_quote"],
    }


def groups(runs: Sequence[PageRun], splits: dict[str, str], split: str) -> dict[str, list[PageRun]]:
    """The runs per split to report: one group, or dev, test and all for `--split all`."""
    if split != "all":
        return {split: list(runs)}
    by = {s: [r for r in runs if splits[r.page.key] == s] for s in ("dev", "test")}
    return {name: group for name, group in {**by, "all": list(runs)}.items() if group}


def report_rows(name: str, runs: Sequence[PageRun]) -> list[list[object]]:
    """Table rows of one split: stored, right, P, gold, found, R, F1 per system and criterion."""
    rows: list[list[object]] = []
    for (system, criterion), t in tally(runs).items():
        f = t.prf()
        cells = [t.n_pred, t.right, pct(f.precision), t.n_gold, t.found, pct(f.recall)]
        rows.append([name, system, criterion, *cells, pct(f.f1)])
    return rows


def linked_interval(runs: Sequence[PageRun]) -> tuple[float, float]:
    """The 95% bootstrap interval over pages of the linked-speaker F1."""
    per_page = [score_linked(r.ours, r.page, r.article, r.names) for r in runs]
    return page_interval(per_page, lambda c: PRF(c[0], c[1], c[2], c[3]).f1)


def interval_line(name: str, runs: Sequence[PageRun]) -> str:
    """The linked-speaker F1's interval, said in one line."""
    low, high = linked_interval(runs)
    return (
        f"{name}: linked-speaker F1 95% interval {interval_text(low, high)} (bootstrap over its "
        f"{len(runs)} pages, {SAMPLES} resamples)"
    )


HEADERS = ("split", "system", "criterion", "stored", "right", "P", "gold", "found", "R", "F1")


def title(split: str, fragments: str) -> str:
    """A table's title line: the split and the fragments convention it is scored under."""
    return f"Quotes on real pages, split {split}; {FRAGMENTS[fragments]}"


def main(argv: Sequence[str] | None = None) -> int:
    """Ingest a split's pages, score Analyst (and textacy) and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, default="dev")
    parser.add_argument(
        "--fragments",
        choices=tuple(FRAGMENTS),
        default="include",
        help="gold quotes marked fragment: quotes (include) or not_quotes (exclude)",
    )
    parser.add_argument("--errors", action="store_true", help="list every miss and false positive")
    parser.add_argument("--json", type=Path, help="also write the figures and errors as JSON")
    parser.add_argument("--keep", type=Path, help="keep the pages and database in this folder")
    add_mirror_options(parser)
    args = parser.parse_args(argv)
    runs, splits = run_split(
        args.split,
        keep=args.keep,
        fragments=args.fragments,
        repos=repos_given(args),
    )
    if not runs:
        emit(f"no labelled pages in {LABELS} for split {args.split}")
        return 1
    chosen = groups(runs, splits, args.split)
    rows = [row for name, group in chosen.items() for row in report_rows(name, group)]
    facts = {name: counts(group) for name, group in chosen.items()}
    emit(title(args.split, args.fragments), table(HEADERS, rows), "")
    for name, fact in facts.items():
        emit(f"{name}: " + ", ".join(f"{k} {v}" for k, v in fact.items()))
    for name, group in chosen.items():
        emit(interval_line(name, group))
    if any(r.textacy is None for r in runs):
        emit("textacy is not installed: no textacy rows (pip install -e '.[eval]' adds it)")
    errors = [e for r in runs for e in page_errors(r)]
    if args.errors:
        emit("", *(line for _, line in errors), "", "error kinds:")
        emit(*(f"{n:4d} {k}" for k, n in Counter(k for k, _ in errors).most_common()))
    if args.json:
        out = {"split": args.split, "fragments": args.fragments, "headers": HEADERS}
        out |= {"title": title(args.split, args.fragments), "rows": rows, "counts": facts}
        out["errors"] = [{"kind": k, "line": line} for k, line in errors]
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
