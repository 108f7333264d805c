"""Tabular and in-memory inputs: .jsonl, .csv and .parquet files of articles, or (id, text, metadata) tuples."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator, Optional

from pipeline.corpus.article import Article, CorpusError, parse_iso_date

TABULAR = (".jsonl", ".csv", ".parquet")
DEFAULTS = {"id_col": "id", "text_col": "text", "published_col": "published"}


def _rows(path: Path) -> Iterator[dict]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        with path.open(encoding="utf-8", errors="replace") as fh:
            for line_no, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError as exc:
                        yield {"__error__": f"{path.name}:{line_no}: invalid JSON ({exc.msg})", "__line__": line_no}
    elif suffix == ".csv":
        import pandas as pd
        for chunk in pd.read_csv(path, dtype=str, keep_default_na=False, chunksize=1000):
            yield from chunk.to_dict("records")
    else:
        import pyarrow.parquet as pq
        for batch in pq.ParquetFile(path).iter_batches(batch_size=1000):
            yield from batch.to_pylist()


def iter_table(path: Path, id_col: str = "id", text_col: str = "text", published_col: str = "published") -> Iterator[Article]:
    """Articles from a table file; a row without text or id is an error row, never a crash."""
    first = True
    rows = list(_rows(path)) if path.suffix.lower() == ".jsonl" else _rows(path)
    for n, row in enumerate(rows):
        if first and "__error__" not in row and text_col not in row:
            raise CorpusError(f"{path}: no column {text_col!r} (choose one with --text-col)")
        first = False
        yield _article(row, n, path, id_col, text_col, published_col)


def _article(row: dict, n: int, path: Path, id_col: str, text_col: str, published_col: str) -> Article:
    doc_id = str(row.get(id_col) or f"{path.stem}-{n + 1}")
    if "__error__" in row:
        return Article(doc_id=f"{path.stem}-line{row['__line__']}", text="", path=str(path), status="error", error=row["__error__"])
    text = row.get(text_col)
    return Article(doc_id=doc_id, text=text if isinstance(text, str) else "", path=f"{path}#{n + 1}",
                   published=parse_iso_date(str(row.get(published_col) or "")), title=str(row.get("title") or ""),
                   source=str(row.get("source") or ""), url=str(row.get("url") or ""))


def from_iterable(items: Iterable) -> Iterator[Article]:
    """Articles as given, or built from (id, text, metadata dict) tuples; repeated ids made unique."""
    buffered = [_coerce(item) for item in items] if not hasattr(items, "__next__") else (_coerce(i) for i in items)
    for article in buffered:
        yield article


def _coerce(item) -> Article:
    if isinstance(item, Article):
        return item
    doc_id, text, *rest = item
    meta: dict = rest[0] if rest else {}
    return Article(doc_id=str(doc_id), text=text or "", published=parse_iso_date(str(meta.get("published") or "")),
                   title=str(meta.get("title") or ""), source=str(meta.get("source") or ""), url=str(meta.get("url") or ""))
