"""Reviewing a run from its tables: the HTML report (report.py and the modules it assembles) and evaluation
against a gold file (gold.py, matching.py, evaluate.py). Reads tables, never Docs: it needs no extractor."""
