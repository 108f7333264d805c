"""Incremental runs: only changed documents are reprocessed, and the tables equal a full run."""
import pandas as pd

from pipeline.run.job import run_to_dir
from pipeline.run.options import RunOptions

from helpers import same_tables, small_corpus


def test_incremental_rerun_reprocesses_exactly_the_edited_file(tmp_path, nlp):
    corpus = small_corpus(tmp_path / "raw", 4)
    out = tmp_path / "out"
    first = run_to_dir(corpus, out, options=RunOptions())
    assert (first.processed, first.reused) == (4, 0)
    (corpus / "a2.txt").write_text("Laos' exports to Vietnam fell 3 percent to $500 million in 2023.", encoding="utf-8")
    second = run_to_dir(corpus, out, options=RunOptions())
    assert (second.processed, second.reused) == (1, 3)
    full = run_to_dir(corpus, tmp_path / "full", options=RunOptions(), full=True)
    assert full.processed == 4
    assert same_tables(out, tmp_path / "full")


def test_incremental_manifest_change_reprocesses_that_document(tmp_path):
    corpus = small_corpus(tmp_path / "raw", 2)
    run_to_dir(corpus, tmp_path / "out", options=RunOptions())
    (corpus / "manifest.csv").write_text("doc_id,published\na0,2020-01-01\na1,2024-03-11\n", encoding="utf-8")
    again = run_to_dir(corpus, tmp_path / "out", options=RunOptions())
    assert (again.processed, again.reused) == (1, 1)


def test_incremental_deleted_document_leaves_the_tables(tmp_path):
    corpus = small_corpus(tmp_path / "raw", 3)
    run_to_dir(corpus, tmp_path / "out", options=RunOptions())
    (corpus / "a1.txt").unlink()
    summary = run_to_dir(corpus, tmp_path / "out", options=RunOptions())
    docs = pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str)
    assert summary.documents == 2 and "a1" not in set(docs.doc_id)


def test_incremental_moved_input_folder_reuses_every_document(tmp_path):
    corpus = small_corpus(tmp_path / "raw", 3)
    out = tmp_path / "out"
    run_to_dir(corpus, out, options=RunOptions())
    moved = corpus.rename(tmp_path / "moved")
    again = run_to_dir(moved, out, options=RunOptions())
    assert (again.processed, again.reused) == (0, 3)  # the cache is keyed on content and settings, not location
    docs = pd.read_csv(out / "documents.csv", dtype=str)
    assert all(p.startswith(str(moved)) for p in docs.path)
    run_to_dir(moved, tmp_path / "full", options=RunOptions(), full=True)
    assert same_tables(out, tmp_path / "full")
