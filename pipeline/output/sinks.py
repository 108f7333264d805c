"""Incremental table writers: rows streamed into a fresh run folder, published as one set when the run completes."""
from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Iterable, Optional

from pipeline.output import publish
from pipeline.output.facts import run_tables
from pipeline.output.csv_cells import cell, raw
from pipeline.output.rows import RUN_TABLES, TABLE_NAMES, columns

FORMATS = ("csv", "parquet")
KNOWN_FILES = [f"{t}.{fmt}" for t in TABLE_NAMES for fmt in FORMATS] + [publish.MANIFEST]  # what a set may hold
PARQUET_BATCH = 1000  # rows buffered per table before a Parquet row group is written


def _open(path: Path):
    """A table file for writing (one place, so that tests can hand in a disk that fills up)."""
    return open(path, "w", encoding="utf-8", newline="")


class _ParquetTable:
    """A table's raw rows (no spreadsheet escaping) streamed to Parquet, every column text as in the CSV."""

    def __init__(self, path: Path, cols: list[str]):
        import pyarrow as pa
        import pyarrow.parquet as pq
        self.pa, self.cols, self.buffer = pa, cols, []
        self.schema = pa.schema([(c, pa.string()) for c in cols])
        self.writer = pq.ParquetWriter(path, self.schema)

    def write(self, values: list[str]) -> None:
        self.buffer.append(values)
        if len(self.buffer) >= PARQUET_BATCH:
            self.flush()

    def flush(self) -> None:
        if self.buffer:
            arrays = [self.pa.array(col, type=self.pa.string()) for col in zip(*self.buffer)]
            self.writer.write_table(self.pa.Table.from_arrays(arrays, schema=self.schema))
            self.buffer = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


class TableSink:
    """Streams the tables into `<out>/.runs/<id>/`; `close()` publishes them as one set (publish.switch)."""

    def __init__(self, out_dir: Path, formats: Iterable[str] = ("csv",), meta: Optional[dict] = None):
        self.out = Path(out_dir)
        self.formats = tuple(formats)
        self.meta = dict(meta or {})
        self.counts = {t: 0 for t in TABLE_NAMES}
        self.published = False
        self.run_rows: dict[str, list[dict]] = {"trade_records": [], "diplomacy_events": []}  # what the facts are built from
        self.folder = self.out / publish.RUNS / publish.new_run_id()
        self.folder.mkdir(parents=True)
        self._files, self._writers, self._parquet = {}, {}, {}
        try:
            for table in TABLE_NAMES:
                if "csv" in self.formats:
                    fh = _open(self.folder / f"{table}.csv")
                    self._files[table] = fh
                    self._writers[table] = csv.writer(fh, lineterminator="\n")
                    self._writers[table].writerow(columns(table))
                if "parquet" in self.formats:
                    self._parquet[table] = _ParquetTable(self.folder / f"{table}.parquet", columns(table))
        except BaseException:
            self.abort()
            raise

    def file_names(self) -> list[str]:
        """The files of one set, in table order (CSV, then its Parquet twin)."""
        return [f"{t}.{fmt}" for t in TABLE_NAMES for fmt in FORMATS if fmt in self.formats]

    def write(self, rows: dict[str, list[dict]]) -> None:
        """Append one document's rows: spreadsheet-safe text in the CSV, raw text in the Parquet."""
        for table in self.run_rows:
            self.run_rows[table].extend(rows.get(table, []))
        self._write({t: r for t, r in rows.items() if t not in RUN_TABLES})

    def _write(self, rows: dict[str, list[dict]]) -> None:
        for table, table_rows in rows.items():
            cols = columns(table)
            for row in table_rows:
                values = [row.get(c) for c in cols]
                if table in self._writers:
                    self._writers[table].writerow([cell(v) for v in values])
                if table in self._parquet:
                    self._parquet[table].write([raw(v) for v in values])
            self.counts[table] += len(table_rows)

    def _finish_files(self) -> None:
        for fh in self._files.values():
            fh.flush()
            os.fsync(fh.fileno())
            fh.close()
        for table in self._parquet.values():
            table.close()
        self._files, self._parquet = {}, {}

    def close(self) -> list[Path]:
        """Finish every file, write the manifest, switch the published set to this run; the published paths."""
        try:
            self._write(run_tables(self.run_rows))
            self._finish_files()
            publish.write_manifest(self.folder, dict(self.counts), self.file_names(), self.meta)
            published = publish.switch(self.out, self.folder, self.file_names() + [publish.MANIFEST], KNOWN_FILES)
            self.published = True
        except BaseException:
            self.abort()
            raise
        publish.tidy(self.out, self.folder.name, KNOWN_FILES)
        return published

    def abort(self) -> None:
        """Drop this run's folder (unless it is already published); the previous set stays published as it was."""
        if self.published:
            return
        for fh in self._files.values():
            try:
                fh.close()
            except OSError:
                pass
        for table in self._parquet.values():
            try:
                table.writer.close()
            except Exception:
                pass
        self._files, self._parquet = {}, {}
        publish.discard(self.folder)
