"""A one-line progress display on stderr (documents, documents/s, ETA) when stderr is a terminal."""
from __future__ import annotations

import sys
import time
from typing import Optional


class Progress:
    """Counts documents; redraws at most a few times a second; silent when not a terminal or quiet."""

    def __init__(self, total: Optional[int] = None, *, quiet: bool = False, stream=None):
        self.stream = stream or sys.stderr
        self.enabled = not quiet and hasattr(self.stream, "isatty") and self.stream.isatty()
        self.total, self.done, self.started, self._last = total, 0, time.perf_counter(), 0.0

    def update(self, n: int = 1) -> None:
        self.done += n
        now = time.perf_counter()
        if self.enabled and now - self._last > 0.25:
            self._last = now
            self.stream.write("\r" + self.line(now))
            self.stream.flush()

    def line(self, now: float) -> str:
        rate = self.done / max(now - self.started, 1e-9)
        eta = f", ETA {max(0, (self.total - self.done) / rate):.0f}s" if self.total and rate else ""
        total = f"/{self.total}" if self.total else ""
        return f"{self.done}{total} documents, {rate:.1f} docs/s{eta}   "

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
