"""Read the number part of a figure: digits with separators, decimals, number words, scale words."""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Optional

from pipeline.nlp.resources import read_csv

# 1,234,567; 12,34,567 (lakh); 3,16 (a decimal comma: one or two digits after it, a scale word or % next); 1.5; .5
DECIMAL_COMMA = r"\d{1,3},\d{1,2}(?![\d,])(?=\s?(?:%|[^\W\d_]))"
DIGITS = (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?|" + DECIMAL_COMMA + r"|\d+(?:\.\d+)?|\.\d+")
FRACTIONS = {"half": 0.5, "quarter": 0.25, "quarters": 0.25, "third": 1 / 3, "thirds": 1 / 3}
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
def small_word_number_regex() -> str:
    """Regex for a count written in words up to ninety-nine ('eight', 'twenty-five'): what date phrases use."""
    words = alternation(w for w in number_words() if w not in ("a", "an", "half"))
    return rf"(?:{words})(?:[- ](?:{words}))?"


@lru_cache(maxsize=1)
def word_number_regex() -> str:
    """Regex for a number written in words ("twenty-five", "two", "one hundred and fifty", "three thousand")."""
    words = alternation(w for w in number_words() if w not in ("a", "an", "half"))
    group = rf"(?:{words})(?:[- ](?:{words}))?"
    hundreds = rf"{group}(?:[- ]hundred(?:(?:\s+and)?[- ]{group})?)?"
    return rf"{hundreds}(?:[- ]thousand(?:(?:\s+and)?[- ]{hundreds})?)?"


@lru_cache(maxsize=1)
def fraction_regex() -> str:
    """A fraction that only counts before a scale word: 'half a', 'a quarter', 'three quarters' (million)."""
    return r"(?:(?:an?|one|two|three)[- ])?(?:half|quarters?|thirds?)(?:\s+an?)?(?=\s+(?:thousand|million|billion|trillion)\b)"


def _word_value(parts: list[str]) -> Optional[float]:
    """'two hundred and fifty' -> 250, 'three quarters' -> 0.75; None when a part is not a number word."""
    table, total, current = number_words(), 0.0, 0.0
    if parts and parts[-1] in ("a", "an") and len(parts) > 1:
        parts = parts[:-1]
    if parts and parts[-1] in FRACTIONS:
        head = _word_value(parts[:-1]) if len(parts) > 1 else 1.0
        return None if head is None else head * FRACTIONS[parts[-1]]
    for p in parts:
        if p == "and":
            continue
        if p == "hundred":
            current = (current or 1.0) * 100
        elif p == "thousand":
            total, current = total + (current or 1.0) * 1000, 0.0
        elif p in table:
            current += table[p]
        else:
            return None
    return total + current


def parse_number(text: str) -> Optional[float]:
    """'1,234.5' -> 1234.5, 'twenty-five' -> 25, 'two' -> 2; None when it is not a number."""
    t = text.strip().lower().replace("\u2212", "-")
    if not t:
        return None
    if re.fullmatch(r"-?\d{1,3},\d{1,2}", t):  # a decimal comma: 'US$ 3,16 billion'
        return float(t.replace(",", "."))
    if re.fullmatch(r"-?(?:" + DIGITS + ")", t):
        try:
            return float(t.replace(",", ""))
        except ValueError:
            return None
    return _word_value(re.split(r"[- ]+|\s+", t))


def apply_scale(value: Optional[float], scale: Optional[str]) -> Optional[float]:
    """Multiply by the scale word's factor; None when the result is not a sane figure."""
    if value is None:
        return None
    factor = scales().get((scale or "").strip(" \t\n-").lower().rstrip("."), 1.0)
    if abs(value) * factor > MAX_VALUE:
        return None
    return float(Decimal(repr(value)) * Decimal(repr(factor)))  # 16.15 billion is 16150000000, not ...999.998


def qualifier_before(text_before: str) -> tuple[str, int]:
    """The qualifier phrase ending `text_before` (e.g. '... of about ') and its length, else ('exact', 0)."""
    m = re.search(r"(?:^|\W)(" + alternation(qualifiers()) + r")\s+$", text_before[-40:], flags=re.IGNORECASE)
    if not m:
        return "exact", 0
    return qualifiers()[m.group(1).lower()], len(text_before[-40:]) - m.start(1)


DECIMAL_COMMA = re.compile(r"\b\d{1,3},\d{1,2}(?!\d)\s*(?:%|per\s?cent|percent|(?:million|billion|trillion|bn|mn)\b)", re.I)
DECIMAL_POINT = re.compile(r"\b\d+\.\d+\b")
GROUPED_BEFORE_SCALE = re.compile(r"^\D*(\d{1,3}),(\d{3})(?!\d)\s*(?:million|billion|trillion|bn|mn)\b", re.I)


def uses_decimal_comma(text: str) -> bool:
    """Whether a text writes decimals with a comma ('20,5%', 'US$ 3,16 billion') and never with a point: then
    'US$ 1,345 billion' is 1.345 billion, not 1,345 billion."""
    return bool(DECIMAL_COMMA.search(text)) and not DECIMAL_POINT.search(text)


def decimal_comma_value(figure: str, value: float) -> float:
    """The value of 'US$ 1,345 billion' in a text that writes decimals with a comma."""
    m = GROUPED_BEFORE_SCALE.match(figure)
    return value / 1000 if m else value
