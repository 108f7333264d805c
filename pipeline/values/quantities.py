"""Physical quantities ('3.1 million tonnes', '45,000 TEUs', '300 MW'): our finder selects a number followed by a
unit word of the lexicon (models/lexicons/quantity_units.csv); quantulum3 reads only that candidate span (never a
whole text: it is slow there and reads 'fourth' as 0.25); values are normalised to kg, litres or kWh."""
from __future__ import annotations

import logging
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp import extensions as ext
from pipeline.nlp.annotations import QuantityValue
from pipeline.nlp.doc_index import text_of
from pipeline.nlp.resources import read_csv
from pipeline.values.figure_matching import add_spans, number_regex, scale_regex
from pipeline.values.numbers import alternation, apply_scale, parse_number, qualifier_before
from pipeline.values.spacing import view

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Unit:
    """A lexicon row: how a unit word is named, what it measures and how it converts."""

    surface: str
    unit: str
    dimension: str
    normal_unit: str
    factor: Optional[float]
    exact_case: bool
    next_word: str


@lru_cache(maxsize=1)
def units() -> tuple[Unit, ...]:
    """The unit lexicon, longest surface first."""
    rows = read_csv("lexicons/quantity_units.csv", ("surface", "unit", "dimension"))
    out = [Unit(r["surface"], r["unit"], r["dimension"], r.get("normal_unit", ""),
                float(r["factor"]) if r.get("factor") else None, r.get("case") == "exact", r.get("next", ""))
           for r in rows]
    return tuple(sorted(out, key=lambda u: len(u.surface), reverse=True))


def unit_for(surface: str) -> Optional[Unit]:
    """The lexicon row a matched unit word stands for (exact case first, then any case)."""
    flat = " ".join(surface.split())
    for u in units():
        if u.surface == flat or (not u.exact_case and u.surface.lower() == flat.lower()):
            return u
    return None


def _unit_pattern(u: Unit) -> str:
    word = re.escape(u.surface).replace(r"\ ", r"\s+")
    word = f"(?-i:{word})" if u.exact_case else word
    return word + (rf"(?=\s+{re.escape(u.next_word)}\b)" if u.next_word else "")


@lru_cache(maxsize=1)
def quantity_regex() -> re.Pattern:
    """A number (digits or words, with an optional scale word) followed by a unit word; never right after a currency
    sign, a letter or a hyphen ('Covid-19', 'G20'), and the unit must end at a word boundary."""
    unit_words = "|".join(_unit_pattern(u) for u in units())
    return re.compile(rf"(?<![\w$€£¥₫៛₹₱฿₩.,/-])(?P<num>{number_regex()})(?P<scale>{scale_regex()})?"
                      rf"[\s-]?(?P<unit>{unit_words})(?![\w³])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _quantulum():
    """quantulum3's parser, loaded and warmed once (its first call builds its tables: seconds)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
            parser.parse("1 tonne")
        return parser
    except Exception as exc:  # an optional reader: the lexicon alone still gives every value
        log.warning("quantulum3 unavailable (%s): quantities read from the lexicon only", exc)
        return None


def quantulum_reading(span_text: str) -> Optional[tuple[float, str, str]]:
    """(value, unit name, entity) quantulum3 gives for a candidate span, when it finds exactly one quantity."""
    parser = _quantulum()
    if parser is None:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = parser.parse(span_text)
    except Exception:
        return None
    found = [q for q in found if q.unit.name != "dimensionless"]
    if len(found) != 1:
        return None
    return float(found[0].value), found[0].unit.name, found[0].unit.entity.name


def _agrees(ours: float, theirs: float) -> bool:
    return abs(ours - theirs) <= 1e-9 * max(abs(ours), 1.0)


def read_quantity(num: str, scale: Optional[str], surface: str, qualifier: str = "exact") -> Optional[QuantityValue]:
    """The value of 'num scale unit': our number reading (decimal commas, number words), quantulum3's unit name when
    it reads the same value and a unit of the same kind; the lexicon's conversion to kg / litres / kWh."""
    unit = unit_for(surface)
    value = apply_scale(parse_number(num), scale)
    if unit is None or value is None:
        return None
    name = unit.unit
    reading = quantulum_reading(f"{num}{scale or ''} {' '.join(surface.split())}")
    if reading and _agrees(value, reading[0]) and reading[1] == unit.unit:
        name = reading[1]
    normal = round(value * unit.factor, 6) if unit.factor is not None and unit.normal_unit else None
    return QuantityValue(value=value, unit=name, dimension=unit.dimension, normal_value=normal,
                         normal_unit=unit.normal_unit if normal is not None else "", qualifier=qualifier)


def find_quantities(text: str) -> Iterator[tuple[int, int, QuantityValue]]:
    """(start, end, value) of every physical quantity in text (offsets those of `text`, gaps read through)."""
    compact = view(text)
    for m in quantity_regex().finditer(compact.text):
        q, _ = qualifier_before(compact.text[:m.start()])
        value = read_quantity(m.group("num"), m.group("scale"), m.group("unit"), q)
        if value is not None:
            yield compact.start(m.start()), compact.end(m.end()), value


@Language.factory("news_quantities")
class QuantityFinder:
    """Puts physical quantities in doc.spans['quantities'] with a QuantityValue."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        quantity_regex()
        _quantulum()

    def __call__(self, doc: Doc) -> Doc:
        add_spans(doc, ext.QUANTITIES, list(find_quantities(text_of(doc))))
        return doc
