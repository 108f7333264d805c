"""Every input format gives the same tables for the same articles; the library takes (id, text, metadata)."""
import json

import pandas as pd
import pytest

import pipeline
from pipeline.run.job import run_to_dir
from pipeline.run.options import RunOptions

from helpers import same_tables, small_corpus


@pytest.fixture()
def corpus(tmp_path):
    folder = small_corpus(tmp_path / "raw", 3)
    manifest = pd.read_csv(folder / "manifest.csv", dtype=str)
    rows = [{"id": r.doc_id, "text": (folder / f"{r.doc_id}.txt").read_text(), "published": r.published} for r in manifest.itertuples()]
    return folder, rows


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_inputs_table_files_match_the_folder(tmp_path, corpus, fmt):
    folder, rows = corpus
    path = tmp_path / f"articles.{fmt}"
    if fmt == "jsonl":
        path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    elif fmt == "csv":
        pd.DataFrame(rows).to_csv(path, index=False)
    else:
        pd.DataFrame(rows).to_parquet(path)
    run_to_dir(folder, tmp_path / "from_folder", options=RunOptions())
    run_to_dir(path, tmp_path / "from_file", options=RunOptions())
    assert same_tables(tmp_path / "from_folder", tmp_path / "from_file", drop=("path",))


def test_inputs_library_takes_id_text_metadata_tuples(nlp):
    result = pipeline.extract([("x1", "Thailand's exports to China rose 5% to $2 billion in 2023.", {"published": "2024-01-05"})], nlp=nlp)
    assert list(result.documents.published) == ["2024-01-05"]
    assert list(result.trade_records.flow) == ["export"]


def test_inputs_api_returns_contract_columns(nlp, raw_dir):
    result = pipeline.extract(raw_dir, nlp=nlp)
    assert {"doc_id", "reporter", "partner", "flow", "value_usd", "period_start"} <= set(result.trade_records.columns)
    assert len(result.documents) == 5
