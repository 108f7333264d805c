"""What a worker process does with a batch (local pool or Dask): the model loaded once, then the batch."""
from __future__ import annotations

from typing import Optional

from spacy.language import Language

from pipeline.corpus.article import Article
from pipeline.run.batches import process_batch
from pipeline.run.model import load
from pipeline.run.options import DOC_SECONDS

_WORKER_NLP: dict = {}  # one loaded pipeline per worker process, by model name


def worker_nlp(model: Optional[str]) -> Language:
    """The pipeline of this process, loaded once."""
    if model not in _WORKER_NLP:
        _WORKER_NLP[model] = load(model)
    return _WORKER_NLP[model]


def work(batch: list[Article], model: Optional[str], doc_seconds: float = DOC_SECONDS) -> list[dict]:
    """Process one batch in a worker (local pool or Dask)."""
    return process_batch(worker_nlp(model), batch, doc_seconds)
