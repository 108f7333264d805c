"""A real full disk (issue 16, part 2): `--out` on a small tmpfs that fills up during a run. The run ends with exit 2
and one line, the previous set of tables stays complete and byte-identical, nothing is left behind, and once there
is room again the next run completes. Needs the right to mount a tmpfs (root in CI containers); skipped otherwise
(tests/output/test_publish.py injects ENOSPC at each step everywhere)."""
import shutil
import subprocess

import pytest

from helpers import TABLES, cli, small_corpus, tables


@pytest.fixture()
def small_disk(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    if shutil.which("mount") is None or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)],
                                                       capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def _snapshot(out):
    return {t: (out / f"{t}.csv").read_bytes() for t in TABLES}


def test_full_disk_run_fails_cleanly_and_keeps_the_previous_tables(small_disk, tmp_path):
    out = small_disk / "out"
    assert cli("extract", small_corpus(tmp_path / "small", 2), "--out", out, "--quiet").returncode == 0
    before = _snapshot(out)
    ballast = small_disk / "ballast"
    free = shutil.disk_usage(small_disk).free
    ballast.write_bytes(b"\0" * max(0, free - 24 * 1024))  # about 24 KB left: the next run cannot fit
    bigger = small_corpus(tmp_path / "bigger", 60)
    r = cli("extract", bigger, "--out", out, "--quiet")
    assert r.returncode == 2 and "No space left on device" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert _snapshot(out) == before
    assert len(list((out / ".runs").iterdir())) == 1 and not list(out.rglob("*.part"))
    ballast.unlink()
    assert cli("extract", bigger, "--out", out, "--quiet").returncode == 0
    assert len(tables(out)["documents"]) == 60
