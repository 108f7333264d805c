"""The corpus page's tables as JSON for the page's sortable, filterable, paged table: the rows' cells as the tables
hold them, with the article (and row) each one opens."""
from __future__ import annotations

import json
from typing import Optional

import pandas as pd

from pipeline.review.cells import figure, percent, period
from pipeline.review.tables import records


def as_json(spec: dict) -> str:
    """JSON safe to place inside a <script> element."""
    return json.dumps(spec, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def _spec(columns: list[tuple[str, bool]], rows: list[dict]) -> dict:
    return {"columns": [{"label": label, "numeric": numeric} for label, numeric in columns], "rows": rows}


def trade_listing(records: list[dict], doc_index: dict[str, int]) -> dict:
    """reporter, partner, flow, commodity, value_usd, period, change, source, document."""
    columns = [("reporter", False), ("partner", False), ("flow", False), ("commodity", False), ("value_usd", True),
               ("period", False), ("change", True), ("source", False), ("document", False)]
    rows = [{"c": [r.get("reporter", ""), r.get("partner", ""), r.get("flow", ""), r.get("commodity", ""),
                   figure(r.get("value_usd", "")), period(r.get("period_start", ""), r.get("period_end", "")),
                   percent(r.get("change_pct", "")), r.get("source", ""), r.get("doc_id", "")],
             "d": doc_index.get(r.get("doc_id", "")), "r": r.get("record_id", "")} for r in records]
    return _spec(columns, rows)


def event_listing(events: list[dict], doc_index: dict[str, int]) -> dict:
    """type, the two countries, participants, location, date, document."""
    columns = [("event_type", False), ("actor1", False), ("actor2", False), ("participants", False),
               ("location", False), ("date", False), ("detail", False), ("document", False)]
    rows = [{"c": [e.get("event_type", ""), e.get("actor1", ""), e.get("actor2", ""),
                   (e.get("participants", "") or "").replace(";", "; "), e.get("location", ""),
                   period(e.get("date_start", ""), e.get("date_end", "")), e.get("detail", ""), e.get("doc_id", "")],
             "d": doc_index.get(e.get("doc_id", "")), "r": e.get("event_id", "")} for e in events]
    return _spec(columns, rows)


def document_listing(documents: list[dict], records: dict[str, int], events: dict[str, int]) -> dict:
    """The articles: id, title, date, status and why, how many records and events each holds."""
    columns = [("doc_id", False), ("title", False), ("published", False), ("status", False), ("why", False),
               ("trade records", True), ("events", True)]
    rows = [{"c": [d.get("doc_id", ""), d.get("title", ""), d.get("published", ""), d.get("status", "") or "ok",
                   d.get("error", "") or d.get("notes", ""), str(records.get(d.get("doc_id", ""), 0)),
                   str(events.get(d.get("doc_id", ""), 0))], "d": i} for i, d in enumerate(documents)]
    return _spec(columns, rows)


def not_ok_listing(documents: list[dict]) -> dict:
    """The documents that were empty, skipped or failed, with the reason the run gave."""
    columns = [("doc_id", False), ("path", False), ("status", False), ("why", False), ("notes", False)]
    rows = [{"c": [d.get("doc_id", ""), d.get("path", ""), d.get("status", ""), d.get("error", ""), d.get("notes", "")],
             "d": i} for i, d in enumerate(documents) if (d.get("status") or "ok") != "ok"]
    return _spec(columns, rows)


def generic_listing(df: pd.DataFrame, row_docs: dict[str, Optional[int]], doc_index: dict[str, int]) -> tuple[dict, str]:
    """Any other table (trade_facts, event_facts, quantities, ...): every column; cells that list record or event
    ids link to their articles. Returns the spec and a note on the links."""
    linked = [c for c in df.columns if _lists_row_ids(df[c], row_docs)]
    numeric = {c: _is_numeric(df[c]) for c in df.columns}
    rows = []
    for row in records(df):
        cells = []
        for c in df.columns:
            value = str(row.get(c, ""))
            if c in linked:
                cells.append({"ids": [[i, row_docs.get(i)] for i in _split_ids(value)]})
            else:
                cells.append(figure(value) if numeric[c] and "value" in c else value)
        doc = doc_index.get(str(row.get("doc_id", ""))) if "doc_id" in df.columns else None
        rows.append({"c": cells, **({"d": doc} if doc is not None else {})})
    spec = _spec([(c, numeric[c]) for c in df.columns], rows)
    note = (f"The ids in {', '.join(linked)} open the record's article at its sentence." if linked
            else "A table of this run beyond the seven of the output contract, shown as it is.")
    return spec, note


def _split_ids(value: str) -> list[str]:
    return [part.strip() for part in value.replace(",", ";").replace(" ", ";").split(";") if part.strip()]


def _lists_row_ids(column: pd.Series, row_docs: dict[str, Optional[int]]) -> bool:
    values = [v for v in column.astype(str) if v.strip()]
    return bool(values) and all(
        _split_ids(v) and all(i in row_docs for i in _split_ids(v)) for v in values[:200])


def _is_numeric(column: pd.Series) -> bool:
    values = [v for v in column.astype(str) if v.strip()]
    if not values or column.name in ("doc_id", "sentence_id", "hs_code", "cameo"):
        return False
    return bool(pd.to_numeric(pd.Series(values[:500]), errors="coerce").notna().all())
