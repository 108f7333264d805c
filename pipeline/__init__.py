"""Information extraction for trade and diplomacy news, built on spaCy.

    import pipeline
    result = pipeline.extract("data/raw")        # a folder, a .txt file, or an iterable of Article
    result.trade_records                          # pandas DataFrames, one per output table
    result.to_csv("data/extracted")
"""
from . import extensions  # noqa: F401  (registers Doc/Span attributes)
from .corpus import Article, CorpusError, read_corpus
from .nlp import load
from .run import extract
from .tables import Extraction

__all__ = ["Article", "CorpusError", "Extraction", "extract", "load", "read_corpus"]
__version__ = "0.1.0"
