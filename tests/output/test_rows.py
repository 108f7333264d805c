"""Every contract column of shared/spec/output-schema.md is present, in order, in every table."""
import pytest

from pipeline.output.rows import TABLE_NAMES, columns
from pipeline.output.extraction import Extraction

CONTRACT = {
    "documents": "doc_id, path, title, published, reference_date, reference_date_source, n_chars, n_sentences, sha256",
    "entities": "doc_id, ent_id, text, label, start_char, end_char, sentence_id, canonical, country, kb_id",
    "amounts": "doc_id, amount_id, text, start_char, end_char, sentence_id, value, currency, value_usd, qualifier",
    "percentages": "doc_id, pct_id, text, start_char, end_char, sentence_id, value, unit, qualifier",
    "dates": "doc_id, date_id, text, start_char, end_char, sentence_id, type, start, end, granularity, relative, resolved",
    "trade_records": "doc_id, record_id, sentence_id, evidence, reporter, partner, flow, commodity, hs_code, value, "
                     "currency, value_usd, qualifier, period_start, period_end, change_pct, share_pct, rank, source",
    "diplomacy_events": "doc_id, event_id, sentence_id, evidence, event_type, cameo, actor1, actor2, participants, "
                        "location, date_start, date_end, detail",
}
# Tables this project adds (docs/output-schema.md, issue 14): declared here column by column as well.
ADDITIONS = {
    "quantities": "doc_id, qty_id, text, start_char, end_char, sentence_id, value, unit, dimension, normal_value, "
                  "normal_unit, qualifier, sentence",
    "trade_facts": "fact_id, reporter, partner, flow, flow_code, commodity, hs_code, period_start, period_end, value_usd, "
                   "value, currency, n_reports, n_documents, record_ids, min_value_usd, max_value_usd, conflict, "
                   "tolerance_usd, reporter_m49, partner_m49, quantity, quantity_unit, net_weight_kg",
    "event_facts": "fact_id, event_type, cameo, actor1, actor2, date_start, date_end, location, participants, n_reports, "
                   "n_documents, event_ids, conflict, actor1_m49, actor2_m49",
}


@pytest.mark.parametrize("table", sorted(CONTRACT) + sorted(ADDITIONS))
def test_records_contract_columns_come_first_in_order(table):
    expected = [c.strip() for c in {**CONTRACT, **ADDITIONS}[table].split(",")]
    assert columns(table)[: len(expected)] == expected


def test_records_every_table_is_declared():
    assert set(TABLE_NAMES) == set(CONTRACT) | set(ADDITIONS)


@pytest.mark.parametrize("table", sorted(CONTRACT) + sorted(ADDITIONS))
def test_records_empty_tables_keep_their_headers(table, tmp_path):
    Extraction.from_rows({}).to_csv(tmp_path)
    header = (tmp_path / f"{table}.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == columns(table)
