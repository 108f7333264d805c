"""Precision, recall and F1 with the items behind them: what was found, what was missed, what was extra."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Optional


@dataclass(frozen=True)
class Finding:
    """One gold item the run missed, or one row it produced that the gold does not hold."""

    doc_id: str
    measure: str
    description: str
    span: Optional[tuple[int, int]] = None  # where a gold mention is in the article text
    sentence: str = ""  # the evidence sentence, when the gold or the row gives one
    row_id: str = ""  # the predicted row's id (spurious rows)
    names: tuple[str, ...] = ()  # a missed person's, organisation's or country's accepted names


@dataclass
class Score:
    """Counts of one measure and the findings behind them."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0
    missed: list[Finding] = field(default_factory=list)
    spurious: list[Finding] = field(default_factory=list)

    @property
    def precision(self) -> float:
        if self.predicted:
            return self.tp / self.predicted
        return 1.0 if self.gold == 0 else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        """The figures rounded to 4 places, with the findings (JSON-ready)."""
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "predicted": self.predicted, "gold": self.gold,
                "missed": [asdict(f) for f in self.missed], "spurious": [asdict(f) for f in self.spurious]}


def number(value: object) -> Optional[float]:
    """A table cell as a float; None when empty or not a number."""
    if value is None or isinstance(value, bool):
        return None
    try:
        result = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if result != result else result


def text(value: object) -> str:
    """A table cell as stripped text; '' when empty."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def close(a: Optional[float], b: Optional[float], tolerance: float) -> bool:
    """Both present and within an absolute tolerance."""
    return a is not None and b is not None and abs(a - b) <= tolerance
