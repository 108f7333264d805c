"""Per-document lookup tables built once (entities and value spans by position, mention ids), so that
sentence-level builders stay linear in the length of the document."""
from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span

from pipeline.nlp.ids import group_spans, make_id

KEY = "news_index"


def _store(doc: Doc) -> dict:
    return doc.user_data.setdefault(KEY, {})


def _sorted(doc: Doc, name: str) -> tuple[list[int], list[Span]]:
    store = _store(doc)
    if name not in store:
        spans = list(doc.ents) if name == "ents" else group_spans(doc, name)
        spans = sorted(spans, key=lambda s: (s.start_char, s.end_char))
        store[name] = ([s.start_char for s in spans], spans)
    return store[name]


def spans_in(doc: Doc, name: str, start: int, end: int) -> list[Span]:
    """Entities ('ents') or a span group's spans that start inside [start, end), in order."""
    starts, spans = _sorted(doc, name)
    return spans[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]


def mention_id(doc: Doc, group: str, span: Span) -> str:
    """The table id of a value span (same numbering as the tables), '' if it is not in the group."""
    store = _store(doc)
    key = "ids:" + group
    if key not in store:
        store[key] = {}
        for i, s in enumerate(group_spans(doc, group)):
            store[key].setdefault((s.start_char, s.end_char), make_id(doc._.doc_id, group, i))
    return store[key].get((span.start_char, span.end_char), "")


def text_of(doc: Doc) -> str:
    """The document's text, built once (`Doc.text` joins every token on each call)."""
    store = _store(doc)
    if "text" not in store:
        store["text"] = doc.text
    return store["text"]


def cached(doc: Doc, name: str, compute):
    """A per-document value computed once."""
    store = _store(doc)
    if name not in store:
        store[name] = compute(doc)
    return store[name]


def overlapping(spans: list[Span], others: list[Span]) -> list[list[Span]]:
    """For each span, the spans of `others` that share a token with it (sorted sweep, not all pairs)."""
    ordered = sorted(others, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    longest = max((len(s) for s in ordered), default=0)
    out = []
    for span in spans:
        lo = bisect.bisect_left(starts, span.start - longest)
        hi = bisect.bisect_left(starts, span.end)
        out.append([o for o in ordered[lo:hi] if o.end > span.start])
    return out


def forget(doc: Doc, *names: str) -> None:
    """Forget indexed lookups that an edit made stale (e.g. 'ents' after `doc.ents` was set)."""
    store = _store(doc)
    for name in names:
        store.pop(name, None)


def drop(doc: Doc) -> None:
    """Forget the index (call when entities or span groups change)."""
    doc.user_data.pop(KEY, None)
