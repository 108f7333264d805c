"""How a run is carried out: model, batch size, local workers or a Dask cluster."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

BATCH_SIZE = 32


@dataclass
class RunOptions:
    """How to run: model, batch size, local workers or a Dask cluster."""

    model: Optional[str] = None
    batch_size: int = BATCH_SIZE
    workers: int = 1
    engine: str = "local"  # local | dask
    scheduler: Optional[str] = None
