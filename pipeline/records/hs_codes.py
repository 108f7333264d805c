"""Commodity text -> Harmonized System chapter or heading, from the alias lexicon checked against HS 2022."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from pipeline.nlp.resources import ResourceError, read_csv

ALIASES = "reference/commodity_aliases.csv"


@lru_cache(maxsize=1)
def hs_table() -> dict[str, str]:
    """HS 2022 code -> description."""
    return {r["hscode"]: r["description"] for r in read_csv("reference/hs2022.csv", ("hscode", "description"))}


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """Commodity name (lower-cased) -> HS code ('' when the goods span several chapters); codes validated."""
    table = {}
    for row in read_csv(ALIASES, ("name",)):
        code = row.get("hs_code", "")
        if code and code not in hs_table():
            raise ResourceError(f"{ALIASES}: {row['name']!r}: unknown HS code {code}")
        table[row["name"].lower()] = code
    return table


def normalise_commodity(text: str) -> str:
    """'the cashew nuts' -> 'cashew nuts': lower-case, articles and stray punctuation off."""
    text = re.sub(r"^(?:and|the|of|with|including|mainly|especially)\s+", "", text.strip().lower())
    return re.sub(r"[^\w\s&-]", "", text).strip()


def is_commodity(text: str) -> bool:
    """Whether the text names goods the lexicon knows (whole name or its last words)."""
    return hs_code(text) is not None


def hs_code(text: str) -> Optional[str]:
    """HS code of a commodity ('' for known goods without one), None when the words are not known goods."""
    name = normalise_commodity(text)
    for form in (name, name + "s", name[:-1] if name.endswith("s") else name):  # 'garment' / 'garments'
        if form in aliases():
            return aliases()[form]
    words = name.split()
    for k in range(1, len(words)):  # 'processed cashew nuts' -> 'cashew nuts'
        tail = " ".join(words[k:])
        if tail in aliases():
            return aliases()[tail]
    return None
