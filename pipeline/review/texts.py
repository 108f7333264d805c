"""The article texts a run's tables point to (documents.path), checked against the run's sha256."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from pipeline.corpus.article import CorpusError, sha256_text
from pipeline.corpus.folder import read_text_file
from pipeline.corpus.sanitize import Undecodable
from pipeline.corpus.tabular import iter_table

TABLE_SUFFIXES = (".jsonl", ".csv", ".parquet")


@dataclass(frozen=True)
class ArticleText:
    """An article's text as the run read it, or None with the reason it is unavailable."""

    text: Optional[str]
    problem: str = ""


class TextSource:
    """Finds each document's text: its `path` as written (absolute, or relative to the working folder, the run
    folder or its parents), else `<doc_id>.txt` or the file's name in `texts_dir`."""

    def __init__(self, out_dir: Optional[Path] = None, texts_dir: Optional[Path] = None) -> None:
        self.bases: list[Path] = [Path.cwd()]
        if out_dir is not None:
            out_dir = Path(out_dir).resolve()
            self.bases += [out_dir, *out_dir.parents]
        self.texts_dir = Path(texts_dir) if texts_dir else None

    def get(self, row: dict) -> ArticleText:
        """The text of one documents row (a dict of its cells)."""
        if (row.get("status") or "ok") != "ok":
            return ArticleText(None, f"not processed ({row.get('status')}): {row.get('error') or 'no reason given'}")
        path = str(row.get("path") or "")
        text, problem = self._read(path, str(row.get("doc_id") or ""))
        if text is None:
            return ArticleText(None, problem)
        expected = str(row.get("sha256") or "")
        if expected and sha256_text(text) != expected:
            return ArticleText(None, f"{path}: the text has changed since the run (sha256 differs)")
        return ArticleText(text)

    def _read(self, path: str, doc_id: str) -> tuple[Optional[str], str]:
        file, _, row_number = path.partition("#") if self._is_table_row(path) else (path, "", "")
        for candidate in self._candidates(file, doc_id):
            if candidate.is_file():
                try:
                    if row_number:
                        return _table_texts(str(candidate.resolve())).get(f"#{row_number}"), ""
                    return read_text_file(candidate)[0], ""
                except (OSError, Undecodable, CorpusError) as exc:
                    return None, f"{candidate}: cannot read ({exc})"
        return None, f"{path or doc_id}: article text not found"

    @staticmethod
    def _is_table_row(path: str) -> bool:
        file, sep, rest = path.rpartition("#")
        return bool(sep) and rest.isdigit() and Path(file).suffix.lower() in TABLE_SUFFIXES

    def _candidates(self, file: str, doc_id: str) -> list[Path]:
        paths: list[Path] = []
        if file:
            given = Path(file)
            paths += [given] if given.is_absolute() else [base / given for base in self.bases]
        if self.texts_dir is not None:
            paths += [self.texts_dir / f"{doc_id}.txt"] + ([self.texts_dir / Path(file).name] if file else [])
        return paths


@lru_cache(maxsize=4)
def _table_texts(path: str) -> dict[str, str]:
    """Texts of a table input by their row suffix (`#n`), read with the project's own table reader."""
    return {a.path[len(path):]: a.text for a in iter_table(Path(path)) if a.path.startswith(path + "#")}


@lru_cache(maxsize=1)
def _sentencizer():
    import spacy
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@lru_cache(maxsize=64)
def _sentence_starts(text: str) -> tuple[int, ...]:
    return tuple(sent.start_char for sent in _sentencizer()(text).sents)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) around [start, end) by spaCy's rule-based sentencizer (no model needed)."""
    starts = _sentence_starts(text)
    left = max((s for s in starts if s <= start), default=0)
    right = min((s for s in starts if s >= end), default=len(text))
    return left, right
