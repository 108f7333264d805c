"""Information extraction for trade and diplomacy news, built on spaCy.

    import pipeline
    result = pipeline.extract("data/raw")        # a folder, a .txt file, or an iterable of Article
    result.trade_records                          # pandas DataFrames, one per output table
    result.to_csv("data/extracted")
    pipeline.report("data/extracted")             # one self-contained HTML page to review the run (extra: report)
    pipeline.evaluate("data/extracted", "data/gold/seeds.json").headline()   # P/R/F1 against a gold file

The package is laid out by stage (docs/architecture.md): corpus -> nlp -> values -> entities -> records
-> output, driven by run, reviewed by review; this module is the public API only.
"""
from pipeline.corpus.article import Article, CorpusError
from pipeline.corpus.reader import read_corpus
from pipeline.output.extraction import Extraction
from pipeline.review.evaluate import Evaluation, evaluate
from pipeline.review.report import build_report as report
from pipeline.run.extract import extract
from pipeline.run.model import load

__all__ = ["Article", "CorpusError", "Evaluation", "Extraction", "evaluate", "extract", "load", "read_corpus", "report"]
__version__ = "0.1.0"
