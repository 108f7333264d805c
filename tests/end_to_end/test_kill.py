"""A run killed at any moment (SIGKILL) leaves complete tables (the previous ones or the new ones, never a
truncated CSV), and the next run completes the work with the clean result."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from helpers import ROOT, TABLES, cli, small_corpus, tables

ARTICLES = 24


def _start(corpus: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "cli.py", "extract", str(corpus), "--out", str(out), "--quiet", "--batch-size", "1"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _cached(out: Path) -> int:
    cache = out / ".cache"
    return sum(1 for _ in cache.rglob("*.json")) if cache.exists() else 0


def _kill_when(proc: subprocess.Popen, ready, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not ready() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


def _snapshot(out: Path) -> dict[str, bytes]:
    return {t: (out / f"{t}.csv").read_bytes() for t in TABLES if (out / f"{t}.csv").exists()}


@pytest.fixture(scope="module")
def setting(tmp_path_factory):
    base = tmp_path_factory.mktemp("kill")
    corpus = small_corpus(base / "raw", ARTICLES)
    clean = base / "clean"
    assert cli("extract", corpus, "--out", clean, "--quiet").returncode == 0
    return base, corpus, tables(clean)


@pytest.mark.parametrize("moment", ["at start-up", "after 1 document", "half way", "near the end"])
def test_kill_leaves_complete_tables_and_a_rerun_completes(setting, moment):
    base, corpus, clean = setting
    out = base / moment.replace(" ", "_")
    previous = small_corpus(base / f"prev_{out.name}", 2)  # an earlier, different run in the same folder
    assert cli("extract", previous, "--out", out, "--quiet").returncode == 0
    before = _snapshot(out)
    ready = {"at start-up": lambda: True, "after 1 document": lambda: _cached(out) >= 3,
             "half way": lambda: _cached(out) >= 2 + ARTICLES // 2, "near the end": lambda: _cached(out) >= 2 + ARTICLES - 1}[moment]
    proc = _start(corpus, out)
    if moment == "at start-up":
        time.sleep(0.3)
    _kill_when(proc, ready)
    after = _snapshot(out)
    assert set(after) == set(TABLES)
    published = tables(out)
    for table in TABLES:  # each table is the previous complete one or the new complete one
        assert after[table] == before[table] or published[table].equals(clean[table]), table
    rerun = cli("extract", corpus, "--out", out, "--quiet")
    assert rerun.returncode == 0, rerun.stderr
    final = tables(out)
    for table in TABLES:
        pd.testing.assert_frame_equal(final[table], clean[table])
