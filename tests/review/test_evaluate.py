"""The scorer on small hand-made gold files and predicted tables whose answers are known by hand (all texts: own)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import pipeline
from pipeline.output.extraction import Extraction
from pipeline.review.evaluate import Evaluation, evaluate
from pipeline.review.evaluation_store import load_saved_evaluation, save_evaluation
from pipeline.review.gold import GoldError

TEXT = ("Thailand's exports to China rose 8% to $3.1 billion in 2023, the ministry said. "
        "In 2023 imports from Japan were $2 billion. Prime Minister Kishida met Thai leaders in Tokyo.")


def span(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = TEXT.index(needle, start + 1)
    return start, start + len(needle)


def mention(table: str, needle: str, occurrence: int = 1, **values) -> dict:
    start, end = span(TEXT, needle, occurrence)
    return {"doc_id": "d1", "text": needle, "start_char": start, "end_char": end, **values}


def run(tmp_path: Path, gold_doc: dict, rows: dict[str, list[dict]]) -> Evaluation:
    """Score an in-memory run of one document d1 against a gold file holding `gold_doc` for it."""
    docs = tmp_path / "texts"
    docs.mkdir(exist_ok=True)
    (docs / "d1.txt").write_text(TEXT, encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"docs": "texts", "documents": {"d1": gold_doc}}), encoding="utf-8")
    return evaluate(Extraction.from_rows(rows), gold)


def counts(score) -> tuple[int, int, int]:
    return score.tp, score.predicted, score.gold


def test_money_value_and_currency_with_an_optional_item_and_a_spurious_row(tmp_path):
    gold = {"amounts": [{"text": "$3.1 billion", "value": 3.1e9, "currency": "USD"},
                        {"text": "$2 billion", "value": 2e9, "currency": "USD", "optional": True}]}
    rows = {"amounts": [mention("amounts", "$3.1 billion", value=3.1e9, currency="USD"),
                        mention("amounts", "$2 billion", value=2e9, currency="USD"),  # optional: not counted
                        mention("amounts", "8%", value=8.0, currency="USD")]}  # no gold there: spurious
    result = run(tmp_path, gold, rows)
    score = result.scores["amounts"]
    assert counts(score) == (1, 2, 1)
    assert (round(score.precision, 3), score.recall, round(score.f1, 3)) == (0.5, 1.0, 0.667)
    assert [f.description for f in score.spurious] == ["'8%' (8.0 USD)"]
    assert score.missed == []


def test_money_in_the_wrong_currency_finds_the_span_but_not_the_value(tmp_path):
    gold = {"amounts": [{"text": "$3.1 billion", "value": 3.1e9, "currency": "USD"}]}
    rows = {"amounts": [mention("amounts", "$3.1 billion", value=3.1e9, currency="SGD")]}
    result = run(tmp_path, gold, rows)
    assert counts(result.scores["amounts.span"]) == (1, 1, 1)
    assert counts(result.scores["amounts"]) == (0, 1, 1)
    assert result.scores["amounts"].missed[0].span == span(TEXT, "$3.1 billion")


def test_repeated_texts_are_taken_in_document_order(tmp_path):
    gold = {"dates": [{"text": "2023", "type": "date", "start": "2023-01-01", "end": "2023-12-31"},
                      {"text": "2023", "type": "date", "start": "2023-01-01", "end": "2023-12-31"}]}
    rows = {"dates": [mention("dates", "2023", 2, type="date", start="2023-01-01", end="2023-12-31")]}
    result = run(tmp_path, gold, rows)
    assert counts(result.scores["dates"]) == (1, 1, 2)
    assert [f.span for f in result.scores["dates"].missed] == [span(TEXT, "2023", 1)]


def test_occurrence_names_the_nth_match_and_the_next_item_follows_it(tmp_path):
    gold = {"dates": [{"text": "2023", "occurrence": 2, "type": "date", "start": "2023-01-01", "end": "2023-12-31"}]}
    rows = {"dates": [mention("dates", "2023", 1, type="date", start="2023-01-01", end="2023-12-31")]}
    result = run(tmp_path, gold, rows)
    assert counts(result.scores["dates"]) == (0, 1, 1)
    assert result.scores["dates"].missed[0].span == span(TEXT, "2023", 2)


def test_dates_by_the_days_they_cover_and_durations_by_their_length(tmp_path):
    gold = {"dates": [{"text": "2023", "type": "date", "start": "2023-01-01", "end": "2023-12-31"}]}
    rows = {"dates": [mention("dates", "2023", type="date", start="2023-01-01", end="2023-06-30")]}
    assert counts(run(tmp_path, gold, rows).scores["dates"]) == (0, 1, 1)


def test_a_gold_occurrence_beyond_the_last_is_an_error_naming_it(tmp_path):
    gold = {"dates": [{"text": "2023", "occurrence": 3, "type": "date", "start": "2023-01-01", "end": "2023-12-31"}]}
    with pytest.raises(GoldError, match="occurrence 3 of '2023'"):
        run(tmp_path, gold, {})


def test_a_gold_text_missing_from_the_article_is_an_error_naming_it(tmp_path):
    with pytest.raises(GoldError, match="'\\$9 billion' is not in the article text"):
        run(tmp_path, {"amounts": [{"text": "$9 billion", "value": 9e9, "currency": "USD"}]}, {})


def test_persons_match_any_alias_ignoring_case_accents_and_order_given(tmp_path):
    gold = {"entities": {"persons": [["Fumio Kishida", "Kishida Fumio"], ["Srettha Thavisin"]],
                         "orgs": [{"names": ["Commerce Ministry", "the ministry"], "optional": True}],
                         "countries": ["THA", "CHN", "JPN"]}}
    rows = {"entities": [
        {"doc_id": "d1", "label": "PERSON", "text": "Kishida", "canonical": "KISHIDA Fumio", "country": "JPN"},
        {"doc_id": "d1", "label": "PERSON", "text": "Tokyo", "canonical": "Tokyo"},  # wrong label: spurious person
        {"doc_id": "d1", "label": "ORG", "text": "the ministry", "canonical": "the ministry"},  # optional: excused
        {"doc_id": "d1", "label": "GPE", "text": "Thailand", "canonical": "Thailand", "country": "THA"},
        {"doc_id": "d1", "label": "GPE", "text": "China", "canonical": "China", "country": "CHN"}]}
    result = run(tmp_path, gold, rows)
    assert counts(result.scores["persons"]) == (1, 2, 2)
    assert [f.description for f in result.scores["persons"].missed] == ["Srettha Thavisin"]
    assert [f.description for f in result.scores["persons"].spurious] == ["Tokyo"]
    assert counts(result.scores["orgs"]) == (0, 0, 0)
    assert counts(result.scores["countries"]) == (3, 3, 3)


def record(**values) -> dict:
    return {"doc_id": "d1", "evidence": TEXT.split(", the")[0], **values}


def test_trade_records_by_flow_seen_from_either_side_parties_goods_and_value(tmp_path):
    gold = {"trade_records": [
        {"reporter": "CHN", "partner": "THA", "flow": "import", "value_usd": 3.1e9, "period_start": "2023-01-01",
         "period_end": "2023-12-31", "change_pct": 8},
        {"reporter": "JPN", "partner": "THA", "flow": "export", "value_usd": 2e9, "optional": True},
        {"reporter": "THA", "partner": "CHN", "flow": "export", "commodity": "rubber", "change_pct": 4}]}
    rows = {"trade_records": [
        record(record_id="d1-t1", reporter="THA", partner="CHN", flow="export", value_usd=3.12e9,  # within 1%
               period_start="2023-01-01", period_end="2023-12-31", change_pct=8.0),
        record(record_id="d1-t2", reporter="THA", partner="JPN", flow="import", value_usd=2e9),  # optional
        record(record_id="d1-t3", reporter="THA", partner="CHN", flow="export", commodity="natural rubber",
               change_pct=4.0),  # goods named differently, one containing the other
        record(record_id="d1-t4", reporter="THA", partner="CHN", flow="bilateral", value_usd=3.1e9)]}  # spurious
    result = run(tmp_path, gold, rows)
    assert counts(result.scores["trade_records"]) == (2, 3, 2)
    assert [f.row_id for f in result.scores["trade_records"].spurious] == ["d1-t4"]
    assert result.trade_field_accuracy["period"] == 1.0
    assert result.trade_field_accuracy["change_pct"] == 1.0


def test_a_trade_value_off_by_more_than_one_percent_is_a_miss_and_a_spurious_row(tmp_path):
    gold = {"trade_records": [{"reporter": "THA", "partner": "CHN", "flow": "export", "value_usd": 3.1e9,
                               "evidence": "Thailand's exports to China rose 8% to $3.1 billion in 2023"}]}
    rows = {"trade_records": [record(record_id="d1-t1", reporter="THA", partner="CHN", flow="export", value_usd=3.2e9)]}
    score = run(tmp_path, gold, rows).scores["trade_records"]
    assert counts(score) == (0, 1, 1)
    assert score.missed[0].sentence.startswith("Thailand's exports")


def test_events_by_type_and_parties_a_repeat_is_not_counted_and_strict_asks_the_dates(tmp_path):
    gold = {"diplomacy_events": [
        {"event_type": "meeting", "actor1": "JPN", "actor2": "THA", "date_start": "2024-03-01", "date_end": "2024-03-01"},
        {"event_type": "visit", "actor1": "JPN", "actor2": "THA", "optional": True}]}
    rows = {"diplomacy_events": [
        {"doc_id": "d1", "event_id": "d1-v1", "event_type": "meeting", "actor1": "THA", "actor2": "JPN",
         "date_start": "2024-02-28", "date_end": "2024-02-28"},
        {"doc_id": "d1", "event_id": "d1-v2", "event_type": "meeting", "actor1": "JPN", "actor2": "THA",
         "date_start": "2024-02-28", "date_end": "2024-02-28"},  # the same meeting again: a repeat
        {"doc_id": "d1", "event_id": "d1-v3", "event_type": "visit", "actor1": "THA", "actor2": "JPN"},  # optional
        {"doc_id": "d1", "event_id": "d1-v4", "event_type": "praise", "actor1": "THA", "actor2": "JPN"}]}
    result = run(tmp_path, gold, rows)
    assert counts(result.scores["diplomacy_events"]) == (1, 2, 1)
    assert counts(result.scores["diplomacy_events.strict"]) == (0, 3, 1)  # wrong day: neither match nor repeat
    assert [f.row_id for f in result.scores["diplomacy_events"].spurious] == ["d1-v4"]


def test_rows_of_documents_outside_the_gold_are_not_scored(tmp_path):
    rows = {"amounts": [dict(mention("amounts", "$3.1 billion", value=3.1e9, currency="USD"), doc_id="other")]}
    result = run(tmp_path, {"amounts": [{"text": "$3.1 billion", "value": 3.1e9, "currency": "USD"}]}, rows)
    assert counts(result.scores["amounts"]) == (0, 0, 1)
    assert result.scores["amounts"].precision == 0.0


def test_nothing_asked_and_nothing_found_is_perfect(tmp_path):
    result = run(tmp_path, {}, {})
    assert all(s.precision == s.recall == s.f1 == 1.0 for s in result.scores.values())


def test_an_evaluation_survives_its_json_and_a_stale_one_is_refused(tmp_path):
    out = tmp_path / "run"
    Extraction.from_rows({"documents": [{"doc_id": "d1", "path": "", "status": "ok"}]}).to_csv(out)
    result = run(tmp_path, {"amounts": [{"text": "$3.1 billion", "value": 3.1e9, "currency": "USD"}]}, {})
    assert Evaluation.from_dict(json.loads(json.dumps(result.as_dict()))).as_dict() == result.as_dict()
    save_evaluation(result, out)
    loaded, why = load_saved_evaluation(out)
    assert loaded is not None and why == ""
    (out / "amounts.csv").write_text((out / "amounts.csv").read_text() + "d1,x,$1,0,2,0,1,USD,1,exact\n")
    loaded, why = load_saved_evaluation(out)
    assert loaded is None and "run `python cli.py evaluate` again" in why


def test_the_library_api_evaluates_a_folder(tmp_path):
    assert pipeline.evaluate is evaluate
    gold = tmp_path / "g.json"
    gold.write_text(json.dumps({"documents": {}}), encoding="utf-8")
    Extraction.from_rows({}).to_csv(tmp_path / "run")
    assert pipeline.evaluate(tmp_path / "run", gold).headline()["trade_records.f1"] == 1.0
