"""An input document as read (`Article`, text exactly as decoded) and the small facts every reader needs."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Iterator, Optional


class CorpusError(Exception):
    """The input as a whole cannot be read (missing folder, no articles): a usage error."""


@dataclass(frozen=True)
class Article:
    """One input document and what is known about it before NLP."""

    doc_id: str
    text: str
    path: str = ""
    title: str = ""
    published: Optional[date] = None
    reference_date: Optional[date] = None
    reference_date_source: str = "none"  # manifest | dateline | option | none
    source: str = ""
    url: str = ""
    sha256: str = ""
    encoding: str = "utf-8"
    status: str = "ok"  # ok | empty | skipped | error
    error: str = ""
    notes: str = ""


def parse_iso_date(value: str) -> Optional[date]:
    """`YYYY-MM-DD` -> date, None for anything else."""
    try:
        return date.fromisoformat(value.strip()[:10]) if value and value.strip() else None
    except ValueError:
        return None


def sha256_text(text: str) -> str:
    """Content hash of the decoded text (what incremental runs compare)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def unique_ids(ids: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(original, unique) ids: a repeated id gets '~2', '~3', ... so that both documents are kept."""
    seen: dict[str, int] = {}
    for doc_id in ids:
        seen[doc_id] = seen.get(doc_id, 0) + 1
        yield doc_id, doc_id if seen[doc_id] == 1 else f"{doc_id}~{seen[doc_id]}"
