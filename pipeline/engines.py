"""Where batches run: in this process, in a pool of local worker processes, or on a Dask cluster."""
from __future__ import annotations

import multiprocessing
from typing import Iterable, Iterator, Optional

from spacy.language import Language

from .corpus import Article

_WORKER_NLP: dict = {}  # one loaded pipeline per worker process, by model name


def worker_nlp(model: Optional[str]) -> Language:
    """The pipeline of this process, loaded once."""
    if model not in _WORKER_NLP:
        from .nlp import load
        _WORKER_NLP[model] = load(model)
    return _WORKER_NLP[model]


def work(batch: list[Article], model: Optional[str]) -> list[dict]:
    """Process one batch in a worker (local pool or Dask)."""
    from .run import process_batch
    return process_batch(worker_nlp(model), batch)


def _pool_work(args: tuple) -> list[dict]:
    return work(*args)


def run_batches(batches: Iterable[list[Article]], options, nlp: Optional[Language] = None) -> Iterator[tuple[list, list]]:
    """(batch, rows per article) in input order, whatever the engine."""
    if options.engine == "dask":
        from .dask_engine import run_on_dask
        yield from run_on_dask(batches, options)
    elif options.workers > 1:
        yield from _run_pool(batches, options)
    else:
        from .run import process_batch
        nlp = nlp or worker_nlp(options.model)
        for batch in batches:
            yield batch, process_batch(nlp, batch)


def _run_pool(batches: Iterable[list[Article]], options) -> Iterator[tuple[list, list]]:
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
