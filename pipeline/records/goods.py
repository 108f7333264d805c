"""The goods a single flow is about, when the sentence names them with the trigger: 'durian exports', 'Vietnam's
rice exports' (before it), 'exports of electronic products' (after it), 'imported 3.1 million tonnes of rice worth
…' (its object). Only names the HS lexicon knows count here; lists of items are named in `items`."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc

from pipeline.nlp import gazetteer
from pipeline.nlp.doc_index import text_of
from pipeline.nlp.resources import read_csv
from pipeline.records.hs_codes import hs_code, normalise_commodity
from pipeline.records.items import GENERIC, name_in
from pipeline.records.triggers import Trigger

OBJECT_GOODS = re.compile(r"^\s+(?:of\s+)?(?:[\d.,]+\s+(?:million\s+|thousand\s+|billion\s+)?(?:metric\s+)?(?:tonnes|tons|units|barrels|"
                          r"cubic metres|head|pieces)\s+of\s+)?(?P<goods>[a-z][a-z -]{2,40}?)\s+(?:worth|valued|from|to|totall?ing|at|"
                          r"with|in|for|amounting|jumped|rose|fell|grew|increased|decreased|surged|reached|were|was|stood|hit)\b")


COPULA = re.compile(r"\b(?:are|is|were|was|be|been|include|includes|included)\b")


def _known(name: str) -> str:
    """The name when the HS lexicon knows it, or knows the first of its coordinated parts ('animal feed and raw
    materials')."""
    name = normalise_commodity(name)
    first = re.split(r",|\band\b|&", name)[0].strip()
    return name if name and (hs_code(name) is not None or (first != name and first and hs_code(first) is not None)) else ""


def after_trigger(doc: Doc, trigger: Trigger) -> str:
    """'imported 3.1 million tonnes of rice worth …', 'exports of electronic products to Vietnam jumped …'."""
    m = OBJECT_GOODS.match(text_of(doc)[trigger.end:trigger.end + 80])
    if not m or COPULA.search(m.group("goods")) or m.group("goods").split()[0] in GENERIC:  # 'export turnover are seafood'
        return ""
    return _known(m.group("goods"))


def before_trigger(doc: Doc, trigger: Trigger) -> str:
    """'Durian exports', 'Vietnam's rice exports', 'rubber shipments': goods named right before the trigger word."""
    first = doc[trigger.tokens[0]]
    words, i = [], first.i - 1
    while i >= max(0, first.i - 6) and doc[i].sent == first.sent and (_goods_word(doc[i]) or (
            doc[i].text in ("and", "-", "&") and i - 1 >= 0 and _goods_word(doc[i - 1]) and words)):
        words.insert(0, doc[i])
        i -= 1
    for k in range(len(words)):  # the longest known name ending right before the trigger
        name = _known("".join(t.text_with_ws for t in words[k:]).strip())
        if name and words[k].text not in ("and", "-", "&"):
            return name
    return _sector_before(doc, first)


NON = re.compile(r"^non-?[a-z]+$", re.I)


def _sector_before(doc: Doc, first) -> str:
    """'Non-mining exports', 'non-oil exports', 'mining exports': a line of the totals named by a sector."""
    prev = doc[first.i - 1] if first.i > 0 else None
    if prev is None or prev.sent != first.sent:
        return ""
    word = prev.text
    if prev.i > 1 and doc[prev.i - 1].text == "-" and doc[prev.i - 2].lower_ == "non":  # 'non - mining' split by the tokenizer
        word = "non-" + prev.text
    return word.lower() if NON.match(word) or word.lower() in sectors() else ""


@lru_cache(maxsize=1)
def sectors() -> frozenset[str]:
    """Sector words that name a line of a country's trade ('mining', 'oil', 'agricultural')."""
    return frozenset(r["word"] for r in read_csv("lexicons/trade_sectors.csv", ("word",)))


SECTOR_AFTER = re.compile(r"^\s+(?:from|of|in)\s+the\s+(?P<sector>[a-z-]+(?:\s+[a-z-]+)?)\s+(?:sector|industry)\b", re.I)


def sector_after(doc: Doc, trigger: Trigger) -> str:
    """'Exports from the mining sector represented 74.4% …'."""
    m = SECTOR_AFTER.match(text_of(doc)[trigger.end:trigger.end + 60])
    return m.group("sector").lower() if m else ""


NOT_GOODS = frozenset({"total", "overall", "annual", "monthly", "combined", "bilateral", "merchandise", "foreign", "domestic",
                       "national", "main", "major", "key", "top", "global", "official", "cumulative", "direct"}) | GENERIC


def _goods_word(tok) -> bool:
    return (tok.lower_ not in NOT_GOODS and tok.pos_ in ("NOUN", "PROPN", "ADJ") and not gazetteer.entry(tok.text) and tok.ent_type_ not in ("GPE", "ORG")
            and tok.is_alpha)


def object_goods(doc: Doc, trigger: Trigger) -> str:
    """The goods a trigger verb takes, through quantities and 'a total of': 'exported a total of 884,177 tonnes
    of rice to Indonesia'."""
    if not trigger.is_verb:
        return ""
    for child in trigger.head.children:
        if child.dep_ not in ("dobj", "nsubjpass"):
            continue
        node = child
        for _ in range(4):
            name = _known(" ".join(t.text for t in node.subtree if t.dep_ in ("compound", "amod") and t.head is node) + " " + node.text)
            if name and node.lower_ not in NOT_GOODS:
                return name
            nxt = next((p for p in node.children if p.dep_ == "prep" and p.lower_ == "of"), None)
            obj = next((o for o in nxt.children if o.dep_ == "pobj"), None) if nxt is not None else None
            if obj is None:
                break
            node = obj
    return ""


def of_goods(doc: Doc, trigger: Trigger, codes: dict[int, str], stop: set[int]) -> str:
    """'Exports of mineral products made up 65.1 percent': the goods after 'of', known to the lexicon or not."""
    m = re.match(r"\s+of\s+", text_of(doc)[trigger.end:trigger.end + 6])
    if not m or trigger.is_verb:
        return ""
    found = name_in(doc, trigger.end + m.end(), trigger.head.sent.end_char, codes, stop | set(trigger.tokens), goods_only=True,
                    first_only=True)
    return normalise_commodity(found[1]) if found else ""


def trigger_goods(doc: Doc, trigger: Trigger, codes: Optional[dict[int, str]] = None, stop: Optional[set[int]] = None) -> str:
    """The goods named with a trigger, '' when none is (a continued flow has no words of its own)."""
    if not trigger.tokens:
        return ""
    return (before_trigger(doc, trigger) or after_trigger(doc, trigger) or sector_after(doc, trigger) or object_goods(doc, trigger)
            or (of_goods(doc, trigger, codes, stop) if codes is not None and stop is not None else ""))
