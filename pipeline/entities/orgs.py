"""Organisations as readers mean them: kinds (government, international, company, media, other), documents and meetings
that the model calls organisations."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from spacy.tokens import Span

from pipeline.entities.countries import org_aliases
from pipeline.entities.names import has_org_head
from pipeline.nlp import gazetteer
from pipeline.nlp.resources import read_csv

KINDS = ("government", "international", "company", "media", "other")
INTERNATIONAL = re.compile(r"^(?:International|World|United Nations|Asian|Asia|African|European|Inter-American|Regional|Global)\b"
                           r"|\b(?:ASEAN|APEC|Asia-Pacific|Southeast Asian)\b")
CENTRAL_BANK = re.compile(r"^(?:(?:State|National|Reserve|People's) )?Bank of (?!America\b)[A-Z]|Central Bank|Reserve Bank|Monetary Authority")


@lru_cache(maxsize=1)
def _kind_words() -> dict[str, str]:
    return {r["word"]: r["kind"] for r in read_csv("lexicons/org_kinds.csv", ("word", "kind"))}


@lru_cache(maxsize=1)
def not_heads() -> dict[str, str]:
    """Last words that make an 'organisation' a document (LAW), a meeting (EVENT) or nothing (DROP)."""
    return {r["word"]: r["label"] for r in read_csv("lexicons/org_not_heads.csv", ("word", "label"))}


@lru_cache(maxsize=1)
def body_words() -> frozenset[str]:
    """Capitalised words that name a body on their own ('the Senate', 'Customs')."""
    return frozenset(r["word"] for r in read_csv("lexicons/org_kinds.csv", ("word", "kind")) if r.get("alone") == "yes")


def _offices() -> dict[str, str]:
    from pipeline.entities.people import offices
    return offices()


def org_kind(canonical: str) -> str:
    """government, international, company, media or other: the alias table first, then the name's own words."""
    alias = org_aliases().get(canonical)
    if alias and alias.get("kind"):
        return alias["kind"]
    words = re.findall(r"[\w.&'-]+", canonical)
    if CENTRAL_BANK.search(canonical):
        return "government"
    if INTERNATIONAL.search(canonical) and not any(_kind_words().get(w) == "media" for w in words):
        return "international"
    for word in reversed(words):
        kind = _kind_words().get(word)
        if kind:
            return kind
    return "other"


def not_an_org(ent: Span) -> Optional[str]:
    """The label an 'organisation' really has when its last word names a document, project or meeting ('the
    Regional Comprehensive Economic Partnership Agreement' LAW, 'the ASEAN Summit' EVENT, a 'Project' DROP), else None.
    A trade-agreement acronym ('CKFTA', 'AKFTA', 'EPA') is a document too."""
    text = re.sub(r"[\s(]+$", "", ent.text.strip())
    if text in org_aliases():
        return None
    text = re.sub(r"^(?:the|The)\s+", "", re.sub(r"\s*\([^)]*$", "", text))
    words = text.replace("(", " ").split()
    last = re.sub(r"(?:['’]s?)?[).,]*$", "", words[-1]) if words else ""
    if last in not_heads():
        return not_heads()[last]
    if words and (words[0].lower() in _offices() or words[0].lower().rstrip("s") in _offices()) and not has_org_head(" ".join(words[1:])):
        return "DROP"  # 'Ministers of Foreign Affairs': people by their office, not a body
    parts = [w for w in re.split(r"[-–]", text) if w]
    if len(parts) > 1 and all(gazetteer.entry(w) for w in parts):
        return "DROP"  # 'Kazakh-Uzbek': a pair of nations
    if len(words) == 2 and gazetteer.entry(words[0]) and words[1] in ("Office", "Branch", "Representative"):
        return "DROP"  # 'JICA Cambodia Office': a branch of the body named before it
    if re.fullmatch(r"[A-Z]{1,6}(?:FTA|EPA|CEPA)", text):
        return "LAW"
    if words and words[0].rstrip(".") in ("Law", "Project", "Programme", "Decree", "Sub-decree"):
        return "LAW" if words[0] in ("Law", "Decree", "Sub-decree") else "DROP"
    return None
