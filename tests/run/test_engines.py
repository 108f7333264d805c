"""Identical tables whatever the engine: 1 vs 2 local workers, local vs Dask on a LocalCluster."""
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from pipeline.run.job import run_to_dir
from pipeline.run.options import RunOptions

from helpers import ROOT, TABLES, cli, same_tables, small_corpus, tables


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


KILLER = "This article makes its worker process die."


def _dies_on_the_killer(real):
    def process_batch(nlp, batch, *args, **kwargs):
        if any(a.text == KILLER for a in batch):
            os.kill(os.getpid(), signal.SIGKILL)  # what the out-of-memory killer does
        return real(nlp, batch, *args, **kwargs)
    return process_batch


@pytest.fixture()
def deadline():
    """A hang fails the test instead of stalling the suite."""
    def hung(signum, frame):
        raise TimeoutError("the run hangs")
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(240)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_engines_dead_worker_marks_its_document_error_and_the_run_finishes(tmp_path, monkeypatch, deadline):
    from pipeline.run import worker
    corpus = small_corpus(tmp_path / "raw", 5)
    run_to_dir(corpus, tmp_path / "clean", options=RunOptions(batch_size=2))
    (corpus / "zz_killer.txt").write_text(KILLER, encoding="utf-8")
    monkeypatch.setattr(worker, "process_batch", _dies_on_the_killer(worker.process_batch))
    summary = run_to_dir(corpus, tmp_path / "two", options=RunOptions(batch_size=2, workers=2))
    docs = pd.read_csv(tmp_path / "two" / "documents.csv", dtype=str, keep_default_na=False).set_index("doc_id")
    assert docs.loc["zz_killer"].status == "error" and "worker process died" in docs.loc["zz_killer"].error
    assert summary.statuses == {"ok": 5, "error": 1}
    clean, two = tables(tmp_path / "clean"), tables(tmp_path / "two")
    for table in TABLES[1:]:
        pd.testing.assert_frame_equal(clean[table], two[table])


def test_engines_worker_killed_from_outside_is_replaced_and_its_work_redone(tmp_path):
    psutil = pytest.importorskip("psutil")
    corpus, out = small_corpus(tmp_path / "raw", 12), tmp_path / "out"
    run_to_dir(corpus, tmp_path / "clean", options=RunOptions())
    proc = subprocess.Popen([sys.executable, "cli.py", "extract", str(corpus), "--out", str(out), "--quiet",
                             "--workers", "2", "--batch-size", "1"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline, killed = time.monotonic() + 120, None
    while proc.poll() is None and time.monotonic() < deadline and killed is None:
        done = sum(1 for _ in (out / ".cache").rglob("*.json")) if (out / ".cache").exists() else 0
        main = psutil.Process(proc.pid)
        children = [c for c in main.children() if c.cmdline() == main.cmdline()]  # forked workers, not helpers
        if done >= 2 and children:
            killed = children[0]
            killed.kill()
        time.sleep(0.05)
    _, err = proc.communicate(timeout=300)  # before: the main process waited forever
    assert killed is not None and not killed.is_running()
    assert proc.returncode == 0 and "Traceback" not in err, err
    assert same_tables(tmp_path / "clean", out)
