"""Read articles (a folder of .txt plus an optional manifest.csv) into frozen `Article`s, text exactly as read."""
from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .dateline import find_dateline


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
    status = article.status
    if status == "ok" and not article.text.strip():
        status = "empty"
    return replace(article, published=published, reference_date=reference,
                   reference_date_source=source, status=status,
                   sha256=article.sha256 or sha256_text(article.text))


def read_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """manifest.csv rows keyed by doc_id (from `doc_id` or the stem of `file`)."""
    path = folder / "manifest.csv"
    if not path.exists():
        return {}
    rows: dict[str, dict[str, str]] = {}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            key = (row.get("doc_id") or Path(row.get("file") or "").stem or "").strip()
            if key:
                rows.setdefault(key, row)
    return rows


def read_text_file(path: Path) -> tuple[str, str]:
    """Decoded text and the encoding used."""
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    return data.decode("utf-8"), "utf-8"


def _article_from_file(path: Path, root: Path, meta: dict[str, str]) -> Article:
    doc_id = path.stem
    try:
        text, encoding = read_text_file(path)
        status, error = "ok", ""
    except (OSError, UnicodeDecodeError) as exc:
        text, encoding, status, error = "", "", "error", f"{path.name}: {exc}"
    return Article(
        doc_id=doc_id, text=text, path=str(path), encoding=encoding, status=status, error=error,
        title=(meta.get("title") or "").strip(), source=(meta.get("source") or "").strip(),
        url=(meta.get("url") or "").strip(), published=parse_iso_date(meta.get("published") or ""),
    )


def iter_folder(folder: Path) -> Iterator[Article]:
    """Articles of a folder (recursively), in sorted path order, with manifest metadata."""
    manifest = read_manifest(folder)
    for path in sorted(p for p in folder.rglob("*.txt") if p.is_file()):
        yield _article_from_file(path, folder, manifest.get(path.stem, {}))


def read_corpus(source: str | Path | Iterable[Article], *, reference_date: Optional[date] = None) -> Iterator[Article]:
    """Yield anchored Articles from a folder, a single .txt file, or an iterable of Articles."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        if not path.exists():
            raise CorpusError(f"input not found: {path}")
        if path.is_dir():
            articles: Iterable[Article] = iter_folder(path)
        elif path.suffix.lower() == ".txt":
            articles = [_article_from_file(path, path.parent, read_manifest(path.parent).get(path.stem, {}))]
        else:
            raise CorpusError(f"unsupported input: {path} (expected a folder of .txt files or a .txt file)")
    else:
        articles = source
    for article in articles:
        yield anchor(article, reference_date)
