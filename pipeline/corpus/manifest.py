"""The metadata of a folder of articles, `manifest.csv`: decoded like an article (any encoding), its delimiter
sniffed (',', ';', tab, '|'), each row matched to a file by its `file` column (a path in the folder or a file name)
or by `doc_id` = the file's stem; bad rows are reported by line and skipped."""
from __future__ import annotations

import csv
import io
import logging
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterator, Optional

from pipeline.corpus.article import parse_iso_date
from pipeline.corpus.decoding import Undecodable, decode

log = logging.getLogger(__name__)

NAME = "manifest.csv"
COLUMNS = ("doc_id", "file", "published", "title", "source", "url")
DELIMITERS = ",;\t|"
FIELD_LIMIT = 16 * 1024 * 1024  # the csv module's default (131,072) is less than a scraped title can be


@dataclass
class Manifest:
    """Rows by the file they name and by doc_id, and their line numbers (for 'row unused' reports)."""

    path: Optional[Path] = None
    by_file: dict[str, dict] = field(default_factory=dict)
    by_name: dict[str, list[dict]] = field(default_factory=dict)
    by_id: dict[str, dict] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)
    used: set[int] = field(default_factory=set)

    def match(self, relative: str) -> tuple[str, dict]:
        """(doc_id, row) for the article file at `relative` (a POSIX path inside the folder); ({stem}, {}) if none."""
        path = PurePosixPath(relative)
        named = self.by_name.get(path.name, [])
        row = self.by_file.get(relative) or (named[0] if len(named) == 1 else None) or self.by_id.get(path.stem)
        if row is None:
            return path.stem, {}
        self.used.add(row["_line"])
        return (row.get("doc_id") or "").strip() or path.stem, row

    def report_unused(self) -> None:
        """A warning for every good row no article file matched."""
        for row in list(self.by_file.values()) + list(self.by_id.values()):
            if row["_line"] not in self.used:
                self.used.add(row["_line"])
                key = (row.get("doc_id") or "").strip() or (row.get("file") or "").strip()
                log.warning("%s:%d: no article file for doc_id %r; row unused", self.path, row["_line"], key)


def _delimiter(header: str) -> str:
    """The delimiter that splits the header into the most known column names (',' when none does better)."""
    def known(delimiter: str) -> int:
        cells = next(csv.reader([header], delimiter=delimiter), [])
        return sum(c.strip().lower() in COLUMNS for c in cells)
    return max(DELIMITERS, key=lambda d: (known(d), d == ","))


@contextmanager
def _field_limit() -> Iterator[None]:
    previous = csv.field_size_limit(FIELD_LIMIT)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _rows(path: Path, text: str) -> Iterator[tuple[int, Optional[dict], str]]:
    """(line, row or None, problem) of every data row; a row the csv module cannot read is a problem, not a crash."""
    header = text.split("\n", 1)[0]
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=_delimiter(header))
    reader.fieldnames = [(f or "").strip().lower() for f in (reader.fieldnames or [])]
    with _field_limit():
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield reader.line_num, None, f"unreadable row ({exc}); skipped"
                continue
            yield reader.line_num, {k: (v if isinstance(v, str) else "") for k, v in row.items() if k}, ""


def read_manifest(folder: Path, *, inside: bool = True) -> Manifest:
    """The folder's manifest.csv (none: an empty Manifest); `inside` False = it is a link out of the folder (ignored)."""
    path = folder / NAME
    manifest = Manifest(path)
    if not path.exists():
        return manifest
    if not inside:
        log.warning("%s: symbolic link to a file outside the input folder; not read (--follow-links reads it)", path)
        return manifest
    try:
        text, _ = decode(path.read_bytes())
    except (Undecodable, OSError) as exc:
        log.warning("%s: cannot read the manifest (%s); ignored", path, exc)
        return manifest
    for line, row, problem in _rows(path, text):
        problem = problem or _add(manifest, line, row)
        if problem:
            log.warning("%s:%d: %s", path, line, problem)
    return manifest


def _add(manifest: Manifest, line: int, row: dict) -> str:
    """File a row under its file and doc_id; the problem with it, '' if none."""
    doc_id, file = (row.get("doc_id") or "").strip(), (row.get("file") or "").strip().replace("\\", "/")
    if not doc_id and not file:
        return "row has neither doc_id nor file; skipped"
    row = dict(row, _line=line)
    published = (row.get("published") or "").strip()
    problem = ""
    if published and parse_iso_date(published) is None:
        problem = f"bad published date {published!r} (want YYYY-MM-DD); date ignored"
        row.update(published="", _note=f"manifest line {line}: {problem}")
    while file.startswith("./"):
        file = file[2:]
    if (doc_id and doc_id in manifest.ids) or (file and file in manifest.by_file):
        return f"duplicate doc_id {doc_id or file!r}; first row kept"
    manifest.ids.add(doc_id)
    if file:
        relative = str(PurePosixPath(file))
        manifest.by_file[relative] = row
        manifest.by_name.setdefault(PurePosixPath(relative).name, []).append(row)
    else:
        manifest.by_id[doc_id] = row
    return problem
