"""Read the number part of a figure: digits with separators, decimals, number words, scale words."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .resources import read_csv

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
MAX_VALUE = 1e18  # larger figures are flagged (no value) rather than overflowing


@lru_cache(maxsize=1)
def scales() -> dict[str, float]:
    """Scale word -> multiplier ("billion" -> 1e9), lower-cased."""
    return {r["word"].lower(): float(r["multiplier"]) for r in read_csv("lexicons/scales.csv", ("word", "multiplier"))}


@lru_cache(maxsize=1)
def number_words() -> dict[str, float]:
    """Number word -> value ("twenty" -> 20)."""
    return {r["word"].lower(): float(r["value"]) for r in read_csv("lexicons/number_words.csv", ("word", "value"))}


@lru_cache(maxsize=1)
def qualifiers() -> dict[str, str]:
    """Qualifier phrase -> contract qualifier ("nearly" -> approx)."""
    return {r["phrase"].lower(): r["qualifier"] for r in read_csv("lexicons/qualifiers.csv", ("phrase", "qualifier"))}


def alternation(words) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def word_number_regex() -> str:
    """Regex for a number written in words ("twenty-five", "two", "a hundred")."""
    words = alternation(w for w in number_words() if w not in ("a", "an", "half"))
    return rf"(?:{words})(?:[- ](?:{words}))?"


def parse_number(text: str) -> Optional[float]:
    """'1,234.5' -> 1234.5, 'twenty-five' -> 25, 'two' -> 2; None when it is not a number."""
    t = text.strip().lower().replace("\u2212", "-")
    if not t:
        return None
    if re.fullmatch(r"-?(?:" + DIGITS + ")", t):
        try:
            return float(t.replace(",", ""))
        except ValueError:
            return None
    parts = re.split(r"[- ]+", t)
    table = number_words()
    if all(p in table for p in parts):
        return float(sum(table[p] for p in parts))
    return None


def apply_scale(value: Optional[float], scale: Optional[str]) -> Optional[float]:
    """Multiply by the scale word's factor; None when the result is not a sane figure."""
    if value is None:
        return None
    result = value * scales().get((scale or "").strip().lower().rstrip("."), 1.0)
    return result if abs(result) <= MAX_VALUE else None


def qualifier_before(text_before: str) -> tuple[str, int]:
    """The qualifier phrase ending `text_before` (e.g. '... of about ') and its length, else ('exact', 0)."""
    m = re.search(r"(?:^|\W)(" + alternation(qualifiers()) + r")\s+$", text_before[-40:], flags=re.IGNORECASE)
    if not m:
        return "exact", 0
    return qualifiers()[m.group(1).lower()], len(text_before[-40:]) - m.start(1)
