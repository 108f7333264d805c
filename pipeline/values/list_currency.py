"""Bare figures in a list under a header that names the currency once ('Major exports to China (in baht):' then
'• Rubber products: 95.4 billion (+31.38%)'): each line's figure is money in that currency."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterator, Optional

from pipeline.nlp.annotations import MoneyValue
from pipeline.values.figure_matching import number_regex, scale_regex
from pipeline.values.numbers import alternation, apply_scale, parse_number, qualifier_before

LINE = re.compile(r"[^\n]*")
BULLET = re.compile(r"^\s*(?:[•·▪◦●○■□►▸‣∙*–—-]|\(?\d{1,2}[.)]|[a-z][.)])\s+")
YEAR = re.compile(r"(?:19|20)\d\d")
MAX_HEADER_CHARS = 200
MAX_ITEM_CHARS = 160


@lru_cache(maxsize=8)
def header_regex(names: tuple[str, ...]) -> re.Pattern:
    """A header naming its currency: '(in baht)', 'in terms of baht value', 'in million USD', 'value (US$):'."""
    return re.compile(rf"(?<![A-Za-z])(?P<cur>{alternation(names)})(?![A-Za-z])", re.I)


@lru_cache(maxsize=1)
def bare_figure() -> re.Pattern:
    """A figure after the item's name on a list line: 'Rubber products: 95.4 billion', 'Tapioca - 81.9 billion'."""
    return re.compile(rf"(?:(?<=:)|(?<=:\s)|(?<=\s[-–—]\s)|(?<=\bat\s)|(?<=\bworth\s)|(?<=\bvalued at\s))\s*"
                      rf"(?P<num>{number_regex()})(?P<scale>{scale_regex()})?(?!\s?%)(?![\w.,])", re.I)


def _lines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in LINE.finditer(text) if m.end() > m.start()]


def _header_currency(line: str, currencies: dict[str, str]) -> Optional[str]:
    """The currency a header line fixes: it ends with ':' and names one currency, in words or code."""
    stripped = line.strip()
    if not stripped.endswith(":") or len(stripped) > MAX_HEADER_CHARS:
        return None
    found = {currencies[m.group("cur").lower()] for m in header_regex(tuple(currencies)).finditer(stripped)}
    return found.pop() if len(found) == 1 else None


def _is_item(line: str) -> bool:
    return bool(line.strip()) and len(line) <= MAX_ITEM_CHARS and (bool(BULLET.match(line)) or ":" in line)


def bare_amounts(text: str, currencies: dict[str, str], taken: Callable[[int, int], bool]) -> Iterator[tuple[int, int, MoneyValue]]:
    """(start, end, value) of bare figures on the item lines under a currency header; `taken` spans are skipped."""
    lines, code = _lines(text), None
    for start, end in lines:
        line = text[start:end]
        header = _header_currency(line, currencies)
        if header:
            code = header
            continue
        if code is None:
            continue
        if not _is_item(line):
            code = None
            continue
        for m in bare_figure().finditer(line):
            s, e = start + m.start("num"), start + m.end()
            if YEAR.fullmatch(m.group("num")) and not m.group("scale"):
                continue
            value = apply_scale(parse_number(m.group("num")), m.group("scale"))
            if value is not None and not taken(s, e):
                yield s, e, MoneyValue(value=value, currency=code, qualifier=qualifier_before(text[:s])[0])
