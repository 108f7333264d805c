"""An article's records as one set: a headline restated by the body is kept once, the same record found twice is
one, and a statement of a flow's share or rank alone ('Cambodian exports accounting for a 59.76 per cent share',
'the U.S. remained the largest buyer') completes the valued record of that flow rather than standing apart."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from pipeline.nlp.annotations import TradeRecord
from pipeline.records.clauses import drop_restated_headlines

MAX_DISTANCE = 3  # sentences between a share or rank statement and the record it completes
LEAD_DISTANCE = 6  # sentences between a lead's growth figure and the body's value for the same flow and period


def _key(r: TradeRecord) -> tuple:
    sides = frozenset((r.reporter, r.partner)) if r.flow == "bilateral" else (r.reporter, r.partner)
    return (r.flow, sides, r.commodity, r.value, r.change_pct if r.value is None else None)


def _flow(r: TradeRecord) -> tuple:
    sides = frozenset((r.reporter, r.partner)) if r.flow == "bilateral" else (r.reporter, r.partner)
    return (r.flow, sides, r.commodity)


def _statement(r: TradeRecord) -> bool:
    return r.value is None and r.change_pct is None  # a growth figure stands as a record of its own (seed gold) ...


def _lead_growth(r: TradeRecord) -> bool:
    """... unless the body gives the same flow's value for the same period later (the lede, then the detail): 'trade … has witnessed a surge in the
    first two months of 2024, marking a nearly 30% increase' then '… trade volume … reached $2.2 billion'."""
    return r.value is None and r.change_pct is not None and r.share_pct is None and r.period_end is not None


def _completes(statement: TradeRecord, records: list[TradeRecord]) -> int:
    """Index of the nearest valued record of the same flow that lacks what the statement gives, else -1."""
    best, best_distance = -1, LEAD_DISTANCE + 1
    growth = _lead_growth(statement)
    reach = LEAD_DISTANCE if growth else MAX_DISTANCE
    for i, r in enumerate(records):
        if _statement(r) or _lead_growth(r) or _flow(r) != _flow(statement):
            continue
        if growth and ((r.period_start, r.period_end) != (statement.period_start, statement.period_end)
                       or r.sentence_id <= statement.sentence_id):  # a growth said after the value is news of its own
            continue
        if any(getattr(statement, f) is not None and getattr(r, f) is not None for f in ("share_pct", "rank", "change_pct")):
            continue
        distance = abs(r.sentence_id - statement.sentence_id)
        if distance > reach:
            continue
        if distance < best_distance:
            best, best_distance = i, distance
    return best


def merge_statements(records: list[TradeRecord]) -> list[TradeRecord]:
    """Share- or rank-only records folded into the valued record of their flow, when there is one nearby."""
    out = list(records)
    dropped = set()
    for i, r in enumerate(records):
        if not (_statement(r) or _lead_growth(r)):
            continue
        j = _completes(r, out)
        if j < 0:
            continue
        target = out[j]
        out[j] = replace(target, share_pct=target.share_pct if target.share_pct is not None else r.share_pct,
                         rank=target.rank if target.rank is not None else r.rank,
                         change_pct=target.change_pct if target.change_pct is not None else r.change_pct,
                         change_basis=target.change_basis or r.change_basis)
        dropped.add(i)
    return [r for i, r in enumerate(out) if i not in dropped]


def finalise(doc: Doc, records: list[TradeRecord]) -> list[TradeRecord]:
    """The article's records: headline restatements and repeats dropped, statements merged."""
    kept, seen = [], set()
    headline_key = lambda r: (r.flow, frozenset((r.reporter, r.partner)), r.commodity)  # noqa: E731
    for record in drop_restated_headlines(doc, records, headline_key):
        if _key(record) not in seen:
            seen.add(_key(record))
            kept.append(record)
    return merge_statements(kept)
