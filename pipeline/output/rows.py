"""One frozen dataclass per output table; CSV columns are derived from their fields, contract order first."""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Optional


@dataclass(frozen=True)
class DocumentRow:
    doc_id: str
    path: str
    title: str
    published: str
    reference_date: str
    reference_date_source: str
    n_chars: int
    n_sentences: int
    sha256: str
    status: str = "ok"  # ok | empty | skipped | error
    error: str = ""
    encoding: str = "utf-8"
    source: str = ""
    url: str = ""
    notes: str = ""


@dataclass(frozen=True)
class EntityRow:
    doc_id: str
    ent_id: str
    text: str
    label: str
    start_char: int
    end_char: int
    sentence_id: int
    canonical: str
    country: str
    kb_id: str
    title: str = ""
    org_kind: str = ""


@dataclass(frozen=True)
class AmountRow:
    doc_id: str
    amount_id: str
    text: str
    start_char: int
    end_char: int
    sentence_id: int
    value: Optional[float]
    currency: str
    value_usd: Optional[float]
    qualifier: str
    usd_source: str = ""
    equivalent_of: str = ""


@dataclass(frozen=True)
class PercentRow:
    doc_id: str
    pct_id: str
    text: str
    start_char: int
    end_char: int
    sentence_id: int
    value: Optional[float]
    unit: str
    qualifier: str


@dataclass(frozen=True)
class QuantityRow:
    doc_id: str
    qty_id: str
    text: str
    start_char: int
    end_char: int
    sentence_id: int
    value: Optional[float]
    unit: str
    dimension: str
    normal_value: Optional[float]
    normal_unit: str
    qualifier: str
    sentence: str


@dataclass(frozen=True)
class DateRow:
    doc_id: str
    date_id: str
    text: str
    start_char: int
    end_char: int
    sentence_id: int
    type: str
    start: str
    end: str
    granularity: str
    relative: bool
    resolved: bool


@dataclass(frozen=True)
class TradeRow:
    doc_id: str
    record_id: str
    sentence_id: int
    evidence: str
    reporter: str
    partner: str
    flow: str
    commodity: str
    hs_code: str
    value: Optional[float]
    currency: str
    value_usd: Optional[float]
    qualifier: str
    period_start: str
    period_end: str
    change_pct: Optional[float]
    share_pct: Optional[float]
    rank: Optional[int]
    source: str
    amount_id: str = ""
    pct_id: str = ""
    date_id: str = ""
    usd_source: str = ""
    change_basis: str = ""
    partner_kind: str = ""
    quantity: Optional[float] = None
    quantity_unit: str = ""
    net_weight_kg: Optional[float] = None
    quantity_id: str = ""


@dataclass(frozen=True)
class EventRow:
    doc_id: str
    event_id: str
    sentence_id: int
    evidence: str
    event_type: str
    cameo: str
    actor1: str
    actor2: str
    participants: str
    location: str
    date_start: str
    date_end: str
    detail: str
    trigger: str = ""
    date_id: str = ""


@dataclass(frozen=True)
class TradeFactRow:
    fact_id: str
    reporter: str
    partner: str
    flow: str
    flow_code: str
    commodity: str
    hs_code: str
    period_start: str
    period_end: str
    value_usd: Optional[float]
    value: Optional[float]
    currency: str
    n_reports: int
    n_documents: int
    record_ids: str
    min_value_usd: Optional[float]
    max_value_usd: Optional[float]
    conflict: bool
    tolerance_usd: Optional[float]
    reporter_m49: str
    partner_m49: str
    quantity: Optional[float] = None
    quantity_unit: str = ""
    net_weight_kg: Optional[float] = None


@dataclass(frozen=True)
class EventFactRow:
    fact_id: str
    event_type: str
    cameo: str
    actor1: str
    actor2: str
    date_start: str
    date_end: str
    location: str
    participants: str
    n_reports: int
    n_documents: int
    event_ids: str
    conflict: bool
    actor1_m49: str
    actor2_m49: str


ROW_TYPES = {
    "documents": DocumentRow,
    "entities": EntityRow,
    "amounts": AmountRow,
    "percentages": PercentRow,
    "dates": DateRow,
    "quantities": QuantityRow,
    "trade_records": TradeRow,
    "diplomacy_events": EventRow,
    "trade_facts": TradeFactRow,
    "event_facts": EventFactRow,
}
TABLE_NAMES = tuple(ROW_TYPES)
RUN_TABLES = ("trade_facts", "event_facts")  # built once from the whole run's rows (output/facts.py), not per document
DOC_TABLES = tuple(t for t in TABLE_NAMES if t not in RUN_TABLES)
CONTRACT_TABLES = TABLE_NAMES[:5] + ("trade_records", "diplomacy_events")  # the seven of the shared contract


def columns(table: str) -> list[str]:
    """The CSV header of a table, in contract order."""
    return [f.name for f in fields(ROW_TYPES[table])]
