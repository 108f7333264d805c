"""What a user sees when a run is stopped or runs on Dask (issue 16, part 6): Ctrl-C is one line and exit 130,
never a traceback; a successful Dask run prints its summary, not the cluster's INFO log."""
import os
import signal
import subprocess
import sys
import time

import pytest

from helpers import ROOT, cli, small_corpus


def _cached(out):
    return sum(1 for _ in (out / ".cache").rglob("*.json")) if (out / ".cache").exists() else 0


@pytest.mark.parametrize("workers", ["1", "2"])
def test_signals_ctrl_c_is_one_line_and_exit_130(tmp_path, workers):
    corpus, out = small_corpus(tmp_path / "raw", 40), tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "cli.py", "extract", str(corpus), "--out", str(out), "--batch-size", "1",
                             "--workers", workers], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    deadline = time.monotonic() + 120
    while _cached(out) < 1 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole foreground group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and err.strip().splitlines() == ["interrupted"], err
    assert not (out / "documents.csv").exists() and not list(out.rglob("*.part"))


def test_signals_dask_run_prints_no_cluster_log(tmp_path):
    pytest.importorskip("distributed")
    r = cli("extract", small_corpus(tmp_path / "raw", 2), "--out", tmp_path / "out", "--engine", "dask", "--quiet")
    assert r.returncode == 0, r.stderr
    assert r.stderr.strip() == "", r.stderr
    assert "2 documents (2 ok" in r.stdout
