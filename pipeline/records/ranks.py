"""A partner's rank as the sentence states it: 'fourth biggest export destination' -> 4, 'the largest buyer of
Cambodia's products' -> 1, 'came in second in the list of Thailand's top trading partners' -> 2."""
from __future__ import annotations

import re
from typing import Optional

ORD = r"(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th)|top|largest|biggest|main|leading)"
RANK = re.compile(ORD + r"(?:[- ](?:biggest|largest|top|most\s+important))?\s+(?:(?:foreign|overseas|single)\s+)?(?P<what>"
                  r"(?:export|import|trading|trade)\s+(?:destination|market|partner|source)"
                  r"|investor|(?:ODA|aid|development)\s+(?:provider|donor|partner)|donor|buyer|customer|supplier|seller|market"
                  r"|source\s+of\s+(?:foreign\s+(?:direct\s+)?)?investment|source\s+of\s+(?:FDI|ODA|official development assistance|aid|imports))", re.I)
RANK_LIST = re.compile(r"\b(?:came|ranked|ranks|placed|was|is)\s+(?:in\s+)?" + ORD + r"\b[^.;]{0,40}?\b(?:top|largest|biggest|main)\s+"
                       r"(?P<what>trading\s+partners|export\s+(?:markets|destinations)|import\s+sources|investors|suppliers|buyers)", re.I)
RANK_FLOWS = {"export": ("export", "bilateral"), "import": ("import", "bilateral"), "trading": ("bilateral", "export", "import"),
              "trade": ("bilateral", "export", "import"), "investor": ("investment",), "investors": ("investment",),
              "oda": ("aid",), "aid": ("aid",), "development": ("aid",), "donor": ("aid",), "source": ("investment", "aid"),
              "buyer": ("export",), "buyers": ("export",), "customer": ("export",), "market": ("export",),
              "supplier": ("import",), "suppliers": ("import",), "seller": ("import",)}
ORDINALS = {w: i for i, w in enumerate(["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"], 1)}


def rank_of(text: str, flow: str = "") -> Optional[int]:
    """The rank a sentence gives a flow's partner (only a rank whose noun fits the flow, when one is given)."""
    for pattern in (RANK_LIST, RANK):
        for m in pattern.finditer(text):
            if not _single(text, m):
                continue
            word = m.group("what").split()[0].lower()
            if word == "source" and "imports" in m.group("what").lower():
                word = "supplier"
            if flow and flow not in RANK_FLOWS.get(word, ()):
                continue
            ordinal = m.group("ord").lower()
            return ORDINALS.get(ordinal) or (1 if ordinal in ("top", "largest", "biggest", "main", "leading") else int(re.sub(r"\D", "", ordinal)))
    return None


# 'trade between Vietnam and Japan ranks fourth', 'came in second': a rank whose noun is the sentence's flow
RANK_BARE = re.compile(r"\b(?:ranks?|ranked|ranking|came|comes|stands?|stood)\s+(?:in\s+|at\s+)?(?:the\s+)?"
                       r"(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))\b", re.I)


def rank_statement(text: str) -> Optional[tuple[int, tuple[str, ...], int]]:
    """(rank, the flows it fits, where it is written) of a sentence that ranks a partner without a figure
    ('Thailand is Cambodia's fourth-largest trading partner after China'); flows () when the sentence's own
    trigger must say ('turnover between Vietnam and Japan ranks fourth')."""
    for pattern in (RANK_LIST, RANK, RANK_BARE):
        m = next((m for m in pattern.finditer(text) if _single(text, m)), None)
        if m is None:
            continue
        what = m.groupdict().get("what")
        word = what.split()[0].lower() if what else ""
        if word == "source" and "imports" in what.lower():
            word = "supplier"
        ordinal = m.group("ord").lower()
        rank = ORDINALS.get(ordinal) or (1 if ordinal in ("top", "largest", "biggest", "main", "leading") else int(re.sub(r"\D", "", ordinal)))
        return rank, RANK_FLOWS.get(word, ()), m.start()
    return None


def _single(text: str, m: re.Match) -> bool:
    """A rank of one partner: not 'one of the Kingdom's main export markets'."""
    plural = _plural(text, m)
    return not re.search(r"\bone\s+of\s+(?:the\s+)?(?:\w+['’]s?\s+)?$", text[max(0, m.start() - 40):m.start()], re.I) and not plural


def _plural(text: str, m: re.Match) -> bool:
    """'main export markets' (several partners) rather than 'main export market'; RANK_LIST's own nouns are plural."""
    what = m.groupdict().get("what") or ""
    return m.re is RANK and text[m.end():m.end() + 1].lower() == "s" and not what.lower().endswith("s")
