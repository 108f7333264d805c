"""Information extraction for trade and diplomacy news, built on spaCy.

    import pipeline
    result = pipeline.extract("data/raw")        # a folder, a .txt file, or an iterable of Article
    result.trade_records                          # pandas DataFrames, one per output table
    result.to_csv("data/extracted")

The package is laid out by stage (docs/architecture.md): corpus -> nlp -> values -> entities -> records
-> output, driven by run; this module is the public API only.
"""
from pipeline.corpus.article import Article, CorpusError
from pipeline.corpus.reader import read_corpus
from pipeline.output.extraction import Extraction
from pipeline.run.extract import extract
from pipeline.run.model import load

__all__ = ["Article", "CorpusError", "Extraction", "extract", "load", "read_corpus"]
__version__ = "0.1.0"
