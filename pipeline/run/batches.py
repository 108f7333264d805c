"""Articles through the model in batches: each prepared once, parsed by `nlp.pipe`, flattened into rows;
failures isolated per article, long texts processed in chunks."""
from __future__ import annotations

import logging
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.corpus.article import Article
from pipeline.corpus.sanitize import prepare, split_points
from pipeline.nlp.ids import make_id
from pipeline.output.doc_rows import rows_from_doc
from pipeline.output.rows import TABLE_NAMES
from pipeline.run.budget import seconds_for, time_budget
from pipeline.run.options import DOC_SECONDS

log = logging.getLogger(__name__)
CHUNK_CHARS = 100_000  # longer texts are processed in pieces (spaCy's max_length is 1,000,000)
ID_COLUMNS = {t: c for t, c in (("entities", "ent_id"), ("amounts", "amount_id"), ("percentages", "pct_id"),
                                ("dates", "date_id"), ("quantities", "qty_id"), ("trade_records", "record_id"), ("diplomacy_events", "event_id"))}
Rows = dict[str, list[dict]]


def prepared(article: Article) -> tuple[Article, str]:
    """The one preparation of an article for NLP: the same-length text the model reads, and the article
    with notes on what was blanked (markup, control characters)."""
    text, notes = prepare(article.text)
    if notes:
        article = replace(article, notes="; ".join(filter(None, [article.notes, *notes])))
    return article, text


def make_doc(nlp: Language, article: Article, text: str) -> Doc:
    """A tokenised Doc of the prepared `text` carrying the article's id and dates."""
    doc = nlp.make_doc(text)
    doc._.doc_id = article.doc_id
    doc._.reference_date = article.reference_date
    doc._.reference_date_source = article.reference_date_source
    doc._.published = article.published
    doc._.title = article.title
    return doc


def failed(article: Article, exc: BaseException) -> Rows:
    """The rows of an article whose processing raised: its document row, status error, the reason."""
    log.warning("%s: extraction failed: %s: %s", article.doc_id, type(exc).__name__, exc)
    return rows_from_doc(replace(article, status="error", error=f"{type(exc).__name__}: {exc}"), None)


def died(article: Article) -> Rows:
    """The rows of an article whose worker process died while processing it, twice (killed, e.g. out of memory)."""
    log.warning("%s: its worker process died while processing it (retried once in a fresh worker)", article.doc_id)
    return rows_from_doc(replace(article, status="error", error="worker process died while processing it (killed, "
                                 "e.g. by the out-of-memory killer; retried once in a fresh worker)"), None)


def _shift(rows: dict[str, list[dict]], chars: int, sentences: int) -> None:
    for table, table_rows in rows.items():
        for row in table_rows:
            if "start_char" in row:
                row["start_char"] += chars
                row["end_char"] += chars
            if "sentence_id" in row and table != "documents":
                row["sentence_id"] += sentences


def _renumber(article: Article, rows: dict[str, list[dict]]) -> None:
    """Ids in table order after chunks were joined (mention references follow their mentions)."""
    remap = {}
    for table, col in ID_COLUMNS.items():
        for i, row in enumerate(rows[table]):
            new = make_id(article.doc_id, table, i)
            remap[row[col]] = new
            row[col] = new
    for table in ("trade_records", "diplomacy_events"):
        for row in rows[table]:
            for col in ("amount_id", "pct_id", "date_id", "quantity_id"):
                if row.get(col):
                    row[col] = remap.get(row[col], row[col])


RESTATED = {"trade_records": ("flow", "reporter", "partner", "commodity", "value", "change_pct"),
            "diplomacy_events": ("event_type", "actor1", "actor2", "date_start", "participants")}


def _drop_restated(rows: dict[str, list[dict]]) -> None:
    """The same record found again in a later chunk is one record (as within a single document)."""
    for table, key in RESTATED.items():
        seen, kept = set(), []
        for row in rows[table]:
            k = tuple(row.get(c) for c in key)
            if k not in seen:
                seen.add(k)
                kept.append(row)
        rows[table] = kept


def process_long(nlp: Language, article: Article, text: str) -> Rows:
    """A text longer than CHUNK_CHARS, in pieces cut at paragraph/sentence/space boundaries; offsets into the whole."""
    bounds = [0] + split_points(article.text, CHUNK_CHARS) + [len(article.text)]
    merged: Rows = {t: [] for t in TABLE_NAMES}
    sentences = 0
    for n, (lo, hi) in enumerate(zip(bounds, bounds[1:])):
        part = replace(article, doc_id=f"{article.doc_id}#{n}", text=article.text[lo:hi])
        rows = rows_from_doc(part, nlp(make_doc(nlp, part, text[lo:hi])))
        n_sent = rows["documents"][0]["n_sentences"]
        _shift(rows, lo, sentences)
        sentences += n_sent
        for table in TABLE_NAMES[1:]:
            merged[table] += rows[table]
    merged["documents"] = [dict(rows_from_doc(article, None)["documents"][0], n_sentences=sentences)]
    for table in TABLE_NAMES[1:]:
        for row in merged[table]:
            row["doc_id"] = article.doc_id
    _drop_restated(merged)
    _renumber(article, merged)
    return merged


def _process_prepared(nlp: Language, article: Article, text: str, doc_seconds: float) -> Rows:
    try:
        with time_budget(seconds_for(text, doc_seconds)):
            if len(text) > CHUNK_CHARS:
                return process_long(nlp, article, text)
            return rows_from_doc(article, nlp(make_doc(nlp, article, text)))
    except Exception as exc:  # one broken or runaway article must not stop a corpus run
        return failed(article, exc)


def process_one(nlp: Language, article: Article, doc_seconds: float = DOC_SECONDS) -> Rows:
    """Rows of one article; any exception, or overrunning its time budget, becomes an `error` document row."""
    if article.status != "ok":
        return rows_from_doc(article, None)
    return _process_prepared(nlp, *prepared(article), doc_seconds)


def process_batch(nlp: Language, batch: list[Article], doc_seconds: float = DOC_SECONDS) -> list[Rows]:
    """Rows of each article of a batch: each prepared once, short ones through `nlp.pipe` together (within the sum of
    their time budgets); a failing or overrunning batch is redone one article at a time, each within its own."""
    ready = [prepared(a) if a.status == "ok" else (a, "") for a in batch]
    simple = [(a, text) for a, text in ready if a.status == "ok" and len(text) <= CHUNK_CHARS]
    try:
        with time_budget(sum(seconds_for(text, doc_seconds) for _, text in simple)):
            docs = nlp.pipe(make_doc(nlp, a, text) for a, text in simple)
            done = {id(a): rows_from_doc(a, doc) for (a, _), doc in zip(simple, docs)}
    except Exception:
        done = {id(a): _process_prepared(nlp, a, text, doc_seconds) for a, text in simple}
    return [done[id(a)] if id(a) in done else (_process_prepared(nlp, a, text, doc_seconds) if a.status == "ok"
            else rows_from_doc(a, None)) for a, text in ready]
