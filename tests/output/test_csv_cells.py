"""Spreadsheet formula injection (OWASP CSV injection): text cells that a spreadsheet would run as a formula are
written with a leading apostrophe; numbers stay numbers; the Parquet twin and the DataFrames keep the raw text."""
import pandas as pd
import pytest

from pipeline.output.csv_cells import cell
from pipeline.output.extraction import Extraction
from pipeline.output.rows import columns
from pipeline.output.sinks import TableSink


@pytest.mark.parametrize("value,written", [
    ("=1+1", "'=1+1"), ("+CMD|' /C calc'!A0", "'+CMD|' /C calc'!A0"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1+1", "'\t=1+1"), ("\r=1+1", "'\r=1+1"), ("\uff1d1+1", "'\uff1d1+1"), ("a = b", "a = b"), ("", ""),
    (-2.5, "-2.5"), (3, "3"), (None, ""), (True, "True"), ("nul\x00inside", "nulinside"),
])
def test_csv_cells_formula_starts_are_escaped_numbers_kept(value, written):
    assert cell(value) == written


def _rows():
    trade = {c: "" for c in columns("trade_records")}
    trade.update(doc_id="=1+1", record_id="=1+1-r0", sentence_id=0, evidence="=HYPERLINK(\"http://evil\",\"x\")",
                 value=-5.0, change_pct=-2.5, share_pct=None, rank=None, value_usd=None, flow="export")
    doc = {c: "" for c in columns("documents")}
    doc.update(doc_id="=1+1", title="@SUM(1+1)", n_chars=10, n_sentences=1, status="ok")
    return {"documents": [doc], "trade_records": [trade]}


def test_csv_cells_sink_escapes_text_keeps_numbers_and_raw_parquet(tmp_path):
    sink = TableSink(tmp_path, ("csv", "parquet"))
    sink.write(_rows())
    sink.close()
    csv = pd.read_csv(tmp_path / "trade_records.csv", dtype=str, keep_default_na=False).iloc[0]
    assert (csv.doc_id, csv.evidence[:11], csv.change_pct, csv.value) == ("'=1+1", "'=HYPERLINK", "-2.5", "-5.0")
    assert pd.read_csv(tmp_path / "documents.csv", dtype=str).iloc[0].title == "'@SUM(1+1)"
    parquet = pd.read_parquet(tmp_path / "trade_records.parquet").iloc[0]
    assert (parquet.doc_id, parquet.evidence[:10]) == ("=1+1", "=HYPERLINK")


def test_csv_cells_library_to_csv_escapes_but_frames_keep_raw_text(tmp_path):
    extraction = Extraction.from_rows(_rows())
    extraction.to_csv(tmp_path)
    assert extraction.trade_records.iloc[0].evidence.startswith("=HYPERLINK")
    csv = pd.read_csv(tmp_path / "trade_records.csv", dtype=str, keep_default_na=False).iloc[0]
    assert csv.evidence.startswith("'=HYPERLINK") and csv.change_pct == "-2.5"
