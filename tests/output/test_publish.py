"""The tables of a run are published as one set (issue 16, part 2): a failure at any point, a full disk while
writing or while publishing included, leaves the previous set complete and byte-identical, and nothing behind."""
import errno
import io
import json
import os

import pandas as pd
import pytest

from pipeline.output import publish, sinks
from pipeline.output.publish import file_digest
from pipeline.output.rows import TABLE_NAMES
from pipeline.run.job import run_to_dir
from pipeline.run.options import RunOptions

from helpers import small_corpus


def _snapshot(out):
    return {t: (out / f"{t}.csv").read_bytes() for t in TABLE_NAMES if (out / f"{t}.csv").exists()}


def _leftovers(out):
    runs = sorted(p.name for p in (out / publish.RUNS).iterdir()) if (out / publish.RUNS).exists() else []
    parts = [p.name for p in out.rglob("*.part")]
    return runs, parts


class _FullDisk(io.RawIOBase):
    """A file on a disk with `room` bytes left: the write that does not fit raises ENOSPC."""

    def __init__(self, path, room):
        self.fh, self.room = open(path, "wb"), room

    def writable(self):
        return True

    def write(self, data):
        if len(data) > self.room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.room -= len(data)
        return self.fh.write(data)

    def fileno(self):
        return self.fh.fileno()

    def close(self):
        self.fh.close()
        super().close()


@pytest.fixture()
def previous(tmp_path):
    """An output folder holding a complete earlier run of two articles."""
    out = tmp_path / "out"
    run_to_dir(small_corpus(tmp_path / "prev", 2), out, options=RunOptions())
    return out, _snapshot(out)


def test_publish_set_has_a_manifest_that_checks(previous):
    out, _ = previous
    manifest = json.loads((out / "run.json").read_text())
    assert manifest["rows"]["documents"] == 2 == len(pd.read_csv(out / "documents.csv"))
    for name, digest in manifest["files"].items():
        assert file_digest(out / name) == digest
    assert _leftovers(out) == ([manifest["run_id"]], [])


def test_publish_full_disk_while_writing_keeps_the_previous_set(previous, tmp_path, monkeypatch):
    out, before = previous
    monkeypatch.setattr(sinks, "_open", lambda path: io.TextIOWrapper(io.BufferedWriter(_FullDisk(path, 300), 64),
                                                                       encoding="utf-8", newline=""))
    with pytest.raises(OSError) as err:
        run_to_dir(small_corpus(tmp_path / "new", 4), out, options=RunOptions(), full=True)
    assert err.value.errno == errno.ENOSPC
    assert _snapshot(out) == before
    assert _leftovers(out) == ([publish.current_run(out)], [])


@pytest.mark.parametrize("step", ["write_manifest", "_link"])
def test_publish_full_disk_while_publishing_keeps_the_previous_set(previous, tmp_path, monkeypatch, step):
    out, before = previous
    real = getattr(publish, step)

    def full(*args, **kwargs):
        if step == "_link" and not str(args[1]).endswith(publish.CURRENT):
            return real(*args, **kwargs)  # the stable table links may be made; the switch itself fails
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(publish, step, full)
    with pytest.raises(OSError):
        run_to_dir(small_corpus(tmp_path / "new", 4), out, options=RunOptions(), full=True)
    assert _snapshot(out) == before
    assert _leftovers(out) == ([publish.current_run(out)], [])


def test_publish_failed_first_run_publishes_no_table_at_all(tmp_path, monkeypatch):
    out = tmp_path / "empty_out"
    monkeypatch.setattr(publish, "write_manifest", lambda *a, **k: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
    with pytest.raises(OSError):
        run_to_dir(small_corpus(tmp_path / "new", 2), out, options=RunOptions())
    assert _snapshot(out) == {} and _leftovers(out) == ([], [])


def test_publish_tables_of_an_older_version_are_replaced_as_a_set(tmp_path, monkeypatch):
    out = tmp_path / "old_out"
    out.mkdir()
    for t in TABLE_NAMES:  # plain files and a part file, as earlier versions left them
        (out / f"{t}.csv").write_text(f"old {t}\n")
    (out / ".documents.csv.part").write_text("")
    before = _snapshot(out)
    monkeypatch.setattr(publish, "write_manifest", lambda *a, **k: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
    with pytest.raises(OSError):
        run_to_dir(small_corpus(tmp_path / "new", 2), out, options=RunOptions())
    assert _snapshot(out) == before
    monkeypatch.undo()
    run_to_dir(small_corpus(tmp_path / "new", 2), out, options=RunOptions())
    assert len(pd.read_csv(out / "documents.csv")) == 2 and _leftovers(out)[1] == []
    assert len(_leftovers(out)[0]) == 1


def test_publish_csv_only_run_retires_the_parquet_of_the_previous_set(tmp_path):
    out = tmp_path / "out"
    corpus = small_corpus(tmp_path / "raw", 2)
    run_to_dir(corpus, out, options=RunOptions(), formats=("csv", "parquet"))
    assert (out / "amounts.parquet").exists()
    run_to_dir(corpus, out, options=RunOptions(), formats=("csv",))
    assert not os.path.lexists(out / "amounts.parquet") and (out / "amounts.csv").exists()
