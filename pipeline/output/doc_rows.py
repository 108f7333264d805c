"""Flatten one processed Doc into the rows of every table, as plain dicts (JSON-safe, cacheable)."""
from __future__ import annotations

import bisect
from dataclasses import fields
from datetime import date
from typing import Optional

from spacy.tokens import Doc, Span

from pipeline.corpus.article import Article
from pipeline.nlp import extensions as ext
from pipeline.nlp.ids import group_spans, make_id
from pipeline.output.rows import (AmountRow, DateRow, DocumentRow, EntityRow, EventRow, PercentRow, QuantityRow, TABLE_NAMES,
                                  TradeRow)

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT"})


def iso(d: Optional[date]) -> str:
    """A date as YYYY-MM-DD, '' for None."""
    return d.isoformat() if d else ""


class SentenceIndex:
    """Maps a character offset to its 0-based sentence id."""

    def __init__(self, doc: Doc):
        self.starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") or len(doc) else [0]

    def __call__(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def __len__(self) -> int:
        return len(self.starts)


def document_row(article: Article, doc: Optional[Doc]) -> DocumentRow:
    """The documents.csv row of an article (doc None when it was not processed)."""
    n_sent = len(SentenceIndex(doc)) if doc is not None and len(doc) else 0
    return DocumentRow(
        doc_id=article.doc_id, path=article.path, title=article.title, published=iso(article.published),
        reference_date=iso(article.reference_date), reference_date_source=article.reference_date_source,
        n_chars=len(article.text), n_sentences=n_sent, sha256=article.sha256, status=article.status,
        error=article.error, encoding=article.encoding, source=article.source, url=article.url, notes=article.notes)


def _entity_rows(doc: Doc, sid: SentenceIndex) -> list[EntityRow]:
    ents = [e for e in doc.ents if e.label_ in ENTITY_LABELS]
    return [EntityRow(doc._.doc_id, make_id(doc._.doc_id, "entities", i), e.text, e.label_, e.start_char, e.end_char,
                      sid(e.start_char), e._.canonical or e.text, e._.country or "", e._.kb_id or "",
                      e._.title or "", e._.org_kind or "")
            for i, e in enumerate(ents)]


def _amount_row(doc_id: str, i: int, s: Span, sid: SentenceIndex) -> AmountRow:
    v = s._.value
    return AmountRow(doc_id, make_id(doc_id, "amounts", i), s.text, s.start_char, s.end_char, sid(s.start_char),
                     v.value if v else None, (v.currency or "") if v else "", v.value_usd if v else None,
                     v.qualifier if v else "", v.usd_source if v else "",
                     make_id(doc_id, "amounts", i - 1) if v and v.equivalent and i else "")


def _pct_row(doc_id: str, i: int, s: Span, sid: SentenceIndex) -> PercentRow:
    v = s._.value
    return PercentRow(doc_id, make_id(doc_id, "percentages", i), s.text, s.start_char, s.end_char, sid(s.start_char),
                      v.value if v else None, v.unit if v else "", v.qualifier if v else "")


def _date_row(doc_id: str, i: int, s: Span, sid: SentenceIndex) -> DateRow:
    v = s._.value
    return DateRow(doc_id, make_id(doc_id, "dates", i), s.text, s.start_char, s.end_char, sid(s.start_char),
                   v.type if v else "", iso(v.start) if v else "", iso(v.end) if v else "",
                   v.granularity if v else "", bool(v and v.relative), bool(v and v.resolved))


def _quantity_row(doc: Doc, i: int, s: Span, sid: SentenceIndex) -> QuantityRow:
    v, did = s._.value, doc._.doc_id
    return QuantityRow(did, make_id(did, "quantities", i), s.text, s.start_char, s.end_char, sid(s.start_char),
                       v.value if v else None, v.unit if v else "", v.dimension if v else "",
                       v.normal_value if v else None, v.normal_unit if v else "", v.qualifier if v else "",
                       s.sent.text.strip())


def flat(obj) -> dict:
    """A dataclass's fields as a dict, one level deep (dataclasses.asdict deep-copies every value: slow, not needed)."""
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def _trade_rows(doc: Doc) -> list[TradeRow]:
    out = []
    for i, r in enumerate(doc._.trade_records or []):
        d = flat(r)
        d.update(period_start=iso(r.period_start), period_end=iso(r.period_end))
        out.append(TradeRow(doc_id=doc._.doc_id, record_id=make_id(doc._.doc_id, "trade_records", i), **d))
    return out


def _event_rows(doc: Doc) -> list[EventRow]:
    out = []
    for i, e in enumerate(doc._.events or []):
        d = flat(e)
        d.update(participants=";".join(e.participants), date_start=iso(e.date_start), date_end=iso(e.date_end))
        out.append(EventRow(doc_id=doc._.doc_id, event_id=make_id(doc._.doc_id, "diplomacy_events", i), **d))
    return out


def rows_from_doc(article: Article, doc: Optional[Doc]) -> dict[str, list[dict]]:
    """Every table's rows for one article, as plain dicts (JSON-safe, cacheable)."""
    rows: dict[str, list] = {t: [] for t in TABLE_NAMES}
    rows["documents"] = [document_row(article, doc)]
    if doc is not None and len(doc):
        sid, did = SentenceIndex(doc), doc._.doc_id
        rows["entities"] = _entity_rows(doc, sid)
        rows["amounts"] = [_amount_row(did, i, s, sid) for i, s in enumerate(group_spans(doc, ext.AMOUNTS))]
        rows["percentages"] = [_pct_row(did, i, s, sid) for i, s in enumerate(group_spans(doc, ext.PERCENTAGES))]
        rows["dates"] = [_date_row(did, i, s, sid) for i, s in enumerate(group_spans(doc, ext.DATES))]
        rows["quantities"] = [_quantity_row(doc, i, s, sid) for i, s in enumerate(group_spans(doc, ext.QUANTITIES))]
        rows["trade_records"] = _trade_rows(doc)
        rows["diplomacy_events"] = _event_rows(doc)
    out = {t: [flat(r) for r in rs] for t, rs in rows.items()}
    _original_text(article.text, out)
    return out


MENTION_TABLES = ("entities", "amounts", "percentages", "dates", "quantities")


def _original_text(text: str, rows: dict[str, list[dict]]) -> None:
    """Mention text as read (the NLP saw control characters and markup blanked): text == article[start:end]."""
    for table in MENTION_TABLES:
        for row in rows[table]:
            row["text"] = text[row["start_char"]:row["end_char"]]
