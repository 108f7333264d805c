"""Two runs on one output folder (issue 16, part 2): the folder belongs to one run at a time (a second fails at
once with exit 2, or waits with --wait), and the published tables are always one run's complete set."""
import json
import subprocess
import sys
import threading
import time

import pandas as pd
import pytest

from pipeline.output.lock import output_lock
from pipeline.output.publish import file_digest

from helpers import ROOT, TABLES, cli, small_corpus, tables


def _start(corpus, out, *extra):
    return subprocess.Popen([sys.executable, "cli.py", "extract", str(corpus), "--out", str(out), "--quiet",
                             "--batch-size", "1", *extra], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    base = tmp_path_factory.mktemp("concurrent")
    small, large = small_corpus(base / "small", 3), small_corpus(base / "large", 16)
    clean = {}
    for name, corpus in (("small", small), ("large", large)):
        assert cli("extract", corpus, "--out", base / f"clean_{name}", "--quiet").returncode == 0
        clean[name] = tables(base / f"clean_{name}")
    return base, {"small": small, "large": large}, clean


def _is_one_complete_set(out, clean) -> bool:
    got = tables(out)
    manifest = json.loads((out / "run.json").read_text())
    assert all(file_digest(out / name) == digest for name, digest in manifest["files"].items())
    assert not any("\x00" in (out / f"{t}.csv").read_text() for t in TABLES)
    return any(all(got[t].equals(c[t]) for t in TABLES) for c in clean.values())


def test_concurrent_second_run_fails_at_once_while_the_folder_is_owned(corpora, tmp_path):
    _, corpus, _ = corpora
    out = tmp_path / "out"
    with output_lock(out):
        started = time.monotonic()
        r = cli("extract", corpus["small"], "--out", out, "--quiet")
        assert r.returncode == 2 and "in use by another run" in r.stderr and f"pid " in r.stderr, r.stderr
        assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
        assert time.monotonic() - started < 60 and not (out / "documents.csv").exists()


def test_concurrent_wait_runs_after_the_owner_finishes(corpora, tmp_path):
    _, corpus, clean = corpora
    out = tmp_path / "out"
    lines: list[str] = []
    with output_lock(out):
        proc = _start(corpus["small"], out, "--wait")
        reader = threading.Thread(target=lambda: lines.extend(proc.stderr), daemon=True)
        reader.start()
        deadline = time.monotonic() + 300  # the child loads the model first: hold the lock until it says it waits
        while not any("waiting" in line for line in lines) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        assert proc.poll() is None and any("waiting" in line for line in lines)  # waiting, not failing, not writing
    proc.wait(timeout=300)
    reader.join(timeout=60)
    assert proc.returncode == 0, "".join(lines)
    assert _is_one_complete_set(out, {"small": clean["small"]})


@pytest.mark.parametrize("wait", [False, True])
def test_concurrent_runs_publish_one_complete_set(corpora, tmp_path, wait):
    _, corpus, clean = corpora
    out = tmp_path / "out"
    extra = ("--wait",) if wait else ()
    first = _start(corpus["large"], out, *extra)
    second = _start(corpus["small"], out, *extra)
    results = [(p, *p.communicate(timeout=600)) for p in (first, second)]
    for proc, stdout, stderr in results:
        assert "Traceback" not in stderr
        assert proc.returncode == 0 or (not wait and proc.returncode == 2 and "in use by another run" in stderr), stderr
    succeeded = sum(p.returncode == 0 for p, _, _ in results)
    assert succeeded == 2 if wait else succeeded >= 1
    assert _is_one_complete_set(out, clean)
    assert not list(out.rglob("*.part"))
