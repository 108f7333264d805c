"""Fixtures of the review tests (the run they build is in review_run.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from review_run import write_run


@pytest.fixture()
def small_run(tmp_path) -> Path:
    """A small hand-made run folder (its texts beside it in ../texts)."""
    return write_run(tmp_path)
