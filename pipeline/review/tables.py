"""A run's tables read back from its folder (CSV, else Parquet), whatever tables it holds, as text cells."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.output.extraction import Extraction
from pipeline.output.rows import TABLE_NAMES


class RunError(ValueError):
    """A run folder that cannot be read: the message names the folder or file and the problem."""


def table_files(out_dir: Path) -> dict[str, Path]:
    """Each table's file by name: the CSV, or the Parquet file when there is no CSV; contract tables first."""
    found: dict[str, Path] = {}
    for path in sorted(out_dir.glob("*.parquet")) + sorted(out_dir.glob("*.csv")):
        if not path.name.startswith("."):
            found[path.stem] = path  # a CSV replaces the Parquet file of the same table
    return {name: found[name] for name in sorted(found, key=_order)}


def _order(name: str) -> tuple[int, str]:
    return (TABLE_NAMES.index(name), "") if name in TABLE_NAMES else (len(TABLE_NAMES), name)


def read_table(path: Path) -> pd.DataFrame:
    """One table as strings, empty cells as ''."""
    try:
        if path.suffix == ".parquet":
            return as_text(pd.read_parquet(path))
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, ValueError, ImportError) as exc:
        raise RunError(f"{path}: cannot read this table ({exc})") from None


def read_run(out_dir: str | Path) -> Extraction:
    """Every table of a run folder (those of the contract and any others, e.g. trade_facts)."""
    folder = Path(out_dir)
    if not folder.is_dir():
        raise RunError(f"not a folder of extracted tables: {folder}")
    files = table_files(folder)
    if "documents" not in files:
        raise RunError(f"{folder}: no documents.csv (or .parquet); run `python cli.py extract INPUT --out {folder}` first")
    return Extraction({name: read_table(path) for name, path in files.items()})


def as_text(df: pd.DataFrame) -> pd.DataFrame:
    """A DataFrame with every cell as the text a CSV of it would hold ('' for missing)."""
    out = df.astype(object).where(df.notna(), "")
    return out.map(lambda v: v if isinstance(v, str) else str(v)) if len(out) else out.astype(str)


def tables_of(run: "Extraction | str | Path") -> dict[str, pd.DataFrame]:
    """The tables of a run given as a folder or as an `Extraction`, with text cells."""
    if isinstance(run, (str, Path)):
        return dict(read_run(run).tables)
    return {name: as_text(df) for name, df in run.tables.items()}


def records(df: "pd.DataFrame | None") -> list[dict]:
    """A table's rows as dicts (fast also for Arrow-backed string columns, which iterate slowly cell by cell)."""
    if df is None or df.empty:
        return []
    columns = [str(c) for c in df.columns]
    return [dict(zip(columns, row)) for row in df.to_numpy(dtype=object)]
