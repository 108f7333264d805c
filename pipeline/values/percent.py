"""Percentages and percentage points: find them in text, normalise value, unit and qualifier."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp import extensions as ext
from pipeline.values.figure_matching import add_spans, number_regex, range_head
from pipeline.values.fractions import find_fractions
from pipeline.values.numbers import alternation, parse_number, qualifier_before
from pipeline.values.spacing import view
from pipeline.nlp.resources import read_csv
from pipeline.nlp.annotations import PercentValue
from pipeline.nlp.doc_index import text_of

NEGATIVE = re.compile(r"(?:minus|negative)\s+$|(?:^|[\s(])[-−]$", re.IGNORECASE)


@lru_cache(maxsize=1)
def unit_table() -> dict[str, tuple[str, float]]:
    """Unit surface (lower-cased, single-spaced) -> (unit, factor)."""
    rows = read_csv("lexicons/percent_units.csv", ("surface", "unit", "factor"))
    return {r["surface"].lower(): (r["unit"], float(r["factor"])) for r in rows}


@lru_cache(maxsize=1)
def percent_regex() -> re.Pattern:
    """A number followed by a percent unit: '5.1 percent', '20%', '15 per cent', '25 basis points'."""
    words = alternation(u for u in unit_table() if len(u) > 3 or not u.isalpha()).replace(r"\ ", r"\s+")
    abbreviations = alternation(u for u in unit_table() if len(u) <= 3 and u.isalpha())  # 'bp', 'pct': never 'BP'
    return re.compile(rf"(?<![\w.%=/?&])(?P<num>{number_regex()})\s?(?P<unit>{words}|(?-i:{abbreviations}))(?![A-Za-z])",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def percent_of_regex() -> re.Pattern:
    """The unit first, closing a clause: 'per cent of twenty-two.' (never after a number: '5 percent of 210 firms')."""
    units = alternation(u for u, (kind, _) in unit_table().items() if kind == "percent" and u[0].isalpha())
    return re.compile(rf"(?<![\w.%])(?P<unit>{units.replace(chr(92) + ' ', chr(92) + 's+')})\s+of\s+(?P<num>{number_regex()})"
                      rf"(?=\s*(?:[.,;!?)]|$))", re.IGNORECASE)


def _value(m: re.Match, before: str) -> Optional[PercentValue]:
    number = parse_number(m.group("num"))
    unit, factor = unit_table().get(" ".join(m.group("unit").lower().split()), (None, 1.0))
    if number is None or unit is None:
        return None
    sign = -1.0 if NEGATIVE.search(before[-12:]) else 1.0
    return PercentValue(value=round(sign * number * factor, 6), unit=unit)


def parse_percent(text: str) -> Optional[PercentValue]:
    """'5.1 per cent' -> PercentValue(5.1); None for text that is not one percentage."""
    t = view(text).text.strip()
    m = re.search(percent_regex().pattern + r"$", t, re.IGNORECASE)
    if not m or t[:m.start()].strip() not in ("", "-", "−", "minus", "Minus", "negative"):
        return None
    return _value(m, t[:m.start()])


def _unit_first(text: str) -> Iterator[tuple[int, int, PercentValue]]:
    """'percent of 10' at the end of a clause, when no number comes before the unit."""
    for m in percent_of_regex().finditer(text):
        if re.search(rf"(?:{number_regex()})\s*$", text[max(0, m.start() - 30):m.start()], re.IGNORECASE):
            continue
        value = _value(m, text[:m.start()])
        if value is not None:
            yield m.start(), m.end(), replace(value, qualifier=qualifier_before(text[:m.start()])[0])


def find_percentages(text: str) -> Iterator[tuple[int, int, PercentValue]]:
    """(start, end, value) of every percentage in text; a range gives one item per bound; any run of spaces or line
    breaks is one gap and zero-width characters are ignored (offsets stay those of `text`)."""
    compact = view(text)
    for start, end, value in _find_in(compact.text):
        yield compact.start(start), compact.end(end), value


def _find_in(text: str) -> Iterator[tuple[int, int, PercentValue]]:
    yield from _unit_first(text)
    for m in percent_regex().finditer(text):
        value = _value(m, text[:m.start()])
        if value is None:
            continue
        head = range_head(text, m.start())
        if head is not None:
            offset = m.start() - len(text[max(0, m.start() - 40):m.start()])
            low = parse_number(head.group("num"))
            h_start = offset + head.start("num")
            if low is not None:
                q, _ = qualifier_before(text[:h_start - len(head.group("between") or "")])
                _, factor = unit_table()[" ".join(m.group("unit").lower().split())]
                yield h_start, offset + head.end("num"), replace(value, value=round(low * factor, 6), qualifier=q)
                yield m.start(), m.end(), replace(value, qualifier=q)
                continue
        q, _ = qualifier_before(text[:m.start()])
        yield m.start(), m.end(), replace(value, qualifier=q)


@Language.factory("news_percent")
class PercentFinder:
    """Puts percentages, and shares written as fractions, in doc.spans['percentages'] with a PercentValue."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        percent_regex()

    def __call__(self, doc: Doc) -> Doc:
        found = list(find_percentages(text_of(doc)))
        found += [f for f in find_fractions(text_of(doc)) if all(f[1] <= s or f[0] >= e for s, e, _ in found)]
        add_spans(doc, ext.PERCENTAGES, sorted(found, key=lambda f: f[0]))
        return doc
