"""Stated equivalents: an amount restated in another currency right after it ('3.4 trillion kip ($433.8 million)',
'US$23 billion (RM101.2 billion)', '¥2.5 billion, or about $23 million') gives the dollar figure the article itself
states, so no exchange rate is needed, and the restatement is marked as one figure, not a second."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Optional

from pipeline.nlp.annotations import MoneyValue
from pipeline.values.fx import to_usd

Found = tuple[int, int, MoneyValue]
# What may stand between an amount and its restatement: an opening bracket or ', or', and a hedge word.
BETWEEN = re.compile(r"\s*(?:\(|\[|,?\s*or\b|,?\s*i\.e\.,?|/)\s*(?:about|approximately|approx\.?|around|roughly|some|nearly|almost|"
                     r"equivalent to|equal to|~|ca\.)?\s*$", re.I)
CLOSES = re.compile(r"^\s*(?:\)|\]|[,.;:]|$)")  # the restatement ends there (not 'USD1=RM4.40', a rate)


def _restates(text: str, first: Found, second: Found) -> bool:
    """Whether `second` restates `first` in another currency, right after it."""
    (_, end1, v1), (start2, end2, v2) = first, second
    gap = text[end1:start2]
    if v1.currency == v2.currency or len(gap) > 24 or not BETWEEN.fullmatch(gap):
        return False
    opened = "(" in gap or "[" in gap
    return bool(CLOSES.match(text[end2:end2 + 2])) if opened else True


def with_usd(found: list[Found], text: str, on: Optional[date]) -> list[Found]:
    """Each amount with its USD value: the stated equivalent when the article gives one, else converted at the
    rate of `on`; restatements are marked `equivalent`."""
    out = [(s, e, _converted(v, on)) for s, e, v in found]
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if first[2].equivalent or not _restates(text, first, second):
            continue
        dollars = first[2] if first[2].currency == "USD" else second[2] if second[2].currency == "USD" else None
        if dollars is not None:
            out[i] = first[:2] + (replace(first[2], value_usd=dollars.value, usd_source="stated"),)
            out[i + 1] = second[:2] + (replace(second[2], value_usd=dollars.value, usd_source="stated", equivalent=True),)
        else:
            out[i + 1] = second[:2] + (replace(second[2], equivalent=True),)
    return out


def _converted(value: MoneyValue, on: Optional[date]) -> MoneyValue:
    if value.currency == "USD":
        return replace(value, value_usd=value.value, usd_source="stated")
    usd = to_usd(value.value, value.currency, on)
    return replace(value, value_usd=usd, usd_source="converted" if usd is not None else "")
