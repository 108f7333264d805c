"""Money amounts: find them in text, normalise value, ISO 4217 currency, qualifier and USD value."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp import extensions as ext
from pipeline.values.figure_matching import add_spans, number_regex, range_head, scale_regex
from pipeline.values.equivalents import with_usd
from pipeline.values.list_currency import bare_amounts
from pipeline.values.numbers import (alternation, apply_scale, decimal_comma_value, parse_number, qualifier_before, scales,
                                     uses_decimal_comma, word_number_regex)
from pipeline.values.spacing import view
from pipeline.nlp.resources import read_csv
from pipeline.nlp.annotations import MoneyValue
from pipeline.nlp.doc_index import text_of

YEN_CHINA = re.compile(r"\b(?:China|Chinese|yuan|renminbi|RMB|Beijing)\b")
YEN_JAPAN = re.compile(r"\b(?:Japan|Japanese|yen|Tokyo)\b")


@lru_cache(maxsize=1)
def currency_table() -> dict[str, tuple[str, str, float]]:
    """Surface (lower-cased) -> (code, position, factor)."""
    rows = read_csv("lexicons/currencies.csv", ("surface", "code", "position", "factor"))
    table = {r["surface"].lower(): (r["code"], r["position"], float(r["factor"])) for r in rows}
    for code in iso_codes():  # 'EGP 174 billion', 'KES 3.2 billion': every ISO 4217 code the lexicon does not spell out
        table.setdefault(code.lower(), (code, "both", 1.0))
    return table


# ISO codes that are also English words or common abbreviations, matched case-insensitively they would read 'all 5'
WORD_CODES = frozenset({"ALL", "TOP", "CUP", "BOB", "MOP", "GEL", "PEN", "SOS", "TRY", "MAD", "BAM", "CVE", "SEK", "NIO", "XXX",
                        "XTS", "XAU", "XAG", "XPT", "XPD", "XDR", "XBA", "XBB", "XBC", "XBD", "XUA", "XSU", "UYW", "BOV", "CHE",
                        "CHW", "CLF", "COU", "MXV", "USN", "HNL", "ANG", "AMD", "AOA", "BIF", "DOP", "ERN", "FKP", "GIP", "SHP",
                        "LSL", "MRU", "STN", "SLE", "SLL", "SVC", "TMT", "VED", "VES", "WST", "XCG", "ZWG", "ZWL"})


@lru_cache(maxsize=1)
def iso_codes() -> tuple[str, ...]:
    """Current ISO 4217 codes from pycountry, less those that read as words."""
    import pycountry
    return tuple(sorted(c.alpha_3 for c in pycountry.currencies if c.alpha_3 not in WORD_CODES))


@lru_cache(maxsize=1)
def header_currencies() -> dict[str, str]:
    """Currency names and codes a list header may name ('in baht', '(US$ million)'); one-letter signs left out."""
    return {s: code for s, (code, _, factor) in currency_table().items() if factor == 1 and code != "?" and len(s) > 1}


def _surfaces(position: str) -> str:
    return alternation(s for s, (_, pos, _) in currency_table().items() if pos in (position, "both"))


@lru_cache(maxsize=1)
def money_regex() -> re.Pattern:
    """A currency-marked figure: 'US$5.2 billion', '€ 3m', '5 billion yen', '75 USD million', '12-cent', 'Rs 500 crore'."""
    num, scale = number_regex(), scale_regex()
    lo = rf"(?:(?P<lo>{num})(?P<los>{scale})?\s*(?:-|–|—|\bto\b)\s*)?"
    scaled = alternation(s for s, (_, pos, _) in currency_table().items() if pos == "prefix_scaled")
    needs_scale = rf"(?:{scaled})(?=\s?\d[\d,.]*[\s-]?(?:{_long_scales()}|bn|mn|tn)\b)"  # 'P15 billion', never 'P5'
    pre = (rf"(?P<pre>{_surfaces('prefix')}|{needs_scale})\s?{lo}(?P<n1>{num})(?P<s1>{scale})?"
           rf"(?:\s+(?P<suf1>{_surfaces('suffix')})(?![A-Za-z])(?!\s*\d))?")
    year_then_symbol = r"(?!(?:19|20)\d\d\s?[^\w\s])"  # 'In 2019 $1.2bn was…': the symbol belongs to what follows
    words = alternation(s for s, (_, pos, _) in currency_table().items() if pos != "prefix" and s[-1].isalpha())
    symbols = alternation(s for s, (_, pos, _) in currency_table().items() if pos != "prefix" and not s[-1].isalpha())
    majors = alternation(s for s, (_, pos, f) in currency_table().items() if pos != "prefix" and s[-1].isalpha() and f >= 1)
    starts_next = rf"(?!\s?{num}(?:{scale})?\s+(?:{majors})(?![A-Za-z]))"  # '1 $ 10 dollars': '$' opens the next
    suf = (rf"{year_then_symbol}(?P<n2>{num})(?P<s2>{scale})?[\s-]?(?:of\s+)?(?P<suf2>{words}|(?:{symbols}){starts_next})(?![A-Za-z0-9])"
           rf"(?:\s(?P<s3>{_long_scales()})(?![A-Za-z]))?")
    return re.compile(rf"(?<![\w$])(?:{pre}|{suf})", re.IGNORECASE)


def _long_scales() -> str:
    return alternation(w for w in scales() if len(w) > 2)


@lru_cache(maxsize=1)
def minor_regex() -> re.Pattern:
    """What may follow a whole-unit amount to add its minor part: '… 50 cents', '… and forty-five', '… 50.'"""
    units = alternation(s for s, (_, _, f) in currency_table().items() if f < 1)
    return re.compile(rf"\s*(?:and\s+)?(?P<n>\d{{1,2}}|{word_number_regex()})(?![\w.,]\d)"
                      rf"(?:(?:[\s-]?(?P<unit>{units})(?![A-Za-z]))|(?=\s*(?:[.,;!?]|$|and\b)))", re.IGNORECASE)


def _currency(surface: Optional[str], text: str) -> tuple[Optional[str], float]:
    """Code and minor-unit factor of a currency surface; '¥' decided from the document's countries."""
    if not surface:
        return None, 1.0
    code, _, factor = currency_table().get(surface.lower(), (None, "", 1.0))
    if code == "?":
        code = "CNY" if len(YEN_CHINA.findall(text)) > len(YEN_JAPAN.findall(text)) else "JPY"
    return code, factor


def parse_money(text: str, *, context: str = "") -> Optional[MoneyValue]:
    """'$2.9 billion' -> MoneyValue(2.9e9, 'USD'); None for text that is not one money amount."""
    compact = view(text).text.strip()
    m = money_regex().fullmatch(compact)
    if not m:
        return None
    return _value(m, context or compact)


def _value(m: re.Match, context: str) -> Optional[MoneyValue]:
    g = m.groupdict()
    if g["pre"] is not None:
        code, factor = _currency(g["suf1"] if g["suf1"] and g["pre"] == "$" else g["pre"], context)
        number, scale = g["n1"], g["s1"]
    else:
        code, factor = _currency(g["suf2"], context)
        number, scale = g["n2"], g["s2"] or g["s3"]
    value = apply_scale(parse_number(number), scale)
    if value is None or code is None:
        return None
    return MoneyValue(value=round(value * factor, 6), currency=code)


def _scale(m: re.Match) -> Optional[str]:
    return m.group("s1") or m.group("s2") or m.group("s3")


def _with_minor(m: re.Match, value: MoneyValue, text: str) -> tuple[int, MoneyValue]:
    """'3 dollars 50 cents', 'thirteen dollars and forty-five': a whole-unit amount takes its minor part."""
    if _scale(m) or m.group("lo") or value.value != int(value.value):
        return m.end(), value
    surface = (m.group("suf2") or m.group("suf1") or m.group("pre") or "").lower()
    if currency_table().get(surface, ("", "", 1.0))[2] != 1.0:
        return m.end(), value
    minor = minor_regex().match(text, m.end())
    number = parse_number(minor.group("n")) if minor else None
    if number is None or not 0 < number < 100 or number != int(number):
        return m.end(), value
    return minor.end(), replace(value, value=round(value.value + number / 100, 6))


def _borrowed(m: re.Match, nxt: Optional[re.Match], value: MoneyValue, text: str) -> MoneyValue:
    """'between $3 and $4 million': an unscaled bound takes the scale of the bound right after it."""
    if nxt is None or _scale(m) or not _scale(nxt):
        return value
    gap = text[m.end():nxt.start()]
    if not re.fullmatch(r"\s*(?:-|–|—|to|and)\s*", gap, re.IGNORECASE):
        return value
    if gap.strip().lower() == "and" and not re.search(r"between\s+\S*$", text[:m.start()], re.IGNORECASE):
        return value
    scaled = apply_scale(value.value, _scale(nxt))
    return replace(value, value=scaled) if scaled is not None else value


def find_money(text: str) -> Iterator[tuple[int, int, MoneyValue]]:
    """(start, end, value) of every money amount in text, a range giving one item per bound; any run of spaces or
    line breaks is one gap and zero-width characters are ignored (offsets stay those of `text`)."""
    compact = view(text)
    for start, end, value in _find_in(compact.text):
        yield compact.start(start), compact.end(end), value


def _find_in(text: str) -> Iterator[tuple[int, int, MoneyValue]]:
    matches = [(m, v) for m in money_regex().finditer(text) if (v := _value(m, text)) is not None]
    used_until = 0
    for i, (m, value) in enumerate(matches):
        if m.start() < used_until:  # the minor part of the amount before ('… 50 cents')
            continue
        nxt = matches[i + 1][0] if i + 1 < len(matches) else None
        if m.group("lo"):
            yield from _inner_range(m, value, text)
            continue
        value = _borrowed(m, nxt, value, text)
        start = m.start()
        head = range_head(text, start)
        if head is not None and not head.group("unit"):
            low = apply_scale(parse_number(head.group("num")), head.group("scale") or _scale(m))
            h_start = start - len(text[max(0, start - 40):start]) + head.start("num")
            if low is not None:
                q, _ = qualifier_before(text[:h_start - len(head.group("between") or "")])
                yield h_start, h_start + len(head.group("num")) + len(head.group("scale") or ""), replace(value, value=low, qualifier=q)
                yield start, m.end(), replace(value, qualifier=q)
                continue
        q, _ = qualifier_before(text[:start])
        used_until, value = _with_minor(m, value, text)
        yield start, used_until, replace(value, qualifier=q)


def _inner_range(m: re.Match, value: MoneyValue, text: str) -> Iterator[tuple[int, int, MoneyValue]]:
    """'$1-2 billion': the low bound borrows the high bound's scale; one item per bound."""
    q, _ = qualifier_before(text[:m.start()])
    low = apply_scale(parse_number(m.group("lo")), m.group("los") or m.group("s1"))
    if low is not None:
        yield m.start(), m.end("los") if m.group("los") else m.end("lo"), replace(value, value=low, qualifier=q)
    yield m.start("n1"), m.end(), replace(value, qualifier=q)


@Language.factory("news_money")
class MoneyFinder:
    """Puts money amounts in doc.spans['amounts'] with a MoneyValue (USD at the document's reference date)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        money_regex()  # compile once, fail early on a broken lexicon

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        found = list(find_money(text))
        if uses_decimal_comma(text):  # 'US$ 1,345 billion' beside '20,5%'
            found = [(s, e, replace(v, value=decimal_comma_value(text[s:e], v.value))) for s, e, v in found]
        found += bare_amounts(text, header_currencies(), lambda s, e: any(a < e and s < b for a, b, _ in found))
        found.sort(key=lambda f: (f[0], -f[1]))
        add_spans(doc, ext.AMOUNTS, with_usd(found, text, doc._.reference_date))
        return doc
