"""The analysis child process: load spaCy once, then work the parent's batches until told to stop.

Protocol over one `multiprocessing` pipe per child, so the parent always knows which child holds
which job: the child sends ("ready", pid) once the model is loaded (or ("failed", why)); each
request is (op, items) with op "prepare" (AnalysisTask) or "analyse" (PreparedArticle); the
child answers ("item", (index, result)) as each item is finished, then ("end", resident MiB).
None, or the parent's end of the pipe closing, stops it. Ctrl-C is the parent's to handle: the
child ignores SIGINT, so an interrupted `analyst ingest` never takes its children's deaths for
crashes.
"""

from __future__ import annotations

import os
import resource
import signal
from dataclasses import dataclass
from multiprocessing.connection import Connection

PREPARE, ANALYSE = "prepare", "analyse"


@dataclass(frozen=True)
class ChildOptions:
    """What every child is started with."""

    model: str
    max_bytes: int
    batch_size: int
    log_level: str


def resident_mib() -> float:
    """This process's resident memory now (not its peak), in MiB."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:  # noqa: PTH123  # Linux only
            pages = int(statm.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):  # not Linux: the peak is the best we have
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def serve(conn: Connection, options: ChildOptions) -> None:
    """The child's main loop (the target of the spawned process)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from analysis.nlp import load_nlp
    from bot.services.analysis_work import analyse_task, prepare_task
    from bot.services.nlp_runtime import load_failure
    from config.logging import configure_logging

    configure_logging(options.log_level)
    try:
        nlp = load_nlp(options.model)
    except (OSError, ImportError, ValueError) as exc:  # no such model: say so in one line
        conn.send(("failed", load_failure(options.model, exc).message))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if request is None:
            return
        op, items = request
        if op == PREPARE:
            for index, task in enumerate(items):
                conn.send(("item", (index, prepare_task(task, options.max_bytes))))
        else:
            for index, result in enumerate(analyse_task(nlp, items, options.batch_size)):
                conn.send(("item", (index, result)))
        conn.send(("end", resident_mib()))
