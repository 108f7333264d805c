"""Facts on a corpus that restates the same flows (tests/fixtures/repeated_facts: four short articles of our own,
Cambodia-Japan trade in 2022 as $1.789 billion, $1.79 billion, about $1.8 billion and one conflicting $2.3 billion;
Cambodia's exports to Japan also told as Japan's imports from Cambodia), whatever the order of the documents."""
from pathlib import Path

import pipeline
from pipeline.corpus.reader import read_corpus
from helpers import cli, tables

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "repeated_facts"


def _facts(df):
    return {(r.reporter, r.partner, r.flow, r.period_start): (r.n_reports, r.n_documents, bool(r.conflict), r.value_usd)
            for r in df.itertuples()}


def test_facts_counts_and_flags(nlp):
    x = pipeline.extract(CORPUS, nlp=nlp)
    assert _facts(x.trade_facts) == {
        ("KHM", "JPN", "bilateral", "2022-01-01"): (4, 4, True, 1.789e9),
        ("KHM", "JPN", "export", "2022-01-01"): (2, 2, False, 1.12e9),
        ("VNM", "WLD", "export", "2023-01-01"): (1, 1, False, 1.9e9),
    }
    rice = x.trade_facts[x.trade_facts.reporter == "VNM"].iloc[0]
    assert (rice.quantity, rice.quantity_unit, rice.net_weight_kg) == (3.1e6, "tonne", 3.1e9)


def test_facts_do_not_depend_on_document_order(nlp):
    articles = list(read_corpus(CORPUS))
    forward = pipeline.extract(articles, nlp=nlp)
    backward = pipeline.extract(list(reversed(articles)), nlp=nlp)
    for table in ("trade_facts", "event_facts"):
        assert forward.tables[table].equals(backward.tables[table])


def test_facts_are_published_with_the_run(tmp_path):
    out = tmp_path / "out"
    assert cli("extract", CORPUS, "--out", out, "--quiet").returncode == 0
    assert len(tables(out)["trade_facts"]) == 3
    manifest = (out / "run.json").read_text()
    assert '"trade_facts.csv"' in manifest and '"event_facts.csv"' in manifest
