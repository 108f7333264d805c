"""Read articles (a folder of .txt plus an optional manifest.csv) into frozen `Article`s, text exactly as read."""
from __future__ import annotations

import csv
import logging
import hashlib
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .dateline import find_dateline
from .sanitize import Undecodable, decode, prepare, split_points

log = logging.getLogger(__name__)


class CorpusError(Exception):
    """The input as a whole cannot be read (missing folder, no articles): a usage error."""


@dataclass(frozen=True)
class Article:
    """One input document and what is known about it before NLP."""

    doc_id: str
    text: str
    path: str = ""
    title: str = ""
    published: Optional[date] = None
    reference_date: Optional[date] = None
    reference_date_source: str = "none"  # manifest | dateline | option | none
    source: str = ""
    url: str = ""
    sha256: str = ""
    encoding: str = "utf-8"
    status: str = "ok"  # ok | empty | skipped | error
    error: str = ""
    notes: str = ""


def parse_iso_date(value: str) -> Optional[date]:
    """`YYYY-MM-DD` -> date, None for anything else."""
    try:
        return date.fromisoformat(value.strip()[:10]) if value and value.strip() else None
    except ValueError:
        return None


def sha256_text(text: str) -> str:
    """Content hash of the decoded text (what incremental runs compare)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def anchor(article: Article, option_date: Optional[date] = None) -> Article:
    """Fill published / reference date: manifest, else dateline, else the option, else none."""
    published, source = article.published, "manifest" if article.published else "none"
    if published is None:
        published = find_dateline(article.text, year_hint=option_date.year if option_date else None)
        source = "dateline" if published else "none"
    reference = published
    if reference is None and option_date is not None:
        reference, source = option_date, "option"
    status, error, notes = article.status, article.error, [article.notes] if article.notes else []
    if status == "ok" and not article.text.strip():
        status, error = "empty", "no text"
    notes += prepare(article.text)[1] if status == "ok" else []
    return replace(article, published=published, reference_date=reference,
                   reference_date_source=source, status=status, error=error, notes="; ".join(notes),
                   sha256=article.sha256 or sha256_text(article.text))


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


def _article_from_file(path: Path, doc_id: str, meta: dict[str, str]) -> Article:
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


def unique_ids(ids: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(original, unique) ids: a repeated id gets '~2', '~3', ... so that both documents are kept."""
    seen: dict[str, int] = {}
    for doc_id in ids:
        seen[doc_id] = seen.get(doc_id, 0) + 1
        yield doc_id, doc_id if seen[doc_id] == 1 else f"{doc_id}~{seen[doc_id]}"


def iter_folder(folder: Path) -> Iterator[Article]:
    """Articles of a folder (recursively), in sorted path order, with manifest metadata."""
    paths = sorted(p for p in folder.rglob("*.txt") if p.is_file())
    manifest = read_manifest(folder, {p.stem for p in paths})
    for path, (stem, doc_id) in zip(paths, unique_ids(p.stem for p in paths)):
        article = _article_from_file(path, doc_id, manifest.get(stem, {}) if stem == doc_id else {})
        if stem != doc_id:
            log.warning("%s: duplicate doc_id %r kept as %r", path, stem, doc_id)
            article = replace(article, notes="; ".join(filter(None, [article.notes, f"duplicate doc_id {stem!r} renamed"])))
        yield article


MAX_CHARS = 2_000_000  # ~2.5 minutes of one core; a longer "article" is a scraping accident, not news


def truncate(article: Article, max_chars: Optional[int]) -> Article:
    """Keep the first `max_chars` characters (cut at a paragraph, sentence or space), noted; 0/None = no limit."""
    if not max_chars or article.status != "ok" or len(article.text) <= max_chars:
        return article
    cut = max([p for p in split_points(article.text[:max_chars + 1], max_chars) if p <= max_chars], default=max_chars)
    note = f"truncated: first {cut:,} of {len(article.text):,} characters processed (--max-chars {max_chars})"
    log.warning("%s: %s", article.path or article.doc_id, note)
    return replace(article, text=article.text[:cut], notes="; ".join(filter(None, [article.notes, note])))


def read_corpus(source, *, reference_date: Optional[date] = None,
                columns: Optional[dict] = None, max_chars: Optional[int] = MAX_CHARS) -> Iterator[Article]:
    """Yield anchored Articles from a folder, a .txt/.jsonl/.csv/.parquet file, or an iterable of Articles or
    (id, text, metadata) tuples; texts beyond `max_chars` are cut, with a note."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        if not path.exists():
            raise CorpusError(f"input not found: {path}")
        if path.is_dir():
            articles: Iterable[Article] = iter_folder(path)
        elif path.suffix.lower() == ".txt":
            articles = [_article_from_file(path, path.stem, {})]
        else:
            from .inputs import TABULAR, iter_table
            if path.suffix.lower() not in TABULAR:
                raise CorpusError(f"unsupported input: {path} (expected a folder of .txt files, a .txt, .jsonl, .csv or .parquet file)")
            articles = iter_table(path, **(columns or {}))
    else:
        from .inputs import from_iterable
        articles = from_iterable(source)
    seen: dict[str, int] = {}
    for article in articles:
        seen[article.doc_id] = seen.get(article.doc_id, 0) + 1
        if seen[article.doc_id] > 1:  # e.g. the same id twice in a table input: keep both, distinctly
            new_id = f"{article.doc_id}~{seen[article.doc_id]}"
            log.warning("%s: duplicate doc_id %r kept as %r", article.path or "input", article.doc_id, new_id)
            article = replace(article, doc_id=new_id, notes="; ".join(filter(None, [article.notes, f"duplicate doc_id {article.doc_id!r} renamed"])))
        yield truncate(anchor(article, reference_date), max_chars)
