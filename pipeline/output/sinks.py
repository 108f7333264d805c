"""Incremental table writers: rows appended to hidden part files, published atomically when the run completes."""
from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Iterable

from pipeline.output.rows import TABLE_NAMES, columns

FORMATS = ("csv", "parquet")


def _cell(value) -> str:
    return "" if value is None else str(value)


class TableSink:
    """Streams rows of the seven tables to `<out>/.<table>.csv.part`; `close()` renames them into place."""

    def __init__(self, out_dir: Path, formats: Iterable[str] = ("csv",)):
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        self.formats = tuple(formats)
        self.counts = {t: 0 for t in TABLE_NAMES}
        self._files, self._writers = {}, {}
        for table in TABLE_NAMES:
            fh = open(self._part(table), "w", encoding="utf-8", newline="")
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(columns(table))
            self._files[table], self._writers[table] = fh, writer

    def _part(self, table: str) -> Path:
        return self.out / f".{table}.csv.part"

    def write(self, rows: dict[str, list[dict]]) -> None:
        """Append one document's rows."""
        for table, table_rows in rows.items():
            cols = columns(table)
            for row in table_rows:
                self._writers[table].writerow([_cell(row.get(c)) for c in cols])
            self.counts[table] += len(table_rows)

    def close(self) -> list[Path]:
        """Flush, fsync and atomically publish every table (and its Parquet twin when asked)."""
        published = []
        for table, fh in self._files.items():
            fh.flush()
            os.fsync(fh.fileno())
            fh.close()
            if "parquet" in self.formats:
                published.append(self._parquet(table))
            target = self.out / f"{table}.csv"
            if "csv" in self.formats:
                os.replace(self._part(table), target)
                published.append(target)
            else:
                self._part(table).unlink()
        return published

    def _parquet(self, table: str) -> Path:
        import pyarrow as pa
        import pyarrow.csv as pacsv
        import pyarrow.parquet as pq
        cols = columns(table)
        reader = pacsv.open_csv(self._part(table), convert_options=pacsv.ConvertOptions(
            column_types={c: pa.string() for c in cols}, strings_can_be_null=False))
        tmp, target = self.out / f".{table}.parquet.part", self.out / f"{table}.parquet"
        with pq.ParquetWriter(tmp, reader.schema) as writer:
            for batch in reader:
                writer.write_batch(batch)
        os.replace(tmp, target)
        return target

    def abort(self) -> None:
        """Drop the part files; the previous complete tables stay as they were."""
        for table, fh in self._files.items():
            fh.close()
            self._part(table).unlink(missing_ok=True)
