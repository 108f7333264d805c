"""A folder of .txt articles (recursive) with an optional manifest.csv of metadata, read into `Article`s."""
from __future__ import annotations

import csv
import logging
from dataclasses import replace
from pathlib import Path
from typing import Iterator, Optional

from pipeline.corpus.article import Article, parse_iso_date, unique_ids
from pipeline.corpus.sanitize import Undecodable, decode

log = logging.getLogger(__name__)


def read_manifest(folder: Path, stems: Optional[set[str]] = None) -> dict[str, dict[str, str]]:
    """manifest.csv rows keyed by doc_id (`doc_id` or the stem of `file`); bad rows are reported by line and skipped."""
    path = folder / "manifest.csv"
    if not path.exists():
        return {}
    stems = stems if stems is not None else {p.stem for p in folder.rglob("*.txt")}
    rows: dict[str, dict[str, str]] = {}
    with path.open(encoding="utf-8-sig", newline="", errors="replace") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            key = ((row.get("doc_id") or "").strip() or Path((row.get("file") or "").strip()).stem)
            problem = _manifest_problem(stems, key, row, rows)
            if problem:
                log.warning("%s:%d: %s", path, line, problem)
                if key and not key in rows and "published" in problem:
                    rows[key] = {**row, "published": "", "_note": f"manifest line {line}: {problem}"}
                continue
            rows[key] = row
    return rows


def _manifest_problem(stems: set[str], key: str, row: dict, seen: dict) -> str:
    if not key:
        return "row has neither doc_id nor file; skipped"
    if key in seen:
        return f"duplicate doc_id {key!r}; first row kept"
    published = (row.get("published") or "").strip()
    if published and parse_iso_date(published) is None:
        return f"bad published date {published!r} (want YYYY-MM-DD); date ignored"
    if key not in stems:
        return f"no article file for doc_id {key!r}; row unused"
    return ""


def read_text_file(path: Path) -> tuple[str, str]:
    """Decoded text and the encoding used (see sanitize.decode); raises Undecodable or OSError."""
    return decode(path.read_bytes())


def read_article_file(path: Path, doc_id: str, meta: dict[str, str]) -> Article:
    status, error, text, encoding = "ok", "", "", ""
    try:
        text, encoding = read_text_file(path)
    except Undecodable as exc:
        status, error = "skipped", f"{path.name}: {exc}"
    except OSError as exc:
        status, error = "error", f"{path.name}: cannot read ({exc.strerror or exc})"
    notes = [meta["_note"]] if meta.get("_note") else []
    if encoding and encoding not in ("utf-8", "utf-8-sig"):
        notes.append(f"decoded as {encoding}")
    return Article(
        doc_id=doc_id, text=text, path=str(path), encoding=encoding, status=status, error=error,
        title=(meta.get("title") or "").strip(), source=(meta.get("source") or "").strip(), notes="; ".join(notes),
        url=(meta.get("url") or "").strip(), published=parse_iso_date(meta.get("published") or ""),
    )


def iter_folder(folder: Path) -> Iterator[Article]:
    """Articles of a folder (recursively), in sorted path order, with manifest metadata."""
    paths = sorted(p for p in folder.rglob("*.txt") if p.is_file())
    manifest = read_manifest(folder, {p.stem for p in paths})
    for path, (stem, doc_id) in zip(paths, unique_ids(p.stem for p in paths)):
        article = read_article_file(path, doc_id, manifest.get(stem, {}) if stem == doc_id else {})
        if stem != doc_id:
            log.warning("%s: duplicate doc_id %r kept as %r", path, stem, doc_id)
            article = replace(article, notes="; ".join(filter(None, [article.notes, f"duplicate doc_id {stem!r} renamed"])))
        yield article
