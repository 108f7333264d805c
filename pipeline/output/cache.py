"""Per-document result cache for incremental and resumable runs: `<out>/.cache/`, one JSON file per document."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Optional

from pipeline.corpus.article import Article
from pipeline.nlp.resources import models_dir
from pipeline.output.atomic_write import atomic_write_text

CACHE_FORMAT = "1"  # bump when the cached JSON layout changes
PACKAGE_ROOT = Path(__file__).resolve().parent.parent  # pipeline/: every stage's code


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """A hash of every rule file and module of the package: any change invalidates cached results."""
    h = hashlib.sha256(CACHE_FORMAT.encode())
    for folder in (models_dir(), PACKAGE_ROOT):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".csv", ".jsonl", ".py"):
                h.update(path.relative_to(folder).as_posix().encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:16]


LOCATION = ("text", "path")  # not part of the key: a moved input folder is the same work


def article_key(article: Article, model: str = "") -> str:
    """What a document's result depends on: its text, its metadata (manifest row), the pipeline and the model; not
    where the input lies."""
    meta = {k: v for k, v in asdict(article).items() if k not in LOCATION}
    meta["published"], meta["reference_date"] = str(article.published), str(article.reference_date)
    blob = json.dumps([meta, article.sha256, pipeline_version(), model], sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


class ResultCache:
    """Rows of already processed documents, keyed by doc_id and checked against `article_key`."""

    def __init__(self, out_dir: Path, model: str = ""):
        self.root = Path(out_dir) / ".cache"
        self.model = model
        self.hits = self.misses = 0

    def _path(self, doc_id: str) -> Path:
        name = hashlib.sha1(doc_id.encode("utf-8", "surrogatepass")).hexdigest()
        return self.root / name[:2] / f"{name}.json"

    def get(self, article: Article) -> Optional[dict]:
        path = self._path(article.doc_id)
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.misses += 1
            return None
        if entry.get("key") != article_key(article, self.model):
            self.misses += 1
            return None
        self.hits += 1
        rows = entry["rows"]
        for row in rows.get("documents", []):
            row["path"] = article.path  # where the document is now
        return rows

    def put(self, article: Article, rows: dict) -> None:
        atomic_write_text(self._path(article.doc_id), json.dumps({"key": article_key(article, self.model), "rows": rows}))
