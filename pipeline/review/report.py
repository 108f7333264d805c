"""The review report: one self-contained HTML file (styles, script, charts and every article inline; no network
at view time) built from a run's tables and the article texts they point to."""
from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import dataclass, fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

import pandas as pd

from pipeline.output.atomic_write import atomic_write_text
from pipeline.output.extraction import Extraction
from pipeline.output.rows import CONTRACT_TABLES
from pipeline.review import charts
from pipeline.review.article_page import article_fragment, packed
from pipeline.review.articles import COLORS, DocTables
from pipeline.review.evaluate import Evaluation, evaluate
from pipeline.review.evaluation_store import load_saved_evaluation
from pipeline.review.evaluation_view import evaluation_context
from pipeline.review.listings import (as_json, document_listing, event_listing, generic_listing, not_ok_listing,
                                      trade_listing)
from pipeline.review.tables import records, tables_of
from pipeline.review.assets import environment, static
from pipeline.review.texts import TextSource

PER_DOC = tuple(f.name for f in fields(DocTables) if f.name != "document")
SECTION = {"documents": "documents", "trade_records": "trade", "diplomacy_events": "events"}
CHARTS = (("trade_by_pair", "Trade value by country pair and period", "trade_records", charts.trade_by_pair),
          ("flows_by_commodity", "Flows by commodity (HS section)", "trade_records", charts.flows_by_commodity),
          ("events_timeline", "Events on a timeline, by type", "diplomacy_events", charts.events_timeline))


@dataclass(frozen=True)
class ReportSummary:
    """What was written: where, how big, how long it took, how many articles have their text."""

    path: Path
    documents: int
    with_text: int
    bytes: int
    seconds: float
    evaluated: bool

    def line(self) -> str:
        evaluated = ", with its evaluation" if self.evaluated else ""
        return (f"report of {self.documents:,} documents ({self.with_text:,} with their text{evaluated}) -> {self.path} "
                f"({self.bytes / 1e6:.1f} MB in {self.seconds:.1f}s)")


def build_report(run: "Extraction | str | Path", html: Optional[str | Path] = None, *,
                 texts_dir: Optional[str | Path] = None, evaluation: Optional[Evaluation] = None,
                 gold: Optional[str | Path] = None, title: Optional[str] = None) -> ReportSummary:
    """Write the report of a run (its folder or an `Extraction`) to `html` (default OUT/report.html). The evaluation
    shown is `evaluation`, else one made now against `gold`, else the one `cli.py evaluate` saved beside the tables."""
    started = time.perf_counter()
    out_dir = Path(run) if isinstance(run, (str, Path)) else None
    if html is None and out_dir is None:
        raise ValueError("give the path of the HTML file to write (the run has no folder)")
    path = Path(html) if html is not None else out_dir / "report.html"
    tables = tables_of(run)
    note = ""
    if evaluation is None and gold is not None:
        evaluation = evaluate(run, gold, texts_dir=texts_dir)
    elif evaluation is None and out_dir is not None:
        evaluation, note = load_saved_evaluation(out_dir)
    page = _page(tables, TextSource(out_dir, Path(texts_dir) if texts_dir else None), evaluation)
    page.update(title=title or "Trade and diplomacy news: extraction report", evaluation_note=note,
                source=str(out_dir) if out_dir else "an extraction in memory")
    text = "".join(environment().get_template("report.html.j2").generate(**page))
    atomic_write_text(path, text)
    return ReportSummary(path, len(page["articles"]), page["with_text"], len(text.encode("utf-8")),
                         time.perf_counter() - started, evaluation is not None)


def _by_doc(rows: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        grouped[row.get("doc_id", "")].append(row)
    return grouped


def _page(tables: dict[str, pd.DataFrame], source: TextSource, evaluation: Optional[Evaluation]) -> dict:
    documents = records(tables.get("documents"))
    doc_index = {d.get("doc_id", ""): i for i, d in enumerate(documents)}
    rows = {name: records(tables.get(name)) for name in PER_DOC}
    articles, with_text, kept_texts = _articles(documents, rows, source, set(evaluation.documents) if evaluation else set())
    extras = _extras(tables, rows, doc_index)
    return {"articles": articles, "with_text": with_text, "counts": {n: len(df) for n, df in tables.items()},
            "anchors": {**SECTION, **{e["name"]: f"table-{e['name']}" for e in extras}},
            "statuses": sorted(Counter((d.get("status") or "ok") for d in documents).items()),
            "not_ok": any((d.get("status") or "ok") != "ok" for d in documents),
            "charts": _charts(rows), "extras": extras,
            "evaluation": evaluation_context(evaluation, doc_index, kept_texts.get) if evaluation else None,
            "data_blocks": _data_blocks(documents, rows, doc_index, extras),
            "css": static("report.css"), "js": static("report.js"), "colors": COLORS, "version": _version(),
            "built": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}


def _articles(documents: list[dict], rows: dict[str, list[dict]], source: TextSource,
              evaluated: set[str]) -> tuple[list[str], int, dict[str, str]]:
    """Every article's packed view; how many had their text; the texts of the evaluated documents (for misses)."""
    grouped = {name: _by_doc(rows[name]) for name in PER_DOC}
    articles, with_text, kept = [], 0, {}
    for i, doc in enumerate(documents):
        doc_id = doc.get("doc_id", "")
        found = source.get(doc)
        with_text += found.text is not None
        if found.text is not None and doc_id in evaluated:
            kept[doc_id] = found.text
        per_doc = DocTables(doc, **{name: grouped[name].get(doc_id, []) for name in PER_DOC})
        articles.append(packed(article_fragment(per_doc, found.text, found.problem, i)))
    return articles, with_text, kept


def _charts(rows: dict[str, list[dict]]) -> list[dict]:
    made = []
    for name, title, table, draw in CHARTS:
        chart = draw(rows[table])
        if chart is not None:
            made.append({"name": name, "title": title, "svg": chart.svg, "caption": chart.caption})
    return made


def _extras(tables: dict[str, pd.DataFrame], rows: dict[str, list[dict]], doc_index: dict[str, int]) -> list[dict]:
    row_docs = {r.get("record_id", ""): doc_index.get(r.get("doc_id", "")) for r in rows["trade_records"]}
    row_docs.update({e.get("event_id", ""): doc_index.get(e.get("doc_id", "")) for e in rows["diplomacy_events"]})
    extras = []
    for name, df in tables.items():
        if name not in CONTRACT_TABLES and len(df):  # quantities and the facts tables, ids linked to their articles
            spec, note = generic_listing(df, row_docs, doc_index)
            extras.append({"name": name, "note": note, "spec": spec})
    return extras


def _data_blocks(documents: list[dict], rows: dict[str, list[dict]], doc_index: dict[str, int],
                 extras: list[dict]) -> list[tuple[str, str]]:
    per_doc_records = Counter(r.get("doc_id", "") for r in rows["trade_records"])
    per_doc_events = Counter(e.get("doc_id", "") for e in rows["diplomacy_events"])
    blocks = [("data-trade", trade_listing(rows["trade_records"], doc_index)),
              ("data-events", event_listing(rows["diplomacy_events"], doc_index)),
              ("data-documents", document_listing(documents, per_doc_records, per_doc_events)),
              ("data-not-ok", not_ok_listing(documents))]
    blocks += [(f"data-extra-{i}", extra["spec"]) for i, extra in enumerate(extras, start=1)]
    return [(name, as_json(spec)) for name, spec in blocks]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("trade-news-pipeline")
    except PackageNotFoundError:
        return "(not installed)"
