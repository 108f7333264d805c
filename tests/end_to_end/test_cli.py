"""The CLI end to end: the bundled corpus, usage errors as one line and exit 2, formats."""
import pandas as pd
import pytest

from helpers import ROOT, TABLES, cli, small_corpus


def test_cli_extracts_the_bundled_corpus(tmp_path):
    r = cli("extract", ROOT / "data" / "raw", "--out", tmp_path)
    assert r.returncode == 0, r.stderr
    assert "5 documents (5 ok" in r.stdout
    for t in TABLES:
        assert (tmp_path / f"{t}.csv").exists()
    trade = pd.read_csv(tmp_path / "trade_records.csv")
    assert {"export", "import", "bilateral", "investment", "aid"} <= set(trade.flow)


@pytest.mark.parametrize("args,message", [
    (("extract", "no/such/folder"), "input not found"),
    (("extract", "tests", "--reference-date", "2024-13-45"), "not a date"),
    (("extract", "tests", "--workers", "0"), "whole number"),
    (("extract", "tests", "--format", "xlsx"), "unknown format"),
])
def test_cli_usage_errors_are_one_line_exit_2(args, message):
    r = cli(*args)
    assert r.returncode == 2
    assert message in r.stderr and "Traceback" not in r.stderr


def test_cli_empty_folder_is_a_usage_error(tmp_path):
    r = cli("extract", tmp_path, "--out", tmp_path / "out")
    assert r.returncode == 2 and "no .txt articles" in r.stderr


def test_cli_unwritable_out_is_a_usage_error(tmp_path):
    corpus = small_corpus(tmp_path / "raw", 1)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = cli("extract", corpus, "--out", blocker)
    assert r.returncode == 2 and "cannot write" in r.stderr


def test_cli_parquet_beside_csv(tmp_path):
    corpus = small_corpus(tmp_path / "raw", 2)
    r = cli("extract", corpus, "--out", tmp_path / "out", "--format", "csv,parquet")
    assert r.returncode == 0, r.stderr
    for t in TABLES:
        csv = pd.read_csv(tmp_path / "out" / f"{t}.csv", dtype=str, keep_default_na=False)
        parquet = pd.read_parquet(tmp_path / "out" / f"{t}.parquet")
        assert list(parquet.columns) == list(csv.columns) and len(parquet) == len(csv)


def test_cli_help_lists_the_options():
    r = cli("extract", "--help")
    for option in ("--out", "--model", "--reference-date", "--workers", "--engine", "--format", "--full"):
        assert option in r.stdout
