"""Tabular and in-memory inputs: .jsonl, .csv and .parquet files of articles, or (id, text, metadata) tuples."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator, Optional

from pipeline.corpus.article import Article, CorpusError, as_date, parse_iso_date
from pipeline.corpus.decoding import BOMS, Undecodable, decode

TABULAR = (".jsonl", ".csv", ".parquet")
DEFAULTS = {"id_col": "id", "text_col": "text", "published_col": "published"}


def _encoding(path: Path) -> str:
    """The text encoding of a table file, by its byte-order mark (UTF-8 without one)."""
    with path.open("rb") as fh:
        head = fh.read(4)
    return next((name for bom, name in BOMS if head.startswith(bom)), "utf-8")


def _one_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]


def _jsonl_rows(path: Path) -> Iterator[dict]:
    with path.open(encoding=_encoding(path), errors="replace") as fh:
        for line_no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                yield {"__error__": f"{path.name}:{line_no}: invalid JSON ({exc.msg})", "__line__": line_no}
                continue
            if not isinstance(value, dict):
                value = {"__error__": f"{path.name}:{line_no}: not a JSON object (a {type(value).__name__})",
                         "__line__": line_no}
            yield value


def _csv_rows(path: Path) -> Iterator[dict]:
    import pandas as pd
    if path.stat().st_size == 0:
        raise CorpusError(f"{path}: empty file (a CSV table needs a header row)")
    try:
        for chunk in pd.read_csv(path, dtype=str, keep_default_na=False, chunksize=1000, encoding=_encoding(path),
                                 encoding_errors="replace"):
            yield from chunk.to_dict("records")
    except (ValueError, pd.errors.ParserError, UnicodeError) as exc:  # EmptyDataError is a ValueError
        raise CorpusError(f"{path}: not a readable CSV table ({_one_line(exc)})") from None


def _parquet_rows(path: Path) -> Iterator[dict]:
    import pyarrow as pa
    import pyarrow.parquet as pq
    try:
        for batch in pq.ParquetFile(path).iter_batches(batch_size=1000):
            yield from batch.to_pylist()
    except (pa.ArrowException, OSError) as exc:
        raise CorpusError(f"{path}: not a Parquet file, or a damaged one ({_one_line(exc)})") from None


def _rows(path: Path) -> Iterator[dict]:
    """The rows of a table file as dicts; an unreadable table raises CorpusError (one line), a bad row is a dict
    with '__error__'."""
    readers = {".jsonl": _jsonl_rows, ".csv": _csv_rows, ".parquet": _parquet_rows}
    return readers[path.suffix.lower()](path)


def iter_table(path: Path, id_col: str = "id", text_col: str = "text", published_col: str = "published") -> Iterator[Article]:
    """Articles from a table file; a row without text or id is an error row, never a crash; a table that cannot be
    read, or has no rows, is a CorpusError."""
    n = -1
    rows = list(_rows(path)) if path.suffix.lower() == ".jsonl" else _rows(path)
    for n, row in enumerate(rows):
        if n == 0 and "__error__" not in row and text_col not in row:
            raise CorpusError(f"{path}: no column {text_col!r} (choose one with --text-col)")
        yield _article(row, n, path, id_col, text_col, published_col)
    if n < 0:
        raise CorpusError(f"{path}: no articles (the table has no rows)")


def _article(row: dict, n: int, path: Path, id_col: str, text_col: str, published_col: str) -> Article:
    doc_id = str(row.get(id_col) or f"{path.stem}-{n + 1}")
    if "__error__" in row:
        return Article(doc_id=f"{path.stem}-line{row['__line__']}", text="", path=str(path), status="error", error=row["__error__"])
    text = row.get(text_col)
    return Article(doc_id=doc_id, text=text if isinstance(text, str) else "", path=f"{path}#{n + 1}",
                   published=parse_iso_date(str(row.get(published_col) or "")), title=str(row.get("title") or ""),
                   source=str(row.get("source") or ""), url=str(row.get("url") or ""))


def from_iterable(items: Iterable) -> Iterator[Article]:
    """Articles as given, or built from (id, text, metadata dict) tuples; an item that is neither, or whose fields
    are of the wrong type, becomes an `error` article (the others go on)."""
    for n, item in enumerate(items, start=1):
        try:
            yield _checked(_coerce(item, n))
        except (TypeError, ValueError) as exc:
            doc_id = getattr(item, "doc_id", None) if isinstance(item, Article) else None
            yield Article(doc_id=_text_field(doc_id) or f"item-{n}", text="", path=f"item {n}", status="error",
                          error=f"item {n}: {exc}")


def _text_field(value) -> str:
    return "" if value is None else str(value)


def _coerce(item, n: int) -> Article:
    if isinstance(item, Article):
        return item
    if not isinstance(item, (tuple, list)) or len(item) not in (2, 3):
        raise TypeError(f"not an Article or an (id, text[, metadata]) tuple: {type(item).__name__}")
    doc_id, text, *rest = item
    meta = rest[0] if rest else {}
    if not isinstance(meta, dict):
        raise TypeError(f"metadata must be a dict, not {type(meta).__name__}")
    return Article(doc_id=_text_field(doc_id) or f"item-{n}", text=text, published=meta.get("published") or None,
                   title=_text_field(meta.get("title")), source=_text_field(meta.get("source")),
                   url=_text_field(meta.get("url")))


def _checked(article: Article) -> Article:
    """An in-memory Article with the field types the pipeline relies on: text a str (bytes decoded), dates as dates."""
    text, notes = article.text, [article.notes] if article.notes else []
    status, error, encoding = article.status, article.error, article.encoding
    if isinstance(text, (bytes, bytearray)):
        try:
            text, encoding = decode(bytes(text))
        except Undecodable as exc:
            text, status, error = "", "skipped", str(exc)
        if encoding not in ("utf-8", "utf-8-sig"):
            notes.append(f"decoded as {encoding}")
    elif not isinstance(text, str):
        raise TypeError(f"text must be a str (or bytes), not {type(text).__name__}")
    return replace(article, doc_id=_text_field(article.doc_id), text=text, status=status, error=error, encoding=encoding,
                   notes="; ".join(notes), published=as_date(article.published, "published"),
                   reference_date=as_date(article.reference_date, "reference_date"),
                   title=_text_field(article.title), source=_text_field(article.source), url=_text_field(article.url))
