"""Scoring a run's tables against a gold file: P/R/F1 per table with the misses and the spurious rows."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

import pandas as pd

from pipeline.output.extraction import Extraction
from pipeline.review import matching
from pipeline.review.gold import Gold, GoldDocument, fold_name, load_gold
from pipeline.review.scores import Finding, Score, number, text
from pipeline.review.tables import records, tables_of
from pipeline.review.texts import TextSource

Rows = dict[str, list[dict]]  # a table's rows by doc_id, in table order

MEASURES = (  # name, table, what it counts
    ("amounts", "amounts", "money: value and currency"),
    ("amounts.span", "amounts", "money: the span only"),
    ("percentages", "percentages", "percentages: value and unit"),
    ("percentages.span", "percentages", "percentages: the span only"),
    ("dates", "dates", "dates: the covered days (durations: their length)"),
    ("dates.span", "dates", "dates: the span only"),
    ("countries", "entities", "countries by ISO code"),
    ("persons", "entities", "persons by canonical name (aliases)"),
    ("orgs", "entities", "organisations by canonical name (aliases)"),
    ("trade_records", "trade_records", "flow, parties, commodity, value or growth"),
    ("diplomacy_events", "diplomacy_events", "type and the two countries"),
    ("diplomacy_events.strict", "diplomacy_events", "type, the two countries and overlapping dates"),
)
TRADE_FIELDS = ("period", "change_pct", "share_pct", "rank")
HEADLINE = {"amounts.f1": "amounts", "percentages.f1": "percentages", "dates.f1": "dates", "dates.span_f1": "dates.span",
            "countries.f1": "countries", "persons.f1": "persons", "orgs.f1": "orgs",
            "trade_records.f1": "trade_records", "diplomacy_events.f1": "diplomacy_events",
            "diplomacy_events.strict_f1": "diplomacy_events.strict"}


@dataclass
class Evaluation:
    """Every measure of one run against one gold file."""

    gold_path: str
    documents: list[str]
    scores: dict[str, Score]
    trade_field_accuracy: dict[str, Optional[float]] = field(default_factory=dict)

    def headline(self) -> dict[str, float]:
        """The F1 of each measure (and the period accuracy of matched trade records), by name."""
        head = {key: self.scores[name].f1 for key, name in HEADLINE.items()}
        head["trade_records.period_acc"] = self.trade_field_accuracy.get("period") or 0.0
        return head

    def as_dict(self) -> dict:
        """JSON-ready: the gold file, the documents, every measure with its findings, the headline."""
        return {"gold": self.gold_path, "documents": self.documents,
                "scores": {name: score.as_dict() for name, score in self.scores.items()},
                "trade_field_accuracy": self.trade_field_accuracy,
                "headline": {k: round(v, 4) for k, v in self.headline().items()}}

    @classmethod
    def from_dict(cls, data: dict) -> "Evaluation":
        """Back from `as_dict` (e.g. a saved evaluation.json)."""
        scores = {}
        for name, s in data["scores"].items():
            missed, spurious = [_finding(f) for f in s["missed"]], [_finding(f) for f in s["spurious"]]
            scores[name] = Score(s["tp"], s["predicted"], s["gold"], missed, spurious)
        return cls(data["gold"], list(data["documents"]), scores, dict(data.get("trade_field_accuracy") or {}))


def _finding(data: dict) -> Finding:
    return Finding(**{**data, "span": tuple(data["span"]) if data.get("span") else None,
                      "names": tuple(data.get("names") or ())})


def evaluate_tables(tables: dict[str, pd.DataFrame], gold: Gold) -> Evaluation:
    """Score the tables of one run (DataFrames by table name) against a loaded gold file."""
    rows = {name: _by_doc(tables.get(name)) for name in ("amounts", "percentages", "dates", "entities",
                                                          "trade_records", "diplomacy_events")}
    docs = list(gold.documents.values())
    scores: dict[str, Score] = {}
    for kind, same in (("amounts", matching.same_amount), ("percentages", matching.same_percentage),
                       ("dates", matching.same_date)):
        scores[kind], scores[f"{kind}.span"] = _score_mentions(kind, same, docs, rows[kind])
    for kind, label in (("countries", None), ("persons", "PERSON"), ("orgs", "ORG")):
        scores[kind] = _score_entities(kind, label, docs, rows["entities"])
    scores["trade_records"], accuracy = _score_trade(docs, rows["trade_records"])
    for strict in (False, True):
        scores["diplomacy_events" + (".strict" if strict else "")] = _score_events(docs, rows["diplomacy_events"], strict)
    return Evaluation(str(gold.path), [d.doc_id for d in docs], scores, accuracy)


def _by_doc(df: Optional[pd.DataFrame]) -> Rows:
    grouped: Rows = defaultdict(list)
    if df is None or df.empty or "doc_id" not in df.columns:
        return grouped
    for row in records(df):
        grouped[text(row.get("doc_id"))].append(row)
    return grouped


def _split(items: list) -> tuple[list[int], list[int]]:
    """Indexes of the required and of the optional items."""
    required = [i for i, item in enumerate(items) if not _optional(item)]
    return required, [i for i, item in enumerate(items) if _optional(item)]


def _optional(item) -> bool:
    return isinstance(item, dict) and bool(item.get("optional"))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# ---------------------------------------------------------------- money, percentages, dates

def _score_mentions(kind: str, same: Callable[[dict, dict], bool], docs: list[GoldDocument],
                    rows: Rows) -> tuple[Score, Score]:
    """(value score, span score). A row overlapping only optional gold mentions is not counted."""
    value, span = Score(), Score()
    for doc in docs:
        items, spans = doc.items(kind), doc.spans.get(kind, [])
        required, optional = _split(items)
        span_used: set[int] = set()
        value_used: set[int] = set()
        for row in rows.get(doc.doc_id, []):
            start, end = number(row.get("start_char")), number(row.get("end_char"))
            where = (int(start), int(end)) if start is not None and end is not None else None
            hits = [i for i in required if where and _overlap(where, spans[i])]
            if where and not hits and any(_overlap(where, spans[i]) for i in optional):
                continue
            value.predicted += 1
            span.predicted += 1
            free = [i for i in hits if i not in span_used]
            if free:
                span_used.add(free[0])
                span.tp += 1
            right = [i for i in hits if i not in value_used and same(row, items[i])]
            if right:
                value_used.add(right[0])
                value.tp += 1
            else:
                value.spurious.append(_row_finding(doc.doc_id, kind, row, where))
        value.gold += len(required)
        span.gold += len(required)
        value.missed += [_mention_finding(doc, kind, i) for i in required if i not in value_used]
        span.missed += [_mention_finding(doc, f"{kind}.span", i) for i in required if i not in span_used]
    return value, span


def _mention_finding(doc: GoldDocument, measure: str, i: int) -> Finding:
    item = doc.items(measure.split(".")[0])[i]
    detail = {"amounts": lambda: f"{item.get('value')} {item.get('currency', '')}",
              "percentages": lambda: f"{item.get('value')} {item.get('unit') or 'percent'}",
              "dates": lambda: (item.get("granularity", "") if item.get("type") == "duration"
                                else f"{item.get('start', '')}..{item.get('end', '')}")}[measure.split(".")[0]]()
    return Finding(doc.doc_id, measure, f"{item['text']!r} ({detail.strip()})", span=doc.spans[measure.split('.')[0]][i])


def _row_finding(doc_id: str, measure: str, row: dict, where: Optional[tuple[int, int]]) -> Finding:
    id_column = {"amounts": "amount_id", "percentages": "pct_id", "dates": "date_id"}[measure]
    value = {"amounts": f"{text(row.get('value'))} {text(row.get('currency'))}",
             "percentages": f"{text(row.get('value'))} {text(row.get('unit'))}",
             "dates": f"{text(row.get('start'))}..{text(row.get('end'))}" if text(row.get("type")) != "duration"
             else text(row.get("granularity"))}[measure]
    return Finding(doc_id, measure, f"{text(row.get('text'))!r} ({value.strip()})", span=where,
                   row_id=text(row.get(id_column)))


# ---------------------------------------------------------------- countries, persons, organisations

def _aliases(kind: str, item) -> list[str]:
    names = item.get("names", item.get("name")) if isinstance(item, dict) else item
    names = names if isinstance(names, list) else [names]
    return [str(n).upper().strip() if kind == "countries" else fold_name(n) for n in names if n]


def _predicted_names(kind: str, label: Optional[str], rows: list[dict]) -> dict[str, tuple[str, Optional[tuple[int, int]]]]:
    """The run's names (codes) of one kind in one document: folded form -> (the name as the run wrote it, the span
    of its first mention)."""
    names: dict[str, tuple[str, Optional[tuple[int, int]]]] = {}
    for r in rows:
        if kind == "countries":
            name = text(r.get("country")).upper()
            key = name
        elif text(r.get("label")) == label:
            name = text(r.get("canonical")) or text(r.get("text"))
            key = fold_name(name)
        else:
            continue
        start, end = number(r.get("start_char")), number(r.get("end_char"))
        if key:
            names.setdefault(key, (name, (int(start), int(end)) if start is not None and end is not None else None))
    return names


def _score_entities(kind: str, label: Optional[str], docs: list[GoldDocument], rows: Rows) -> Score:
    """Per document, the set of names (codes) the run gives; a gold item counts when any of its aliases is there."""
    score = Score()
    for doc in docs:
        entities = doc.answers.get("entities") or {}
        if entities.get(kind) is None:
            continue
        found = _predicted_names(kind, label, rows.get(doc.doc_id, []))
        answered, excused = set(), set()
        for item in entities[kind]:
            aliases = _aliases(kind, item)
            hit = [a for a in aliases if a in found]
            if _optional(item):
                excused.update(hit)
                continue
            score.gold += 1
            if hit:
                score.tp += 1
                answered.update(hit)
            else:
                score.missed.append(Finding(doc.doc_id, kind, " / ".join(_display(item)), names=tuple(_display(item))))
        extra = set(found) - answered - excused
        score.predicted += len(set(found) & answered) + len(extra)
        score.spurious += [Finding(doc.doc_id, kind, found[name][0], span=found[name][1]) for name in sorted(extra)]
    return score


def _display(item) -> list[str]:
    names = item.get("names", item.get("name")) if isinstance(item, dict) else item
    return [str(n) for n in (names if isinstance(names, list) else [names])]


# ---------------------------------------------------------------- trade records, diplomacy events

def _describe_record(item: dict) -> str:
    parts = [text(item.get("flow")), f"{text(item.get('reporter'))}-{text(item.get('partner'))}",
             text(item.get("commodity"))]
    for column, name in (("value_usd", "value_usd"), ("change_pct", "change"), ("share_pct", "share")):
        if number(item.get(column)) is not None:
            parts.append(f"{name} {text(item.get(column))}")
    if text(item.get("period_start")):
        parts.append(f"{text(item.get('period_start'))}..{text(item.get('period_end'))}")
    return " ".join(p for p in parts if p)


def _score_trade(docs: list[GoldDocument], rows: Rows) -> tuple[Score, dict[str, Optional[float]]]:
    """Each row takes the first unmatched required gold record it answers; a row answering only optional ones is not
    counted. Fields of matched records (period, change, share, rank) are scored as accuracy."""
    score, right, asked = Score(), defaultdict(int), defaultdict(int)
    for doc in docs:
        items = doc.items("trade_records")
        required, optional = _split(items)
        used: set[int] = set()
        for row in rows.get(doc.doc_id, []):
            hit = next((i for i in required if i not in used and matching.same_trade_record(row, items[i])), None)
            if hit is None:
                if not any(matching.same_trade_record(row, items[i]) for i in optional):
                    score.predicted += 1
                    score.spurious.append(Finding(doc.doc_id, "trade_records", _describe_record(row),
                                                  sentence=text(row.get("evidence")), row_id=text(row.get("record_id"))))
                continue
            score.predicted += 1
            score.tp += 1
            used.add(hit)
            for column in TRADE_FIELDS:
                wanted = text(items[hit].get("period_start")) if column == "period" else number(items[hit].get(column))
                if wanted is not None and wanted != "":
                    asked[column] += 1
                    right[column] += matching.same_trade_field(row, items[hit], column)
        score.gold += len(required)
        score.missed += [Finding(doc.doc_id, "trade_records", _describe_record(items[i]),
                                 sentence=text(items[i].get("evidence"))) for i in required if i not in used]
    return score, {c: (round(right[c] / asked[c], 4) if asked[c] else None) for c in TRADE_FIELDS}


def _describe_event(item: dict) -> str:
    when = text(item.get("date_start"))
    if when and text(item.get("date_end")) not in ("", when):
        when += f"..{text(item.get('date_end'))}"
    return " ".join(p for p in (text(item.get("event_type")),
                                f"{text(item.get('actor1'))}-{text(item.get('actor2'))}", when) if p)


def _score_events(docs: list[GoldDocument], rows: Rows, strict: bool) -> Score:
    """Like trade records; a second row for an already matched gold event is a repeat, not counted."""
    measure, score = "diplomacy_events" + (".strict" if strict else ""), Score()
    for doc in docs:
        items = doc.items("diplomacy_events")
        required, optional = _split(items)
        used: set[int] = set()
        for row in rows.get(doc.doc_id, []):
            hit = next((i for i in required if i not in used and matching.same_event(row, items[i], strict)), None)
            if hit is None:
                repeat = any(matching.same_event(row, items[i], strict) for i in required)
                if not repeat and not any(matching.same_event(row, items[i]) for i in optional):
                    score.predicted += 1
                    score.spurious.append(Finding(doc.doc_id, measure, _describe_event(row),
                                                  sentence=text(row.get("evidence")), row_id=text(row.get("event_id"))))
                continue
            score.predicted += 1
            score.tp += 1
            used.add(hit)
        score.gold += len(required)
        score.missed += [Finding(doc.doc_id, measure, _describe_event(items[i]), sentence=text(items[i].get("evidence")))
                         for i in required if i not in used]
    return score


def default_save_path(out_dir: Path) -> Path:
    """Where `cli.py evaluate` keeps its result for the report."""
    return Path(out_dir) / "evaluation.json"


def evaluate(run: "Extraction | str | Path", gold: str | Path, docs: Optional[str | Path] = None,
             texts_dir: Optional[str | Path] = None) -> Evaluation:
    """Score a run (its folder, or an `Extraction`) against a gold file (docs/gold-format.md). The gold mentions are
    placed in the texts of `docs`, else of the gold file's "docs" folder, else of the run's own documents."""
    tables = tables_of(run)
    out_dir = Path(run) if isinstance(run, (str, Path)) else None
    source = TextSource(out_dir, Path(texts_dir) if texts_dir else None)
    documents = {str(r["doc_id"]): r for r in records(tables.get("documents"))}
    return evaluate_tables(tables, load_gold(gold, docs, lambda doc_id: _text_of(source, documents.get(doc_id))))


def _text_of(source: TextSource, row: Optional[dict]) -> Optional[str]:
    return source.get(row).text if row else None
