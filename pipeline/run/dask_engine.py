"""The Dask engine: the same batches on a distributed.LocalCluster or an existing scheduler, results in order."""
from __future__ import annotations

import logging
from collections import deque
from typing import Iterable, Iterator

from pipeline.corpus.article import Article
from pipeline.run.batches import failed
from pipeline.run.options import RunOptions
from pipeline.run.worker import work

QUIET = {"distributed": "warning", "distributed.scheduler": "warning", "distributed.nanny": "warning",
         "distributed.worker": "warning", "distributed.core": "warning", "distributed.http.proxy": "error",
         "tornado": "warning", "bokeh": "error"}  # a successful run prints its summary, not the cluster's INFO log

WINDOW_PER_WORKER = 2  # batches in flight per worker: bounded memory on the client


class DaskMissing(Exception):
    """The optional Dask extra is not installed."""


def client_for(options: RunOptions):
    """A distributed Client: the given scheduler, else a LocalCluster on 127.0.0.1."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskMissing("--engine dask needs the dask extra: pip install '.[dask]'") from None
    dask.config.set({"distributed.logging": QUIET})  # the worker processes start with this configuration
    for name, level in QUIET.items():
        logging.getLogger(name).setLevel(level.upper())
    if options.scheduler:
        return Client(options.scheduler), None
    cluster = LocalCluster(n_workers=max(1, options.workers), threads_per_worker=1, host="127.0.0.1",
                           dashboard_address=None, processes=True)
    return Client(cluster), cluster


def _result(batch: list[Article], future) -> list:
    """A batch's rows; a batch the cluster could not run (its workers kept dying: KilledWorker) is `error` rows."""
    try:
        return future.result()
    except Exception as exc:
        return [failed(article, exc) for article in batch]


def run_on_dask(batches: Iterable[list[Article]], options: RunOptions) -> Iterator[tuple[list, list]]:
    """Submit batches with a sliding window; yield (batch, rows) in input order."""
    client, cluster = client_for(options)
    try:
        window = WINDOW_PER_WORKER * max(1, len(client.scheduler_info().get("workers", {})) or options.workers)
        inflight: deque = deque()
        for batch in batches:
            inflight.append((batch, client.submit(work, batch, options.model, options.doc_seconds, pure=False)))
            if len(inflight) >= window:
                b, fut = inflight.popleft()
                yield b, _result(b, fut)
        while inflight:
            b, fut = inflight.popleft()
            yield b, _result(b, fut)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
