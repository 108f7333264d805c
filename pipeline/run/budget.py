"""A time budget per document: work that overruns it is interrupted (SIGALRM) and becomes an `error` row, so one
pathological input cannot stall a run."""
from __future__ import annotations

import math
import signal
import threading
from contextlib import contextmanager
from typing import Iterator

BUDGET_CHARS = 100_000  # the budget is given per this many characters of a document


class Overrun(Exception):
    """The work went past its time budget."""


def seconds_for(text: str, per_chunk: float) -> float:
    """The budget of one text: `per_chunk` seconds per started BUDGET_CHARS characters; 0 = none."""
    return per_chunk * max(1, math.ceil(len(text) / BUDGET_CHARS)) if per_chunk else 0.0


def _can_interrupt() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise Overrun inside the block once `seconds` have passed (in the main thread of a process; elsewhere, e.g. in
    a Dask worker's thread, and for 0, the block runs unbounded)."""
    if not seconds or not _can_interrupt():
        yield
        return

    def overrun(signum, frame):
        raise Overrun(f"processing took longer than its time budget of {seconds:g} s (--doc-timeout)")
    previous = signal.signal(signal.SIGALRM, overrun)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
