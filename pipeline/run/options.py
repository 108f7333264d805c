"""How a run is carried out: model, batch size, local workers or a Dask cluster."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

BATCH_SIZE = 32
ENGINES = ("local", "dask")
DOC_SECONDS = 60.0  # time budget of a document per 100,000 characters (~25x what it takes on one core)


@dataclass
class RunOptions:
    """How to run: model, batch size, local workers or a Dask cluster."""

    model: Optional[str] = None
    batch_size: int = BATCH_SIZE
    workers: int = 1
    engine: str = "local"  # local | dask
    scheduler: Optional[str] = None
    doc_seconds: float = DOC_SECONDS  # per 100,000 characters of a document; 0 = no budget

    def __post_init__(self) -> None:
        for name in ("batch_size", "workers"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"{name} must be a whole number >= 1, not {value!r}")
        if not isinstance(self.doc_seconds, (int, float)) or self.doc_seconds < 0:
            raise ValueError(f"doc_seconds must be a number of seconds >= 0 (0: no budget), not {self.doc_seconds!r}")
        if self.engine not in ENGINES:
            raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {self.engine!r}")
