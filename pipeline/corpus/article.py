"""An input document as read (`Article`, text exactly as decoded) and the small facts every reader needs."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
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


def as_date(value, name: str) -> Optional[date]:
    """A date given as a date, a datetime or a 'YYYY-MM-DD' string; None for None or ''; else one ValueError."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:  # '2024-01-05', or the date of '2024-01-05T10:30:00'
            return date.fromisoformat(text[:10] if len(text) > 10 and text[10] in "T " else text)
        except ValueError:
            pass
    raise ValueError(f"{name} must be a date or a YYYY-MM-DD string, not {value!r}")


def parse_iso_date(value: str) -> Optional[date]:
    """`YYYY-MM-DD` -> date, None for anything else."""
    try:
        return date.fromisoformat(value.strip()[:10]) if value and value.strip() else None
    except ValueError:
        return None


WEB_SCHEMES = ("http", "https")


def web_url(url: str) -> tuple[str, str]:
    """(url, note): an http(s) URL kept as given; anything else ('javascript:', 'file:', no scheme) dropped, noted."""
    url = (url or "").strip()
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if not url or (scheme in WEB_SCHEMES and url[len(scheme):].startswith("://")):
        return url, ""
    return "", f"url dropped (not an http or https address: {url[:40]!r})"


def sha256_text(text: str) -> str:
    """Content hash of the decoded text (what incremental runs compare)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def unique_ids(ids: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(original, unique) ids: a repeated id gets '~2', '~3', ... so that both documents are kept."""
    seen: dict[str, int] = {}
    for doc_id in ids:
        seen[doc_id] = seen.get(doc_id, 0) + 1
        yield doc_id, doc_id if seen[doc_id] == 1 else f"{doc_id}~{seen[doc_id]}"
