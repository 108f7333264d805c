"""Find `models/` and read its data files once (cached), validated; a broken file raises `ResourceError`."""
from __future__ import annotations

import csv
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Iterable

MODELS_ENV = "TRADE_NEWS_MODELS"


class ResourceError(Exception):
    """A models/ file is missing or malformed; the message names `file:line: problem`."""


def models_dir() -> Path:
    """The models/ folder: $TRADE_NEWS_MODELS, else the one beside the package."""
    env = os.environ.get(MODELS_ENV)
    path = Path(env) if env else Path(__file__).resolve().parents[2] / "models"
    if not path.is_dir():
        raise ResourceError(f"{path}: models folder not found (set {MODELS_ENV})")
    return path


def resource_path(relative: str) -> Path:
    """Absolute path of a models/ file, which must exist."""
    path = models_dir() / relative
    if not path.is_file():
        raise ResourceError(f"{path}: missing resource file")
    return path


@lru_cache(maxsize=None)
def read_csv(relative: str, required: tuple[str, ...] = ()) -> tuple[dict[str, str], ...]:
    """Rows of a models/ CSV as dicts; `#`-lines are comments; required columns must be present and non-empty."""
    path = resource_path(relative)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        lines = [ln for ln in fh if not ln.lstrip().startswith("#")]
    reader = csv.DictReader(lines)
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise ResourceError(f"{path}:1: missing column(s) {', '.join(missing)}")
    rows = []
    for lineno, row in enumerate(reader, start=2):
        if None in row:
            raise ResourceError(f"{path}:{lineno}: too many fields")
        for col in required:
            if not (row.get(col) or "").strip():
                raise ResourceError(f"{path}:{lineno}: empty {col!r}")
        rows.append({k: (v or "").strip() for k, v in row.items()})
    return tuple(rows)


@lru_cache(maxsize=None)
def read_jsonl(relative: str, required: tuple[str, ...] = ()) -> tuple[dict, ...]:
    """Rows of a models/ JSONL file; each line a JSON object with the required keys."""
    path = resource_path(relative)
    rows = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip() or line.lstrip().startswith("//"):
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ResourceError(f"{path}:{lineno}: invalid JSON ({exc.msg})") from None
            missing = [k for k in required if k not in row]
            if missing:
                raise ResourceError(f"{path}:{lineno}: missing key(s) {', '.join(missing)}")
            rows.append(row)
    return tuple(rows)


def unique(rows: Iterable[dict], key: str, where: str) -> None:
    """Raise when `key` repeats in rows."""
    seen: set = set()
    for row in rows:
        value = row[key]
        if value in seen:
            raise ResourceError(f"{where}: duplicate {key} {value!r}")
        seen.add(value)
