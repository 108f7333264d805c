"""An evaluation as text for the terminal: one line per measure, then (optionally) every miss and spurious row."""
from __future__ import annotations

from pipeline.review.evaluate import MEASURES, Evaluation

SHOWN = ("amounts", "percentages", "dates", "dates.span", "countries", "persons", "orgs", "trade_records",
         "diplomacy_events", "diplomacy_events.strict")
FINDINGS = ("amounts", "percentages", "dates", "countries", "persons", "orgs", "trade_records",
            "diplomacy_events", "diplomacy_events.strict")


def format_evaluation(evaluation: Evaluation, misses: bool = False) -> str:
    """The table of P/R/F1 (and counts) per measure; with `misses`, the missed and spurious items below it."""
    what = {name: about for name, _, about in MEASURES}
    lines = [f"gold: {evaluation.gold_path} ({len(evaluation.documents)} documents)",
             f"{'measure':26s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>5s} {'pred':>5s} {'gold':>5s}  matched by"]
    for name in SHOWN:
        s = evaluation.scores[name]
        lines.append(f"{name:26s} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.predicted:5d} "
                     f"{s.gold:5d}  {what[name]}")
    accuracy = ", ".join(f"{field} {value:.3f}" for field, value in evaluation.trade_field_accuracy.items()
                         if value is not None)
    lines.append(f"trade_records fields of matched records: {accuracy or 'none asked'}")
    if misses:
        for name in FINDINGS:
            score = evaluation.scores[name]
            lines += [f"missed {name}: {f.doc_id}: {f.description}" for f in score.missed]
            lines += [f"spurious {name}: {f.doc_id}: {f.description}" + (f" [{f.row_id}]" if f.row_id else "")
                      for f in score.spurious]
    return "\n".join(lines)
