"""One run owns an output folder at a time: an exclusive lock on `<out>/.lock` (released by the kernel when the
process ends, however it ends), taken at once or waited for."""
from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Optional

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: runs are not serialised
    fcntl = None

LOCK_NAME = ".lock"
_HELD: set[int] = set()  # lock descriptors of this process (a forked worker lets go of its copies)


class OutputBusy(Exception):
    """Another run is writing to the same output folder."""


def _holder(fd: int) -> str:
    """What the running owner wrote into the lock file ('pid 123 since 2024-05-01T10:00:00'), if anything."""
    try:
        text = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    except OSError:
        text = ""
    return text or "another process"


def release_inherited() -> None:
    """In a forked worker: close the copies of the parent's lock descriptors (the lock stays the parent's)."""
    for fd in list(_HELD):
        try:
            os.close(fd)
        except OSError:
            pass
        _HELD.discard(fd)


@contextmanager
def output_lock(out: Path, *, wait: bool = False, on_wait: Optional[Callable[[str], None]] = None) -> Iterator[None]:
    """Hold the output folder's lock for the block; busy -> OutputBusy, or with `wait` block until it is free."""
    out.mkdir(parents=True, exist_ok=True)
    fd = os.open(out / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _holder(fd)
                if not wait:
                    raise OutputBusy(f"output folder {out} is in use by another run ({holder}); "
                                     "wait for it to finish, or pass --wait") from None
                if on_wait:
                    on_wait(f"output folder {out} is in use by another run ({holder}); waiting for it to finish")
                fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} since {time.strftime('%Y-%m-%dT%H:%M:%S')}\n".encode(), 0)
        _HELD.add(fd)
        yield
    finally:
        _HELD.discard(fd)
        os.close(fd)  # the lock goes with the last descriptor
