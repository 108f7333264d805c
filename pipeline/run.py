"""Stream articles through the pipeline in batches, isolate failures, and collect the tables."""
from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from .corpus import Article, read_corpus
from .records import TABLE_NAMES
from .tables import Extraction, rows_from_doc

log = logging.getLogger(__name__)
BATCH_SIZE = 32


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenised Doc carrying the article's id and reference date."""
    doc = nlp.make_doc(article.text)
    doc._.doc_id = article.doc_id
    doc._.reference_date = article.reference_date
    doc._.reference_date_source = article.reference_date_source
    doc._.published = article.published
    doc._.title = article.title
    return doc


def _process_one(nlp: Language, article: Article) -> dict[str, list[dict]]:
    try:
        return rows_from_doc(article, nlp(make_doc(nlp, article)))
    except Exception as exc:  # a component failed on this text: record it, keep going
        log.warning("%s: extraction failed: %s", article.doc_id, exc)
        failed = replace(article, status="error", error=f"{type(exc).__name__}: {exc}")
        return rows_from_doc(failed, None)


def process_batch(nlp: Language, batch: list[Article]) -> list[dict[str, list[dict]]]:
    """Rows of each article of a batch; a failing batch is retried one article at a time."""
    todo = [a for a in batch if a.status == "ok"]
    try:
        docs = iter(nlp.pipe(make_doc(nlp, a) for a in todo))
        done = {a.doc_id: rows_from_doc(a, next(docs)) for a in todo}
    except Exception:
        done = {a.doc_id: _process_one(nlp, a) for a in todo}
    return [done[a.doc_id] if a.status == "ok" else rows_from_doc(a, None) for a in batch]


def batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def iter_rows(nlp: Language, articles: Iterable[Article], batch_size: int = BATCH_SIZE) -> Iterator[dict[str, list[dict]]]:
    """Per-article row dicts, in input order."""
    for batch in batched(articles, batch_size):
        yield from process_batch(nlp, batch)


def extract(source: str | Path | Iterable[Article], *, nlp: Optional[Language] = None, model: Optional[str] = None,
            reference_date: Optional[date] = None, batch_size: int = BATCH_SIZE) -> Extraction:
    """Run the pipeline over a folder, file or iterable of Articles; the seven tables as DataFrames."""
    from .nlp import load
    nlp = nlp or load(model)
    collected: dict[str, list[dict]] = {t: [] for t in TABLE_NAMES}
    for rows in iter_rows(nlp, read_corpus(source, reference_date=reference_date), batch_size):
        for table, table_rows in rows.items():
            collected[table].extend(table_rows)
    return Extraction.from_rows(collected)
