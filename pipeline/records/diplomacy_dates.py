"""When an event happened: a date in the event's own clause of the parse ('agreed Monday to upgrade', not the
'2015-2022 period' of a trade figure in another clause of the sentence), else the article's event day, else the
last date an earlier event of the article stated."""
from __future__ import annotations

import re
from datetime import timedelta
from typing import Optional

from spacy.tokens import Doc, Span, Token

from pipeline.nlp import extensions as ext
from pipeline.nlp.annotations import DateValue
from pipeline.nlp.doc_index import text_of
from pipeline.nlp.furniture import in_furniture
from pipeline.records.clauses import group
from pipeline.records.diplomacy_syntax import in_clause

EVENT_GRANULARITY = ("day", "week", "month", "year", "decade", "range")
SINCE = re.compile(r"\bsince\s+(?:the\s+)?$")

Dated = tuple[DateValue, Span]


def _usable(doc: Doc, span: Span) -> bool:
    """A resolved calendar date that is not in the future (an invitation for 'next year') nor a stretch ('since 2016')."""
    v, ref = span._.value, doc._.reference_date
    return bool(v and v.type == "date" and v.start and v.granularity in EVENT_GRANULARITY and not (ref and v.start > ref)
                and not SINCE.search(text_of(doc)[max(0, span.start_char - 12):span.start_char].lower()))


def event_date(doc: Doc, sent: Span, trigger: Optional[Token], default: Optional[Dated]) -> Optional[Dated]:
    """The date of a sentence's event: the first usable date in the event's clause, else `default`."""
    for span in group(doc, ext.DATES, sent):
        if _usable(doc, span) and in_clause(span, trigger):
            return span._.value, span
    return default


def main_event_date(doc: Doc) -> Optional[Dated]:
    """The article's main event day: its first relative day-level date ('on Saturday', 'April 23') in the body,
    else its first full date in the month before publication ('on Oct 17, 2023'); with no publication date, its
    first full day-level date ('Tuesday (23/8/2022)')."""
    days = [s for s in (doc.spans[ext.DATES] if ext.DATES in doc.spans else [])
            if s._.value and s._.value.type == "date" and s._.value.start and s._.value.granularity == "day"
            and not in_furniture(doc, s.start_char)]
    relative = [s for s in days if s._.value.relative]
    ref = doc._.reference_date
    recent = [s for s in days if ref and timedelta(0) <= ref - s._.value.start <= timedelta(days=31)]
    undated = [s for s in days if ref is None]
    chosen = (relative or recent or undated or [None])[0]
    return (chosen._.value, chosen) if chosen is not None else None
