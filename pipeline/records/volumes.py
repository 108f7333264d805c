"""Volumes on trade records: a quantity stated in the record's own clause or list line for the same goods
('exported 3.1 million tonnes of rice worth $1.9 billion' is one record with both), found through the parse."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from spacy.tokens import Doc, Span, Token

from pipeline.nlp import extensions as ext
from pipeline.nlp.annotations import TradeRecord
from pipeline.nlp.doc_index import mention_id, text_of
from pipeline.records.clauses import COMPARISON, group

TRADED = frozenset({"mass", "volume", "volume flow", "energy", "count"})  # not area (land) nor power (capacity)
CLAUSE_ARCS = frozenset({"conj", "advcl", "ccomp", "parataxis", "relcl", "csubj"})
GOODS_AFTER = re.compile(r"^\s+of\s+((?:[\w'’-]+\s*){1,3})")
BREAK = re.compile(r"[;\n•]")
WORD = re.compile(r"[a-z]{3,}")


def _path_up(tok: Token, stop: set[int]) -> list[Token]:
    out = []
    while tok.i not in stop and tok.head.i != tok.i:
        out.append(tok)
        tok = tok.head
    return out


def same_clause(a: Span, b: Span) -> bool:
    """No verb clause boundary on the dependency path between the two spans (a noun list's 'conj' is no boundary)."""
    up_a = {t.i for t in [a.root, *a.root.ancestors]}
    common = next((t for t in [b.root, *b.root.ancestors] if t.i in up_a), None)
    if common is None:
        return False
    path = _path_up(a.root, {common.i}) + _path_up(b.root, {common.i})
    return not any(_clause_boundary(t) for t in path)


def _clause_boundary(tok: Token) -> bool:
    """A verb clause with a subject or a tense of its own; a participle ('…, earning $800 million') shares the
    clause it hangs from."""
    if tok.dep_ not in CLAUSE_ARCS or tok.pos_ not in ("VERB", "AUX"):
        return False
    return tok.tag_ not in ("VBG", "VBN") or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _anchor(doc: Doc, record: TradeRecord, spans: dict[str, Span]) -> Optional[Span]:
    """The figure the record was built from: its amount, else its percentage."""
    for ref in (record.amount_id, record.pct_id):
        span = spans.get(ref.split(";")[0]) if ref else None
        if span is not None:
            return span
    return None


def _goods(doc: Doc, q: Span) -> set[str]:
    """Words of the goods named right after a quantity ('3.1 million tonnes of rice' -> {'rice'})."""
    m = GOODS_AFTER.match(text_of(doc)[q.end_char:q.end_char + 60])
    return set(WORD.findall(m.group(1).lower())) if m else set()


def _fits(goods: set[str], record: TradeRecord, others: list[TradeRecord]) -> bool:
    """The quantity's goods are the record's: they share a word, or the record names none and no other does."""
    if not goods:
        return True
    mine = set(WORD.findall(record.commodity.lower()))
    if mine:
        return bool(goods & mine)
    return not any(goods & set(WORD.findall(o.commodity.lower())) for o in others)


def _between(a: Span, b: Span, starts: list[int]) -> bool:
    lo, hi = sorted((a.start_char, b.start_char))
    return any(lo < s < hi for s in starts)


def _choose(doc: Doc, q: Span, anchored: list[tuple[int, Span]], records: list[TradeRecord],
            quantity_starts: list[int]) -> Optional[int]:
    """The record a quantity belongs to: in its clause, nothing else between them, its goods, the nearest."""
    text = text_of(doc)
    figure_starts = [s.start_char for _, s in anchored]
    best = None
    for n, span in anchored:
        lo, hi = sorted((q.end_char, span.start_char)) if q.start_char < span.start_char else (span.end_char, q.start_char)
        if _between(q, span, figure_starts + quantity_starts) or BREAK.search(text[lo:hi]):
            continue
        if not same_clause(q, span) or not _fits(_goods(doc, q), records[n], [records[m] for m, _ in anchored if m != n]):
            continue
        distance = abs(q.start_char - span.start_char)
        if best is None or distance < best[0]:
            best = (distance, n)
    return best[1] if best else None


def _with_quantity(doc: Doc, record: TradeRecord, q: Span) -> TradeRecord:
    v = q._.value
    kg = v.normal_value if v.normal_unit == "kg" else None
    return replace(record, quantity=v.value, quantity_unit=v.unit, net_weight_kg=kg,
                   quantity_id=mention_id(doc, ext.QUANTITIES, q))


def _sentence_volumes(doc: Doc, sent: Span, idx: list[int], records: list[TradeRecord]) -> None:
    quantities = [q for q in group(doc, ext.QUANTITIES, sent) if q._.value is not None and q._.value.dimension in TRADED
                  and not COMPARISON.search(text_of(doc)[max(0, q.start_char - 20):q.start_char])]
    if not quantities:
        return
    spans = {mention_id(doc, g, s): s for g in (ext.AMOUNTS, ext.PERCENTAGES) for s in group(doc, g, sent)}
    anchored = [(n, a) for n in idx for a in [_anchor(doc, records[n], spans)] if a is not None]
    taken: set[int] = set()
    for q in quantities:
        n = _choose(doc, q, [(m, a) for m, a in anchored if m not in taken], records,
                    [o.start_char for o in quantities if o is not q])
        if n is not None:
            records[n] = _with_quantity(doc, records[n], q)
            taken.add(n)


def attach_volumes(doc: Doc, records: list[TradeRecord]) -> list[TradeRecord]:
    """The records, each with the volume its own clause or list line states for its goods (if any)."""
    if not records or not doc.spans.get(ext.QUANTITIES):
        return records
    out, sents = list(records), list(doc.sents)
    by_sentence: dict[int, list[int]] = {}
    for n, r in enumerate(out):
        by_sentence.setdefault(r.sentence_id, []).append(n)
    for sid, idx in by_sentence.items():
        if 0 <= sid < len(sents):
            _sentence_volumes(doc, sents[sid], idx, out)
    return out
