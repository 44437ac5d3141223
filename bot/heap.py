"""The garbage collector in a long-running process: what start-up built is kept out of its scans.

A full collection walks every tracked object, and a serving process holds about 100,000 from
start-up alone (SQLAlchemy, discord.py, numpy and our own modules) that live until exit. Left
in the collector's sight, they are rescanned by every full collection, which lands on
whichever answer is running: 30 key-date answers on the 100k benchmark corpus met 7 or 8 full
collections, 1.0-1.8 s of pauses in all on a busy machine, and 45 ms with this module's freeze
(`benchmarks/query_latency`, BENCHMARKS.md). `gc.freeze` moves those objects to a permanent
generation that collections skip; reference counting still frees what it can.
"""

from __future__ import annotations

import gc


def settle_heap() -> None:
    """Collect once, then freeze every object that survived: call when ready to serve."""
    gc.collect()
    gc.freeze()


def release_heap() -> None:
    """Put the frozen objects back in the collector's sight (when the process stops serving,
    so a test process that starts many bots never keeps their garbage)."""
    gc.unfreeze()
