"""Shared machinery of the figure finders (money, percent): regex pieces, span snapping, range partners."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Span

from pipeline.values.numbers import DIGITS, alternation, fraction_regex, scales, word_number_regex


@lru_cache(maxsize=1)
def number_regex() -> str:
    """A figure: digits, number words, or a fraction before a scale ('half a million')."""
    return rf"(?:{DIGITS}|(?<![A-Za-z])(?:{fraction_regex()}|{word_number_regex()})(?![A-Za-z]))"


@lru_cache(maxsize=1)
def scale_regex() -> str:
    """An optional scale word after a number ('bn' attached or spaced; single letters attached only)."""
    long_words = alternation(w for w in scales() if len(w) > 1)
    short = alternation(w for w in scales() if len(w) == 1)
    return rf"(?:[\s-]?(?:{long_words})|(?:{short}))(?![A-Za-z])"  # '$2.9 billion', '$100-million', '$5bn', '$3m'



@lru_cache(maxsize=1)
def range_head_regex() -> re.Pattern:
    """The first bound of a range, right before the second: '1-', '1.2 to ', 'between 3 and '."""
    return re.compile(rf"(?P<between>between\s+|from\s+)?(?<![\w$€£¥₫៛₹₱฿₩.,])(?P<num>{number_regex()})(?P<scale>{scale_regex()})?"
                      rf"(?P<unit>\s?%)?\s*(?P<sep>-|–|—|\bto\b|\band\b)\s*$", re.IGNORECASE)


def range_head(text: str, start: int) -> Optional[re.Match]:
    """The range's first bound ending at `start` ('and' needs 'between'; a plain year never counts)."""
    window = text[max(0, start - 40):start]
    m = range_head_regex().search(window)
    if not m:
        return None
    if re.search(r"(?:19|20)\d\d\s?[-–/]\s?$", window[:m.start("num")]):  # '2014-15 to $65.21 billion': a split year
        return None
    if m.group("sep").lower() == "and" and not m.group("between"):
        return None
    if re.fullmatch(r"(?:19|20)\d\d", m.group("num")) and not m.group("scale"):
        return None
    return m


def snap(doc: Doc, start: int, end: int, label: str = "") -> Optional[Span]:
    """The token-aligned span covering [start, end), or None (the label keeps span._ values apart per group)."""
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def add_spans(doc: Doc, group: str, found: list[tuple[int, int, object]]) -> None:
    """Store (start, end, value) triples in span group `group`, skipping any that overlap an earlier one."""
    spans, taken = [], []
    for start, end, value in sorted(found, key=lambda f: (f[0], -f[1])):
        span = snap(doc, start, end, group)
        if span is None or any(span.start_char < e and s < span.end_char and (s, e) != (span.start_char, span.end_char)
                               for s, e in taken):
            continue
        span._.value = value
        spans.append(span)
        taken.append((span.start_char, span.end_char))
    doc.spans[group] = spans
