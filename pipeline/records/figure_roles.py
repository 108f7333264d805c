"""What a figure in a trade sentence is: a flow's value, or a target, forecast, cost, comparison base or restated
equivalent (not a record); a percentage's role (growth with its sign and basis, or a share)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Span

from pipeline.nlp import extensions as ext
from pipeline.nlp.doc_index import text_of
from pipeline.nlp.resources import read_csv
from pipeline.values.numbers import alternation

TARGET_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,2}(?:target|goal|mark|threshold|milestone)s?\b", re.I)
FUTURE_YEAR_AFTER = re.compile(r"^\s*(?:by|in|before)\s+(?:the\s+end\s+of\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)
COMPARISON_BEFORE = re.compile(r"\b(?:from|(?<!more\s)(?<!less\s)(?<!fewer\s)(?<!rather\s)than|compared\s+(?:to|with)|against|versus|vs\.?)\s+(?:the\s+)?(?:(?:exports?|imports?|trade|figure|total|level|value|turnover)\s+of\s+)?(?:nearly\s+|about\s+|around\s+)?$", re.I)
SHARE_BEFORE = re.compile(r"\b(?:accounting for|accounted for|accounts for|account for|share of|making up|made up|makes up|"
                          r"represent(?:ing|ed|s)?|contribut(?:ing|ed|es)|constitut(?:ing|ed|es))\b[^.;]{0,25}$", re.I)
SHARE_AFTER = re.compile(r"^\s*(?:of\s+(?:the\s+)?(?:market|total|all|its|overall|financing|global|whole)|(?:of\s+the\s+)?market share"
                         r"|share|of\s+(?:\w+['’]s?\s+)?(?:total|overall)\b)", re.I)
BASIS = (("mom", re.compile(r"^\W{0,3}(?:\w+\s+){0,3}?(?:month[- ]on[- ]month|m-o-m|mom\b|from\s+(?:a|the)\s+(?:previous|prior|preceding)\s+month|"
                            r"(?:from|over|compared\s+(?:to|with))\s+(?:the\s+previous\s+month|last\s+month|(?:january|february|march|april|may|june|"
                            r"july|august|september|october|november|december)\b))", re.I)),
         ("qoq", re.compile(r"^\W{0,3}(?:\w+\s+){0,3}?(?:quarter[- ]on[- ]quarter|q-o-q|qoq\b|from\s+the\s+previous\s+quarter)", re.I)),
         ("yoy", re.compile(r"^\W{0,3}(?:\w+\s+){0,4}?(?:year[- ]on[- ]year|on[- ]year|y-o-y|yoy\b|year[- ]over[- ]year|annual(?:ly)?|"
                            r"from\s+a\s+year\s+(?:earlier|ago)|(?:compared\s+(?:to|with)|over|from|than|against)\s+(?:the\s+)?"
                            r"(?:same|corresponding|year-ago)|on\s+a\s+yearly\s+basis|(?:from|over|compared\s+(?:to|with))\s+(?:last\s+year|(?:19|20)\d\d))", re.I)))
BASIS_RANK = {"yoy": 0, "": 1, "qoq": 2, "mom": 3}


@lru_cache(maxsize=1)
def change_words() -> dict[str, int]:
    """Change words with their sign, each in its inflected forms ('surge' -> surges, surged, surging)."""
    out: dict[str, int] = {}
    for r in read_csv("lexicons/change_words.csv", ("word", "sign")):
        for form in inflections(r["word"]):
            out.setdefault(form, int(r["sign"]))
    return out


def inflections(word: str) -> set[str]:
    """A word with its -s, -ed and -ing forms (e dropped, a final consonant doubled); over-generation is harmless
    because the forms are only looked up."""
    stem = word[:-1] if word.endswith("e") else word
    forms = {word, word + "s", stem + "ed", stem + "ing"}
    if re.search(r"[^aeiou][aeiou][bdgmnprt]$", word):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    return forms


@lru_cache(maxsize=1)
def exclusion_regex() -> re.Pattern:
    """Words right before a money figure that make it a target, forecast, cost or company figure."""
    phrases = [r["phrase"] for r in read_csv("lexicons/record_exclusions.csv", ("phrase", "reason")) if r["reason"] != "intent"]
    return re.compile(rf"\b(?:{alternation(phrases)})\s+(?:(?:of|at|about|around|nearly|some|over|more than|the|a|an)\s+)*$", re.I)


@lru_cache(maxsize=1)
def intent_regex() -> re.Pattern:
    """A plan or aim earlier in the clause, then 'to' right before the figure: 'aims to lift exports ... to $40 billion'."""
    words = [r["phrase"] for r in read_csv("lexicons/record_exclusions.csv", ("phrase", "reason")) if r["reason"] == "intent"]
    return re.compile(rf"\b(?:{alternation(words)})\b[^.;:]*\b(?:to|exceed|reach|top|surpass|hit|cross)\s+"
                      r"(?:about\s+|around\s+|nearly\s+|over\s+|more than\s+|at least\s+)?$", re.I)


def excluded(doc: Doc, span: Span) -> bool:
    """A target, forecast, cost or company figure rather than a reported flow ('by 2025' after a later year, too)."""
    text = text_of(doc)
    if exclusion_regex().search(text[max(0, span.start_char - 40):span.start_char]) or TARGET_AFTER.match(text[span.end_char:span.end_char + 30]):
        return True
    clause_start = max(span.sent.start_char, span.start_char - 160)
    if intent_regex().search(text[clause_start:span.start_char]):
        return True
    later = FUTURE_YEAR_AFTER.match(text[span.end_char:span.end_char + 30])
    ref = doc._.reference_date
    return bool(later and ref and int(later.group("year")) > ref.year)


# 'a decrease of USD 1.4 billion', 'rose by $2 billion', 'Export exceeded import by USD 846.6 million': a difference
DIFFERENCE_BEFORE = re.compile(r"\b(?:(?:increase|decrease|rise|drop|fall|decline|growth|gain|jump|surge|reduction|surplus|deficit|balance)s?[\s—–(-]+of"
                               r"|(?:increased|decreased|rose|grew|fell|dropped|declined|jumped|surged|exceeded|outpaced|surpassed|outstripped)"
                               r"\s+(?:\w+\s+){0,2}?by)\s+(?:about\s+|around\s+|nearly\s+|some\s+|almost\s+)?$", re.I)


def comparison_base(doc: Doc, span: Span) -> bool:
    """'up 2.69 per cent from $132.74 million in November 2021': the earlier figure a change is measured from;
    'a decrease of USD 1.4 billion': the change itself."""
    before = text_of(doc)[max(0, span.start_char - 40):span.start_char]
    return bool(COMPARISON_BEFORE.search(before[-30:]) or DIFFERENCE_BEFORE.search(before))


RATE = re.compile(r"^\s*(?:=|equals?\b|to\s+the\s+(?:dollar|US\s+dollar)\b)", re.I)
BALANCE_AFTER = re.compile(r"^\s*(?:trade\s+)?(?:deficit|surplus|gap|imbalance|balance)s?\b", re.I)  # 'a US$ 107 million deficit


def usable_amount(doc: Doc, span: Span) -> bool:
    """A money figure that can be a record's value: not a restated equivalent, base, target, forecast, cost or
    exchange rate ('US$1=RM4.20')."""
    value = span._.value
    text = text_of(doc)
    if value is None or value.equivalent or RATE.match(text[span.end_char:span.end_char + 20]) or \
            BALANCE_AFTER.match(text[span.end_char:span.end_char + 20]) or \
            re.search(r"=\s*$", text[max(0, span.start_char - 3):span.start_char]):
        return False
    return not comparison_base(doc, span) and not excluded(doc, span)


def in_range(doc: Doc, span: Span) -> bool:
    """A percentage that bounds a range ('rates ranging from 0.4 to 1.5 percent'): neither growth nor share."""
    text = text_of(doc)
    before, after = text[max(0, span.start_char - 12):span.start_char], text[span.end_char:span.end_char + 8]
    if re.search(r"(?:\bfrom|\bbetween)\s+$", before, re.I) or re.search(r"\d\s*(?:-|–|to)\s*$", before):
        return True
    # '0.4 to 1.5 percent' bounds a range; '6.81 per cent and 23.95 per cent' is two figures ('between' is caught above)
    return bool(re.match(r"^\s*(?:-|–|to)\s*[\d.]+\s*(?:%|per\s?cent|percent)", text[span.end_char:span.end_char + 24], re.I))


def change_sign(before: str) -> Optional[int]:
    """Sign of the last change word in the text before a percentage ('rose by' -> +1, 'down' -> -1)."""
    words = re.findall(r"[a-z]+", before.lower())[-6:]
    signs = [change_words()[w] for w in words if w in change_words()]
    return signs[-1] if signs else None


def percent_role(doc: Doc, span: Span) -> tuple[str, int]:
    """('share', 1), ('change', sign) or ('', 0) for a percentage in a trade sentence; a percentage-point move
    is neither (it changes a share, not the flow)."""
    value = span._.value
    if value is None or value.unit == "percentage_point":
        return "", 0
    text = text_of(doc)
    before, after = text[max(0, span.start_char - 45):span.start_char], text[span.end_char:span.end_char + 30]
    named = CHANGE_OF.search(before)  # 'representing a year-on-year rise of 13%': the change, not a share
    if named and change_words().get(named.group(1).lower()):
        return "change", change_words()[named.group(1).lower()]
    if SHARE_BEFORE.search(before) or SHARE_AFTER.match(after):
        return "share", 1
    sign = change_after(after) or change_sign(before[-35:])
    if sign:
        return "change", sign
    prior = _coordinated_before(doc, span)  # '… 4.2 per cent from the previous month and 9.8 per cent from a year earlier'
    return percent_role(doc, prior) if prior is not None else ("", 0)


PCT_COORDINATION = re.compile(r"^[^\d%;.]{0,45}?\b(?:and|while|but)\s+(?:by\s+)?$|^\s*,\s*$", re.I)


def _coordinated_before(doc: Doc, span: Span) -> Optional[Span]:
    """The percentage a second one is coordinated with, in the same sentence."""
    text = text_of(doc)
    earlier = [p for p in doc.spans.get(ext.PERCENTAGES, []) if p.end_char <= span.start_char and p.sent == span.sent]
    if not earlier:
        return None
    prior = max(earlier, key=lambda p: p.end_char)
    return prior if PCT_COORDINATION.match(text[prior.end_char:span.start_char]) else None


CHANGE_OF = re.compile(r"\b([a-z]+)\s+(?:of|by)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|over\s+|more\s+than\s+)?$", re.I)
# 'a 15% increase', 'a 55.9% year-on-year rise', '20 percent higher': the change word right after the figure
CHANGE_AFTER = re.compile(r"^\s*(?:(?:year|month|quarter)[- ](?:on|over)[- ](?:year|month|quarter)\s+|y-o-y\s+|annual\s+|yearly\s+)?"
                          r"([a-z]+)\b", re.I)


def change_after(after: str) -> Optional[int]:
    """Sign of a change noun or comparative right after a percentage ('a 15% increase' -> +1)."""
    found = CHANGE_AFTER.match(after)
    word = found.group(1).lower() if found else ""
    return change_words().get(word) if word not in ("up", "down") else None


def change_value(span: Span, sign: int) -> float:
    """The signed growth: an explicit sign wins ('(-2.62%)'), else the verb's direction."""
    value = span._.value.value
    return value if value < 0 else sign * value


def basis(doc: Doc, span: Span) -> str:
    """What a growth figure compares with: yoy, mom, qoq or '' (not said)."""
    after = text_of(doc)[span.end_char:span.end_char + 60]
    return next((name for name, pattern in BASIS if pattern.match(after)), "")
