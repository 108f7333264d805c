"""Small shared helpers for the end-to-end tests: run the CLI, read the tables back."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("documents", "entities", "amounts", "percentages", "dates", "quantities", "trade_records", "diplomacy_events",
          "trade_facts", "event_facts")


def cli(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    """`python cli.py ...` from the project root."""
    return subprocess.run([sys.executable, "cli.py", *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def tables(out: Path, drop: tuple[str, ...] = ()) -> dict[str, pd.DataFrame]:
    """Every CSV table of an output folder as strings."""
    return {t: pd.read_csv(out / f"{t}.csv", dtype=str, keep_default_na=False).drop(columns=list(drop), errors="ignore")
            for t in TABLES}


def same_tables(a: Path, b: Path, drop: tuple[str, ...] = ()) -> bool:
    ta, tb = tables(a, drop), tables(b, drop)
    return all(ta[t].equals(tb[t]) for t in TABLES)


def small_corpus(folder: Path, n: int = 3) -> Path:
    """A folder of n short news articles (with a manifest), the genre in miniature."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [
        "Thailand's exports to China rose 8.2 per cent to $3.1 billion in January, the Commerce Ministry said on Monday.",
        "Vietnamese Prime Minister Pham Minh Chinh met Japanese Prime Minister Fumio Kishida in Tokyo on Saturday. "
        "The two sides agreed to elevate ties to a comprehensive strategic partnership.",
        "Indonesia and India signed a memorandum of understanding on trade. Bilateral trade reached $38.8 billion in 2023.",
        "Japan pledged $6.3 million in emergency assistance to the Philippines last June.",
    ]
    rows = ["doc_id,published"]
    for i in range(n):
        (folder / f"a{i}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
        rows.append(f"a{i},2024-03-1{i % 10}")
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder
