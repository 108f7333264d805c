"""Read any input (folder, table file, iterable) into anchored, length-bounded `Article`s, in input order."""
from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator, Optional

from pipeline.corpus.article import Article, CorpusError, as_date, sha256_text, web_url
from pipeline.corpus.dateline import find_dateline
from pipeline.corpus.folder import iter_folder, read_article_file
from pipeline.corpus.sanitize import split_points
from pipeline.corpus.tabular import TABULAR, from_iterable, iter_table

log = logging.getLogger(__name__)


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
    url, url_note = web_url(article.url)
    notes += [url_note] if url_note else []
    return replace(article, published=published, reference_date=reference, url=url,
                   reference_date_source=source, status=status, error=error, notes="; ".join(notes),
                   sha256=article.sha256 or sha256_text(article.text))


MAX_CHARS = 2_000_000  # ~2.5 minutes of one core; a longer "article" is a scraping accident, not news


def truncate(article: Article, max_chars: Optional[int]) -> Article:
    """Keep the first `max_chars` characters (cut at a paragraph, sentence or space), noted; 0/None = no limit."""
    if not max_chars or article.status != "ok" or len(article.text) <= max_chars:
        return article
    cut = max([p for p in split_points(article.text[:max_chars + 1], max_chars) if p <= max_chars], default=max_chars)
    note = f"truncated: first {cut:,} of {len(article.text):,} characters processed (--max-chars {max_chars})"
    log.warning("%s: %s", article.path or article.doc_id, note)
    return replace(article, text=article.text[:cut], notes="; ".join(filter(None, [article.notes, note])))


def read_corpus(source, *, reference_date: Optional[date] = None, columns: Optional[dict] = None,
                max_chars: Optional[int] = MAX_CHARS, follow_links: bool = False) -> Iterator[Article]:
    """Anchored Articles from a folder, a .txt/.jsonl/.csv/.parquet file, or an iterable of Articles or
    (id, text, metadata) tuples; texts beyond `max_chars` are cut, with a note; symbolic links in a folder are followed
    only to files inside it unless `follow_links`. The arguments are checked here, before any article is read
    (ValueError); the articles come lazily."""
    reference_date = as_date(reference_date, "reference_date")
    if max_chars is not None and (not isinstance(max_chars, int) or isinstance(max_chars, bool) or max_chars < 0):
        raise ValueError(f"max_chars must be a whole number >= 0 (0 or None: no limit), not {max_chars!r}")
    if not isinstance(source, (str, Path)) and not hasattr(source, "__iter__"):
        raise ValueError(f"source must be a folder, a file or an iterable of articles, not {type(source).__name__}")
    return _read(source, reference_date, columns, max_chars, follow_links)


def _read(source, reference_date: Optional[date], columns: Optional[dict], max_chars: Optional[int],
          follow_links: bool) -> Iterator[Article]:
    if isinstance(source, (str, Path)):
        path = Path(source)
        if not path.exists():
            raise CorpusError(f"input not found: {path}")
        if path.is_dir():
            articles: Iterable[Article] = iter_folder(path, follow_links)
        elif path.suffix.lower() == ".txt":
            articles = [read_article_file(path, path.stem, {})]
        else:
            if path.suffix.lower() not in TABULAR:
                raise CorpusError(f"unsupported input: {path} (expected a folder of .txt files, a .txt, .jsonl, .csv or .parquet file)")
            articles = iter_table(path, **(columns or {}))
    else:
        articles = from_iterable(source)
    seen: dict[str, int] = {}
    for article in articles:
        seen[article.doc_id] = seen.get(article.doc_id, 0) + 1
        if seen[article.doc_id] > 1:  # e.g. the same id twice in a table input: keep both, distinctly
            new_id = f"{article.doc_id}~{seen[article.doc_id]}"
            log.warning("%s: duplicate doc_id %r kept as %r", article.path or "input", article.doc_id, new_id)
            article = replace(article, doc_id=new_id, notes="; ".join(filter(None, [article.notes, f"duplicate doc_id {article.doc_id!r} renamed"])))
        yield truncate(anchor(article, reference_date), max_chars)
