"""A gold file (docs/gold-format.md): loaded, checked, and its mentions placed in their article texts."""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from pipeline.corpus.folder import read_text_file
from pipeline.corpus.sanitize import Undecodable

MENTION_KINDS = ("amounts", "percentages", "dates")
ENTITY_KINDS = ("countries", "persons", "orgs")
RECORD_KINDS = ("trade_records", "diplomacy_events")


class GoldError(ValueError):
    """A gold file that cannot be used: the message names the file, the document and the problem."""


@dataclass
class GoldDocument:
    """One document's answers, with its text when the gold's mentions need it."""

    doc_id: str
    answers: dict
    text: Optional[str] = None
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def items(self, kind: str) -> list[dict]:
        return list(self.answers.get(kind) or [])


@dataclass
class Gold:
    """A gold file: where it came from and its documents by id."""

    path: Path
    documents: dict[str, GoldDocument]


def fold_name(name: object) -> str:
    """A name with case, accents and punctuation ignored ("Việt Nam" == "viet nam")."""
    if name is None or (isinstance(name, float) and name != name):
        return ""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).replace("đ", "d").replace("Đ", "D")
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def load_gold(path: str | Path, docs_dir: Optional[str | Path] = None,
              texts: Optional[Callable[[str], Optional[str]]] = None) -> Gold:
    """Read and check a gold file; place its mentions in the texts (from `docs_dir`, the file's own "docs" folder,
    or `texts(doc_id)`, in that order)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GoldError(f"{path}: cannot read the gold file ({exc.strerror or exc})") from None
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("documents"), dict):
        raise GoldError(f"{path}: no \"documents\" object (see docs/gold-format.md)")
    folder = Path(docs_dir) if docs_dir else (path.parent / data["docs"] if data.get("docs") else None)
    documents = {}
    for doc_id, answers in data["documents"].items():
        if not isinstance(answers, dict):
            raise GoldError(f"{path}: document {doc_id!r} is not an object")
        doc = GoldDocument(str(doc_id), answers)
        if any(doc.items(kind) for kind in MENTION_KINDS):
            doc.text = _text(path, doc.doc_id, folder, texts)
            doc.spans = {kind: locate(doc.text, doc.items(kind), where=f"{path}: document {doc_id!r} {kind}")
                         for kind in MENTION_KINDS}
        documents[doc.doc_id] = doc
    return Gold(path, documents)


def _text(gold_path: Path, doc_id: str, folder: Optional[Path], texts: Optional[Callable[[str], Optional[str]]]) -> str:
    candidate = folder / f"{doc_id}.txt" if folder else None
    if candidate is not None and candidate.is_file():
        try:
            return read_text_file(candidate)[0]
        except (OSError, Undecodable) as exc:
            raise GoldError(f"{gold_path}: document {doc_id!r}: cannot read {candidate} ({exc})") from None
    found = texts(doc_id) if texts else None
    if found is not None:
        return found
    where = f"{candidate}" if candidate else "no \"docs\" folder in the gold file and no --docs"
    raise GoldError(f"{gold_path}: document {doc_id!r}: its text is needed to place the gold mentions ({where}); "
                    "give the folder of article texts with --docs")


def locate(text: str, items: list[dict], where: str = "gold") -> list[tuple[int, int]]:
    """Character spans of gold mentions: the `occurrence`-th (1-based) whole-word match of `text`, else the one
    after the previous item with the same text (document order)."""
    spans, next_occurrence = [], {}
    for item in items:
        needle = str(item.get("text") or "")
        if not needle:
            raise GoldError(f"{where}: an item has no \"text\": {item}")
        starts = _starts(text, needle)
        if not starts:
            raise GoldError(f"{where}: {needle!r} is not in the article text")
        wanted = int(item["occurrence"]) - 1 if item.get("occurrence") else next_occurrence.get(needle, 0)
        next_occurrence[needle] = wanted + 1
        if not 0 <= wanted < len(starts):
            raise GoldError(f"{where}: occurrence {wanted + 1} of {needle!r} wanted, the text has {len(starts)}")
        start = starts[wanted]
        spans.append((start, start + len(needle)))
    return spans


def _starts(text: str, needle: str) -> list[int]:
    whole_words = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text)]
    return whole_words or [m.start() for m in re.finditer(re.escape(needle), text)]
