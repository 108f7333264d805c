"""Country gazetteer: pycountry names and codes plus the project's aliases (demonyms, capitals, stand-ins)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional, Sequence

from pipeline.nlp.resources import read_csv


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key of a name ('Việt Nam' -> 'viet nam')."""
    text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D").replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"'s\b", "", text)
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


@lru_cache(maxsize=1)
def _pycountry_names() -> dict[str, tuple[str, str]]:
    import pycountry
    table: dict[str, tuple[str, str]] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                table[fold(value)] = (c.alpha_3, "name")
                table[fold("the " + value)] = (c.alpha_3, "name")
    return table


@lru_cache(maxsize=1)
def aliases() -> dict[str, tuple[str, str]]:
    """Folded alias -> (iso3 or '|'-joined candidates, kind)."""
    rows = read_csv("lexicons/country_aliases.csv", ("alias", "iso3", "kind"))
    return {fold(r["alias"]): (r["iso3"], r["kind"]) for r in rows}


@lru_cache(maxsize=1)
def place_nouns() -> frozenset[str]:
    """Nouns that make the name before them a place (models/lexicons/place_nouns.csv)."""
    return frozenset(r["word"].lower() for r in read_csv("lexicons/place_nouns.csv", ("word",)))


@lru_cache(maxsize=None)
def country_name(code: str) -> str:
    """The one English name a country gets as canonical ('VNM' -> 'Vietnam'): models/ first, then pycountry."""
    import pycountry
    overrides = {r["iso3"]: r["name"] for r in read_csv("lexicons/country_names.csv", ("iso3", "name"))}
    if code in overrides:
        return overrides[code]
    found = pycountry.countries.get(alpha_3=code)
    return (getattr(found, "common_name", None) or found.name) if found else code


@lru_cache(maxsize=65536)
def entry(text: str) -> Optional[tuple[str, str]]:
    """(code(s), kind) of a country name, demonym, capital or stand-in; None when unknown."""
    key = fold(text)
    if not key:
        return None
    found = aliases().get(key) or _pycountry_names().get(key)
    if found is None and key.startswith("the "):
        found = aliases().get(key[4:])
    return found


def lookup(text: str, *, doc_country: Optional[str | Sequence[str]] = None) -> Optional[str]:
    """ISO3 a bare name, demonym or capital stands for; a stand-in ('the Kingdom') takes the article's
    best-ranked country that it can stand for (doc_country: one code, or the article's countries by mentions)."""
    found = entry(text)
    if not found:
        return None
    code, kind = found
    if kind == "standin":
        ranked = [doc_country] if isinstance(doc_country, str) else list(doc_country or ())
        return next((c for c in ranked if c in code.split("|")), None)
    return code


def surface_forms() -> list[str]:
    """Every alias and country name as written, for the phrase matcher."""
    import pycountry
    forms = [r["alias"] for r in read_csv("lexicons/country_aliases.csv", ("alias", "iso3", "kind")) if r["kind"] != "standin"]
    for c in pycountry.countries:
        forms += [v for v in (c.name, getattr(c, "common_name", None)) if v and "," not in v]
    return sorted(set(forms))
