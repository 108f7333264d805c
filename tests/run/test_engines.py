"""Identical tables whatever the engine: 1 vs 2 local workers, local vs Dask on a LocalCluster."""
import pytest

from pipeline.run.job import run_to_dir
from pipeline.run.options import RunOptions

from helpers import same_tables, small_corpus


def test_engines_two_workers_match_one(tmp_path):
    corpus = small_corpus(tmp_path / "raw", 4)
    run_to_dir(corpus, tmp_path / "one", options=RunOptions(batch_size=1))
    run_to_dir(corpus, tmp_path / "two", options=RunOptions(batch_size=1, workers=2))
    assert same_tables(tmp_path / "one", tmp_path / "two")


def test_engines_dask_matches_local(tmp_path):
    pytest.importorskip("distributed")
    corpus = small_corpus(tmp_path / "raw", 3)
    run_to_dir(corpus, tmp_path / "local", options=RunOptions(batch_size=1))
    run_to_dir(corpus, tmp_path / "dask", options=RunOptions(batch_size=1, engine="dask", workers=1))
    assert same_tables(tmp_path / "local", tmp_path / "dask")
