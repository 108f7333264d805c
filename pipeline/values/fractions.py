"""Shares written as fractions ('a third of', 'one in five', 'three quarters of', '1/4 of'): percentages with unit
`fraction` and the value as a percentage, never a fraction that belongs to a date ('three quarters of this year')."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Optional

from pipeline.nlp.annotations import PercentValue
from pipeline.nlp.resources import read_csv
from pipeline.values.numbers import alternation, parse_number, qualifier_before, small_word_number_regex

COUNT = rf"(?:\d{{1,3}}|{small_word_number_regex()})"


@lru_cache(maxsize=1)
def denominators() -> dict[str, int]:
    """Fraction word -> denominator ('thirds' -> 3) from models/lexicons/fractions.csv."""
    return {r["word"].lower(): int(r["denominator"]) for r in read_csv("lexicons/fractions.csv", ("word", "denominator"))}


@lru_cache(maxsize=1)
def _period_after() -> str:
    """What follows 'of' when the fraction is part of a date: 'three quarters of this year', 'half of 2019'."""
    months = [r["word"] for r in read_csv("lexicons/date_words.csv", ("word", "kind", "value")) if r["kind"] == "month"]
    units = alternation(["year", "month", "week", "decade", "century", "period", "fiscal", "financial", "season"] + months)
    return rf"(?:(?:the|this|last|next|that|a|an|the\s+(?:current|previous|same|last|next))\s+)*(?:{units})\b|(?:19|20)\d\d\b"


@lru_cache(maxsize=1)
def fraction_regex() -> re.Pattern:
    """'one in five', 'one out of three', 'a third of', 'two-thirds of', 'half of', '1/4 of'."""
    words = alternation(denominators())
    return re.compile(
        rf"(?<![\w./-])(?:"
        rf"(?P<n1>{COUNT})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<d1>{COUNT})(?![\w.,/%]|\s+(?:{words})\b)"
        rf"|(?:(?P<n2>an?|{COUNT})[-\s]+)?(?P<word>{words})\s+of\b(?!\s+(?:{_period_after()}))"
        rf"|(?P<n3>\d{{1,2}})/(?P<d3>\d{{1,2}})\s+of\b(?!\s+(?:{_period_after()}))"
        rf")", re.IGNORECASE)


def _share(count: Optional[str], denominator: Optional[float], word: Optional[str] = None) -> Optional[float]:
    """count/denominator as a percentage; a fraction word needs a count unless it is 'half' ('the third of May' is not)."""
    if word is not None:
        if count is None and word.lower() != "half":
            return None
        denominator = denominators()[word.lower()]
    n = 1.0 if count is None or count.lower() in ("a", "an") else parse_number(count)
    if not n or not denominator or n > denominator:
        return None
    return 100.0 * n / denominator


def find_fractions(text: str) -> Iterator[tuple[int, int, PercentValue]]:
    """(start, end, value) of every share written as a fraction ('a third of': the 'of' is part of how it is said)."""
    for m in fraction_regex().finditer(text):
        if m.group("n1"):
            value = _share(m.group("n1"), parse_number(m.group("d1")))
        elif m.group("word"):
            value = _share(m.group("n2"), None, m.group("word"))
        else:
            value = _share(m.group("n3"), float(m.group("d3")))
        if value is None:
            continue
        qualifier, _ = qualifier_before(text[:m.start()])
        yield m.start(), m.end(), PercentValue(value=round(value, 6), unit="fraction", qualifier=qualifier)
