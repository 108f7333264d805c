"""What one CSV cell holds: text a spreadsheet would run as a formula is escaped (OWASP CSV injection), numbers stay
numbers, and a NUL never reaches a table."""
from __future__ import annotations

import pandas as pd

# A cell starting with one of these is a formula to Excel and LibreOffice (full-width forms included: some
# spreadsheet locales read them as the ASCII ones). OWASP: prefix a single quote, so the cell shows as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def raw(value) -> str:
    """A value as text for a table that keeps the raw text (Parquet): '' for None, NUL characters removed."""
    return "" if value is None else str(value).replace("\x00", "")


def cell(value) -> str:
    """A value as a CSV cell: text starting with = + - @ tab or carriage return gets a leading ', numbers do not."""
    text = raw(value)
    return "'" + text if isinstance(value, str) and text.startswith(FORMULA_START) else text


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of a DataFrame with every text cell made spreadsheet-safe (numeric columns untouched)."""
    out = df.copy()
    for col in out.columns:
        if not pd.api.types.is_numeric_dtype(out[col]):
            out[col] = out[col].map(lambda v: cell(v) if isinstance(v, str) else v)
    return out
