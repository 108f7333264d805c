"""Deterministic mention ids, shared by the tables and by records that cite mentions."""
from __future__ import annotations

from spacy.tokens import Doc, Span

PREFIX = {"entities": "e", "amounts": "a", "percentages": "p", "dates": "d", "trade_records": "t", "diplomacy_events": "v"}


def make_id(doc_id: str, table: str, index: int) -> str:
    """`<doc_id>-<letter><n>`, n counted from 1 in table order."""
    return f"{doc_id}-{PREFIX[table]}{index + 1}"


def ordered(spans) -> list[Span]:
    """Spans in table order: by start, then end, then original position."""
    return [s for _, s in sorted(enumerate(spans), key=lambda p: (p[1].start_char, p[1].end_char, p[0]))]


def group_spans(doc: Doc, group: str) -> list[Span]:
    """A value span group in table order (empty when the component did not run)."""
    return ordered(doc.spans[group]) if group in doc.spans else []


def mention_id(doc: Doc, group: str, span: Span) -> str:
    """The id the tables give `span` of span group `group` ('' when it is not in the group)."""
    for i, other in enumerate(group_spans(doc, group)):
        if other is span or (other.start_char, other.end_char) == (span.start_char, span.end_char):
            return make_id(doc._.doc_id, group, i)
    return ""
