"""Deterministic mention ids, shared by the tables and by records that cite mentions."""
from __future__ import annotations

from spacy.tokens import Doc, Span  # noqa: F401

PREFIX = {"entities": "e", "amounts": "a", "percentages": "p", "dates": "d", "quantities": "q", "trade_records": "t", "diplomacy_events": "v"}


def make_id(doc_id: str, table: str, index: int) -> str:
    """`<doc_id>-<letter><n>`, n counted from 1 in table order."""
    return f"{doc_id}-{PREFIX[table]}{index + 1}"


def ordered(spans) -> list[Span]:
    """Spans in table order: by start, then end, then original position."""
    return [s for _, s in sorted(enumerate(spans), key=lambda p: (p[1].start_char, p[1].end_char, p[0]))]


def group_spans(doc: Doc, group: str) -> list[Span]:
    """A value span group in table order (empty when the component did not run)."""
    return ordered(doc.spans[group]) if group in doc.spans else []
