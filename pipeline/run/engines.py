"""Where batches run: in this process, in a pool of local worker processes, or on a Dask cluster."""
from __future__ import annotations

import multiprocessing
from typing import Iterable, Iterator, Optional

from spacy.language import Language

from pipeline.corpus.article import Article
from pipeline.run.batches import process_batch
from pipeline.run.options import RunOptions
from pipeline.run.worker import work, worker_nlp


def _pool_work(args: tuple) -> list[dict]:
    return work(*args)


def run_batches(batches: Iterable[list[Article]], options: RunOptions,
                nlp: Optional[Language] = None) -> Iterator[tuple[list, list]]:
    """(batch, rows per article) in input order, whatever the engine."""
    if options.engine == "dask":
        from pipeline.run.dask_engine import run_on_dask  # optional extra: imported only when asked for
        yield from run_on_dask(batches, options)
    elif options.workers > 1:
        yield from _run_pool(batches, options)
    else:
        nlp = nlp or worker_nlp(options.model)
        for batch in batches:
            yield batch, process_batch(nlp, batch)


def _run_pool(batches: Iterable[list[Article]], options: RunOptions) -> Iterator[tuple[list, list]]:
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(options.workers) as pool:
        pending = ((b, options.model) for b in batches)
        held: list = []

        def feed():
            for item in pending:
                held.append(item[0])
                yield item
        for rows in pool.imap(_pool_work, feed(), chunksize=1):
            yield held.pop(0), rows
