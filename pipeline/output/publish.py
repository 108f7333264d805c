"""Publish the tables of a run as one set: written into a fresh run folder `<out>/.runs/<id>/` with a manifest
(`run.json`: rows, bytes and sha256 of every file) written last, then one atomic switch of the `<out>/.current`
link. `<out>/<table>.csv` are stable links through `.current`, so readers see the previous set or the new one,
whole, and any failure before the switch leaves the previous set as it was."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
import shutil
import time
from pathlib import Path
from typing import Iterable

log = logging.getLogger(__name__)

RUNS, CURRENT, MANIFEST = ".runs", ".current", "run.json"


def new_run_id() -> str:
    """A run folder name no other run shares: time, process and a random part."""
    return f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{secrets.token_hex(3)}"


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def file_digest(path: Path) -> dict:
    """Size and sha256 of a published file (what a reader checks the set against)."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return {"bytes": path.stat().st_size, "sha256": h.hexdigest()}


def write_manifest(folder: Path, rows: dict[str, int], files: Iterable[str], extra: dict) -> Path:
    """`run.json` of a complete run folder, written (and synced) after every table in it."""
    manifest = {"run_id": folder.name, "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z"), **extra,
                "rows": rows, "files": {name: file_digest(folder / name) for name in files}}
    path = folder / MANIFEST
    with path.open("w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=1, sort_keys=True)
        fh.flush()
        os.fsync(fh.fileno())
    _fsync_dir(folder)
    return path


def _link(target: str, at: Path) -> None:
    """Make `at` a symbolic link to `target`, replacing whatever is there in one rename."""
    tmp = at.with_name(f".{at.name}.{secrets.token_hex(4)}.link")
    os.symlink(target, tmp)
    try:
        os.replace(tmp, at)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _adopt_legacy(out: Path, names: Iterable[str]) -> None:
    """Tables published by an older version (plain files, no `.current`) become a run folder of their own, so that
    the links that replace them show the same content until the switch."""
    if os.path.lexists(out / CURRENT):
        return
    legacy = [n for n in names if (out / n).is_file() and not (out / n).is_symlink()]
    if not legacy:
        return
    folder = out / RUNS / f"legacy-{new_run_id()}"
    folder.mkdir(parents=True)
    for name in legacy:
        try:
            os.link(out / name, folder / name)
        except OSError:
            shutil.copy2(out / name, folder / name)
    _link(f"{RUNS}/{folder.name}", out / CURRENT)


def switch(out: Path, folder: Path, names: Iterable[str], known: Iterable[str] = ()) -> list[Path]:
    """Make `folder` (complete, manifest written) the published set of `names`; `known` are every file name a set
    may have (an older plain file of one is adopted, then retired with the set it belonged to). The published paths."""
    names = list(dict.fromkeys(names))
    everything = list(dict.fromkeys([*names, *known]))
    _adopt_legacy(out, everything)
    for name in everything:  # stable links first: before the switch they still show the previous set (or nothing)
        path = out / name
        if (name in names or path.is_file()) and not (path.is_symlink() and os.readlink(path) == f"{CURRENT}/{name}"):
            _link(f"{CURRENT}/{name}", path)
    _link(f"{RUNS}/{folder.name}", out / CURRENT)  # the one atomic step
    _fsync_dir(out)
    return [out / name for name in names]


def tidy(out: Path, keep: str, table_files: Iterable[str]) -> None:
    """After a switch (or before a run, under the lock): drop run folders other than `keep`, links to tables the
    current set does not have, and part files left by older versions or killed runs."""
    runs = out / RUNS
    if runs.is_dir():
        for folder in runs.iterdir():
            if folder.name != keep:
                shutil.rmtree(folder, ignore_errors=True)
    for name in table_files:
        path = out / name
        if path.is_symlink() and not path.exists():
            path.unlink(missing_ok=True)
    for part in list(out.glob(".*.part")) + list(out.glob(".*.link")):
        part.unlink(missing_ok=True)


def current_run(out: Path) -> str:
    """The id of the published run folder, '' when none."""
    try:
        return Path(os.readlink(out / CURRENT)).name
    except OSError:
        return ""


def discard(folder: Path) -> None:
    """Remove an unpublished run folder (a failed or interrupted run)."""
    shutil.rmtree(folder, ignore_errors=True)
