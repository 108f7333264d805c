"""The library's run: any input through the chosen engine, in input order; `extract()` returns DataFrames."""
from __future__ import annotations

from datetime import date
from typing import Iterable, Iterator, Optional

from spacy.language import Language

from pipeline.corpus.article import Article
from pipeline.corpus.reader import MAX_CHARS, read_corpus
from pipeline.output.extraction import Extraction
from pipeline.output.rows import TABLE_NAMES
from pipeline.run.engines import run_batches
from pipeline.run.options import BATCH_SIZE, RunOptions


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


def iter_results(articles: Iterable[Article], options: RunOptions, nlp: Optional[Language] = None) -> Iterator[tuple[Article, dict]]:
    """(article, rows) for every article, in input order, on the chosen engine."""
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
