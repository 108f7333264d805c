"""Atomic table writing: a temporary file in the same folder, then a rename into place."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd


def atomic_write_text(path: Path, text: str) -> Path:
    """Write text to `path` so that readers see the old or the new file, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_frame_csv(df: pd.DataFrame, path: Path) -> Path:
    """A DataFrame as UTF-8 CSV with a header, written atomically."""
    return atomic_write_text(path, df.to_csv(index=False, lineterminator="\n"))
