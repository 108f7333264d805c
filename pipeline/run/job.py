"""A corpus run to a folder: streaming tables, incremental cache, any engine; returns a summary."""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator, Optional

from pipeline.output import publish
from pipeline.output.cache import ResultCache
from pipeline.output.lock import output_lock
from pipeline.corpus.article import Article
from pipeline.corpus.reader import MAX_CHARS, read_corpus
from pipeline.run.progress import Progress
from pipeline.run.extract import iter_results
from pipeline.run.options import RunOptions
from pipeline.output.sinks import KNOWN_FILES, TableSink


@dataclass
class Summary:
    """What a run did: documents by status, rows per table, cache reuse, time."""

    statuses: Counter = field(default_factory=Counter)
    rows: dict = field(default_factory=dict)
    reused: int = 0
    processed: int = 0
    seconds: float = 0.0

    @property
    def documents(self) -> int:
        return sum(self.statuses.values())

    def line(self, out: Path) -> str:
        by_status = ", ".join(f"{n} {s}" for s, n in sorted(self.statuses.items()))
        r = self.rows
        return (f"{self.documents} documents ({by_status}; {self.processed} processed, {self.reused} unchanged), "
                f"{r.get('entities', 0)} entities, {r.get('amounts', 0)} amounts, {r.get('percentages', 0)} percentages, "
                f"{r.get('dates', 0)} dates, {r.get('trade_records', 0)} trade records, "
                f"{r.get('diplomacy_events', 0)} diplomacy events -> {out} in {self.seconds:.1f}s")


def _split_cached(articles: Iterator[Article], cache: Optional[ResultCache], order: list) -> Iterator[Article]:
    """Pass on the articles to process; remember every article (with its cached rows, if any) in `order`."""
    for article in articles:
        rows = cache.get(article) if cache else None
        order.append((article, rows))
        if rows is None:
            yield article


def run_to_dir(source, out: Path, *, options: RunOptions, reference_date: Optional[date] = None,
               formats=("csv",), full: bool = False, quiet: bool = True, columns: Optional[dict] = None,
               max_chars: Optional[int] = MAX_CHARS, wait: bool = False, on_wait=None, **reading) -> Summary:
    """Extract `source` into `out`, which this run owns (a lock; busy -> OutputBusy unless `wait`): the tables are
    published as one set at the end; unchanged documents reused."""
    out = Path(out)
    with output_lock(out, wait=wait, on_wait=on_wait):
        publish.tidy(out, publish.current_run(out), KNOWN_FILES)  # what killed runs left behind
        return _run(source, out, options=options, reference_date=reference_date, formats=formats, full=full,
                    quiet=quiet, columns=columns, max_chars=max_chars, **reading)


def _run(source, out: Path, *, options: RunOptions, reference_date: Optional[date], formats, full: bool,
         quiet: bool, columns: Optional[dict], max_chars: Optional[int], **reading) -> Summary:
    started, summary = time.perf_counter(), Summary()
    cache = ResultCache(out, options.model or "")
    articles = read_corpus(source, reference_date=reference_date, columns=columns, max_chars=max_chars, **reading)
    sink, progress, order = TableSink(out, formats, {"input": str(source)}), Progress(quiet=quiet), []
    try:
        fresh = iter_results(_split_cached(articles, None if full else cache, order), options)
        for article, rows in fresh:
            cache.put(article, rows)
            summary.processed += 1
            _drain(order, article, rows, sink, summary, progress)
        _drain(order, None, None, sink, summary, progress)
        sink.close()
    except BaseException:
        sink.abort()
        raise
    progress.close()
    summary.rows, summary.seconds = dict(sink.counts), time.perf_counter() - started
    return summary


def _drain(order: list, article, rows, sink: TableSink, summary: Summary, progress: Progress) -> None:
    """Write, in input order, every article whose rows are known (cached ones, then the one just processed)."""
    while order:
        head, cached = order[0]
        if cached is None and head is not article:
            if article is None:
                raise RuntimeError(f"{head.doc_id}: no result")  # cannot happen: every article is processed
            return
        order.pop(0)
        result = cached if cached is not None else rows
        if cached is not None:
            summary.reused += 1
        sink.write(result)
        summary.statuses[result["documents"][0]["status"]] += 1
        progress.update()
        if head is article:
            return
