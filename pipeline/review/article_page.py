"""One article's view as an HTML fragment: header, highlighted text (or its evidence sentences when the text is
unavailable), and its trade records and events, each row pointing at its sentence."""
from __future__ import annotations

import base64
import zlib
from typing import Optional

from pipeline.review.articles import LABEL_NAMES, DocTables, Sentence, evidence_sentences, mention_spans, render_text
from pipeline.review.cells import figure, percent, period
from pipeline.review.assets import environment


def article_fragment(tables: DocTables, text: Optional[str], problem: str, doc_index: int) -> str:
    """The article view of one document, from its rows and its text (None when unavailable, with the reason)."""
    offsets = _mention_offsets(tables)
    body, evidence_only, anchors = "", [], {}
    if text is not None:
        sentences, anchors = evidence_sentences(text, tables, offsets, doc_index)
        body = render_text(text, mention_spans(tables), sentences)
    else:
        evidence_only, anchors = _evidence_only(tables, doc_index)
    doc = dict(tables.document)
    if not str(doc.get("url", "")).startswith(("http://", "https://")):
        doc["url"] = ""
    html = environment().get_template("article.html.j2").render(
        doc=doc, body=body, problem=problem, evidence_only=evidence_only,
        legend=list(LABEL_NAMES.items()), records=[_record(r, anchors) for r in tables.trade_records],
        events=[_event(e, anchors) for e in tables.diplomacy_events])
    return html


def packed(fragment: str) -> str:
    """A fragment as the page carries it: zlib-compressed, base64 (the page inflates it with the browser's own
    DecompressionStream when the article is opened), so a 10,000-article report stays a few tens of MB."""
    return base64.b64encode(zlib.compress(fragment.encode("utf-8"), 6)).decode("ascii")


def _mention_offsets(tables: DocTables) -> dict[str, int]:
    offsets = {}
    for rows, id_column in ((tables.amounts, "amount_id"), (tables.percentages, "pct_id"), (tables.dates, "date_id")):
        for row in rows:
            try:
                offsets[row[id_column]] = int(float(row["start_char"]))
            except (KeyError, TypeError, ValueError):
                continue
    return offsets


def _evidence_only(tables: DocTables, doc_index: int) -> tuple[list[dict], dict[str, str]]:
    """Without the text: each distinct evidence sentence once, with the rows citing it."""
    by_text: dict[str, Sentence] = {}
    for row, id_column in [(r, "record_id") for r in tables.trade_records] + [(r, "event_id") for r in tables.diplomacy_events]:
        evidence = (row.get("evidence") or "").strip()
        if evidence:
            sentence = by_text.setdefault(evidence, Sentence(0, 0, f"s{doc_index}-e{len(by_text)}"))
            sentence.row_ids.append(row.get(id_column, ""))
    blocks = [{"anchor": s.anchor, "rows": " ".join(s.row_ids), "text": text} for text, s in by_text.items()]
    return blocks, {rid: s.anchor for s in by_text.values() for rid in s.row_ids}


def _record(r: dict, anchors: dict[str, str]) -> dict:
    return {"id": r.get("record_id", ""), "target": anchors.get(r.get("record_id", ""), ""), "flow": r.get("flow", ""),
            "reporter": r.get("reporter", ""), "partner": r.get("partner", ""), "commodity": r.get("commodity", ""),
            "hs_code": r.get("hs_code", ""), "value_usd": figure(r.get("value_usd", "")),
            "period": period(r.get("period_start", ""), r.get("period_end", "")),
            "change": percent(r.get("change_pct", "")), "share": percent(r.get("share_pct", "")),
            "rank": r.get("rank", ""), "source": r.get("source", "")}


def _event(e: dict, anchors: dict[str, str]) -> dict:
    return {"id": e.get("event_id", ""), "target": anchors.get(e.get("event_id", ""), ""),
            "event_type": e.get("event_type", ""), "actor1": e.get("actor1", ""), "actor2": e.get("actor2", ""),
            "participants": (e.get("participants", "") or "").replace(";", "; "), "location": e.get("location", ""),
            "date": period(e.get("date_start", ""), e.get("date_end", "")), "detail": e.get("detail", "")}
