"""The garbage collector in a long-running process: what start-up built is kept out of its scans.

A full collection walks every tracked object, and a serving process holds about 100,000 from
start-up alone (SQLAlchemy, discord.py, numpy and our own modules) that live until exit. Left
in the collector's sight, they are rescanned by every full collection, which lands on
whichever answer is running: 30 key-date answers on the 100k benchmark corpus met 7 or 8 full
collections, 1.0-1.8 s of pauses in all on a busy machine, and 45 ms with this module's freeze
(`benchmarks/query_latency`, BENCHMARKS.md). `gc.freeze` moves those objects to a permanent
generation that collections skip; reference counting still frees what it can.

What a serving process builds after that (SQLAlchemy's statement cache, the analysis caches, the
rows of answers in flight) is not frozen, and CPython's young-generation threshold (700
allocations) made a full collection of it follow every 10 × 10 young ones: in one benchmark run
of every command on both backends, 499 full collections, 6.1 s of pauses, about 12 ms each, one
every second or third answer. A serving process that lets 10,000 allocations accumulate before
a young collection ran 34 full collections (0.4 s) in the same run, with no more time in the
young ones (1.8 s either way); cycles of garbage live a little longer, which costs nothing here.
"""

from __future__ import annotations

import gc

# Allocations (less deallocations) before a young collection in a serving process; CPython's
# default is 700. The older generations keep their thresholds.
SERVING_YOUNG_THRESHOLD = 10_000
_defaults: list[tuple[int, int, int]] = []  # the thresholds settle_heap replaced


def settle_heap() -> None:
    """Collect once, freeze every object that survived, and collect the young generation less
    often: call when ready to serve."""
    gc.collect()
    gc.freeze()
    young, middle, old = gc.get_threshold()
    if not _defaults:
        _defaults.append((young, middle, old))
    gc.set_threshold(max(young, SERVING_YOUNG_THRESHOLD), middle, old)


def release_heap() -> None:
    """Put the frozen objects back in the collector's sight and its thresholds as they were
    (when the process stops serving, so a test process that starts many bots never keeps
    their garbage)."""
    gc.unfreeze()
    if _defaults:
        gc.set_threshold(*_defaults.pop())
