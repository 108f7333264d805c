"""One article's text with the run's mentions highlighted by displaCy in manual mode, and each record's evidence
sentence marked in place so a click on the record can jump to it. displaCy's EntityRenderer (what
`displacy.render(..., style="ent", manual=True)` builds on every call, at about 250 us) is made once and fed the
mention rows' offsets segment by segment, which is what lets a sentence be wrapped without overlapping marks."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from typing import Optional

from spacy.displacy.render import EntityRenderer

from pipeline.review.cells import figure, period

COLORS = {"MONEY": "#ffe066", "PERCENT": "#ffb3c6", "DATE": "#b7e4c7", "PERSON": "#d0bfff", "ORG": "#a5d8ff",
          "COUNTRY": "#ffc078"}
LABEL_NAMES = {"MONEY": "money", "PERCENT": "percentage", "DATE": "date", "PERSON": "person", "ORG": "organisation",
               "COUNTRY": "country"}
PRIORITY = tuple(COLORS)  # on overlap the figure wins over the name
ENT_TEMPLATE = '<mark class="ent e-{label}" title="{tip}">{text}<span class="ent-label">{label}</span></mark>'  # colours: CSS
COUNTRY_LABELS = ("GPE", "NORP")
RENDERER = EntityRenderer({"colors": COLORS, "template": ENT_TEMPLATE})


@dataclass
class Sentence:
    """An evidence sentence: where it is in the text and the records citing it."""

    start: int
    end: int
    anchor: str
    row_ids: list[str] = field(default_factory=list)


@dataclass
class DocTables:
    """The rows of every table that belong to one document (dicts of text cells)."""

    document: dict
    amounts: list[dict] = field(default_factory=list)
    percentages: list[dict] = field(default_factory=list)
    dates: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    trade_records: list[dict] = field(default_factory=list)
    diplomacy_events: list[dict] = field(default_factory=list)


def mention_spans(tables: DocTables) -> list[dict]:
    """displaCy's manual spans for the money, percentages, dates, persons, organisations and countries of one
    document, without overlaps, each with a tooltip of its normalised value from the tables."""
    candidates = []
    for row in tables.amounts:
        candidates.append(_span(row, "MONEY", f"{figure(row.get('value', ''))} {row.get('currency', '')}".strip()
                                + (f" = {figure(row['value_usd'])} USD" if row.get("value_usd") else "")))
    for row in tables.percentages:
        candidates.append(_span(row, "PERCENT", f"{row.get('value', '')} {row.get('unit', '')}".strip()))
    for row in tables.dates:
        tip = row.get("granularity", "") if row.get("type") == "duration" else period(row.get("start", ""), row.get("end", ""))
        candidates.append(_span(row, "DATE", tip or "unresolved"))
    for row in tables.entities:
        label = _entity_label(row)
        if label:
            country = f" ({row['country']})" if row.get("country") else ""
            candidates.append(_span(row, label, (row.get("canonical") or row.get("text", "")) + country))
    return _without_overlaps([c for c in candidates if c is not None])


def _entity_label(row: dict) -> Optional[str]:
    if row.get("label") in ("PERSON", "ORG"):
        return row["label"]
    if row.get("label") in COUNTRY_LABELS and row.get("country"):
        return "COUNTRY"
    return None


def _span(row: dict, label: str, tip: str) -> Optional[dict]:
    try:
        start, end = int(float(row["start_char"])), int(float(row["end_char"]))
    except (KeyError, TypeError, ValueError):
        return None
    return {"start": start, "end": end, "label": label, "params": {"tip": escape(tip, quote=True)}} if end > start else None


def _without_overlaps(spans: list[dict]) -> list[dict]:
    kept: list[dict] = []
    covered = bytearray(max((s["end"] for s in spans), default=0))
    for span in sorted(spans, key=lambda s: (PRIORITY.index(s["label"]), s["start"], -s["end"])):
        if covered.find(1, span["start"], span["end"]) < 0:
            covered[span["start"]:span["end"]] = b"\x01" * (span["end"] - span["start"])
            kept.append(span)
    return sorted(kept, key=lambda s: s["start"])


def evidence_sentences(text: str, tables: DocTables, mention_offsets: dict[str, int], doc_index: int) -> tuple[
        list[Sentence], dict[str, str]]:
    """The evidence sentences found in the text, and each record's (or event's) sentence anchor by row id."""
    by_start: dict[int, Sentence] = {}
    anchors: dict[str, str] = {}
    for row, id_column in [(r, "record_id") for r in tables.trade_records] + [(r, "event_id") for r in tables.diplomacy_events]:
        found = locate_evidence(text, row.get("evidence", ""), _anchor_offsets(row, mention_offsets))
        if found is None:
            continue
        sentence = by_start.setdefault(found[0], Sentence(found[0], found[1], f"s{doc_index}-{found[0]}"))
        sentence.row_ids.append(row.get(id_column, ""))
        anchors[row.get(id_column, "")] = sentence.anchor
    sentences, end = [], -1
    for sentence in sorted(by_start.values(), key=lambda s: s.start):
        if sentence.start < end:  # overlapping evidence (should not happen): fold into the previous sentence
            sentences[-1].row_ids += sentence.row_ids
            sentences[-1].end = max(sentences[-1].end, sentence.end)
            anchors.update({rid: sentences[-1].anchor for rid in sentence.row_ids})
        else:
            sentences.append(sentence)
        end = max(end, sentence.end)
    return sentences, anchors


def _anchor_offsets(row: dict, mention_offsets: dict[str, int]) -> list[int]:
    ids = [i for column in ("amount_id", "pct_id", "date_id") for i in (row.get(column) or "").split(";") if i]
    return [mention_offsets[i] for i in ids if i in mention_offsets]


def locate_evidence(text: str, evidence: str, anchors: list[int]) -> Optional[tuple[int, int]]:
    """Where an evidence sentence is in the text: the occurrence holding one of the record's mentions, else the first;
    whitespace may differ."""
    evidence = (evidence or "").strip()
    if not evidence:
        return None
    hits = [(m.start(), m.end()) for m in re.finditer(re.escape(evidence), text)]
    if not hits:
        flexible = r"\s+".join(re.escape(word) for word in evidence.split())
        hits = [(m.start(), m.end()) for m in re.finditer(flexible, text)]
    if not hits:
        return None
    return next((h for h in hits if any(h[0] <= a < h[1] for a in anchors)), hits[0])


def render_text(text: str, spans: list[dict], sentences: list[Sentence]) -> str:
    """The article's HTML: displaCy's marks, with each evidence sentence wrapped in an anchor element. A mention that
    crosses a sentence's edge (rare) is left unmarked."""
    cuts = sorted({0, len(text), *(s.start for s in sentences), *(s.end for s in sentences)})
    wrapped = {s.start: s for s in sentences}
    pieces, pending = [], iter(spans)
    span = next(pending, None)
    for start, end in zip(cuts, cuts[1:]):
        inside = []
        while span is not None and span["start"] < end:
            if span["start"] >= start and span["end"] <= end:
                inside.append({**span, "start": span["start"] - start, "end": span["end"] - start})
            span = next(pending, None)
        html = RENDERER.render_ents(text[start:end], inside, None).strip()
        sentence = wrapped.get(start)
        if sentence is not None and sentence.end == end:
            html = (f'<div class="sent evidence" id="{sentence.anchor}" data-rows="{escape(" ".join(sentence.row_ids))}">'
                    f"{html}</div>")
        pieces.append(html)
    return "".join(pieces)
