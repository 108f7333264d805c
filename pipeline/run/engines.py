"""Where batches run: in this process, in a pool of local worker processes, or on a Dask cluster."""
from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator, Optional

from spacy.language import Language

from pipeline.corpus.article import Article
from pipeline.output.lock import release_inherited
from pipeline.run.batches import died, process_batch
from pipeline.run.options import RunOptions
from pipeline.run.worker import work, worker_nlp

WINDOW_PER_WORKER = 2  # batches in flight per worker: bounded memory, and work queued while one is collected


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
            yield batch, process_batch(nlp, batch, options.doc_seconds)


def _worker_start() -> None:
    """In each worker: Ctrl-C is the main process's to handle, and the output lock stays the main process's."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    release_inherited()


class _Pool:
    """A process pool that is replaced when one of its workers dies (the kernel's OOM killer, a crash in C code)."""

    def __init__(self, options: RunOptions):
        self.options, self.executor, self.generation = options, None, 0

    def submit(self, batch: list[Article]) -> tuple[int, Future]:
        """(the pool generation, the future) of a batch; a pool found broken is replaced first."""
        for _ in range(2):
            if self.executor is None:
                self.executor = ProcessPoolExecutor(self.options.workers, initializer=_worker_start,
                                                    mp_context=multiprocessing.get_context("fork"))
            try:
                return self.generation, self.executor.submit(work, batch, self.options.model, self.options.doc_seconds)
            except BrokenProcessPool:  # a worker died since the last result: the futures in flight say which
                self.replace(self.generation)
        raise BrokenProcessPool("worker processes die as they start")

    def replace(self, generation: int) -> None:
        """Drop the pool of `generation` if it is still the current one; the next submit starts a fresh one."""
        if generation == self.generation and self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor, self.generation = None, self.generation + 1

    def close(self, finished: bool) -> None:
        """Wait for the workers after a complete run; stop them at once after an error or Ctrl-C."""
        if self.executor is None:
            return
        if not finished:
            for process in list(getattr(self.executor, "_processes", {}).values()):
                process.kill()
        self.executor.shutdown(wait=finished, cancel_futures=True)
        self.executor = None


def _rows(pool: _Pool, batch: list[Article], submitted: tuple[int, Future]) -> list:
    """The batch's rows; if its worker died, each of its articles once more in a fresh worker, one at a time: one
    that kills its worker again is an `error` row, the others are processed."""
    generation, future = submitted
    try:
        return future.result()
    except BrokenProcessPool:
        pool.replace(generation)
    rows = []
    for article in batch:
        generation, future = pool.submit([article])
        try:
            rows += future.result()
        except BrokenProcessPool:
            pool.replace(generation)
            rows.append(died(article))
    return rows


def _run_pool(batches: Iterable[list[Article]], options: RunOptions) -> Iterator[tuple[list, list]]:
    pool, inflight, finished = _Pool(options), deque(), False
    try:
        for batch in batches:
            inflight.append((batch, pool.submit(batch)))
            while len(inflight) >= WINDOW_PER_WORKER * options.workers:
                b, submitted = inflight.popleft()
                yield b, _rows(pool, b, submitted)
        while inflight:
            b, submitted = inflight.popleft()
            yield b, _rows(pool, b, submitted)
        finished = True
    finally:
        pool.close(finished)
