"""A learned speaker ranker beside the rules: does it link what they leave unlinked, or resolve
"he"/"she" better? A study for issue 12, round 5; the product does not use the model.

Run: `.venv/bin/python -m eval.speaker_ranker.study [--polnear-limit N]` (about 3 minutes: it
parses PolNeAR train and dev and ingests the real DEV pages through the CLI).

Rows (`eval.speaker_ranker.features`): for each quote, every person and organisation the article
names outside its quotes before the quote or in its paragraph, positive when its name ends with a
gold name word, as the linked criterion scores it. Only quotes whose speaker the rules could not
read off a name take part: unlinked ones, pronouns and descriptions ("the union"); a quote the
rules linked is described with its link hidden.

- Training: PolNeAR train (840 articles; a quote matched to a gold Content with at least half its
  words, whose Source names someone; a pronoun Source takes the nearest named Source before it,
  the "≈ linked" reading of `eval.quotes_polnear`; a Source whose root is a description is left
  out, as "a senior Cruz adviser" is not Cruz to a member) and the real DEV pages (an unnamed gold
  speaker makes every candidate a negative).
- Model: L2-regularised logistic regression (scipy L-BFGS).
- Two uses, each scored by five-fold cross-validation over documents and on PolNeAR dev (never
  trained on): (1) link a quote the rules left unlinked when the best candidate's probability
  reaches a threshold, counting right and wrong links; the threshold maximising
  1.15 x right - 0.85 x wrong (the change in linked F1 near F1 = 0.85: a right link adds a true
  positive to both sides of F1, a wrong one only a stored quote) is reported; (2) replace the
  rules' he/she link by the model's best candidate when it differs and is that probable.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from analysis.nlp import analyse_texts, load_nlp
from analysis.quote_speakers import word_set
from analysis.quotes import extract_quotes
from analysis.types import EntityKind, Quote
from eval.common import DEFAULT_DATA, MODEL, emit, table, words
from eval.speaker_ranker.features import FEATURES, Candidate, LinkContext, candidates, context_of

log = logging.getLogger(__name__)

RIGHT_GAIN, WRONG_COST = 1.15, 0.85
L2 = 1.0
_DESCRIBING = word_set("the a an his her its their our this that these those")
_PRONOUNS = word_set("he she they we i")


@dataclass(frozen=True)
class Instance:
    """One quote's candidates, which of them are right, and where it came from."""

    document: str
    speaker_text: str
    unlinked: bool  # the rules left it unlinked: the case the model is used for
    rule_key: str | None
    rows: tuple[Candidate, ...]
    labels: tuple[bool, ...]


def hard(quote: Quote) -> bool:
    """A speaker the rules could not read off a name: unlinked, a pronoun or a description."""
    if quote.speaker_key is None:
        return True
    written = re.findall(r"[^\W\d_]+", quote.speaker_text)
    if not written:
        return True
    first = written[0].lower()
    if first in _PRONOUNS:
        return True
    name = {w.lower() for w in re.findall(r"[^\W\d_]+", quote.speaker_name or "")}
    return first in _DESCRIBING and not name & {w.lower() for w in written}


def _ends(candidate: Candidate, kind: EntityKind | None) -> set[str]:
    """The words a gold name must hold for this candidate to be its speaker."""
    from eval.quotes_polnear import _first_word, _surname

    ends = {_surname(candidate.name)}
    if kind == EntityKind.ORG:
        ends.add(_first_word(candidate.name))
    return ends - {""}


def _instance(
    document: str,
    quote: Quote,
    earlier: Sequence[Quote],
    ctx: LinkContext,
    gold: set[str] | None,
) -> Instance | None:
    """The rows of one quote; gold = the gold name words (empty: unnamed, a negative)."""
    unlinked = quote.speaker_key is None
    hidden = quote if unlinked else _unlinked(quote)
    rows = candidates(hidden, earlier, ctx, unlinked=unlinked)
    if not rows or gold is None:
        return None
    labels = tuple(bool(_ends(c, ctx.kinds.get(c.key)) & gold) for c in rows)
    return Instance(document, quote.speaker_text, unlinked, quote.speaker_key, tuple(rows), labels)


def _unlinked(quote: Quote) -> Quote:
    """The quote as the model would see it had the rules not linked it."""
    from dataclasses import replace

    return replace(quote, speaker_name=None, speaker_key=None)


def _names_root(gold: object, text: str) -> bool:
    """The gold Source's root is a name or a pronoun, not a description that merely holds one:
    PolNeAR's linked criterion counts "a senior Cruz adviser" as Cruz, which a member would not."""
    from eval.quotes_polnear import PERSONAL_PRONOUNS

    heads = getattr(gold, "heads", ())
    if not heads:
        return False
    root = text[heads[0][0] : heads[0][1]]
    return root[:1].isupper() or root.lower() in PERSONAL_PRONOUNS


def polnear_instances(split: str, limit: int | None, data: Path) -> list[Instance]:
    """Training rows from PolNeAR (see the module docstring)."""
    from eval.quotes_polnear import (
        content_pairs,
        load_split,
        resolve_pronouns,
        with_head,
    )

    articles = load_split(data, split, limit)
    nlp = load_nlp(MODEL)
    found: list[Instance] = []
    parsed = analyse_texts(nlp, (a.text for a in articles))
    for n, (article, (doc, analysis)) in enumerate(zip(articles, parsed, strict=True)):
        if n % 100 == 0:
            log.info("PolNeAR %s: %d of %d articles", split, n, len(articles))
        golds = resolve_pronouns([with_head(doc, g) for g in article.golds])
        quotes, ctx = list(extract_quotes(doc, analysis)), context_of(doc, analysis)
        text = article.text
        pred_words = [words(text, q.start, q.end) for q in quotes]
        gold_words = [frozenset().union(*(words(text, a, b) for a, b in g.content)) for g in golds]
        pairs = content_pairs("half", pred_words, gold_words)
        for i, quote in enumerate(quotes):
            if not hard(quote):
                continue
            matched = [golds[j] for (p, j) in pairs if p == i]
            if not matched or not all(g.named and _names_root(g, text) for g in matched):
                continue
            gold = {w for g in matched for w in g.name_words}
            made = _instance(f"polnear:{article.name}", quote, quotes[:i], ctx, gold)
            if made is not None:
                found.append(made)
    return found


def real_instances(split: str, data: Path) -> list[Instance]:
    """Training rows from the labelled real pages of a split, ingested as a member would."""
    from eval.quotes_real import gold_pairs, name_words, run_split

    runs, _ = run_split(split, data)
    runs = [r for r in runs if r.text]
    nlp = load_nlp(MODEL)
    found: list[Instance] = []
    parsed = analyse_texts(nlp, (r.text for r in runs))
    for run, (doc, analysis) in zip(runs, parsed, strict=True):
        quotes, ctx = list(extract_quotes(doc, analysis)), context_of(doc, analysis)
        golds = run.page.quotes
        pairs = gold_pairs([q.text for q in quotes], golds)
        for i, quote in enumerate(quotes):
            if not hard(quote):
                continue
            speakers = {golds[j].speaker for (p, j) in pairs if p == i}
            if len(speakers) != 1:
                continue
            (speaker,) = speakers
            gold = name_words(speaker) if speaker else set()
            made = _instance(f"real:{run.page.key}", quote, quotes[:i], ctx, gold)
            if made is not None:
                found.append(made)
    return found


def matrix(instances: Iterable[Instance]) -> tuple[np.ndarray, np.ndarray]:
    """Every candidate row as features and a 0/1 label."""
    xs, ys = [], []
    for inst in instances:
        for row, label in zip(inst.rows, inst.labels, strict=True):
            xs.append(row.features)
            ys.append(float(label))
    return np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> np.ndarray:
    """L2-regularised logistic regression (the bias, column 0, unpenalised)."""
    from scipy.optimize import minimize

    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))
        value = float(np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 * np.sum(penalty * w * w))
        return value, x.T @ (p - y) + penalty * w

    result = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B")
    return np.asarray(result.x)


def outcomes(instances: Sequence[Instance], w: np.ndarray) -> list[tuple[float, bool]]:
    """For each instance, the best candidate's probability and whether it is right."""
    out = []
    for inst in instances:
        x = np.asarray([r.features for r in inst.rows], dtype=float)
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -40, 40)))
        k = int(np.argmax(p))
        out.append((float(p[k]), inst.labels[k]))
    return out


def gain(scored: Sequence[tuple[float, bool]], threshold: float) -> tuple[float, int, int]:
    """The F1-weighted gain of linking above a threshold, with the right and wrong links."""
    right = sum(1 for p, ok in scored if p >= threshold and ok)
    wrong = sum(1 for p, ok in scored if p >= threshold and not ok)
    return RIGHT_GAIN * right - WRONG_COST * wrong, right, wrong


def cross_validated(instances: Sequence[Instance], folds: int = 5) -> list[tuple[float, bool]]:
    """Out-of-fold outcomes on the unlinked quotes, folds by document."""
    scored: list[tuple[float, bool]] = []
    for train, test in _folds(instances, folds):
        x, y = matrix(train)
        scored += outcomes([i for i in test if i.unlinked], fit(x, y))
    return scored


def choose_threshold(scored: Sequence[tuple[float, bool]]) -> float:
    """The threshold with the best gain (the highest of equals), 1.0 when no link pays."""
    best, chosen = 0.0, 1.0
    for t in np.arange(0.95, 0.05, -0.05):
        value = gain(scored, float(t))[0]
        if value > best:
            best, chosen = value, round(float(t), 2)
    return chosen


def pronoun_override(
    train: Sequence[Instance], test: Sequence[Instance], thresholds: Sequence[float]
) -> dict[float, tuple[int, int, int, int]]:
    """For the he/she quotes the rules linked in `test`: per threshold, (quotes, right with the
    rules, right with the model overriding them, overrides)."""
    x, y = matrix(train)
    w = fit(x, y)
    found: dict[float, list[int]] = {t: [0, 0, 0, 0] for t in thresholds}
    for inst in test:
        if inst.unlinked or inst.speaker_text.lower() not in {"he", "she"}:
            continue
        keys = [r.key for r in inst.rows]
        rules_right = inst.rule_key in keys and inst.labels[keys.index(inst.rule_key)]
        p, model_right = outcomes([inst], w)[0]
        best = keys[max(range(len(keys)), key=lambda k: _probability(inst.rows[k], w))]
        for t, row in found.items():
            override = p >= t and best != inst.rule_key
            row[0] += 1
            row[1] += rules_right
            row[2] += model_right if override else rules_right
            row[3] += override
    return {t: (r[0], r[1], r[2], r[3]) for t, r in found.items()}


def _probability(row: Candidate, w: np.ndarray) -> float:
    """The model's probability for one candidate row."""
    return float(1.0 / (1.0 + np.exp(-np.clip(np.asarray(row.features) @ w, -40, 40))))


def _folds(
    instances: Sequence[Instance], folds: int = 5
) -> list[tuple[list[Instance], list[Instance]]]:
    """(train, test) splits by document, five by default, as `cross_validated` uses them."""
    documents = sorted({i.document for i in instances})
    fold_of = {d: k % folds for k, d in enumerate(documents)}
    return [
        (
            [i for i in instances if fold_of[i.document] != k],
            [i for i in instances if fold_of[i.document] == k],
        )
        for k in range(folds)
    ]


THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
# Overruling at 0: the model alone (its best candidate wherever it differs from the rules).
OVERRULE = (0.0, *THRESHOLDS)


def main(argv: Sequence[str] | None = None) -> int:
    """Build the rows, score both uses of the model and print the tables."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--polnear-limit", type=int, default=None)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    instances = polnear_instances("train", args.polnear_limit, args.data)
    instances += real_instances("dev", args.data)
    held_out = polnear_instances("dev", None, args.data)
    unlinked = [i for i in instances if i.unlinked]
    emit(
        f"training quotes: {len(instances)} ({len(unlinked)} unlinked by the rules), candidate "
        f"rows: {sum(len(i.rows) for i in instances)}; PolNeAR dev quotes: {len(held_out)} "
        f"({sum(i.unlinked for i in held_out)} unlinked)"
    )
    scored = cross_validated(instances)
    x, y = matrix(instances)
    w = fit(x, y)
    dev_scored = outcomes([i for i in held_out if i.unlinked], w)
    rows = []
    for t in (*THRESHOLDS, choose_threshold(scored)):
        _, right, wrong = gain(scored, t)
        _, dev_right, dev_wrong = gain(dev_scored, t)
        rows.append([f"{t:.2f}", right, wrong, dev_right, dev_wrong])
    emit("", "(1) linking what the rules left unlinked (best candidate at or above the threshold)")
    emit(table(["threshold", "CV right", "CV wrong", "PolNeAR dev right", "dev wrong"], rows))
    cv: dict[float, list[int]] = {t: [0, 0, 0, 0] for t in OVERRULE}
    for train, test in _folds(instances):
        for t, counts in pronoun_override(train, test, OVERRULE).items():
            cv[t] = [a + b for a, b in zip(cv[t], counts, strict=True)]
    dev = pronoun_override(instances, held_out, OVERRULE)
    emit(
        "", "(2) he/she quotes the rules linked: right with the rules vs the model overriding them"
    )
    emit(
        table(
            [
                "threshold",
                "CV quotes",
                "rules right",
                "with model",
                "overrides",
                "dev quotes",
                "dev rules right",
                "dev with model",
                "dev overrides",
            ],
            [[f"{t:.2f}", *cv[t], *dev[t]] for t in OVERRULE],
        )
    )
    emit("", "weights (fitted on all training rows):")
    for name, value in zip(FEATURES, w, strict=True):
        emit(f"  {name:22} {value:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
