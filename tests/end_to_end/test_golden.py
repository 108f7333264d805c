"""Golden-file tests: whole corpora against reviewed outputs (key columns only): the bundled seed corpus in
tests/golden/, and in tests/golden/genre/ twenty-three short articles written in the styles of other newspapers and
country pairs (tests/fixtures/genre/: Xinhua, Reuters, Yonhap, Antara, VNA, The Star, ...) for its records.

After an intended change, regenerate with `UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py`, then
review the diff of tests/golden/ like code before committing it."""
import os
from pathlib import Path

import pandas as pd
import pytest

import pipeline

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
KEYS = {
    "entities": ["doc_id", "text", "label", "start_char", "canonical", "country"],
    "amounts": ["doc_id", "text", "start_char", "value", "currency", "value_usd", "qualifier"],
    "percentages": ["doc_id", "text", "start_char", "value", "unit", "qualifier"],
    "dates": ["doc_id", "text", "start_char", "type", "start", "end", "granularity", "resolved"],
    "trade_records": ["doc_id", "sentence_id", "reporter", "partner", "flow", "commodity", "hs_code", "value", "currency",
                      "qualifier", "period_start", "period_end", "change_pct", "share_pct", "rank", "source",
                      "quantity", "quantity_unit", "net_weight_kg"],
    "diplomacy_events": ["doc_id", "sentence_id", "event_type", "cameo", "actor1", "actor2", "participants", "location",
                         "date_start", "date_end", "detail"],
    "quantities": ["doc_id", "text", "start_char", "value", "unit", "dimension", "normal_value", "normal_unit", "qualifier"],
    "trade_facts": ["reporter", "partner", "flow", "flow_code", "commodity", "hs_code", "period_start", "period_end",
                    "value_usd", "n_reports", "n_documents", "record_ids", "min_value_usd", "max_value_usd", "conflict",
                    "reporter_m49", "partner_m49", "quantity", "net_weight_kg"],
    "event_facts": ["event_type", "actor1", "actor2", "date_start", "date_end", "n_reports", "event_ids", "conflict"],
}


@pytest.fixture(scope="module")
def extraction(nlp, raw_dir):
    return pipeline.extract(raw_dir, nlp=nlp)


def _as_strings(df: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    out = df[cols].copy()
    for c in cols:
        out[c] = out[c].map(lambda v: "" if v is None or (isinstance(v, float) and pd.isna(v)) else
                            (f"{v:.6g}" if isinstance(v, float) else str(v)))
    return out.reset_index(drop=True)


def _check(frame: pd.DataFrame, table: str, folder: Path) -> None:
    got = _as_strings(frame, KEYS[table])
    path = folder / f"{table}.csv"
    if os.environ.get("UPDATE_GOLDEN"):
        folder.mkdir(parents=True, exist_ok=True)
        got.to_csv(path, index=False)
    want = pd.read_csv(path, dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(got, want, check_dtype=False)


@pytest.mark.parametrize("table", list(KEYS))
def test_golden_bundled_corpus(extraction, table):
    _check(extraction.tables[table], table, GOLDEN)


@pytest.fixture(scope="module")
def genre(nlp):
    return pipeline.extract(Path(__file__).resolve().parent.parent / "fixtures" / "genre", nlp=nlp)


@pytest.mark.parametrize("table", ["amounts", "quantities", "trade_records", "diplomacy_events", "trade_facts", "event_facts"])
def test_golden_genre_articles(genre, table):
    _check(genre.tables[table], table, GOLDEN / "genre")
