"""Draws of unlabelled news text for judging dated events by hand (EVALUATION §7, rounds 8–17).

Run (`.venv/bin/python -m eval.events_draw ...`):
  `draw SEED OUT.json [--polnear N] [--t17 N] [--exclude SEED ...]`
  `draw SEED OUT.json --new-pool [--polnear-dev N] [--t17-25 N] [--exclude SEED ...]`
  `draw SEED OUT.json --ukraine N [--exclude SEED ...]`
  `run DRAW.json OUT.json`
  `diff A.json B.json`

Why: precision of dated events is judged by hand on fresh random texts, and each round needs
texts no earlier round read. The pools are the two public corpora whose parts no labelled set
uses for events: PolNeAR `train`, the odd-indexed files of the sorted `train/text` list (round 7
read the even ones), dated by `data/metadata.tsv`; and Timeline17's input documents whose index
among the archive's input members is not a multiple of 25 (round 7 took those), detokenised,
cut to 5,000 characters at a sentence end, dated by their folder.

How a seed draws: `random.Random(SEED)` shuffles each whole pool once (PolNeAR first); the draw
is the first N texts of each order that no excluded seed holds. An excluded seed holds as many texts
as `USED_SIZES` says (20 + 14 unless listed); see `pick` for which. Every draw is fixed by its
seed and the seeds it leaves out.

**Not the old draws.** Rounds 8–16 drew with scratch scripts that are gone; this script cannot
reproduce exactly which texts they drew. Excluding their seeds here leaves out the texts *this
script* draws for them, which overlaps the texts those rounds read only in part: a text read in
an earlier round may still come up.

**The new pool (round 19).** Rounds 17–18b used the first pool up (round 18b counted changes over
all of Timeline17's part of it). `--new-pool` draws from texts no event round after round 7 ran:
PolNeAR's `dev` files (read for quotes only, never for events), dated by `data/metadata.tsv`, and
Timeline17's input documents whose index *is* a multiple of 25 (round 7, session 10, read some of
them, long before the current rules), prepared as above. Each is shuffled by its own generator
(`random.Random(f"{SEED}/polnear-dev")`, `.../t17-25`), so the first pool's draws are unchanged;
an excluded seed holds what `NEW_USED_SIZES` says it drew from the new pool (nothing unless
listed).

**The Ukraine pool (round 20).** `--ukraine N` draws only from the English transcripts of
Ukrainian officials' addresses of February–May 2022 (`ukraine_addresses_2022/addresses_en.jsonl`,
CC0): those with a full text (more than 500 characters, not in Ukrainian, the first of any
repeated text), each its title and text (bold marks removed), cut as above, dated by the
transcript's day. Shuffled by its own generator (`random.Random(f"{SEED}/ukraine")`), so the other
pools' draws are unchanged; an excluded seed holds what `UKRAINE_USED_SIZES` says it drew
(nothing unless listed).

`run` lists the dated events the analysis gives each text as a member's timeline would: the texts
are ingested through `analyst ingest` (a JSON lines manifest with each text's day as its
`published`) into a fresh database and read back with `analyst article N --events --no-dropped`,
the entry point `eval.events_real` uses. `diff` prints the events one run has and the other lacks.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tarfile
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from eval.common import DEFAULT_DATA
from eval.timeline17 import MEMBER, detokenize

MAX_CHARS = 5000
T17_SKIP_EVERY = 25
DEFAULT_SIZES = (20, 14)
# Sizes of the earlier seeds' draws as §7 records them (PolNeAR, Timeline17); others 20 + 14.
USED_SIZES: dict[int, tuple[int, int]] = {
    8: (30, 25),
    88: (30, 25),
    9: (24, 16),
    150: (0, 0),  # a subsample of seed 88's events, no texts of its own
    5050: (60, 45),
    1665: (0, 0),  # even-indexed PolNeAR files, outside this pool
    1666: (0, 0),
    1553: (60, 45),
    1663: (60, 45),
    1667: (0, 80),
    1773: (60, 45),
    1774: (0, 150),
    # round 18 (Timeline17 only; 1819 drew 120 and read the first 40 no other draw held; 1884
    # and 1885 drew the whole pool to count changes over it, so they are never an exclusion)
    1818: (0, 40),
    1819: (0, 120),
    1881: (0, 40),
    1882: (0, 40),
    1883: (0, 300),
    1828: (0, 40),
    1999: (100, 300),  # round 19's over-reach draw (changes read only)
    2525: (150, 150),  # round 25's over-reach draw (changes read only)
    2828: (0, 70),  # round 30's development draw (session 28), judged by hand
    2929: (0, 70),  # round 31's development draw (session 29), judged by hand
    3232: (0, 60),  # round 32's development draw (session 30), judged by hand
    3233: (0, 200),  # round 32's over-reach draw (changes read only)
}
# Draws from the new pool (`--new-pool`): (PolNeAR dev, Timeline17 every-25th) texts each read.
NEW_USED_SIZES: dict[int, tuple[int, int]] = {
    1919: (20, 20),  # round 19's held-aside
    1991: (40, 80),  # round 19's development draw
    1920: (20, 20),  # round 19's second held-aside (the first, 1919, was read mid-round)
    1921: (20, 40),  # round 19's third held-aside: the 4 PolNeAR dev texts left + 40
}
# Draws from the Ukraine pool (`--ukraine`): texts each read.
UKRAINE_USED_SIZES: dict[int, int] = {
    2022: 40,  # round 20's held-aside, drawn first
    2202: 40,  # round 20's development draw
    2203: 200,  # round 20's over-reach: the 87 left after 2022 and 2202 (changes read only)
}
UKRAINE_FILE = Path("ukraine_addresses_2022") / "addresses_en.jsonl"
UKRAINE_MIN_CHARS = 500
USED_SEEDS = (
    8, 88, 9, 99, 909, 9090, 1010, 2020, 3030, 4040, 5050, 6060, 7070, 8080, 150, 1414, 1441,
    1442, 1515, 1551, 1552, 1553, 1616, 1661, 1662, 1663, 1665, 1666, 1667,
)  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?][\"”’')]?(?=\s)")

Text = dict[str, str]


def cut(text: str, limit: int = MAX_CHARS) -> str:
    """The text up to its last sentence end within `limit` characters (whole when shorter)."""
    if len(text) <= limit:
        return text
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, limit)]
    return text[: ends[-1]] if ends else text[:limit]


def _polnear_split(data: Path, split: str, prefix: str) -> list[Text]:
    """A PolNeAR split's texts of the sorted file list, keyed `<prefix>/<name>`, each with its
    publication day from `data/metadata.tsv`."""
    root = data / "polnear" / "data"
    days = {}
    for line in (root / "metadata.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) > 5 and cells[0] == split:
            days[cells[1]] = cells[5]
    return [
        {"key": f"{prefix}/{p.stem}", "day": days[p.stem], "text": p.read_text(encoding="utf-8")}
        for p in sorted((root / split / "text").glob("*.txt"))
    ]


def polnear_pool(data: Path) -> list[Text]:
    """PolNeAR train's odd-indexed texts of the sorted file list, each with its publication day."""
    return _polnear_split(data, "train", "polnear")[1::2]


def polnear_dev_pool(data: Path) -> list[Text]:
    """PolNeAR's `dev` texts (the new pool), each with its publication day."""
    return _polnear_split(data, "dev", "polnear-dev")


def t17_names(data: Path, every: bool = False) -> list[tuple[str, str]]:
    """(member name, day) of Timeline17's input documents whose index is not a multiple of 25.

    With `every`, those whose index is a multiple of 25 instead (the new pool).
    """
    names = []
    with tarfile.open(data / "timeline17" / "Timeline17.tar.xz", mode="r|xz") as archive:
        for member in archive:
            match = MEMBER.match(member.name)
            if member.isfile() and match is not None:
                names.append((member.name, match.group(2)))
    return [n for i, n in enumerate(names) if bool(i % T17_SKIP_EVERY) != every]


def t17_texts(data: Path, wanted: Iterable[str]) -> dict[str, str]:
    """The detokenised, cut texts of the wanted archive members, by member name."""
    want, found = set(wanted), {}
    with tarfile.open(data / "timeline17" / "Timeline17.tar.xz", mode="r|xz") as archive:
        for member in archive:
            if member.name in want and (handle := archive.extractfile(member)) is not None:
                raw = handle.read().decode("utf-8", errors="replace")
                found[member.name] = cut(detokenize(raw))
    return found


def ukraine_pool(data: Path) -> list[Text]:
    """The Ukraine pool: addresses with a full English text, each once, with its day."""
    texts, seen = [], set()
    for line in (data / UKRAINE_FILE).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        body = row["text"].replace("**", "").strip()
        cyrillic = sum("\u0400" <= c <= "\u04ff" for c in body)
        if len(body) <= UKRAINE_MIN_CHARS or cyrillic > len(body) // 10 or body in seen:
            continue
        seen.add(body)
        text = cut(f"{row['title'].strip()}\n\n{body}")
        texts.append({"key": f"ukraine/{row['id']}", "day": row["date"][:10], "text": text})
    return texts


def pick_ukraine(
    seed: int, size: int, keys: Sequence[str], exclude: Iterable[int] = ()
) -> list[str]:
    """The keys a seed draws from the Ukraine pool: the first of its order no excluded seed holds.

    An excluded seed holds what it drew itself (`UKRAINE_USED_SIZES`, nothing unless listed),
    leaving out the texts of the seeds listed before it.
    """

    def held(other: int) -> tuple[int]:
        return (UKRAINE_USED_SIZES.get(other, 0),)

    return first_unused(seed, [("ukraine", keys, size)], held, exclude)[0]


def shuffled(seed: int, name: str, keys: Sequence[str]) -> list[str]:
    """A seed's order of one part of a pool, from a generator of its own (seed and part name),
    so that adding a pool leaves every other draw unchanged."""
    return random.Random(f"{seed}/{name}").sample(list(keys), len(keys))  # noqa: S311


def first_unused(
    seed: int,
    parts: Sequence[tuple[str, Sequence[str], int]],
    held: Callable[[int], Sequence[int]],
    exclude: Iterable[int] = (),
) -> list[list[str]]:
    """For each (name, keys, size) part, the first `size` keys of the seed's order that no
    excluded seed holds; an excluded seed holds the first `held(seed)` of each part's order
    left by the seeds listed before it."""
    used: set[str] = set()
    for other in exclude:
        for (name, keys, _), n in zip(parts, held(other), strict=True):
            used.update([k for k in shuffled(other, name, keys) if k not in used][:n])
    return [
        [k for k in shuffled(seed, name, keys) if k not in used][:size]
        for name, keys, size in parts
    ]


def orders(seed: int, polnear: Sequence[str], t17: Sequence[str]) -> tuple[list[str], list[str]]:
    """The seed's shuffles of the two pools (keys), PolNeAR's first from one generator."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible draw, not a secret
    return rng.sample(list(polnear), len(polnear)), rng.sample(list(t17), len(t17))


def pick(
    seed: int,
    sizes: tuple[int, int],
    polnear: Sequence[str],
    t17: Sequence[str],
    exclude: Iterable[int] = (),
) -> tuple[list[str], list[str]]:
    """The keys a seed draws: the first of each of its orders that no excluded seed holds.

    A seed of `USED_SEEDS` (rounds 8–16) holds the first texts of its orders over the whole pool:
    their draws overlapped (their sizes add up to more than PolNeAR's odd pool). Any other
    excluded seed holds what it drew itself, leaving out the old seeds' texts and those of the
    new seeds listed before it (as each round left out the draws before).
    """
    used: set[str] = set()
    old = [s for s in exclude if s in USED_SEEDS]
    for other in old + [s for s in exclude if s not in USED_SEEDS]:
        p_n, t_n = USED_SIZES.get(other, DEFAULT_SIZES)
        p_order, t_order = orders(other, polnear, t17)
        if other in USED_SEEDS:
            used.update(p_order[:p_n] + t_order[:t_n])
            continue
        used.update([k for k in p_order if k not in used][:p_n])
        used.update([k for k in t_order if k not in used][:t_n])
    p_order, t_order = orders(seed, polnear, t17)
    return (
        [k for k in p_order if k not in used][: sizes[0]],
        [k for k in t_order if k not in used][: sizes[1]],
    )


def new_orders(seed: int, polnear_dev: Sequence[str], t17_25: Sequence[str]) -> list[list[str]]:
    """The seed's shuffles of the new pool's two parts, each from its own generator."""
    return [shuffled(seed, "polnear-dev", polnear_dev), shuffled(seed, "t17-25", t17_25)]


def pick_new(
    seed: int,
    sizes: tuple[int, int],
    polnear_dev: Sequence[str],
    t17_25: Sequence[str],
    exclude: Iterable[int] = (),
) -> tuple[list[str], list[str]]:
    """The keys a seed draws from the new pool: the first of each order no excluded seed holds.

    An excluded seed holds what it drew itself (`NEW_USED_SIZES`, nothing unless listed), leaving
    out the texts of the seeds listed before it.
    """

    def held(other: int) -> tuple[int, int]:
        return NEW_USED_SIZES.get(other, (0, 0))

    parts = [("polnear-dev", polnear_dev, sizes[0]), ("t17-25", t17_25, sizes[1])]
    p_keys, t_keys = first_unused(seed, parts, held, exclude)
    return p_keys, t_keys


def draw(
    seed: int,
    sizes: tuple[int, int],
    exclude: Iterable[int],
    data: Path = DEFAULT_DATA,
    new_pool: bool = False,
) -> list[Text]:
    """The drawn texts, each with its key, day and text, PolNeAR's first.

    With `new_pool`, the sizes are of PolNeAR's `dev` and Timeline17's every-25th documents.
    """
    pool = {t["key"]: t for t in (polnear_dev_pool(data) if new_pool else polnear_pool(data))}
    names = dict(t17_names(data, every=new_pool))
    choose = pick_new if new_pool else pick
    p_keys, t_keys = choose(seed, sizes, sorted(pool), sorted(names), exclude)
    texts = t17_texts(data, t_keys)
    return [pool[k] for k in p_keys] + [
        {"key": k, "day": names[k], "text": texts[k]} for k in t_keys
    ]


def run(texts: Sequence[Text]) -> dict[str, list[dict[str, Any]]]:
    """Per text key, the dated events a member's timeline lists for it (through the real CLI)."""
    from typer.testing import CliRunner

    from eval.events_real import _cli_json, _ingest_failures

    with tempfile.TemporaryDirectory(prefix="events_draw_") as tmp:
        folder = Path(tmp) / "texts"
        folder.mkdir()
        by_file, rows = {}, []
        for n, t in enumerate(texts):
            name = f"t{n:04d}.txt"
            (folder / name).write_text(t["text"], encoding="utf-8")
            by_file[name] = t["key"]
            rows.append(json.dumps({"path": name, "published": t["day"]}))
        (folder / "manifest.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
        env = {"ANALYST_DATABASE_URL": f"sqlite+aiosqlite:///{Path(tmp) / 'analyst.db'}"}
        runner = CliRunner()
        failed = _ingest_failures(runner, env, folder / "manifest.jsonl")
        listed = _cli_json(runner, env, "articles", "--limit", "1000")["articles"]
        out: dict[str, list[dict[str, Any]]] = {t["key"]: [] for t in texts}
        for a in listed:
            answer = _cli_json(runner, env, "article", str(a["id"]), "--events", "--no-dropped")
            key = by_file[Path(answer["source"]).name]
            out[key] = [
                {k: e[k] for k in ("date", "precision", "expression", "sentence", "text")}
                for e in answer["events"]
                if e["date"]
            ]
    if failed:
        sys.stderr.write(f"not stored: {', '.join(failed)}\n")
    return out


def _lines(run_out: dict[str, list[dict[str, Any]]]) -> set[tuple[str, str, str, str, str]]:
    return {
        (key, e["date"], e["precision"], e["expression"], e["text"])
        for key, events in run_out.items()
        for e in events
    }


def diff(a: dict[str, list[dict[str, Any]]], b: dict[str, list[dict[str, Any]]]) -> list[str]:
    """One line per event only in A (`-`) or only in B (`+`), by text then sentence (`text`)."""
    left, right = _lines(a), _lines(b)
    changed = [("-", e) for e in left - right] + [("+", e) for e in right - left]
    changed.sort(key=lambda x: (x[1][0], x[1][4], x[0]))
    return [f"{s} {e[0]} | {e[1]} {e[2]} | {e[3]!r} | {e[4]}" for s, e in changed]


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: draw, run or diff."""
    parser = argparse.ArgumentParser(prog="python -m eval.events_draw", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw", help="draw texts for a seed")
    d.add_argument("seed", type=int)
    d.add_argument("out", type=Path)
    d.add_argument("--polnear", type=int, default=DEFAULT_SIZES[0])
    d.add_argument("--t17", type=int, default=DEFAULT_SIZES[1])
    d.add_argument("--exclude", type=int, nargs="*", default=[])
    d.add_argument("--new-pool", action="store_true", help="PolNeAR dev + Timeline17 every-25th")
    d.add_argument("--polnear-dev", type=int, default=20, help="with --new-pool")
    d.add_argument("--t17-25", type=int, default=20, help="with --new-pool")
    d.add_argument("--ukraine", type=int, default=0, help="draw N Ukraine addresses only")
    d.add_argument("--data", type=Path, default=DEFAULT_DATA)
    r = sub.add_parser("run", help="list the dated events of a draw's texts")
    r.add_argument("draw", type=Path)
    r.add_argument("out", type=Path)
    f = sub.add_parser("diff", help="events only in one of two runs")
    f.add_argument("a", type=Path)
    f.add_argument("b", type=Path)
    args = parser.parse_args(argv)
    if args.command == "draw":
        sizes = (args.polnear_dev, args.t17_25) if args.new_pool else (args.polnear, args.t17)
        if args.ukraine:
            pool = {t["key"]: t for t in ukraine_pool(args.data)}
            keys = pick_ukraine(args.seed, args.ukraine, sorted(pool), args.exclude)
            texts = [pool[k] for k in keys]
        else:
            texts = draw(args.seed, sizes, args.exclude, args.data, args.new_pool)
        args.out.write_text(json.dumps(texts, indent=1, ensure_ascii=False), encoding="utf-8")
        sys.stdout.write(f"{len(texts)} texts\n")
    elif args.command == "run":
        found = run(json.loads(args.draw.read_text(encoding="utf-8")))
        args.out.write_text(json.dumps(found, indent=1, ensure_ascii=False), encoding="utf-8")
        sys.stdout.write(f"{sum(map(len, found.values()))} dated events in {len(found)} texts\n")
    else:
        a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (args.a, args.b))
        lines = diff(a, b)
        sys.stdout.write(("\n".join(lines) if lines else "identical") + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
