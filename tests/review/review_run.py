"""A small hand-made run folder for the review tests: three documents (one with its text, one whose text is gone,
one skipped), their mentions, two trade records, an event and a facts table (all texts: own)."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from pipeline.corpus.article import sha256_text
from pipeline.output.extraction import Extraction

TEXT = ("Thailand's exports to China rose 8% to $3.1 billion in 2023, the Commerce Ministry said.\n\n"
        "Prime Minister Srettha Thavisin met Chinese Premier Li Qiang in Beijing on March 4, 2024. "
        "The two sides agreed to deepen cooperation.")
GONE = "Vietnam's imports from Laos reached $1.2 billion in 2023."
EVIDENCE_1 = "Thailand's exports to China rose 8% to $3.1 billion in 2023, the Commerce Ministry said."
EVIDENCE_2 = "Prime Minister Srettha Thavisin met Chinese Premier Li Qiang in Beijing on March 4, 2024."


def at(text: str, needle: str) -> dict:
    start = text.index(needle)
    return {"text": needle, "start_char": start, "end_char": start + len(needle)}


def rows() -> dict[str, list[dict]]:
    d1, d2 = "d1", "d2"
    return {
        "documents": [
            {"doc_id": d1, "path": "texts/d1.txt", "title": "Thai exports to China", "published": "2024-03-05",
             "status": "ok", "sha256": sha256_text(TEXT), "n_chars": len(TEXT), "url": "https://example.org/a"},
            {"doc_id": d2, "path": "texts/d2.txt", "title": "Laos trade", "status": "ok", "sha256": sha256_text(GONE)},
            {"doc_id": "d3", "path": "texts/d3.txt", "status": "skipped", "error": "d3.txt: binary file (not text)"}],
        "amounts": [{"doc_id": d1, "amount_id": "d1-a1", **at(TEXT, "$3.1 billion"), "sentence_id": 0,
                     "value": 3.1e9, "currency": "USD", "value_usd": 3.1e9, "qualifier": "exact"},
                    {"doc_id": d2, "amount_id": "d2-a1", **at(GONE, "$1.2 billion"), "sentence_id": 0,
                     "value": 1.2e9, "currency": "USD", "value_usd": 1.2e9, "qualifier": "exact"}],
        "percentages": [{"doc_id": d1, "pct_id": "d1-p1", **at(TEXT, "8%"), "sentence_id": 0, "value": 8.0,
                         "unit": "percent", "qualifier": "exact"}],
        "dates": [{"doc_id": d1, "date_id": "d1-d1", **at(TEXT, "2023"), "sentence_id": 0, "type": "date",
                   "start": "2023-01-01", "end": "2023-12-31", "granularity": "year"},
                  {"doc_id": d1, "date_id": "d1-d2", **at(TEXT, "March 4, 2024"), "sentence_id": 1, "type": "date",
                   "start": "2024-03-04", "end": "2024-03-04", "granularity": "day"}],
        "entities": [{"doc_id": d1, "ent_id": "d1-e1", **at(TEXT, "Thailand"), "label": "GPE", "canonical": "Thailand",
                      "country": "THA"},
                     {"doc_id": d1, "ent_id": "d1-e2", **at(TEXT, "China"), "label": "GPE", "canonical": "China",
                      "country": "CHN"},
                     {"doc_id": d1, "ent_id": "d1-e3", **at(TEXT, "the Commerce Ministry"), "label": "ORG",
                      "canonical": "Commerce Ministry", "country": "THA"},
                     {"doc_id": d1, "ent_id": "d1-e4", **at(TEXT, "Srettha Thavisin"), "label": "PERSON",
                      "canonical": "Srettha Thavisin", "country": "THA"},
                     {"doc_id": d1, "ent_id": "d1-e5", **at(TEXT, "Beijing"), "label": "GPE", "canonical": "Beijing"}],
        "trade_records": [
            {"doc_id": d1, "record_id": "d1-t1", "sentence_id": 0, "evidence": EVIDENCE_1, "reporter": "THA",
             "partner": "CHN", "flow": "export", "value": 3.1e9, "currency": "USD", "value_usd": 3.1e9,
             "period_start": "2023-01-01", "period_end": "2023-12-31", "change_pct": 8.0, "source": "Commerce Ministry",
             "amount_id": "d1-a1", "pct_id": "d1-p1", "date_id": "d1-d1"},
            {"doc_id": d2, "record_id": "d2-t1", "sentence_id": 0, "evidence": GONE, "reporter": "VNM",
             "partner": "LAO", "flow": "import", "value": 1.2e9, "currency": "USD", "value_usd": 1.2e9,
             "period_start": "2023-01-01", "period_end": "2023-12-31", "amount_id": "d2-a1"}],
        "diplomacy_events": [{"doc_id": d1, "event_id": "d1-v1", "sentence_id": 1, "evidence": EVIDENCE_2,
                              "event_type": "meeting", "cameo": "040", "actor1": "THA", "actor2": "CHN",
                              "participants": "Srettha Thavisin;Li Qiang", "location": "Beijing",
                              "date_start": "2024-03-04", "date_end": "2024-03-04", "date_id": "d1-d2"}],
    }


def write_run(folder: Path, fmt: str = "csv") -> Path:
    """The run's tables (CSV or Parquet), its texts (d2's deliberately missing) and a trade_facts table."""
    (folder / "texts").mkdir(parents=True, exist_ok=True)
    (folder / "texts" / "d1.txt").write_text(TEXT, encoding="utf-8")
    out = folder / "run"
    extraction = Extraction.from_rows(rows())
    facts = pd.DataFrame([{"fact_id": "f1", "reporter": "THA", "partner": "CHN", "flow": "export",
                           "value_usd": "3100000000.0", "n_reports": "1", "record_ids": "d1-t1"},
                          {"fact_id": "f2", "reporter": "LAO", "partner": "VNM", "flow": "export",
                           "value_usd": "1200000000.0", "n_reports": "1", "record_ids": "d2-t1"}])
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        extraction.to_csv(out)
        facts.to_csv(out / "trade_facts.csv", index=False)
    else:
        for name, df in extraction.tables.items():
            df.to_parquet(out / f"{name}.parquet", index=False)
        facts.to_parquet(out / "trade_facts.parquet", index=False)
    return out


def write_gold(folder: Path) -> Path:
    """A gold file for d1: the amount found, a percentage the run has (as 8) and one it misses, a missed event."""
    gold = {"docs": "texts", "documents": {"d1": {
        "amounts": [{"text": "$3.1 billion", "value": 3.1e9, "currency": "USD"}],
        "percentages": [{"text": "8%", "value": 8, "unit": "percent"}],
        "dates": [{"text": "2023", "type": "date", "start": "2023-01-01", "end": "2023-12-31"},
                  {"text": "March 4, 2024", "type": "date", "start": "2024-03-04", "end": "2024-03-04"}],
        "entities": {"countries": ["THA", "CHN"], "persons": [["Srettha Thavisin"], ["Li Qiang"]]},
        "trade_records": [{"reporter": "THA", "partner": "CHN", "flow": "export", "value_usd": 3.1e9}],
        "diplomacy_events": [{"event_type": "meeting", "actor1": "THA", "actor2": "CHN"},
                             {"event_type": "cooperation_commitment", "actor1": "THA", "actor2": "CHN",
                              "evidence": "The two sides agreed to deepen cooperation."}]}}}
    path = folder / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path
