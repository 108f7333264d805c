"""Names of the items of a list of figures: the goods or the country each figure is given for.
'garments and textiles at roughly US$1.67 billion, machinery … with US$1.364 billion' (the name before the figure),
'27.4 million USD to buy rubber from Laos, 11.2 million USD on wood' (after it), '• Rubber products: 95.4 billion'."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Token

from pipeline.nlp.doc_index import text_of
from pipeline.records.figure_roles import change_words
from pipeline.values.money import currency_table

# Where a list's first name starts after its lead clause: 'items are …', 'including …', 'with cotton …'.
MARKER = re.compile(r"\b(?:including|includes?|included|of which|with|such as|like|led by|mainly|chiefly|notably|comprising|"
                    r"among them|among which|are|were|was|is|followed by|namely|topped by)\b|:", re.I)
AFTER_FIGURE = re.compile(r"^[\s,]*(?:worth\s+of\s+)?(?:on|for|to\s+buy|to\s+purchase|to\s+import|to\s+export|in"
                          r"|from(?:\s+(?:the\s+)?(?:exports?|sales?|shipments?)\s+of)?)\s+(?!\W*\d)", re.I)
GENERIC = frozenset("""item items product products good goods commodity commodities staple staples other others
country countries nation nations market markets value values total totals turnover figure figures share shares period periods
year years month months quarter quarters half halves week weeks day days rate rates growth increase decrease trade export exports import imports amount amounts worth lead
them it they this that these those which who whom part parts category categories group groups sector sectors line lines
field fields area areas kind kinds type types term terms list top bulk majority rest remainder number one ones
deficit deficits surplus surpluses balance rise rises hike hikes jump jumps drop drops fall falls decline declines gain gains
surge surges boost increase increases growth share turnover volume volumes sum level levels record performance result
results data figure report statistics variation variations amounting totalling totaling reaching standing crossing""".split())
JOINERS = frozenset({"and", "&", "or", ",", "-", "of", "from", "for", "/"})
BLOCK_ENTS = frozenset({"PERSON", "GPE", "LOC", "FAC", "DATE", "MONEY", "PERCENT", "CARDINAL", "TIME", "QUANTITY", "ORDINAL"})
MAX_NAME_TOKENS = 9


def _usable(tok: Token, codes: dict[int, str], stop: set[int]) -> bool:
    return (tok.i not in stop and tok.i not in codes and tok.is_alpha and not _currency_word(tok) and (tok.ent_type_ not in BLOCK_ENTS or _misread(tok))
            and (tok.pos_ in ("NOUN", "PROPN", "ADJ") or tok.tag_ == "VBN"))


def _currency_word(tok: Token) -> bool:
    """'EGP', 'baht', 'dollars': a currency is never goods."""
    return tok.lower_ in currency_table()


def _misread(tok: Token) -> bool:
    """A lower-case word the model calls a person or place ('frozen mackerel' as PERSON): goods all the same."""
    return tok.is_lower and tok.ent_type_ in ("PERSON", "GPE", "LOC", "FAC")


def _starts_name(tok: Token, codes: dict[int, str], stop: set[int]) -> bool:
    """A noun that is not a generic word, or a modifier whose noun follows ('fresh, frozen and dried foods')."""
    if not _usable(tok, codes, stop) or tok.lower_ in GENERIC or tok.lower_ in change_words():
        return False
    if tok.pos_ in ("NOUN", "PROPN"):
        return True
    for nxt in tok.doc[tok.i + 1:tok.i + 6]:
        if _usable(nxt, codes, stop) and nxt.pos_ in ("NOUN", "PROPN"):
            return True
        if not (_usable(nxt, codes, stop) or nxt.lower_ in JOINERS):
            return False
    return False


def _before_noun(tok: Token, codes: dict[int, str], stop: set[int]) -> bool:
    """A participle inside a name ('fresh, frozen and dried foods'), not a verb after it ('… products shipped')."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and (nxt.lower_ in JOINERS or (_usable(nxt, codes, stop) and nxt.pos_ in ("NOUN", "PROPN", "ADJ")))


def _extend(doc: Doc, first: Token, end_char: int, codes: dict[int, str], stop: set[int]) -> tuple[int, int]:
    """The name from `first` rightwards: nouns and modifiers joined by and/of/from/commas, never into a figure,
    a country or a verb."""
    last = first.i
    i = first.i + 1
    while i < len(doc) and doc[i].idx < end_char and i - first.i < MAX_NAME_TOKENS:
        tok = doc[i]
        if _usable(tok, codes, stop) and tok.tag_ != "VBN" or (tok.tag_ == "VBN" and _before_noun(tok, codes, stop)):
            last = i
        elif tok.lower_ in JOINERS or tok.text in ("-", "‐"):
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if nxt is None or nxt.idx >= end_char or not _usable(nxt, codes, stop):
                break
        else:
            break
        i += 1
    return first.i, last


def name_in(doc: Doc, start: int, end: int, codes: dict[int, str], stop: set[int], goods_only: bool = False,
            first_only: bool = False) -> Optional[tuple[str, str]]:
    """('goods', name) or ('country', code) of the first item named between two character offsets (`first_only`:
    the name must start at the first word)."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return None
    for n, tok in enumerate(span):
        if first_only and n > 0 and not (n == 1 and span[0].pos_ == "DET"):
            return None
        if tok.i in codes:
            if goods_only:
                return None
            return "country", codes[tok.i]
        if _starts_name(tok, codes, stop):
            a, b = _extend(doc, tok, end, codes, stop)
            words = doc[a:b + 1]
            if all(t.lower_ in GENERIC or t.pos_ in ("ADJ", "VERB") or t.tag_ == "VBN" for t in words):
                continue
            return "goods", words.text
    return None


def after_marker(text: str, start: int, end: int) -> int:
    """Where the first name of a list starts: after its last marker ('… items are', 'such as', 'with', ':')."""
    found = marker_ends(text, start, end)
    return found[0] if found else start


def marker_ends(text: str, start: int, end: int) -> list[int]:
    """The ends of a lead's markers, last first: 'items … are seafood with US$800 million' tries after 'with',
    then after 'are'."""
    return [m.end() for m in MARKER.finditer(text, start, end)][::-1]


def name_after(doc: Doc, start: int, end: int, codes: dict[int, str], stop: set[int]) -> Optional[tuple[str, str]]:
    """The name written after a figure: '… 11.2 million USD on wood and wood products'."""
    m = AFTER_FIGURE.match(text_of(doc)[start:end])
    return name_in(doc, start + m.end(), end, codes, stop) if m else None
