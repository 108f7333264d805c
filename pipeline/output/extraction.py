"""The output tables as pandas DataFrames (`Extraction`), the library's result; the facts built from the run's rows."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline.output.atomic_write import write_frame_csv
from pipeline.output.csv_cells import safe_frame
from pipeline.output.facts import run_tables
from pipeline.output.rows import RUN_TABLES, TABLE_NAMES, columns


def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """A table's DataFrame with its contract columns, even when empty."""
    return pd.DataFrame(rows, columns=columns(table))


@dataclass
class Extraction:
    """The output tables as pandas DataFrames (`trade_facts` / `event_facts`: one row per fact across the run)."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows: dict[str, list[dict]]) -> "Extraction":
        rows = {**rows, **run_tables(rows)} if not any(rows.get(t) for t in RUN_TABLES) else rows
        return cls({t: frame(t, rows.get(t, [])) for t in TABLE_NAMES})

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    def to_csv(self, out_dir: str | Path) -> list[Path]:
        """Write every table as `<out_dir>/<table>.csv` atomically, text cells spreadsheet-safe (csv_cells); the paths."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        return [write_frame_csv(safe_frame(self.tables[t]), out / f"{t}.csv") for t in TABLE_NAMES]

    def counts(self) -> dict[str, int]:
        return {t: len(df) for t, df in self.tables.items()}
