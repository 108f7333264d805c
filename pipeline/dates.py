"""Dates, periods and durations: the grammar in models/patterns/dates.jsonl, resolved against the reference date."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Iterator, Optional

import regex
from spacy.language import Language
from spacy.tokens import Doc

from . import extensions as ext
from .calendar_words import words
from .figures import add_spans
from .numbers import alternation, word_number_regex
from .periods import resolve
from .resources import ResourceError, read_jsonl
from .values import DateValue
from .doc_index import text_of

GRAMMAR = "patterns/dates.jsonl"


def _placeholders() -> dict[str, str]:
    w = words()
    months = alternation(w["month"])
    caps = alternation(m.capitalize() for m in w["month"] if m != "may") + "|May(?=\\s+\\d)"
    return {
        "MONTH": months, "MONTHCAP": f"(?-i:{caps})", "WEEKDAY": alternation(w["weekday"]),
        "ORDINAL": alternation(w["ordinal"]), "UNIT": alternation(w["unit"]), "PART": alternation(w["part"]),
        "YEAR": r"(?<![\d,.$€£])(?:1[89]|20)\d\d(?![\d,.]\d)", "DAY": r"(?:[12]\d|3[01]|0?[1-9])(?!\d)",
        "NUM": rf"(?:\d+|{word_number_regex()})",
    }


@lru_cache(maxsize=1)
def grammar() -> tuple[tuple[str, str, regex.Pattern], ...]:
    """(rule id, label, compiled pattern) for every line of the date grammar, in priority order."""
    fills = _placeholders()
    compiled = []
    for row in read_jsonl(GRAMMAR, ("label", "id", "pattern")):
        template = row["pattern"]
        for key, value in fills.items():
            template = template.replace("{" + key + "}", f"(?:{value})")
        try:
            compiled.append((row["id"], row["label"], regex.compile(rf"(?<![\w-]){template}(?![\w])", regex.IGNORECASE)))
        except regex.error as exc:
            raise ResourceError(f"{GRAMMAR}: rule {row['id']!r}: {exc}") from None
    return tuple(compiled)


def candidates(text: str) -> list[tuple[int, int, str, dict]]:
    """Non-overlapping grammar matches (start, end, rule, groups): longest first, then grammar order."""
    found = []
    for order, (rule, _, pattern) in enumerate(grammar()):
        for m in pattern.finditer(text, overlapped=False):
            if m.end() > m.start():
                found.append((m.start(), m.end(), order, rule, m.groupdict()))
    chosen: list[tuple[int, int, str, dict]] = []
    for start, end, _, rule, groups in sorted(found, key=lambda f: (f[0] - f[1], f[2], f[0])):
        if all(end <= s or start >= e for s, e, _, _ in chosen):
            chosen.append((start, end, rule, groups))
    return sorted(chosen)


def find_dates(text: str, reference: Optional[date], *, blocked: tuple = ()) -> Iterator[tuple[int, int, DateValue]]:
    """(start, end, DateValue) of every date, period and duration; `blocked` spans (money, percent) are skipped."""
    previous: Optional[DateValue] = None
    for start, end, rule, groups in candidates(text):
        if any(start < e and s < end for s, e in blocked):
            continue
        value = resolve(rule, groups, reference, previous)
        if value is None:
            continue
        if value.type == "date" and value.granularity in ("range", "quarter", "half", "month") and value.start:
            previous = value
        yield start, end, value


@Language.factory("news_dates")
class DateFinder:
    """Puts dates, periods and durations in doc.spans['dates'] with a DateValue."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        grammar()

    def __call__(self, doc: Doc) -> Doc:
        blocked = tuple((s.start_char, s.end_char) for g in (ext.AMOUNTS, ext.PERCENTAGES) if g in doc.spans
                        for s in doc.spans[g])
        add_spans(doc, ext.DATES, list(find_dates(text_of(doc), doc._.reference_date, blocked=blocked)))
        return doc
