"""An evaluation kept beside the run it scored (OUT/evaluation.json), so the report can show it; stale ones are refused."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Optional

from pipeline.output.atomic_write import atomic_write_text
from pipeline.review.evaluate import Evaluation
from pipeline.review.tables import table_files

FILE_NAME = "evaluation.json"


def tables_fingerprint(out_dir: Path) -> str:
    """sha256 over the run's table files (names and bytes): changes when the tables do."""
    digest = hashlib.sha256()
    for name, path in table_files(Path(out_dir)).items():
        digest.update(f"{name}\0".encode())
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def save_evaluation(evaluation: Evaluation, out_dir: str | Path) -> Path:
    """Write OUT/evaluation.json with the fingerprint of the tables it scored."""
    out = Path(out_dir)
    data = {"tables_sha256": tables_fingerprint(out), **evaluation.as_dict()}
    return atomic_write_text(out / FILE_NAME, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def load_saved_evaluation(out_dir: str | Path) -> tuple[Optional[Evaluation], str]:
    """The evaluation saved for this run, or None with why not ('' when there is none)."""
    path = Path(out_dir) / FILE_NAME
    if not path.is_file():
        return None, ""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        evaluation = Evaluation.from_dict(data)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return None, f"{path}: unreadable ({exc}); run `python cli.py evaluate` again"
    if data.get("tables_sha256") != tables_fingerprint(Path(out_dir)):
        return None, f"{path} scored other tables than these (the run changed since); run `python cli.py evaluate` again"
    return evaluation, ""
