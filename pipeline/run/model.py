"""`load()`: the base English model plus every stage's components, in one visible order."""
from __future__ import annotations

from typing import Optional

from spacy.language import Language

from pipeline.entities import canonical, countries, people  # noqa: F401  (register news_canonical, news_countries, news_people)
from pipeline.nlp.model import base_model, with_paragraphs
from pipeline.records import diplomacy, trade  # noqa: F401  (register news_trade, news_diplomacy)
from pipeline.values import money, percent, quantities  # noqa: F401  (register news_money, news_percent, news_quantities)
from pipeline.values.dates import finder  # noqa: F401  (registers news_dates)

# Our components, in pipeline order after the model's NER: (factory name, the stage that owns it).
COMPONENTS = (
    ("news_countries", "entities"),
    ("news_people", "entities"),
    ("news_money", "values"),
    ("news_percent", "values"),
    ("news_dates", "values"),
    ("news_quantities", "values"),
    ("news_canonical", "entities"),
    ("news_trade", "records"),
    ("news_diplomacy", "records"),
)


def add_components(nlp: Language) -> Language:
    """Append the project's components after the base model's pipes (paragraph breaks before the parser)."""
    with_paragraphs(nlp)
    for factory, _ in COMPONENTS:
        if factory not in nlp.pipe_names:
            nlp.add_pipe(factory, name=factory)
    return nlp


def load(model: Optional[str] = None) -> Language:
    """The full extraction pipeline on top of `model` (default: the installed small English model)."""
    return add_components(base_model(model))
