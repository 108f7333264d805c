"""Session fixtures shared by the test modules: the full pipeline, a blank English pipeline, corpus folders."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    """The full extraction pipeline (base model + our components), loaded once."""
    import pipeline
    return pipeline.load()


@pytest.fixture()
def blank_en():
    """A blank English pipeline with a sentencizer, for unit tests of single components."""
    import pipeline  # noqa: F401  (registers extensions and factories)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    """The bundled seed corpus."""
    return RAW
