"""The report's evaluation section: the scores per measure, and each miss and spurious row next to its sentence."""
from __future__ import annotations

import re
from html import escape
from typing import Callable, Optional

from pipeline.review.evaluate import MEASURES, Evaluation
from pipeline.review.evaluation_text import FINDINGS, SHOWN
from pipeline.review.scores import Finding
from pipeline.review.texts import sentence_bounds


def evaluation_context(evaluation: Evaluation, doc_index: dict[str, int],
                       text_of: Callable[[str], Optional[str]]) -> dict:
    """What the template needs: score rows, the trade fields' accuracy, the findings grouped by measure."""
    about = {name: what for name, _, what in MEASURES}
    rows = [{"name": name, "about": about[name], "p": f"{s.precision:.3f}", "r": f"{s.recall:.3f}",
             "f1": f"{s.f1:.3f}", "tp": s.tp, "predicted": s.predicted, "gold": s.gold}
            for name in SHOWN for s in [evaluation.scores[name]]]
    fields = ", ".join(f"{k} {v:.3f}" for k, v in evaluation.trade_field_accuracy.items() if v is not None)
    groups = []
    for name in FINDINGS:
        score = evaluation.scores[name]
        missed = [_finding("missed", f, doc_index, text_of) for f in score.missed]
        spurious = [_finding("spurious", f, doc_index, text_of) for f in score.spurious]
        if missed or spurious:
            groups.append({"name": name, "missed": missed, "spurious": spurious, "open": len(missed) + len(spurious) <= 20})
    return {"gold": evaluation.gold_path, "documents": len(evaluation.documents), "rows": rows, "fields": fields,
            "findings": groups}


def _finding(kind: str, finding: Finding, doc_index: dict[str, int], text_of: Callable[[str], Optional[str]]) -> dict:
    return {"kind": kind, "doc_id": finding.doc_id, "d": doc_index.get(finding.doc_id), "description": finding.description,
            "row_id": finding.row_id if finding.measure.startswith(("trade", "diplomacy")) else "",
            "sentence": _sentence_html(kind, finding, text_of)}


def _sentence_html(kind: str, finding: Finding, text_of: Callable[[str], Optional[str]]) -> str:
    """The sentence around a mention with the mention marked (a missed name: its first mention in the text); else the
    evidence the gold or the row gives."""
    text = text_of(finding.doc_id) if finding.span or finding.names else None
    where = finding.span or (_first_mention(text, finding.names) if text else None)
    if text and where and where[1] <= len(text):
        start, end = where
        left, right = sentence_bounds(text, start, end)
        return (escape(text[left:start]) + f'<mark class="{kind}">{escape(text[start:end])}</mark>'
                + escape(text[end:right]))
    return escape(finding.sentence) if finding.sentence else '<span class="note">(no sentence given)</span>'


def _first_mention(text: str, names: tuple[str, ...]) -> Optional[tuple[int, int]]:
    """Where a name first occurs in the text as whole words, ignoring case (any of its accepted forms)."""
    hits = [m.span() for name in names if name
            for m in [re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE)] if m]
    return min(hits) if hits else None
