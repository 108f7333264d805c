"""Stream articles through the pipeline in batches: cache hits reused, failures isolated, long texts chunked."""
from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from .corpus import MAX_CHARS, Article, read_corpus
from .ids import make_id
from .records import TABLE_NAMES
from .sanitize import prepare, split_points
from .tables import Extraction, rows_from_doc

log = logging.getLogger(__name__)
BATCH_SIZE = 32
CHUNK_CHARS = 100_000  # longer texts are processed in pieces (spaCy's max_length is 1,000,000)
ID_COLUMNS = {t: c for t, c in (("entities", "ent_id"), ("amounts", "amount_id"), ("percentages", "pct_id"),
                                ("dates", "date_id"), ("trade_records", "record_id"), ("diplomacy_events", "event_id"))}


def make_doc(nlp: Language, article: Article, text: Optional[str] = None) -> Doc:
    """A tokenised Doc of the prepared text (same length as read) carrying the article's id and dates."""
    doc = nlp.make_doc(prepare(article.text if text is None else text)[0])
    doc._.doc_id = article.doc_id
    doc._.reference_date = article.reference_date
    doc._.reference_date_source = article.reference_date_source
    doc._.published = article.published
    doc._.title = article.title
    return doc


def failed(article: Article, exc: BaseException) -> dict[str, list[dict]]:
    """The rows of an article whose processing raised: its document row, status error, the reason."""
    log.warning("%s: extraction failed: %s: %s", article.doc_id, type(exc).__name__, exc)
    return rows_from_doc(replace(article, status="error", error=f"{type(exc).__name__}: {exc}"), None)


def _shift(rows: dict[str, list[dict]], chars: int, sentences: int) -> None:
    for table, table_rows in rows.items():
        for row in table_rows:
            if "start_char" in row:
                row["start_char"] += chars
                row["end_char"] += chars
            if "sentence_id" in row and table != "documents":
                row["sentence_id"] += sentences


def _renumber(article: Article, rows: dict[str, list[dict]]) -> None:
    """Ids in table order after chunks were joined (mention references follow their mentions)."""
    remap = {}
    for table, col in ID_COLUMNS.items():
        for i, row in enumerate(rows[table]):
            new = make_id(article.doc_id, table, i)
            remap[row[col]] = new
            row[col] = new
    for table in ("trade_records", "diplomacy_events"):
        for row in rows[table]:
            for col in ("amount_id", "pct_id", "date_id"):
                if row.get(col):
                    row[col] = remap.get(row[col], row[col])


RESTATED = {"trade_records": ("flow", "reporter", "partner", "commodity", "value", "change_pct"),
            "diplomacy_events": ("event_type", "actor1", "actor2", "date_start", "participants")}


def _drop_restated(rows: dict[str, list[dict]]) -> None:
    """The same record found again in a later chunk is one record (as within a single document)."""
    for table, key in RESTATED.items():
        seen, kept = set(), []
        for row in rows[table]:
            k = tuple(row.get(c) for c in key)
            if k not in seen:
                seen.add(k)
                kept.append(row)
        rows[table] = kept


def process_long(nlp: Language, article: Article) -> dict[str, list[dict]]:
    """A text longer than CHUNK_CHARS, in pieces cut at paragraph/sentence/space boundaries; offsets into the whole."""
    bounds = [0] + split_points(article.text, CHUNK_CHARS) + [len(article.text)]
    merged: dict[str, list[dict]] = {t: [] for t in TABLE_NAMES}
    sentences = 0
    for n, (lo, hi) in enumerate(zip(bounds, bounds[1:])):
        part = replace(article, doc_id=f"{article.doc_id}#{n}", text=article.text[lo:hi])
        rows = rows_from_doc(part, nlp(make_doc(nlp, part)))
        n_sent = rows["documents"][0]["n_sentences"]
        _shift(rows, lo, sentences)
        sentences += n_sent
        for table in TABLE_NAMES[1:]:
            merged[table] += rows[table]
    merged["documents"] = [dict(rows_from_doc(article, None)["documents"][0], n_sentences=sentences)]
    for table in TABLE_NAMES[1:]:
        for row in merged[table]:
            row["doc_id"] = article.doc_id
    _drop_restated(merged)
    _renumber(article, merged)
    return merged


def process_one(nlp: Language, article: Article) -> dict[str, list[dict]]:
    """Rows of one article; any exception becomes an `error` document row."""
    if article.status != "ok":
        return rows_from_doc(article, None)
    try:
        if len(article.text) > CHUNK_CHARS:
            return process_long(nlp, article)
        return rows_from_doc(article, nlp(make_doc(nlp, article)))
    except Exception as exc:  # one broken article must not stop a corpus run
        return failed(article, exc)


def process_batch(nlp: Language, batch: list[Article]) -> list[dict[str, list[dict]]]:
    """Rows of each article of a batch via nlp.pipe; a failing batch is retried one article at a time."""
    simple = [a for a in batch if a.status == "ok" and len(a.text) <= CHUNK_CHARS]
    try:
        docs = nlp.pipe(make_doc(nlp, a) for a in simple)
        done = {id(a): rows_from_doc(a, doc) for a, doc in zip(simple, docs)}
    except Exception:
        done = {id(a): process_one(nlp, a) for a in simple}
    return [done[id(a)] if id(a) in done else process_one(nlp, a) for a in batch]


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of at most `size` items, in order."""
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass
class RunOptions:
    """How to run: model, batch size, local workers or a Dask cluster."""

    model: Optional[str] = None
    batch_size: int = BATCH_SIZE
    workers: int = 1
    engine: str = "local"  # local | dask
    scheduler: Optional[str] = None


def iter_results(articles: Iterable[Article], options: RunOptions, nlp: Optional[Language] = None) -> Iterator[tuple[Article, dict]]:
    """(article, rows) for every article, in input order, on the chosen engine."""
    from .engines import run_batches
    for batch, results in run_batches(batched(articles, options.batch_size), options, nlp):
        yield from zip(batch, results)


def extract(source, *, nlp: Optional[Language] = None, model: Optional[str] = None,
            reference_date: Optional[date] = None, batch_size: int = BATCH_SIZE, workers: int = 1,
            engine: str = "local", scheduler: Optional[str] = None, columns: Optional[dict] = None,
            max_chars: Optional[int] = MAX_CHARS) -> Extraction:
    """Run the pipeline over a folder, a table file or an iterable of articles; the seven tables as DataFrames."""
    options = RunOptions(model=model, batch_size=batch_size, workers=workers, engine=engine, scheduler=scheduler)
    collected: dict[str, list[dict]] = {t: [] for t in TABLE_NAMES}
    for _, rows in iter_results(read_corpus(source, reference_date=reference_date, columns=columns, max_chars=max_chars), options, nlp):
        for table, table_rows in rows.items():
            collected[table].extend(table_rows)
    return Extraction.from_rows(collected)
