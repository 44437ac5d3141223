"""Read the named days of the articles stored before they were kept (migration 0013).

Every command opens the application; when the backlog holds articles, they are read here in
batches before the command runs, once: 100,000 articles take about a minute
(`analysis.named_days` is one regular expression pass per text). Until then key dates only lack
the later mentions' evidence, so an interrupted read loses nothing and resumes at the next start.
"""

from __future__ import annotations

import logging

from analysis.named_days import named_days
from storage.named_days import NamedDayRepository

log = logging.getLogger(__name__)

BATCH = 500  # articles read per transaction


async def read_backlog(repository: NamedDayRepository, batch: int = BATCH) -> int:
    """Read every waiting article's named days; how many were read."""
    waiting = await repository.pending_count()
    if not waiting:
        return 0
    log.info("reading the named days of %d stored articles (once, after an upgrade)", waiting)
    done = 0
    while read := await repository.read_pending(named_days, batch):
        done += read
        if done < waiting and done % (batch * 20) < batch:  # every 10,000 or so
            log.info("named days: %d of %d articles read", done, waiting)
    log.info("named days: %d articles read", done)
    return done
