"""`cli.py evaluate` and `cli.py report` on the bundled corpus: the seed scores are the ones the README states, the
page is written, and bad input gets one line and exit 2 (run in-process through pipeline.cli.main)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import pipeline
from helpers import ROOT
from pipeline.cli import main

GOLD = "data/gold/seeds.json"


@pytest.fixture(scope="module")
def bundled_out(nlp, raw_dir, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bundled")
    pipeline.extract(raw_dir, nlp=nlp).to_csv(out)
    return out


def readme_block(title: str) -> str:
    """The README's code block that follows the command line `title`."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(re.escape(title) + r"\n(.*?)```", text, re.S)
    assert found, f"README has no block after {title!r}"
    return found.group(1)


def test_the_seed_scores_are_the_ones_the_readme_states(bundled_out, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["evaluate", str(bundled_out), "--gold", GOLD, "--no-save"]) == 0
    printed = capsys.readouterr().out.splitlines()
    stated = readme_block(f"$ python cli.py evaluate data/extracted --gold {GOLD}").splitlines()
    assert printed == stated
    assert not (bundled_out / "evaluation.json").exists()


def test_evaluate_saves_its_result_for_the_report_and_honours_thresholds(bundled_out, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["evaluate", str(bundled_out), "--gold", GOLD, "--json", "--min", "trade_records.f1=0.9"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["headline"]["trade_records.f1"] == 1.0
    assert json.loads((bundled_out / "evaluation.json").read_text())["headline"] == printed["headline"]
    assert main(["evaluate", str(bundled_out), "--gold", GOLD, "--min", "orgs.f1=0.99", "--no-save"]) == 1
    assert "below threshold: orgs.f1=" in capsys.readouterr().err


def test_report_writes_the_page_with_the_saved_evaluation(bundled_out, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["evaluate", str(bundled_out), "--gold", GOLD]) == 0
    capsys.readouterr()
    page = tmp_path / "review.html"
    assert main(["report", str(bundled_out), "--html", str(page)]) == 0
    line = capsys.readouterr().out
    assert f"report of 5 documents (5 with their text, with its evaluation) -> {page}" in line
    assert '<section id="evaluation">' in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("argv, message", [
    (["evaluate", "no/such/run", "--gold", GOLD], "not a folder of extracted tables: no/such/run"),
    (["evaluate", "data/raw", "--gold", GOLD], "data/raw: no documents.csv"),
    (["evaluate", "{out}", "--gold", "no/such/gold.json"], "no/such/gold.json: cannot read the gold file"),
    (["evaluate", "{out}", "--gold", GOLD, "--min", "speed=1"], "unknown --min key(s) speed"),
    (["report", "no/such/run"], "not a folder of extracted tables"),
])
def test_bad_input_is_one_line_and_exit_2(argv, message, bundled_out, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main([a.replace("{out}", str(bundled_out)) for a in argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and err.count("\n") == 1
